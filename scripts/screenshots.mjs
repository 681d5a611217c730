// `npm run screenshots`: each step of the declaration form at 1280 and 375 px, into docs/images/ (after `npm run build`).
import { startDevServer } from '@web/dev-server';
import { chromium } from 'playwright-core';

const server = await startDevServer({ config: { rootDir: '.', port: 0, hostname: '127.0.0.1', nodeResolve: true }, readCliArgs: false, readFileConfig: false, logStartMessage: false });
const base = `http://127.0.0.1:${server.server.address().port}`;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

async function shoot(width) {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  const form = page.locator('pi-declaration-form');
  const shot = (name) => form.screenshot({ path: `docs/images/form-${name}-${width}.png` });
  const next = () => form.locator('button[type=submit]').click();
  await page.goto(`${base}/examples/declaration.html`);
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await form.locator('h2').waitFor();
  await shot('1-conditions');
  await form.locator('#f-conditionsAccepted').check();
  await next();
  await form.locator('#f-implementationDate').fill('31/02/2020');
  await form.locator('#f-title').fill('x'.repeat(101));
  await next();
  await shot('2-errors');
  await form.locator('#f-implementationDate').fill('21/12/2014');
  await form.locator('#f-entityName').fill('Association Grandir Ensemble 59');
  await form.locator('#f-title').fill('Groupes de parole pour parents d’adolescents');
  await form.locator('#f-description').fill('Des groupes de parole mensuels réunissent parents et professionnels autour des difficultés de l’adolescence.');
  await form.locator('#f-scale-departementale').check();
  await form.locator('#f-interventionTypes-accueil-de-jour').check();
  await form.locator('#f-themes-autre').check();
  await form.locator('#f-themeOther').fill('Parentalité');
  await form.locator('#f-audiences-adolescents').check();
  await form.locator('#f-relay-association').check();
  await shot('2-practice');
  await next();
  await form.locator('#f-location-departments-search').fill('nor');
  await form.locator('#f-location-departments-59').check();
  await shot('3-location');
  await next();
  await form.locator('#f-departmentAgreement-obtained').check();
  await form.locator('#f-departmentAgreement-representative').fill('Conseil départemental du Nord');
  await form.locator('#f-declarant-name').fill('Camille Martin');
  await form.locator('#f-declarant-email').fill('camille.martin@example.org');
  await form.locator('#f-declarant-accuracyCertified').check();
  await shot('4-contact');
  await next();
  await shot('5-summary');
  await next();
  await form.locator('.success h2').waitFor();
  await shot('6-confirmation');
  await page.close();
}

try {
  for (const width of [1280, 375]) await shoot(width);
} finally {
  await browser.close();
  await server.stop();
}
console.log('docs/images/form-*.png written');
