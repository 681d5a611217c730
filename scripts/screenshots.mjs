// `npm run screenshots`: each step of the declaration form, and the declarant's follow-up page, at 1280 and 375 px, into docs/images/ (after `npm run build`).
import { startScreenshots } from './screenshot-setup.mjs';

const { base, browser, close } = await startScreenshots();

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

/** The follow-up page reached through the secret link: a practice on which the committee asked for complements. */
async function shootFollowUp(width) {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  const form = page.locator('pi-declaration-form');
  const shot = (name) => form.screenshot({ path: `docs/images/declarant-${name}-${width}.png` });
  await page.goto(`${base}/examples/declaration.html`);
  // The committee's side, written to the page's own IndexedDB store as the review board would.
  const link = await page.evaluate(async () => {
    const { createBrowserStore } = await import('/dist/pratiques-inspirantes.min.js');
    const store = createBrowserStore('pratiques-inspirantes-demo');
    const p = await store.submit({
      conditionsAccepted: true, implementationDate: '21/12/2014', entityName: 'Association Grandir Ensemble 59',
      title: 'Groupes de parole pour parents d’adolescents',
      description: 'Des groupes de parole mensuels réunissent parents et professionnels autour des difficultés de l’adolescence.',
      scale: 'departementale', interventionTypes: ['accueil-de-jour'], themes: ['education'], audiences: ['adolescents'], relay: 'association',
      location: { regions: [], departments: ['59'] }, departmentAgreement: { obtained: true, representative: 'Conseil départemental du Nord' },
      declarant: { name: 'Camille Martin', email: 'camille.martin@example.org', accuracyCertified: true },
    }, { idempotencyKey: `screenshots-${Date.now()}` });
    const chair = { id: 'presidence', role: 'chair' };
    let v = await store.send(p.id, { type: 'START_REVIEW', actor: chair }, { expectedVersion: p.version });
    v = await store.send(p.id, { type: 'GIVE_OPINION', actor: { id: 'membre-1', role: 'reviewer' }, opinion: 'reserve', comment: 'Avis confidentiel' }, { expectedVersion: v.version });
    await store.send(p.id, { type: 'REQUEST_COMPLEMENTS', actor: chair, comment: 'Merci de préciser le public visé (âges) et le nombre de familles accompagnées chaque année.' }, { expectedVersion: v.version });
    return `${location.pathname}?pratique=${p.id}&jeton=${p.declarantToken}`;
  });
  await page.goto(`${base}${link}`);
  await form.locator('.state').waitFor();
  await shot('1-follow-up');
  await form.locator('.request button').click();
  await form.locator('#f-description').waitFor();
  await shot('2-complements');
  await form.locator('#f-description').fill('Des groupes de parole mensuels réunissent parents d’adolescents de 11 à 17 ans et professionnels ; une quarantaine de familles par an.');
  for (let i = 0; i < 3; i++) await form.locator('button[type=submit]').click();
  await form.locator('button[type=submit]').click();
  await form.locator('#notice').waitFor();
  await shot('3-sent');
  await form.locator('#erase-button').click();
  await shot('4-erase-confirmation');
  await page.close();
}

try {
  for (const width of [1280, 375]) await shoot(width);
  for (const width of [1280, 375]) await shootFollowUp(width);
} finally {
  await close();
}
console.log('docs/images/form-*.png and docs/images/declarant-*.png written');
