// `npm run screenshots`: the library, its map and a fiche at 1280 and 375 px, into docs/images/ (after `npm run build`).
import { startScreenshots } from './screenshot-setup.mjs';

const { base, browser, close } = await startScreenshots();

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
  await close();
}
console.log('docs/images/library-*.png written');
