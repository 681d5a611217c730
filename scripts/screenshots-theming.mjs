// `npm run screenshots:theming`: the form's default look and the same form in a partner's colours (--pi-* and ::part),
// into docs/images/theming-*.png for docs/guides/personnaliser.md (after `npm run build`: it loads the CDN file).
import { readFileSync } from 'node:fs';
import { startScreenshots } from './screenshot-setup.mjs';

const { base, browser, close } = await startScreenshots({ nodeResolve: false });

// The partner's stylesheet is the one the guide shows, read from it, so the picture and the text cannot drift apart.
const guide = readFileSync('docs/guides/personnaliser.md', 'utf8');
const partnerCss = /<!-- partner-css -->\s*```css\n([\s\S]*?)```/.exec(guide)?.[1];
if (!partnerCss) throw new Error('docs/guides/personnaliser.md: the css block after <!-- partner-css --> is missing');

const page = (css) => `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Thème</title>
<style>body { margin: 0; padding: 16px; background: #fff; } ${css}</style>
<script type="module" src="/dist/cdn/pi-declaration-form.min.js"></script></head>
<body><pi-declaration-form draft-key="theming"></pi-declaration-form></body></html>`;

async function shoot(name, css) {
  const tab = await browser.newPage({ viewport: { width: 900, height: 1200 } });
  await tab.route(`${base}/__theming.html`, (route) => route.fulfill({ contentType: 'text/html', body: page(css) }));
  await tab.goto(`${base}/__theming.html`);
  const form = tab.locator('pi-declaration-form');
  await form.locator('h2').waitFor();
  await tab.evaluate(() => localStorage.clear());
  // The second step with one field wrong: buttons, inputs, choices, an error and the progress bar in one picture.
  await form.locator('#f-conditionsAccepted').check();
  await form.locator('button[type=submit]').click();
  await form.locator('#f-implementationDate').fill('21/12/2014');
  await form.locator('#f-entityName').fill('Association Grandir Ensemble 59');
  await form.locator('#f-title').fill('x'.repeat(101));
  await form.locator('#f-scale-departementale').check();
  await form.locator('button[type=submit]').click();
  await form.locator('#f-title').focus();
  await tab.evaluate(() => document.activeElement?.blur());
  await form.screenshot({ path: `docs/images/theming-${name}.png`, clip: undefined });
  await tab.close();
}

await shoot('default', '');
await shoot('partner', partnerCss);
await close();
console.log('docs/images/theming-default.png, docs/images/theming-partner.png');
