// `npm run screenshots`: the library, its map and a fiche at 1280 and 375 px, into docs/images/ (after `npm run build`).
import { startDevServer } from '@web/dev-server';
import { chromium } from 'playwright-core';

const server = await startDevServer({ config: { rootDir: '.', port: 0, hostname: '127.0.0.1', nodeResolve: true }, readCliArgs: false, readFileConfig: false, logStartMessage: false });
const base = `http://127.0.0.1:${server.server.address().port}`;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

try {
  for (const width of [1280, 375]) {
    const page = await browser.newPage({ viewport: { width, height: 1100 } });
    const lib = page.locator('pi-practice-library');
    await page.goto(`${base}/examples/library.html?themes=sante-mentale`);
    await lib.locator('.card').first().waitFor();
    await page.screenshot({ path: `docs/images/library-1-results-${width}.png` });
    await lib.locator('.map').screenshot({ path: `docs/images/library-2-map-${width}.png` });
    await lib.locator('.card h3 a').first().click();
    await lib.locator('#fiche-title').waitFor();
    await lib.locator('.fiche').screenshot({ path: `docs/images/library-3-fiche-${width}.png` });
    await page.close();
  }
} finally {
  await browser.close();
  await server.stop();
}
console.log('docs/images/library-*.png written');
