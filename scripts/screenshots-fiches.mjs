// The fiche editor at 1280 and 375 px into docs/images/ (after `npm run build`): a fiche written from a practice, its versions, a co-author's link.
import { startScreenshots } from './screenshot-setup.mjs';

const { base, browser, close } = await startScreenshots();

try {
  for (const width of [1280, 375]) {
    const page = await browser.newPage({ viewport: { width, height: 1000 } });
    const editor = page.locator('pi-fiche-editor');
    // The example fiche written from the declared practice of the Finistère.
    await page.goto(`${base}/examples/fiches.html?stockage=memoire&fiche=fiche-relais-parental-soiree`);
    await editor.locator('#f-title').waitFor();
    await page.evaluate(() => document.activeElement?.blur());
    await page.waitForTimeout(300);
    await page.screenshot({ path: `docs/images/fiches-1-editor-${width}.png` });
    // A new version, then a co-author's link: the history says who changed what.
    await editor.locator('#f-difficulties').fill('Le recrutement de techniciennes prêtes à travailler en soirée est difficile, surtout en zone rurale. Les familles les plus isolées n’ont personne pour le week-end de répit.');
    await editor.locator('#f-comment').fill('Difficultés resserrées après l’entretien de mars.');
    await editor.locator('form[part=form] button[type=submit]').click();
    await editor.locator('#notice').waitFor();
    await editor.locator('#f-invite-name').fill('Maëlle Kerouédan');
    await editor.locator('#f-invite-organisation').fill('Association Familles en Relais Finistère');
    await editor.locator('section[part=coauthors] form button').click();
    await editor.locator('#invitation-link').waitFor();
    await editor.locator('section[part=versions] details').first().evaluate((d) => { d.open = true; });
    await page.evaluate(() => document.activeElement?.blur());
    await page.waitForTimeout(300);
    await editor.locator('section[part=coauthors]').screenshot({ path: `docs/images/fiches-2-coauthors-${width}.png` });
    await editor.locator('section[part=versions]').screenshot({ path: `docs/images/fiches-3-versions-${width}.png` });
    await page.close();
  }
} finally {
  await close();
}
console.log('docs/images/fiches-*.png written');
