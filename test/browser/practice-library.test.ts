// <pi-practice-library> used as a reader would, in Chromium, over the example data.
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import 'axe-core/axe.min.js';
import { definePracticeLibrary } from '../../widgets/practice-library/define.js';
import type { PiPracticeLibrary } from '../../widgets/practice-library/practice-library.js';
import { createMemoryStore } from '../../src/store/memory.js';
import { buildExamplePractices } from '../../examples/data/index.js';
import { createFeed } from '../../src/feed.js';
import type { PublicPractice } from '../../src/model.js';

definePracticeLibrary();

const practices = buildExamplePractices();
const exampleStore = () => createMemoryStore({ seed: practices });
const root = (el: PiPracticeLibrary) => el.shadowRoot!;
const q = <T extends Element = HTMLElement>(el: PiPracticeLibrary, s: string) => root(el).querySelector<T>(s) as T;
const all = <T extends Element = HTMLElement>(el: PiPracticeLibrary, s: string) => [...root(el).querySelectorAll<T>(s)];
const settle = async (el: PiPracticeLibrary, ms = 50) => {
  await new Promise((r) => setTimeout(r, ms));
  await el.updateComplete;
  await new Promise((r) => setTimeout(r, 0));
  await el.updateComplete;
};
const count = (el: PiPracticeLibrary) => q(el, '.count').textContent?.trim();

async function axeClean(el: PiPracticeLibrary, label: string) {
  const { violations } = await (window as unknown as { axe: { run(e: Element, o: object): Promise<{ violations: { id: string; help: string }[] }> } }).axe
    .run(el, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] });
  expect(violations.map((v) => `${v.id}: ${v.help}`), `axe at ${label}`).to.deep.equal([]);
}

async function mount(template = html`<pi-practice-library .store=${exampleStore()}></pi-practice-library>`) {
  const el = await fixture<PiPracticeLibrary>(template);
  await settle(el);
  return el;
}

async function typeQuery(el: PiPracticeLibrary, text: string) {
  const input = q<HTMLInputElement>(el, '#q');
  input.value = text;
  input.dispatchEvent(new Event('input'));
  await settle(el, 250);
}

describe('<pi-practice-library>', () => {
  beforeEach(() => history.replaceState(null, '', location.pathname));

  it('shows every published practice, featured first, with zero axe violations', async () => {
    const el = await mount();
    const store = exampleStore();
    const expected = await store.search({});
    expect(count(el)).to.equal(`${expected.total} pratiques trouvées.`);
    expect(all(el, '.card')).to.have.length(20);
    expect(all(el, '.card').slice(0, 3).every((c) => c.querySelector('.featured'))).to.equal(true);
    await axeClean(el, 'empty query');
  });

  it('searches as one types, accents and a typo forgiven, and marks the matched words', async () => {
    const el = await mount();
    await typeQuery(el, 'violances conjugal');
    const expected = await exampleStore().search({ text: 'violances conjugal' });
    expect(expected.total).to.be.greaterThan(0);
    expect(count(el)).to.equal(`${expected.total} pratique${expected.total > 1 ? 's' : ''} trouvée${expected.total > 1 ? 's' : ''}.`);
    const marks = all(el, '.card mark').map((m) => m.textContent!.toLowerCase());
    expect(marks).to.include('violences');
  });

  it('combines facets: counts and totals agree with the domain\'s search', async () => {
    const el = await mount();
    q<HTMLInputElement>(el, '#facet-themes-sante-mentale').click();
    await settle(el);
    q<HTMLInputElement>(el, '#facet-levels-onpe').click();
    await settle(el);
    const expected = await exampleStore().search({ themes: ['sante-mentale'], levels: ['onpe'] });
    expect(count(el)).to.contain(String(expected.total));
    for (const [code, n] of Object.entries(expected.facets.themes)) {
      const label = q(el, `label[for=facet-themes-${code}]`);
      if (n > 0) expect(label.textContent, code).to.match(new RegExp(`\\(${n}\\)$`));
    }
    expect(all(el, '.chip').map((c) => c.getAttribute('aria-label'))).to.deep.equal(['Retirer le filtre Santé mentale', 'Retirer le filtre Fiche dispositif ONPE']);
    await axeClean(el, 'filtered');
    all<HTMLButtonElement>(el, '.chip')[0]!.click();
    await settle(el);
    expect(count(el)).to.contain(String((await exampleStore().search({ levels: ['onpe'] })).total));
  });

  it('says plainly when nothing matches', async () => {
    const el = await mount();
    await typeQuery(el, 'zzzxqj');
    expect(count(el)).to.equal('Aucune pratique ne correspond. Retirez un filtre ou essayez d’autres mots.');
    await axeClean(el, 'no result');
  });

  it('opens a fiche, announces it, and goes back', async () => {
    const el = await mount();
    let opened: PublicPractice | undefined;
    el.addEventListener('pi-practice-open', (e) => { opened = e.detail.practice; });
    const link = q<HTMLAnchorElement>(el, '.card h3 a');
    const title = link.textContent;
    link.click();
    await settle(el);
    expect(q(el, '#fiche-title').textContent).to.equal(title);
    expect(opened?.declaration?.title ?? opened?.fiche?.title).to.equal(title);
    expect(JSON.stringify(opened)).not.to.contain('declarant');
    await axeClean(el, 'fiche');
    all<HTMLButtonElement>(el, '.fiche button')[0]!.click();
    await settle(el);
    expect(all(el, '.card')).to.have.length(20);
  });

  it('keeps its state in the URL: a pasted link restores fiche and filters, and the back button works', async () => {
    const store = exampleStore();
    const el = await mount(html`<pi-practice-library sync-url .store=${store}></pi-practice-library>`);
    q<HTMLInputElement>(el, '#facet-themes-education').click();
    await settle(el);
    expect(new URL(location.href).searchParams.get('themes')).to.equal('education');
    q<HTMLAnchorElement>(el, '.card h3 a').click();
    await settle(el);
    const url = location.href;
    const title = q(el, '#fiche-title').textContent;
    expect(new URL(url).searchParams.get('fiche')).to.be.a('string');

    el.remove(); // a new page, the same link
    const again = await mount(html`<pi-practice-library sync-url .store=${store}></pi-practice-library>`);
    expect(q(again, '#fiche-title').textContent).to.equal(title);
    history.back();
    await new Promise((r) => setTimeout(r, 100));
    await settle(again);
    expect(q(again, '#fiche-title')).to.equal(null);
    expect(all(again, '.chip').map((c) => c.textContent?.trim())).to.deep.equal(['Éducation ×']);
  });

  it('reads a JSON feed (src) and searches it in the browser', async () => {
    const store = exampleStore();
    const { items } = await store.search({ limit: 100 });
    const feed = `data:application/json,${encodeURIComponent(JSON.stringify(createFeed(items)))}`;
    const el = await mount(html`<pi-practice-library src=${feed}></pi-practice-library>`);
    await settle(el, 200);
    expect(count(el)).to.equal(`${items.length} pratiques trouvées.`);
    await typeQuery(el, 'parentalite');
    expect(count(el)).to.equal(`${(await store.search({ text: 'parentalite' })).total} pratiques trouvées.`.replace(/^1 pratiques trouvées/, '1 pratique trouvée'));
  });

  it('starts pre-filtered from attributes, as a portal embeds it', async () => {
    const sample = practices.find((p) => p.declaration?.themes.includes('violences-conjugales') && p.declaration.location.departments.length)!;
    const dep = sample.declaration!.location.departments[0]!;
    const el = await mount(html`<pi-practice-library themes="violences-conjugales" departments="${dep} 2A" .store=${exampleStore()}></pi-practice-library>`);
    const expected = await exampleStore().search({ themes: ['violences-conjugales'], departments: [dep, '2A'] });
    expect(expected.total).to.be.greaterThan(0);
    expect(count(el)).to.contain(String(expected.total));
    expect(all(el, '.chip')).to.have.length(3);
  });

  it('exports every result of the query as CSV, one row each', async () => {
    const el = await mount();
    q<HTMLInputElement>(el, '#facet-levels-declared').click();
    await settle(el);
    const blobs: Blob[] = [];
    const real = URL.createObjectURL;
    URL.createObjectURL = (b: Blob | MediaSource) => { blobs.push(b as Blob); return 'blob:test'; };
    try {
      all<HTMLButtonElement>(el, '.exports button')[0]!.click();
      await settle(el, 100);
    } finally {
      URL.createObjectURL = real;
    }
    const text = await blobs[0]!.text();
    const lines = text.replace(/^\uFEFF/, '').split('\r\n').filter(Boolean);
    const expected = await exampleStore().search({ levels: ['declared'] });
    expect(lines[0]).to.match(/^Référence;/);
    expect(lines.length - 1).to.equal(expected.total);
  });

  it('renders hostile text as inert text and keeps the layout', async () => {
    const hostile = practices.find((p) => p.level === 'declared')!;
    const word = 'x'.repeat(10000);
    const evil = structuredClone(hostile);
    evil.id = 'evil';
    evil.declaration!.title = '<img src=x onerror="window.__pwned=1"> Titre';
    evil.declaration!.description = `<script>window.__pwned=1</script> javascript:alert(1) ${word} مرحبا بالعالم`;
    const store = createMemoryStore({ seed: [evil] });
    const el = await fixture<PiPracticeLibrary>(html`<div style="width: 600px"><pi-practice-library .store=${store}></pi-practice-library></div>`);
    const lib = el.querySelector('pi-practice-library') as PiPracticeLibrary;
    await settle(lib);
    expect(root(lib).querySelectorAll('img, script')).to.have.length(0);
    expect(q(lib, '.card h3').textContent).to.contain('<img src=x');
    expect((window as unknown as { __pwned?: number }).__pwned).to.equal(undefined);
    expect(q(lib, '.card').getBoundingClientRect().width).to.be.at.most(600);
  });

  it('can be used with the keyboard: Tab reaches a facet, Space toggles it', async () => {
    const el = await mount();
    const group = all<HTMLElement>(el, '.facet summary').find((s) => s.textContent?.startsWith('Thématique'))!;
    for (let i = 0; i < 60 && root(el).activeElement !== group; i++) await sendKeys({ press: 'Tab' });
    expect(root(el).activeElement).to.equal(group);
    await sendKeys({ press: 'Enter' }); // opens the group
    const box = q<HTMLInputElement>(el, '#facet-themes-education');
    for (let i = 0; i < 10 && root(el).activeElement !== box; i++) await sendKeys({ press: 'Tab' });
    expect(root(el).activeElement).to.equal(box);
    await sendKeys({ press: 'Space' });
    await settle(el);
    expect(all(el, '.chip')).to.have.length(1);
  });
});

describe('<pi-practice-library> map', () => {
  beforeEach(() => history.replaceState(null, '', location.pathname));

  it('shades départements by count; a click filters by it; the table agrees', async () => {
    const el = await mount();
    const expected = await exampleStore().search({});
    const [code, n] = Object.entries(expected.facets.departments).sort((a, b) => b[1] - a[1])[0]!;
    const area = q(el, `.dep[data-code="${code}"]`);
    expect(area.getAttribute('aria-label')).to.match(new RegExp(`: ${n} pratique`));
    expect(all(el, '.map tbody tr')).to.have.length(Object.values(expected.facets.departments).filter((x) => x > 0).length);
    area.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    await settle(el);
    const filtered = await exampleStore().search({ departments: [code] });
    expect(count(el)).to.contain(String(filtered.total));
    expect(q(el, `.dep[data-code="${code}"]`).getAttribute('aria-pressed')).to.equal('true');
    await axeClean(el, 'map with a département chosen');
  });

  it('is one tab stop; arrows move between départements, Space filters', async () => {
    const el = await mount();
    const start = q(el, '.dep[tabindex="0"]');
    start.focus();
    expect(root(el).activeElement).to.equal(start);
    expect(all(el, '.dep[tabindex="0"]')).to.have.length(1);
    await sendKeys({ press: 'Home' });
    await settle(el);
    expect((root(el).activeElement as HTMLElement).dataset.code).to.equal('01');
    await sendKeys({ press: 'ArrowRight' });
    await settle(el);
    expect((root(el).activeElement as HTMLElement).dataset.code).to.equal('02');
    await sendKeys({ press: 'Space' });
    await settle(el);
    expect(all(el, '.chip').map((c) => c.textContent?.trim())).to.deep.equal(['02 — Aisne ×']);
  });

  it('shows the overseas départements as tiles and credits the map', async () => {
    const el = await mount();
    expect(all(el, '.dep rect').length).to.equal(5);
    expect(['971', '972', '973', '974', '976'].every((c) => q(el, `.dep[data-code="${c}"]`))).to.equal(true);
    expect(q(el, '.credit').textContent).to.contain('Creative Commons Attribution 4.0');
  });
});
