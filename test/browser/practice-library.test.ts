// <pi-practice-library> used as a reader would, in Chromium, over the example data.
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import 'axe-core/axe.min.js';
import { definePracticeLibrary } from '../../widgets/practice-library/define.js';
import type { PiPracticeLibrary } from '../../widgets/practice-library/practice-library.js';
import { createMemoryStore } from '../../src/store/memory.js';
import { buildExamplePractices, syntheticPractices } from '../../examples/data/index.js';
import { createFeed, createFeedReader, parseFeed } from '../../src/feed.js';
import type { PublicPractice } from '../../src/model.js';
import { searchPractices, type SearchQuery } from '../../src/search/search.js';

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
const count = (el: PiPracticeLibrary) => q(el, '.count')?.textContent?.trim();

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

/** Waits until `ok()` holds, checking every 10 ms, or fails after `ms`. */
async function until(ok: () => boolean, what: string, ms = 3000) {
  const end = performance.now() + ms;
  while (!ok()) {
    if (performance.now() > end) throw new Error(`still waiting: ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

const active = (el: PiPracticeLibrary) => root(el).activeElement as HTMLElement | null;
// Assertions compare names or booleans, never elements: in this runner a failed equality between
// DOM nodes hangs the test page (until the 120 s run timeout) instead of failing.
const nameOf = (e: Element | null | undefined) => (e ? `<${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''}${e.getAttribute('data-code') ? ` ${e.getAttribute('data-code')}` : ''}> "${(e.textContent ?? '').trim().slice(0, 40)}"` : 'nothing');
const expectFocus = (el: PiPracticeLibrary, target: Element | null | undefined, what: string) =>
  expect(!!target && active(el) === target, `${what}: focus is on ${nameOf(active(el))}, not on ${nameOf(target)}`).to.equal(true);
const has = (el: PiPracticeLibrary, selector: string) => !!q(el, selector);

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
    expect(has(again, '#fiche-title')).to.equal(false);
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
    expect(root(lib).querySelectorAll('img, script').length).to.equal(0);
    expect(q(lib, '.card h3').textContent).to.contain('<img src=x');
    expect((window as unknown as { __pwned?: number }).__pwned).to.equal(undefined);
    expect(q(lib, '.card').getBoundingClientRect().width).to.be.at.most(600);
  });

  it('can be used with the keyboard: Tab reaches a facet, Space toggles it', async () => {
    const el = await mount();
    const group = all<HTMLElement>(el, '.facet summary').find((s) => s.textContent?.startsWith('Thématique'))!;
    for (let i = 0; i < 60 && root(el).activeElement !== group; i++) await sendKeys({ press: 'Tab' });
    expectFocus(el, group, 'Tab reaches the theme group');
    await sendKeys({ press: 'Enter' }); // opens the group
    const box = q<HTMLInputElement>(el, '#facet-themes-education');
    for (let i = 0; i < 10 && root(el).activeElement !== box; i++) await sendKeys({ press: 'Tab' });
    expectFocus(el, box, 'Tab reaches a checkbox of the group');
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
    expectFocus(el, start, 'the map\'s tab stop takes the focus');
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

// -------------------------------------------------------------------------------------------------
// Keyboard only
// -------------------------------------------------------------------------------------------------

describe('<pi-practice-library> with the keyboard only', () => {
  beforeEach(() => history.replaceState(null, '', location.pathname));

  it('Tab reaches a card\'s link, Enter opens the fiche on its title, the back button returns to that link', async () => {
    const el = await mount();
    q<HTMLInputElement>(el, '#q').focus();
    const links = () => all<HTMLAnchorElement>(el, '.card h3 a');
    for (let i = 0; i < 40 && !links().includes(active(el) as HTMLAnchorElement); i++) await sendKeys({ press: 'Tab' });
    expectFocus(el, links()[0], 'Tab reaches the first card');
    await sendKeys({ press: 'Tab' }); // to the second card
    expectFocus(el, links()[1], 'Tab goes on to the second card');
    const title = active(el)?.textContent;
    await sendKeys({ press: 'Enter' });
    await settle(el);
    expect(q(el, '#fiche-title').textContent).to.equal(title);
    expectFocus(el, q(el, '#fiche-title'), 'the fiche opens on its title');
    await sendKeys({ press: 'Shift+Tab' });
    expect(active(el)?.textContent).to.contain('Retour aux résultats');
    await sendKeys({ press: 'Enter' });
    await settle(el);
    expect(has(el, '#fiche-title')).to.equal(false);
    expectFocus(el, links()[1], 'back on the link that opened the fiche');
    expect(active(el)?.textContent).to.equal(title);
    await sendKeys({ press: 'Tab' });
    expectFocus(el, links()[2], 'Tab goes on from there');
  });

  it('with sync-url, the browser\'s back button from a fiche opened by keyboard returns the focus to its link', async () => {
    const el = await mount(html`<pi-practice-library sync-url .store=${exampleStore()}></pi-practice-library>`);
    const link = all<HTMLAnchorElement>(el, '.card h3 a')[3]!;
    link.focus();
    await sendKeys({ press: 'Enter' });
    await settle(el);
    expectFocus(el, q(el, '#fiche-title'), 'the fiche opens on its title');
    history.back();
    await until(() => !has(el, '#fiche-title'), 'the results again');
    await settle(el);
    expectFocus(el, all(el, '.card h3 a')[3], 'back on the link that opened the fiche');
    history.forward();
    await until(() => has(el, '#fiche-title'), 'the fiche again');
    await settle(el);
    expectFocus(el, q(el, '#fiche-title'), 'forward: on the fiche\'s title');
  });

  it('Tab enters the map at one stop and leaves it at the next; Shift+Tab comes back to the département last reached', async () => {
    const el = await mount();
    q<HTMLInputElement>(el, '#q').focus();
    const onMap = () => active(el)?.classList.contains('dep') ?? false;
    let presses = 0;
    for (; presses < 30 && !onMap(); presses++) await sendKeys({ press: 'Tab' });
    expect(onMap(), 'Tab reaches the map').to.equal(true);
    expect(presses).to.be.below(20); // collapsed facets: the map is not behind a hundred checkboxes
    expect(active(el)!.dataset.code).to.equal('75');
    await sendKeys({ press: 'ArrowRight' });
    await settle(el);
    expect(active(el)!.dataset.code).to.equal('76');
    expect(all(el, '.dep[tabindex="0"]').map((d) => d.dataset.code)).to.deep.equal(['76']);
    await sendKeys({ press: 'Tab' }); // out: the next stop is the table of counts, not another département
    expect(onMap()).to.equal(false);
    expectFocus(el, q(el, '.map details summary'), 'the stop after the map');
    await sendKeys({ press: 'Shift+Tab' });
    expect(active(el)!.dataset.code).to.equal('76');
    await sendKeys({ press: 'Shift+Tab' }); // out backwards: the control before the map
    expect(onMap()).to.equal(false);
    await sendKeys({ press: 'Tab' });
    expect(active(el)!.dataset.code).to.equal('76');
    await sendKeys({ press: 'Enter' });
    await settle(el);
    expect(all(el, '.chip').map((c) => c.textContent?.trim())).to.deep.equal(['76 — Seine-Maritime ×']);
    expect(active(el)!.dataset.code, 'the focus stays on the map after filtering').to.equal('76');
  });
});

// -------------------------------------------------------------------------------------------------
// axe on every state, at a phone's width
// -------------------------------------------------------------------------------------------------

describe('<pi-practice-library> at 375 px', () => {
  before(() => setViewport({ width: 375, height: 800 }));
  after(() => setViewport({ width: 800, height: 600 }));
  beforeEach(() => history.replaceState(null, '', location.pathname));

  /** Nothing wider than the screen: no horizontal scrolling of the page. */
  const fits = (el: PiPracticeLibrary, label: string) => {
    expect(el.getBoundingClientRect().right, `width at ${label}`).to.be.at.most(375);
    expect(document.documentElement.scrollWidth, `page width at ${label}`).to.be.at.most(375);
  };

  it('has zero axe violations on the empty, filtered, no-result, map and fiche states, and fits the screen', async () => {
    const el = await mount();
    await axeClean(el, 'empty at 375 px');
    fits(el, 'empty');
    q<HTMLElement>(el, '.facet summary').click(); // a group opened, as a reader on a phone would
    q<HTMLInputElement>(el, '#facet-themes-education').click();
    await settle(el);
    expect(all(el, '.chip')).to.have.length(1);
    await axeClean(el, 'filtered at 375 px');
    fits(el, 'filtered');
    const dep = Object.keys((await exampleStore().search({ themes: ['education'] })).facets.departments)[0]!;
    q(el, `.dep[data-code="${dep}"]`).dispatchEvent(new MouseEvent('click', { bubbles: true }));
    await settle(el);
    q<HTMLElement>(el, '.map summary').click(); // the table of counts, open
    await settle(el);
    await axeClean(el, 'map with a département chosen and its table open at 375 px');
    fits(el, 'map');
    await typeQuery(el, 'zzzxqj');
    expect(count(el)).to.contain('Aucune pratique');
    await axeClean(el, 'no result at 375 px');
    fits(el, 'no result');
    q<HTMLButtonElement>(el, '.chips .link').click(); // "Tout effacer"
    await settle(el);
    q<HTMLAnchorElement>(el, '.card h3 a').click();
    await settle(el);
    expect(has(el, '#fiche-title')).to.equal(true);
    await axeClean(el, 'fiche at 375 px');
    fits(el, 'fiche');
  });

  it('has zero axe violations on an ONPE fiche and on the loading and error states', async () => {
    const onpe = practices.find((p) => p.level === 'onpe')!;
    const el = await mount();
    history.replaceState(null, '', `${location.pathname}?fiche=${onpe.id}`);
    el.remove();
    const again = await mount(html`<pi-practice-library sync-url .store=${exampleStore()}></pi-practice-library>`);
    expect(q(again, '#fiche-title').textContent).to.equal(onpe.fiche!.title);
    await axeClean(again, 'ONPE fiche at 375 px');
    fits(again, 'ONPE fiche');
    history.replaceState(null, '', location.pathname);

    const feed = held(feedText(syntheticPractices(120, 3)), 0.4);
    const restore = stubFetch({ '/held.json': () => feed.response() });
    try {
      const loading = await fixture<PiPracticeLibrary>(html`<pi-practice-library src="/held.json"></pi-practice-library>`);
      await until(() => all(loading, '.card').length === 20, 'a first page');
      await axeClean(loading, 'first page while the feed arrives, at 375 px');
      fits(loading, 'first page while loading');
      feed.fail();
      await until(() => !!q(loading, '.alert'), 'the error state');
      await axeClean(loading, 'error at 375 px');
    } finally {
      restore();
    }
  });
});

// -------------------------------------------------------------------------------------------------
// A large `src` feed: the first page before the whole feed
// -------------------------------------------------------------------------------------------------

const encoder = new TextEncoder();
const GENERATED = '2026-01-01T00:00:00.000Z';
const feedText = (items: PublicPractice[], order: 'library' | 'given' = 'library') => JSON.stringify(createFeed(items, GENERATED, { order }));

/**
 * A response whose body holds back its end: the first `share` of the bytes (cut anywhere, even
 * inside a UTF-8 sequence) is sent at once, the rest on `release()`; `fail()` breaks the connection.
 */
function held(text: string, share: number) {
  const bytes = encoder.encode(text);
  const cut = Math.floor(bytes.length * share);
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  let requests = 0;
  return {
    get requests() {
      return requests;
    },
    response() {
      requests++;
      const body = new ReadableStream<Uint8Array>({
        start(c) {
          controller = c;
          c.enqueue(bytes.slice(0, cut));
        },
      });
      return new Response(body, { headers: { 'content-type': 'application/json' } });
    },
    release(rest: Uint8Array = bytes.slice(cut)) {
      controller.enqueue(rest);
      controller.close();
    },
    fail() {
      controller.error(new TypeError('connexion interrompue'));
    },
  };
}

/** Routes the element's fetch of a URL ending with a key to a stubbed response; returns the restore function. */
function stubFetch(routes: Record<string, () => Response>) {
  const real = window.fetch;
  window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
    const url = input instanceof Request ? input.url : String(input);
    const key = Object.keys(routes).find((k) => url.endsWith(k));
    return key ? Promise.resolve(routes[key]!()) : real(input, init);
  };
  return () => {
    window.fetch = real;
  };
}

const titles = (items: readonly PublicPractice[]) => items.map((p) => (p.declaration ?? p.fiche)!.title);
const cardTitles = (el: PiPracticeLibrary) => all(el, '.card h3').map((h) => h.textContent);
const firstPage = (items: PublicPractice[], query: SearchQuery = {}) => titles(searchPractices(items, { limit: 20, ...query }).items);

describe('<pi-practice-library src> while the feed arrives', () => {
  let restore: (() => void) | undefined;
  afterEach(() => {
    restore?.();
    restore = undefined;
  });

  it('shows the first page before the feed has fully arrived, announced as partial, then the counts and facets', async () => {
    const items = syntheticPractices(300, 5);
    const feed = held(feedText(items), 0.3);
    restore = stubFetch({ '/feed.json': () => feed.response() });
    const el = await fixture<PiPracticeLibrary>(html`<pi-practice-library src="/api/feed.json"></pi-practice-library>`);
    await until(() => all(el, '.card').length === 20, 'a first page with 70 % of the feed still to come');
    expect(cardTitles(el)).to.deep.equal(firstPage(items));
    expect(count(el)).to.equal('Premiers résultats ; les autres pratiques sont en cours de chargement…');
    expect(q(el, '.results').getAttribute('aria-busy')).to.equal('true');
    expect(q(el, '.facets').textContent).to.contain('Les filtres et leurs nombres s’afficheront');
    expect(all(el, '.facets input[type=checkbox]')).to.have.length(0);
    expect(has(el, '.map') || has(el, '.pager') || has(el, '.exports'), 'no map, pager or export yet').to.equal(false);

    feed.release();
    await until(() => count(el) === '300 pratiques trouvées.', 'the whole feed');
    expect(q(el, '.results').getAttribute('aria-busy')).to.equal('false');
    expect(cardTitles(el)).to.deep.equal(firstPage(items));
    const expected = searchPractices(items, {});
    expect(q(el, 'label[for=facet-levels-onpe]').textContent).to.contain(`(${expected.facets.levels.onpe})`);
    expect(has(el, '.map')).to.equal(true);
    await typeQuery(el, 'parentalite');
    expect(count(el)).to.contain(String(searchPractices(items, { text: 'parentalite' }).total));
  });

  it('with preset filters, the early page is the filtered one', async () => {
    const items = syntheticPractices(400, 6);
    const feed = held(feedText(items), 0.5);
    restore = stubFetch({ '/feed.json': () => feed.response() });
    const el = await fixture<PiPracticeLibrary>(html`<pi-practice-library src="/feed.json" themes="education" page-size="10"></pi-practice-library>`);
    await until(() => all(el, '.card').length === 10, 'a filtered first page');
    expect(cardTitles(el)).to.deep.equal(firstPage(items, { themes: ['education'], limit: 10 }));
    feed.release();
    await until(() => count(el)?.endsWith('trouvées.') ?? false, 'the whole feed');
    expect(count(el)).to.equal(`${searchPractices(items, { themes: ['education'] }).total} pratiques trouvées.`);
  });

  it('shows nothing early from a feed that is not in the library\'s order, then the right first page', async () => {
    const items = syntheticPractices(300, 5); // generated in id order, not featured-first
    const feed = held(feedText(items, 'given'), 0.6);
    restore = stubFetch({ '/feed.json': () => feed.response() });
    const el = await fixture<PiPracticeLibrary>(html`<pi-practice-library src="/feed.json"></pi-practice-library>`);
    await new Promise((r) => setTimeout(r, 300));
    expect(all(el, '.card')).to.have.length(0);
    expect(q(el, '.status').textContent).to.equal('Chargement des pratiques…');
    feed.release();
    await until(() => count(el) === '300 pratiques trouvées.', 'the whole feed');
    expect(cardTitles(el)).to.deep.equal(firstPage(items));
  });

  it('corrects the early page when a practice that comes first arrives late', async () => {
    const items = syntheticPractices(300, 5);
    const ordered = createFeed(items, GENERATED, { order: 'library' }).items;
    const late = [...ordered.slice(1), ordered[0]!]; // in order, but for the top practice, sent last
    const feed = held(JSON.stringify({ ...createFeed([], GENERATED), items: late }), 0.3);
    restore = stubFetch({ '/feed.json': () => feed.response() });
    const el = await fixture<PiPracticeLibrary>(html`<pi-practice-library src="/feed.json"></pi-practice-library>`);
    await until(() => all(el, '.card').length === 20, 'an early page');
    expect(cardTitles(el)).to.deep.equal(titles(ordered.slice(1, 21)));
    feed.release();
    await until(() => count(el) === '300 pratiques trouvées.', 'the whole feed');
    expect(cardTitles(el)).to.deep.equal(firstPage(items));
    expect(cardTitles(el)[0]).to.equal(titles([ordered[0]!])[0]);
  });

  it('a feed that breaks after its first page ends in the French error state, and "Réessayer" loads it again', async () => {
    const items = syntheticPractices(200, 8);
    const text = feedText(items);
    const feed = held(text, 0.4);
    let attempt = 0;
    restore = stubFetch({
      '/feed.json': () => (++attempt === 1 ? feed.response() : new Response(text, { headers: { 'content-type': 'application/json' } })),
    });
    const el = await fixture<PiPracticeLibrary>(html`<pi-practice-library src="/feed.json"></pi-practice-library>`);
    await until(() => all(el, '.card').length === 20, 'an early page');
    feed.release(encoder.encode('{"id": <script>}]}'));
    await until(() => !!q(el, '.alert'), 'the error state');
    expect(q(el, '.alert').getAttribute('role')).to.equal('alert');
    expect(q(el, '.alert p').textContent).to.equal('Les pratiques n’ont pas pu être chargées.');
    expect(all(el, '.card')).to.have.length(0);
    q<HTMLButtonElement>(el, '.alert button').click();
    await until(() => count(el) === '200 pratiques trouvées.', 'the feed, loaded again');
    expect(attempt).to.equal(2);
    expect(cardTitles(el)).to.deep.equal(firstPage(items));
  });

  it('fails with the same error state on a garbled or hostile document, and on an HTTP error', async () => {
    const good = feedText(syntheticPractices(30, 2));
    const bodies: Record<string, () => Response> = {
      '/not-json.json': () => new Response('<html>Erreur</html>'),
      '/other-format.json': () => new Response(JSON.stringify({ format: 'autre/2', items: [] })),
      '/cut.json': () => new Response(good.slice(0, good.length - 200)),
      '/two-lists.json': () => new Response(good.replace(/}$/, ',"items":[]}')),
      '/trailing-comma.json': () => new Response(good.replace(/]}$/, ',]}')),
      '/missing.json': () => new Response('introuvable', { status: 404 }),
    };
    restore = stubFetch(bodies);
    for (const url of Object.keys(bodies)) {
      const el = await fixture<PiPracticeLibrary>(html`<pi-practice-library src=${url}></pi-practice-library>`);
      await until(() => !!q(el, '.alert'), `the error state for ${url}`);
      expect(q(el, '.alert p').textContent, url).to.equal('Les pratiques n’ont pas pu être chargées.');
      expect(all(el, '.card'), url).to.have.length(0);
    }
  });

  it('stops reading a feed when its src changes, and shows the new one', async () => {
    const first = held(feedText(syntheticPractices(200, 9)), 0.3);
    const second = syntheticPractices(50, 10);
    restore = stubFetch({ '/a.json': () => first.response(), '/b.json': () => new Response(feedText(second)) });
    const el = await fixture<PiPracticeLibrary>(html`<pi-practice-library src="/a.json"></pi-practice-library>`);
    await until(() => all(el, '.card').length === 20, 'the first feed\'s early page');
    el.src = '/b.json';
    await until(() => count(el) === '50 pratiques trouvées.', 'the second feed');
    expect(cardTitles(el)).to.deep.equal(firstPage(second));
    first.release();
    await settle(el, 100);
    expect(count(el)).to.equal('50 pratiques trouvées.');
  });
});

describe('feed reader (createFeedReader)', () => {
  const sample = () => {
    const items: unknown[] = syntheticPractices(6, 4);
    (items[2] as PublicPractice).declaration!.description = 'Guillemets " et \\ barre, accolades },{ et ], crochets [ ; emoji 👨‍👩‍👧 ; عربى';
    items.splice(3, 0, { id: 'incomplet' }, 42, null);
    return items;
  };

  it('gives what parseFeed gives, however the text is split, compact or indented', () => {
    for (const indent of [0, 2]) {
      const text = JSON.stringify({ ...createFeed([], GENERATED), items: sample() }, null, indent);
      const expected = parseFeed(JSON.parse(text));
      expect(expected.skipped).to.equal(3);
      for (let cut = 0; cut <= text.length; cut += 7) {
        for (const max of [1, undefined]) {
          const reader = createFeedReader();
          const seen: PublicPractice[] = [];
          reader.write(text.slice(0, cut));
          for (let got; (got = reader.read(max)).length;) seen.push(...got);
          reader.write(text.slice(cut));
          for (let got; (got = reader.read(max)).length;) seen.push(...got);
          const result = reader.end();
          expect(result, `cut at ${cut}`).to.deep.equal(expected);
          expect(seen).to.deep.equal(expected.feed.items);
        }
      }
    }
  });

  it('knows the header as soon as items begin, when it comes first', () => {
    const reader = createFeedReader();
    const text = feedText(syntheticPractices(3, 1));
    reader.write(text.slice(0, text.indexOf('[') - 1));
    expect(reader.header).to.equal(undefined);
    reader.write(text.slice(text.indexOf('[') - 1, text.indexOf('[') + 10));
    reader.read();
    expect(reader.header).to.deep.equal({ format: 'pratiques-inspirantes/1', taxonomyVersion: createFeed([]).taxonomyVersion, generatedAt: GENERATED });
    const other = createFeedReader();
    other.write('{"items":[');
    other.read();
    expect(other.header).to.equal(undefined);
  });

  it('refuses what JSON.parse and parseFeed refuse', () => {
    const good = feedText(syntheticPractices(3, 1));
    const bad = [
      '', '<html>', '[]', '{"format":"pratiques-inspirantes/1"}', '{"format":"autre","items":[]}',
      good.slice(0, -1), good.slice(0, -2), `${good}x`, good.replace('},{', '},,{'), good.replace('},{', '}{'), good.replace(/]}$/, ',]}'),
      good.replace('"items":[', '"items":[,'), good.replace('},{', '}},{'), good.replace('"level"', 'level'),
      good.replace(/}$/, ',"items":[]}'), // two lists: JSON.parse would keep the last one, the reader refuses
    ];
    for (const text of bad) {
      const reader = createFeedReader();
      expect(() => {
        reader.write(text);
        while (reader.read().length);
        reader.end();
      }, text.slice(0, 60)).to.throw();
    }
  });

  it('createFeed({ order: "library" }) writes the items in the order of the search with an empty query', () => {
    const items = syntheticPractices(500, 11);
    // Ties on publishedAt too, so that the id decides.
    for (const p of items.slice(0, 40)) p.publishedAt = '2025-05-05T00:00:00.000Z';
    const written = createFeed(items, GENERATED, { order: 'library' }).items;
    const searched: PublicPractice[] = [];
    for (let offset = 0; offset < items.length; offset += 100) searched.push(...searchPractices(items, { offset, limit: 100 }).items);
    expect(written.map((p) => p.id)).to.deep.equal(searched.map((p) => p.id));
    expect(createFeed(items, GENERATED).items.map((p) => p.id)).to.deep.equal(items.map((p) => p.id));
  });
});

describe('<pi-practice-library> highlights and fiche links', () => {
  beforeEach(() => history.replaceState(null, '', location.pathname));

  it('view="valorisees" shows the committee’s featured practices only, each with its motivation', async () => {
    const el = await mount(html`<pi-practice-library view="valorisees" .store=${exampleStore()}></pi-practice-library>`);
    const featured = practices.filter((p) => p.review.featured);
    expect(q(el, '.highlights-title').textContent).to.equal('Pratiques valorisées');
    expect(count(el)).to.equal(`${featured.length} pratiques trouvées.`);
    const cards = all(el, '.card');
    expect(cards.length).to.equal(featured.length);
    for (const card of cards) {
      const id = card.querySelector('a')!.getAttribute('data-id');
      const motivation = [...practices.find((p) => p.id === id)!.review.history].reverse().find((h) => h.type === 'FEATURE')!.comment!;
      expect(card.querySelector('.motivation')?.textContent).to.contain(motivation);
    }
    await axeClean(el, 'highlights');
  });

  it('a fiche written from a declared practice links to it, and the practice links back to its fiche', async () => {
    const el = await mount();
    await typeQuery(el, 'relais parental soirée');
    const fiche = practices.find((p) => p.id === 'fiche-relais-parental-soiree')!;
    const source = practices.find((p) => p.id === 'ex-relais-parental-finistere')!;
    q<HTMLAnchorElement>(el, `.card a[data-id="${fiche.id}"]`).click();
    await settle(el);
    expect(q(el, '#fiche-title').textContent).to.equal(fiche.fiche!.title);
    const toPractice = q<HTMLAnchorElement>(el, '.links a');
    expect(toPractice.textContent).to.equal(source.declaration!.title);
    expect(q(el, '.links').getAttribute('aria-label')).to.equal('Fiche rédigée à partir de la pratique déclarée');
    await axeClean(el, 'fiche with its link');
    toPractice.click();
    await settle(el);
    expect(q(el, '#fiche-title').textContent).to.equal(source.declaration!.title);
    const toFiche = q<HTMLAnchorElement>(el, '.links a');
    expect(toFiche.textContent).to.equal(fiche.fiche!.title);
    expect(q(el, '.links').getAttribute('aria-label')).to.equal('Fiche dispositif de l’observatoire tirée de cette pratique');
  });
});

describe('<pi-practice-library> collection campaigns', () => {
  beforeEach(() => history.replaceState(null, '', location.pathname));
  // Three declared practices received through the Nord's campaign, two through a network's; the others through none.
  const NORD = { id: 'c_nord', name: 'Appel à pratiques du Nord' };
  const RESEAU = { id: 'c_reseau', name: 'Réseau des maisons des adolescents' };
  const declared = practices.filter((p) => p.level === 'declared');
  const withCampaigns = practices.map((p) => {
    const at = declared.indexOf(p);
    const campaign = at >= 0 && at < 3 ? NORD : at >= 3 && at < 5 ? RESEAU : undefined;
    return campaign ? { ...p, source: { ...p.source, campaign } } : p;
  });
  const campaignStore = () => createMemoryStore({ seed: withCampaigns });
  const summaries = (el: PiPracticeLibrary) => all(el, '.facet summary').map((s) => s.textContent?.trim());

  async function exported(el: PiPracticeLibrary, which: 0 | 1): Promise<string> {
    const blobs: Blob[] = [];
    const real = URL.createObjectURL;
    URL.createObjectURL = (b: Blob | MediaSource) => { blobs.push(b as Blob); return 'blob:test'; };
    try {
      all<HTMLButtonElement>(el, '.exports button')[which]!.click();
      await settle(el, 100);
    } finally {
      URL.createObjectURL = real;
    }
    return blobs[0]!.text();
  }

  it('has no campaign group when no result came through a campaign', async () => {
    const el = await mount();
    expect(summaries(el).length).to.be.greaterThan(3);
    expect(summaries(el).some((s) => s?.startsWith('Campagne de collecte'))).to.equal(false);
  });

  it('shows the campaigns by name with their counts, filters by one, and exports what it shows (CSV and JSON)', async () => {
    const el = await mount(html`<pi-practice-library sync-url .store=${campaignStore()}></pi-practice-library>`);
    expect(summaries(el)).to.include('Campagne de collecte');
    expect(q(el, `label[for=facet-campaigns-${NORD.id}]`).textContent?.trim()).to.equal(`${NORD.name} (3)`);
    expect(q(el, `label[for=facet-campaigns-${RESEAU.id}]`).textContent?.trim()).to.equal(`${RESEAU.name} (2)`);
    await axeClean(el, 'campaign facet');

    q<HTMLInputElement>(el, `#facet-campaigns-${NORD.id}`).click();
    await settle(el);
    const expected = await campaignStore().search({ campaigns: [NORD.id], limit: 100 });
    expect(expected.total).to.equal(3);
    expect(count(el)).to.equal('3 pratiques trouvées.');
    expect(all(el, '.card h3 a').map((a) => a.dataset.id).sort()).to.deep.equal(expected.items.map((p) => p.id).sort());
    expect(all(el, '.chip').map((c) => c.getAttribute('aria-label'))).to.deep.equal([`Retirer le filtre ${NORD.name}`]);
    // Its own counts ignore it: the other campaign stays to be added.
    expect(q(el, `label[for=facet-campaigns-${RESEAU.id}]`).textContent?.trim()).to.equal(`${RESEAU.name} (2)`);
    expect(new URL(location.href).searchParams.get('campaigns')).to.equal(NORD.id);
    await axeClean(el, 'filtered by campaign');

    const json = JSON.parse(await exported(el, 1)) as { items: PublicPractice[] };
    expect(json.items.map((p) => p.id).sort()).to.deep.equal(expected.items.map((p) => p.id).sort());
    expect(json.items.every((p) => p.campaign?.id === NORD.id)).to.equal(true);
    const csv = (await exported(el, 0)).replace(/^\uFEFF/, '').split('\r\n').filter(Boolean);
    expect(csv.length - 1).to.equal(3);

    // OR within the list, AND with another.
    q<HTMLInputElement>(el, `#facet-campaigns-${RESEAU.id}`).click();
    await settle(el);
    expect(count(el)).to.equal('5 pratiques trouvées.');
    const theme = Object.keys((await campaignStore().search({ campaigns: [NORD.id, RESEAU.id] })).facets.themes)[0]!;
    q<HTMLInputElement>(el, `#facet-themes-${theme}`).click();
    await settle(el);
    const both = await campaignStore().search({ campaigns: [NORD.id, RESEAU.id], themes: [theme] });
    expect(count(el)).to.contain(String(both.total));
  });

  it('starts from the campaigns attribute, in English too, and from a pasted link', async () => {
    const el = await mount(html`<pi-practice-library lang="en" campaigns=${RESEAU.id} .store=${campaignStore()}></pi-practice-library>`);
    expect(all(el, '.card')).to.have.length(2);
    expect(summaries(el)).to.include('Collection campaign (1)');
    expect(all(el, '.chip').map((c) => c.textContent?.trim())).to.deep.equal([`${RESEAU.name} ×`]);
    await axeClean(el, 'campaign preset, English');
    el.remove();

    history.replaceState(null, '', `${location.pathname}?campaigns=${NORD.id}`);
    const again = await mount(html`<pi-practice-library sync-url lang="de" .store=${campaignStore()}></pi-practice-library>`);
    expect(all(again, '.card')).to.have.length(3);
    expect(summaries(again)).to.include('Sammelkampagne (1)');
    expect(q<HTMLInputElement>(again, `#facet-campaigns-${NORD.id}`).checked).to.equal(true);
  });
});
