// Library benchmark: `npm run bench:library` (builds, then `node bench/library.bench.mjs`).
// Not part of the tests. Measures <pi-practice-library> in headless Chromium over 1,000, 10,000
// and 100,000 synthetic practices (examples/data/synthetic.ts through dist/examples.js, seed 1):
//   1. first page from `src`: a page with dist/cdn/pi-practice-library.min.js and
//      <pi-practice-library src="feed-N.json" page-size="20">, from the start of navigation to the
//      first `.card` in the element's shadow root (cold loads, a new browser context each), to the
//      whole feed in (results no longer marked partial), and to the text index (built by the element
//      with `prepareText()` when the page is idle). The feeds are written in the library's order
//      (`createFeed(items, at, { order: 'library' })`, as a server's /feed.json should be), so the
//      element can show the first page while the rest arrives; at 10,000, the same feed in the
//      generator's order too (a third-party feed), for which it cannot;
//   2. interactions on a loaded page: a facet click, and a text search (from the moment the search
//      runs, the 150 ms typing delay left out), each to Lit's `updateComplete` and to the next paint;
//   3. memory: `performance.memory.usedJSHeapSize` after a forced garbage collection.
// Only 127.0.0.1 is contacted: a node:http server on a random port, and Chromium is told that every
// other host does not exist. Prints a Markdown section and writes it to docs/performance.md under
// "## Library" (the other sections are left as they are). Raw figures: bench/.out/library/results.json.
import { chromium } from 'playwright-core';
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { availableParallelism, loadavg, totalmem } from 'node:os';
import { extname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { benchPage, writePerformanceSection } from './lib.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = join(root, 'bench', '.out', 'library');

const SIZES = [1_000, 10_000, 100_000];
/** The size also measured with a feed that is not in the library's order. */
const UNORDERED = 10_000;
/** Cold loads of the `src` page per size (after one unrecorded load at the smaller sizes). */
const COLD_LOADS = { 1_000: 10, 10_000: 10, 100_000: 5 };
const WARMUP_LOADS = { 1_000: 1, 10_000: 1, 100_000: 0 };
const REPS = 30;
const WARMUP_REPS = 3;
const SEED = 1;
const GENERATED_AT = '2026-01-01T00:00:00.000Z';
const LOAD_TIMEOUT_MS = 90_000;
const STEP_TIMEOUT_MS = 30_000;
const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--enable-precise-memory-info', '--js-flags=--expose-gc',
  // Belt and braces: no host but 127.0.0.1 resolves, whatever a page asks for.
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
];
const GOALS = { updateMedianMs: 16, paintP95Ms: 100, firstPageMs: 300 };
/** Facet checkboxes clicked, each on then off, in turn (text empty: counts over every practice). */
const FACETS = ['themes-education', 'audiences-adolescents', 'scales-locale', 'regions-84', 'departments-59', 'levels-onpe'];
/** Texts searched in turn: words, typos, 3- and 4-letter prefixes, two words. Ten texts, more than the index's cache of 8, so every search runs. */
const TEXTS = ['parentalité', 'violances', 'acc', 'harcèlement', 'médiation', 'jeun', 'familes', 'santé mentale', 'accueil urgence', 'adolescents'];

const t0 = Date.now();
const log = (msg) => console.error(`[${((Date.now() - t0) / 1000).toFixed(0)} s] ${msg}`);

// -------------------------------------------------------------------------------------------------
// Files
// -------------------------------------------------------------------------------------------------

const libraryFile = join(root, 'dist', 'cdn', 'pi-practice-library.min.js');
const allFile = join(root, 'dist', 'pratiques-inspirantes.min.js');
const examplesFile = join(root, 'dist', 'examples.js');
const indexFile = join(root, 'dist', 'index.js');
for (const f of [libraryFile, allFile, examplesFile, indexFile]) {
  if (!existsSync(f)) throw new Error(`${f} is missing: run \`npm run build\` first (\`npm run bench:library\` does).`);
}
const versionOf = (name) => JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')).version;

// Runs first in <head> of the `src` pages: notes when the first card is in the element's shadow
// root (a MutationObserver on the document and on every shadow root, plus one check per frame) and
// when it is painted, then when the whole feed is in (the results no longer `aria-busy`) and the
// cards' ids at both moments; times every requestIdleCallback callback (the element builds its text
// index in one); collects long tasks. `window.__libDone` resolves when all of that is known and every
// idle callback asked for so far has run.
const WATCH = `<script>
(() => {
  const state = window.__lib = { idle: [], longTasks: [] };
  let resolveDone;
  window.__libDone = new Promise((r) => { resolveDone = r; });
  const afterNextPaint = (cb) => requestAnimationFrame(() => { const c = new MessageChannel(); c.port1.onmessage = () => cb(performance.now()); c.port2.postMessage(0); });
  try {
    new PerformanceObserver((list) => { for (const e of list.getEntries()) state.longTasks.push({ start: e.startTime, duration: e.duration }); })
      .observe({ type: 'longtask', buffered: true });
  } catch { /* no long task timing */ }
  const ric = window.requestIdleCallback ? window.requestIdleCallback.bind(window) : null;
  if (ric) {
    window.requestIdleCallback = (cb, opts) => {
      const record = { requested: performance.now() };
      state.idle.push(record);
      return ric((deadline) => {
        record.start = performance.now();
        try { cb(deadline); } finally { record.end = performance.now(); maybeDone(); }
      }, opts);
    };
  }
  function maybeDone() {
    if (state.firstCard === undefined || state.painted === undefined || state.completePainted === undefined) return;
    if (state.idle.some((r) => r.end === undefined)) return;
    if (ric && state.idle.length === 0) return; // the element has not asked yet
    resolveDone();
  }
  const root = () => document.querySelector('pi-practice-library')?.shadowRoot;
  const ids = (r) => [...r.querySelectorAll('.card h3 a')].map((a) => a.dataset.id);
  let seen = false;
  const observer = new MutationObserver(() => check());
  const watch = (node) => observer.observe(node, { childList: true, subtree: true, attributes: true, attributeFilter: ['aria-busy'] });
  const attachShadow = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) { const r = attachShadow.call(this, init); if (!seen) watch(r); return r; };
  function check() {
    const r = root();
    if (!r) return;
    if (!seen && r.querySelector('.card')) {
      seen = true;
      state.firstCard = performance.now();
      state.firstIds = ids(r);
      afterNextPaint((t) => { state.painted = t; maybeDone(); });
    }
    if (seen && state.complete === undefined && r.querySelector('.results[aria-busy="false"] .card')) {
      state.complete = performance.now();
      state.finalIds = ids(r);
      observer.disconnect();
      // ?memory: the heap now, every practice in and before the text index (gc() needs --expose-gc).
      if (location.search === '?memory' && window.gc) { window.gc(); state.heapComplete = performance.memory.usedJSHeapSize; }
      afterNextPaint((t) => { state.completePainted = t; maybeDone(); });
    }
  }
  watch(document);
  const frame = () => { check(); if (state.complete === undefined) requestAnimationFrame(frame); };
  requestAnimationFrame(frame);
})();
</script>`;

const html = (parts) => benchPage({ heading: 'Bibliothèque des pratiques inspirantes', ...parts });

// The interaction page: the full bundle (the same element, registered, plus the domain), an index
// built in the page from the feed with createSearchIndex (text index built up front), given to the
// element as its `store`. `store.search` is wrapped to time the search; the instance's `updated`
// hook tells when the result of that search has been rendered; then `updateComplete`, then the
// next paint (a task posted from the next animation frame runs after that frame is painted).
const storePage = (n) => html({
  title: `store ${n}`,
  head: `<script type="module">
import { createSearchIndex, parseFeed } from '/pratiques-inspirantes.min.js';
const b = window.__bench = {};
const now = () => performance.now();
const t = { start: now() };
const json = await (await fetch('feed-${n}.json')).json();
t.fetched = now();
const { feed } = parseFeed(json);
const index = createSearchIndex(feed.items);
t.indexed = now();
index.prepareText();
t.textIndexed = now();
b.build = t;
let pending;
const el = document.createElement('pi-practice-library');
el.setAttribute('page-size', '20');
el.store = {
  search: async (q) => {
    const s0 = now();
    const r = index.search(q);
    const s1 = now();
    if (pending) { pending.search = [s0, s1]; pending.result = r; }
    return r;
  },
  get: async (id) => index.get(id),
};
const proto = Object.getPrototypeOf(el);
el.updated = function (changed) {
  proto.updated.call(this, changed);
  if (pending?.result && changed.has('result')) { const p = pending; pending = undefined; p.rendered = now(); p.resolve(p); }
};
const afterNextPaint = () => new Promise((r) => requestAnimationFrame(() => { const c = new MessageChannel(); c.port1.onmessage = () => r(now()); c.port2.postMessage(0); }));
const timeout = (ms, what) => new Promise((_, reject) => setTimeout(() => reject(new Error(what + ': no result after ' + ms + ' ms')), ms));
function expectResult() {
  let resolve;
  const p = new Promise((r) => { resolve = r; });
  pending = { resolve };
  return p;
}
async function finish(waiter, start, what) {
  const p = await Promise.race([waiter, timeout(${STEP_TIMEOUT_MS}, what)]);
  await el.updateComplete;
  const updated = now();
  const painted = await afterNextPaint();
  const from = start ?? p.search[0];
  const root = el.shadowRoot;
  return {
    search: p.search[1] - p.search[0],
    update: updated - from,
    paint: painted - from,
    total: p.result.total,
    cards: root.querySelectorAll('.card').length,
    count: root.querySelector('.count')?.textContent ?? '',
  };
}
b.facet = async (id) => {
  const box = el.shadowRoot.querySelector('#facet-' + id);
  if (!box) throw new Error('no checkbox #facet-' + id);
  const waiter = expectResult();
  const start = now();
  box.click();
  const r = await finish(waiter, start, 'facet ' + id);
  return { ...r, checked: box.checked };
};
b.text = async (text) => {
  const input = el.shadowRoot.querySelector('#q');
  const waiter = expectResult();
  input.value = text;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  return finish(waiter, undefined, 'text ' + text);
};
b.settle = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 20))));
const first = expectResult();
document.querySelector('main').append(el);
b.ready = finish(first, t.textIndexed, 'first page').then((r) => ({ ...r, build: t }));
</script>`,
  body: '',
});

async function prepare() {
  mkdirSync(out, { recursive: true });
  for (const f of ['results.json']) rmSync(join(out, f), { force: true });
  copyFileSync(libraryFile, join(out, 'pi-practice-library.min.js'));
  copyFileSync(allFile, join(out, 'pratiques-inspirantes.min.js'));
  const { syntheticPractices } = await import(pathToFileURL(examplesFile).href);
  const { createFeed, FEED_FORMAT } = await import(pathToFileURL(indexFile).href);
  const feeds = {};
  const srcPage = (name, feedFile) => writeFileSync(join(out, `${name}.html`), html({
    title: name,
    head: `${WATCH}\n<script type="module" src="/pi-practice-library.min.js"></script>`,
    body: `<pi-practice-library src="${feedFile}" page-size="20"></pi-practice-library>`,
  }));
  for (const n of SIZES) {
    const t = Date.now();
    const items = syntheticPractices(n, SEED);
    const feed = createFeed(items, GENERATED_AT, { order: 'library' });
    if (feed.format !== FEED_FORMAT || feed.items.length !== n) throw new Error(`feed-${n}: unexpected feed`);
    const file = join(out, `feed-${n}.json`);
    writeFileSync(file, JSON.stringify(feed));
    feeds[n] = { bytes: statSync(file).size, ms: Date.now() - t };
    srcPage(`src-${n}`, `feed-${n}.json`);
    writeFileSync(join(out, `store-${n}.html`), storePage(n));
    if (n === UNORDERED) {
      // The same practices in the generator's order (by id): a feed the element cannot show early.
      writeFileSync(join(out, `feed-${n}-given.json`), JSON.stringify(createFeed(items, GENERATED_AT)));
      srcPage(`src-${n}-given`, `feed-${n}-given.json`);
    }
  }
  // Baseline for memory: the element's file alone, no element.
  writeFileSync(join(out, 'empty.html'), html({ title: 'empty', head: '<script type="module" src="/pi-practice-library.min.js"></script>', body: '' }));
  return feeds;
}

// -------------------------------------------------------------------------------------------------
// Serving and loading
// -------------------------------------------------------------------------------------------------

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.json': 'application/json' };
const SERVED = new Set(['empty.html', 'pi-practice-library.min.js', 'pratiques-inspirantes.min.js',
  ...SIZES.flatMap((n) => [`src-${n}.html`, `store-${n}.html`, `feed-${n}.json`]), `src-${UNORDERED}-given.html`, `feed-${UNORDERED}-given.json`]);

function serve() {
  const hits = [];
  const cache = new Map();
  const server = createServer((req, res) => {
    const name = new URL(req.url, 'http://127.0.0.1').pathname.slice(1);
    hits.push(name);
    if (!SERVED.has(name)) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    // Held in memory: the disk is not part of the figure.
    let body = cache.get(name);
    if (!body) cache.set(name, (body = readFileSync(join(out, name))));
    res.writeHead(200, { 'content-type': TYPES[extname(name)], 'content-length': body.length, 'cache-control': 'no-store' }).end(body);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, hits, base: `http://127.0.0.1:${server.address().port}` })));
}

const withTimeout = (promise, ms, what) => {
  let timer;
  return Promise.race([promise, new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`${what}: nothing after ${ms} ms`)), ms); })])
    .finally(() => clearTimeout(timer));
};

/** Opens a page in a new context (cold cache); `use(tab, errors)` does the work; the context is closed after. */
async function withPage(browser, url, use) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const tab = await context.newPage();
    const errors = [];
    tab.on('pageerror', (e) => errors.push(e.message));
    tab.on('request', (r) => { if (!r.url().startsWith('http://127.0.0.1:') && !r.url().startsWith('data:')) errors.push(`request to ${r.url()}`); });
    await tab.goto(url, { waitUntil: 'commit', timeout: LOAD_TIMEOUT_MS });
    const result = await use(tab, errors);
    if (errors.length) throw new Error(`${url}: ${errors.join('; ')}`);
    return result;
  } finally {
    await context.close();
  }
}

/** One cold load of the `src` page; with `memory`, forced GC and heap after the first page and after the text index. */
async function coldLoad(browser, base, n, { memory = false, given = false } = {}) {
  const name = given ? `${n}-given` : `${n}`;
  const feedUrl = `${base}/feed-${name}.json`;
  return withPage(browser, `${base}/src-${name}.html${memory ? '?memory' : ''}`, async (tab) => {
    await withTimeout(tab.evaluate(() => window.__libDone), LOAD_TIMEOUT_MS, `src-${name}`);
    return tab.evaluate(({ feedUrl, memory }) => {
      const s = window.__lib;
      const feed = performance.getEntriesByType('resource').find((e) => e.name === feedUrl);
      const idle = s.idle.filter((r) => r.end !== undefined);
      const text = idle.reduce((a, r) => (r.end - r.start > (a ? a.end - a.start : -1) ? r : a), undefined);
      const root = document.querySelector('pi-practice-library').shadowRoot;
      const until = text ? text.end : s.painted;
      const tasks = s.longTasks.filter((t) => t.start <= until);
      let heapText;
      if (memory) { window.gc(); heapText = performance.memory.usedJSHeapSize; }
      return {
        firstCard: s.firstCard,
        painted: s.painted,
        complete: s.complete,
        completePainted: s.completePainted,
        sameFirstPage: JSON.stringify(s.firstIds) === JSON.stringify(s.finalIds),
        feedEnd: feed ? feed.responseEnd : undefined,
        textStart: text?.start,
        textReady: text?.end,
        textBuild: text ? text.end - text.start : undefined,
        longestTask: Math.max(0, ...tasks.map((t) => t.duration)),
        // The load itself: tasks over before the text index starts (its long task begins a little before the callback does).
        longestBeforeText: Math.max(0, ...tasks.filter((t) => !text || t.start + t.duration < text.start).map((t) => t.duration)),
        blocked: tasks.reduce((a, t) => a + t.duration, 0),
        cards: root.querySelectorAll('.card').length,
        count: root.querySelector('.count')?.textContent ?? '',
        ...(memory ? { heapComplete: s.heapComplete, heapText } : {}),
      };
    }, { feedUrl, memory });
  });
}

async function firstPage(browser, base, n, { given = false } = {}) {
  const name = given ? `src-${n}-given` : `src-${n}`;
  for (let i = 0; i < WARMUP_LOADS[n]; i++) await coldLoad(browser, base, n, { given });
  const runs = [];
  for (let i = 0; i < COLD_LOADS[n]; i++) runs.push(await coldLoad(browser, base, n, { given }));
  for (const r of runs) {
    if (r.cards !== 20) throw new Error(`${name}: ${r.cards} cards on the first page`);
    if (r.count !== `${n} pratiques trouvées.`) throw new Error(`${name}: the count says "${r.count}"`);
    // The early page must be the page that the whole feed gives.
    if (!r.sameFirstPage) throw new Error(`${name}: the first page shown early differs from the final one`);
    if (r.textReady === undefined) throw new Error(`${name}: the text index was not built in an idle callback`);
    if (r.textStart < r.complete) throw new Error(`${name}: the text index was built before the whole feed was in`);
  }
  if (given) return { runs };
  const mem = await coldLoad(browser, base, n, { memory: true });
  return { runs, memory: { heapComplete: mem.heapComplete, heapText: mem.heapText } };
}

async function baselineHeap(browser, base) {
  return withPage(browser, `${base}/empty.html`, async (tab) => {
    await tab.waitForFunction(() => customElements.get('pi-practice-library') !== undefined, null, { timeout: LOAD_TIMEOUT_MS });
    return tab.evaluate(() => { window.gc(); return performance.memory.usedJSHeapSize; });
  });
}

async function interactions(browser, base, n) {
  return withPage(browser, `${base}/store-${n}.html`, async (tab, errors) => {
    await withTimeout(tab.waitForFunction(() => window.__bench?.ready !== undefined, null, { polling: 20, timeout: LOAD_TIMEOUT_MS }), LOAD_TIMEOUT_MS, `store-${n}`);
    const ready = await withTimeout(tab.evaluate(() => window.__bench.ready), LOAD_TIMEOUT_MS, `store-${n} first page`);
    if (ready.cards !== 20 || ready.total !== n) throw new Error(`store-${n}: first page ${JSON.stringify(ready)}`);
    const heapLoaded = await tab.evaluate(() => { window.gc(); return performance.memory.usedJSHeapSize; });
    const facet = [];
    const text = [];
    const one = async (kind, arg) => {
      const r = await withTimeout(tab.evaluate(([k, a]) => window.__bench[k](a), [kind, arg]), STEP_TIMEOUT_MS + 5_000, `store-${n} ${kind} ${arg}`);
      if (errors.length) throw new Error(`store-${n}: ${errors.join('; ')}`);
      await tab.evaluate(() => window.__bench.settle());
      return { kind, arg, ...r };
    };
    // Facets: each one on, then off, in turn; text empty, so every count runs over every practice.
    const clicks = [];
    for (let i = 0; clicks.length < WARMUP_REPS * 2 + REPS; i++) clicks.push(FACETS[i % FACETS.length], FACETS[i % FACETS.length]);
    for (const [i, id] of clicks.entries()) {
      const r = await one('facet', id);
      if (r.checked !== (i % 2 === 0)) throw new Error(`store-${n}: #facet-${id} did not toggle`);
      if (r.cards !== Math.min(20, r.total)) throw new Error(`store-${n}: ${r.cards} cards for ${r.total} results`);
      if (i >= WARMUP_REPS * 2) facet.push(r);
    }
    if (facet.length !== REPS) throw new Error('facet count');
    // Texts: ten in turn, three times (and a warm-up).
    for (let i = 0; i < WARMUP_REPS + REPS; i++) {
      const r = await one('text', TEXTS[i % TEXTS.length]);
      if (r.cards !== Math.min(20, r.total)) throw new Error(`store-${n}: ${r.cards} cards for ${r.total} results`);
      if (i >= WARMUP_REPS) text.push(r);
    }
    const heapAfter = await tab.evaluate(() => { window.gc(); return performance.memory.usedJSHeapSize; });
    return { build: ready.build, facet, text, heapLoaded, heapAfter };
  });
}

// -------------------------------------------------------------------------------------------------
// Figures
// -------------------------------------------------------------------------------------------------

const sorted = (xs) => [...xs].sort((a, b) => a - b);
const median = (xs) => { const s = sorted(xs); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
/** Nearest rank: with 30 values the 29th, with 10 or 5 the largest. */
const p95 = (xs) => sorted(xs)[Math.max(0, Math.ceil(0.95 * xs.length) - 1)];
const stats = (runs, key) => ({ median: median(runs.map((r) => r[key])), p95: p95(runs.map((r) => r[key])) });
const int = (n) => Math.round(n).toLocaleString('en-US');
const ms = (x) => (x === undefined || Number.isNaN(x) ? '–' : x < 10 ? x.toFixed(1) : int(x));
/** One decimal, for figures compared with a goal. */
const ms1 = (x) => x.toFixed(1);
/** A longest task: the Long Tasks API reports only tasks of 50 ms or more, so none means "under 50". */
const longest = (x) => (x === 0 ? '< 50' : ms(x));
const mb = (bytes) => (bytes / 2 ** 20).toFixed(1);
const met = (ok) => (ok ? '**met**' : '**not met**');

function machine(browserVersion) {
  const cpuinfo = existsSync('/proc/cpuinfo') ? readFileSync('/proc/cpuinfo', 'utf8') : '';
  const model = cpuinfo.match(/^model name\s*:\s*(.+)$/m)?.[1]?.trim() ?? 'unknown CPU';
  let cores = availableParallelism();
  try { cores = Number(execFileSync('nproc', { encoding: 'utf8' }).trim()) || cores; } catch { /* keep node's count */ }
  return { cores, model, ramGb: Math.round(totalmem() / 2 ** 30), node: process.version, chromium: browserVersion, loadStart: loadavg()[0] };
}

function report({ feeds, results, baseline, env, date }) {
  const s10 = results[10_000];
  const s100 = results[100_000];
  const textUpdate10 = stats(s10.interactions.text, 'update');
  const facetUpdate10 = stats(s10.interactions.facet, 'update');
  const textPaint10 = stats(s10.interactions.text, 'paint');
  const facetPaint10 = stats(s10.interactions.facet, 'paint');
  const first10 = stats(s10.first.runs, 'firstCard');
  const complete10 = stats(s10.first.runs, 'complete');
  const given10 = results.given;
  const givenFirst10 = stats(given10.runs, 'firstCard');
  const goalUpdate = textUpdate10.median < GOALS.updateMedianMs && facetUpdate10.median < GOALS.updateMedianMs;
  const goalPaint = textPaint10.p95 < GOALS.paintP95Ms && facetPaint10.p95 < GOALS.paintP95Ms;
  const goalFirst = first10.median < GOALS.firstPageMs;
  const first100 = stats(s100.first.runs, 'firstCard');
  const text100 = stats(s100.first.runs, 'textBuild');
  const ready100 = stats(s100.first.runs, 'textReady');
  const long100 = stats(s100.first.runs, 'longestTask');
  const tu100 = stats(s100.interactions.text, 'update');
  const tp100 = stats(s100.interactions.text, 'paint');
  const fu100 = stats(s100.interactions.facet, 'update');
  const fp100 = stats(s100.interactions.facet, 'paint');
  const ts100 = stats(s100.interactions.text, 'search');
  const fs100 = stats(s100.interactions.facet, 'search');

  const firstRow = (label, n, r) => {
    const f = stats(r, 'firstCard');
    const p = stats(r, 'painted');
    const c = stats(r, 'complete');
    return `| ${label} | ${mb(feeds[n].bytes)} | ${r.length} | ${ms(f.median)} | ${ms(f.p95)} | ${ms(p.median)} | ${ms(median(r.map((x) => x.feedEnd)))} | ${ms(c.median)} | ${ms(c.p95)} | ${ms(median(r.map((x) => x.textBuild)))} | ${ms(median(r.map((x) => x.textReady)))} | ${ms(stats(r, 'textReady').p95)} | ${longest(median(r.map((x) => x.longestTask)))} | ${longest(median(r.map((x) => x.longestBeforeText)))} |`;
  };
  const firstRows = [
    ...SIZES.map((n) => firstRow(int(n), n, results[n].first.runs)),
    firstRow(`${int(UNORDERED)}, another order`, UNORDERED, given10.runs),
  ];
  const interRows = SIZES.flatMap((n) => ['facet', 'text'].map((kind) => {
    const r = results[n].interactions[kind];
    const search = stats(r, 'search');
    const u = stats(r, 'update');
    const p = stats(r, 'paint');
    const hits = r.reduce((a, x) => a + x.total, 0) / r.length;
    return `| ${int(n)} | ${kind === 'facet' ? 'facet click' : 'text search'} | ${ms(search.median)} | ${ms(search.p95)} | ${ms(u.median)} | ${ms(u.p95)} | ${ms(p.median)} | ${ms(p.p95)} | ${int(hits)} |`;
  }));
  const memRows = SIZES.map((n) => {
    const m = results[n].first.memory;
    const i = results[n].interactions;
    return `| ${int(n)} | ${mb(feeds[n].bytes)} | ${mb(m.heapComplete)} | ${mb(m.heapText)} | ${mb(i.heapLoaded)} | ${mb(i.heapAfter)} |`;
  });
  const buildRows = SIZES.map((n) => {
    const b = results[n].interactions.build;
    return `${int(n)}: fetch and parse ${ms(b.fetched - b.start)} ms, facet arrays ${ms(b.indexed - b.fetched)} ms, text index ${ms(b.textIndexed - b.indexed)} ms`;
  });

  return `## Library

Measured on ${date} with \`npm run bench:library\` (\`bench/library.bench.mjs\`): ${env.cores} cores (nproc), ${env.model}, ${env.ramGb} GB RAM, Node ${env.node}, ${env.chromium}, headless through playwright-core ${versionOf('playwright-core')}. The machine was shared with other work (1-minute load average ${env.loadStart.toFixed(1)} at the start, ${env.loadEnd.toFixed(1)} at the end): figures move from one run to the next.

Data: \`syntheticPractices(n, ${SEED})\` from \`examples/data/synthetic.ts\` (through \`dist/examples.js\`), wrapped by \`createFeed(items, at, { order: 'library' })\` (featured first, then the newest publication: the order of the library with an empty query, as a server's \`/feed.json\` should write it) and written as \`bench/.out/library/feed-<n>.json\`; at ${int(UNORDERED)}, also \`createFeed(items, at)\` in the generator's order (by id), \`feed-${UNORDERED}-given.json\`, as a third-party feed may come. Served uncompressed with \`cache-control: no-store\` by a node:http server on 127.0.0.1 (held in memory). p95 is the nearest rank: the 29th of 30 interactions; the largest of 10 or 5 loads.

### First page from \`src\`

A page that loads \`dist/cdn/pi-practice-library.min.js\` (one \`<script type="module">\`) and holds \`<pi-practice-library src="feed-<n>.json" page-size="20">\`. Each load has a new browser context (cold cache); ${Object.values(WARMUP_LOADS).some(Boolean) ? 'one unrecorded load first at 1,000 and 10,000 (and for the feed in another order), ' : ''}${SIZES.map((n) => `${COLD_LOADS[n]} at ${int(n)}`).join(', ')}, ${COLD_LOADS[UNORDERED]} with the feed in another order. Times are from the start of navigation (\`performance.now()\` in the page). The element reads the feed as it streams in (\`response.body\` through \`createFeedReader\`) and indexes it as it comes; while the practices arrive in the library's order, it shows the first page as soon as the practices received fill it, marked as partial (no counts, facets or map yet), and the search over the whole feed replaces it once everything is in. "First card" is the first \`.card\` in the element's shadow root (an inline watcher loaded before the bundle: a MutationObserver on the document and every shadow root, plus a check per frame); "painted" is the end of the frame that shows it (a task posted from the next animation frame, so any task the page runs first is counted too). "All in" is when the results are no longer \`aria-busy\`: the whole feed parsed and indexed, the total, the facets and the map shown; every load checks that the cards shown first are the cards shown then. "Feed received" is the feed's \`responseEnd\`: with a streamed body it is also how fast the page reads it. The text index is built after that with \`prepareText()\` in a \`requestIdleCallback\`; the watcher times that callback ("text index"), so "text ready" is when a text search no longer has to build it. "Longest task" is the longest main-thread task (Long Tasks API) until then, the text index's included; "longest before it" leaves that one out: the loading itself. The page does not answer input during a long task.

| practices | feed (MB) | loads | first card, median (ms) | first card, p95 (ms) | painted, median (ms) | feed received (ms) | all in, median (ms) | all in, p95 (ms) | text index build (ms) | text ready, median (ms) | text ready, p95 (ms) | longest task (ms) | longest before it (ms) |
|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|
${firstRows.join('\n')}

### Interactions

On a loaded page, one per size: the full bundle \`dist/pratiques-inspirantes.min.js\` (the same element, plus the domain), the feed fetched and indexed in the page with \`createSearchIndex(items)\` and \`prepareText()\` (the text index is ready before the first measure), and the element given \`store = { search: async (q) => index.search(q), get: async (id) => index.get(id) }\`. The store's \`search\` is wrapped to time it ("search"), and the element's \`updated\` hook, on that instance, tells when its result has been rendered; then the bench awaits \`el.updateComplete\` ("→ updateComplete") and the end of the next frame ("→ next paint": a task posted from the next \`requestAnimationFrame\`, which runs once the frame is painted).
- **Facet click**: \`click()\` on the checkbox \`#facet-<list>-<code>\` in the shadow root; measured from just before the click. ${FACETS.map((f) => `\`${f}\``).join(', ')} in turn, each on then off, with no text: every click counts all facets over every practice (the heaviest case; with a text, the index's text cache makes a click cheaper). The element renders twice per click: once for the new state, once for the result.
- **Text search**: the value of \`#q\` set and an \`input\` event dispatched; the element waits its 150 ms typing delay, which is left out: measured from the moment the store's \`search\` is called. ${TEXTS.map((t) => `"${t}"`).join(', ')} in turn (words, the typos "violances" and "familes", the prefixes "acc" and "jeun", two-word queries), ten texts so that the index's cache of 8 never answers.
- ${WARMUP_REPS} unrecorded clicks (on and off) and ${WARMUP_REPS} texts first, then ${REPS} of each kind per size; a pause of two frames between interactions. "Hits" is the mean number of results.

| practices | interaction | search, median (ms) | search, p95 (ms) | → updateComplete, median (ms) | → updateComplete, p95 (ms) | → next paint, median (ms) | → next paint, p95 (ms) | hits |
|---|---|---:|---:|---:|---:|---:|---:|---:|
${interRows.join('\n')}

Building the interaction page's index (same work as the \`src\` page, done up front): ${buildRows.join('; ')}.

### Memory

\`performance.memory.usedJSHeapSize\` (Chromium with \`--enable-precise-memory-info\`), each time just after a forced \`gc()\` (\`--js-flags=--expose-gc\`). A page with the element's file and no element: ${mb(baseline)} MB. \`src\` page: one more cold load per size, once the whole feed is in (facet arrays, no text index) and after the text index. Interaction page: loaded (with the text index), and after the ${REPS * 2 + WARMUP_REPS * 3} interactions.

| practices | feed (MB) | \`src\`: all in (MB) | \`src\`: text index ready (MB) | store page: loaded (MB) | store page: after interactions (MB) |
|---:|---:|---:|---:|---:|---:|
${memRows.join('\n')}

### Goals at 10,000 practices (issue 4)

- Input → \`updateComplete\` under ${GOALS.updateMedianMs} ms median: text search ${ms1(textUpdate10.median)} ms, facet click ${ms1(facetUpdate10.median)} ms: ${met(goalUpdate)}.
- Input → next paint under ${GOALS.paintP95Ms} ms p95: text search ${ms1(textPaint10.p95)} ms, facet click ${ms1(facetPaint10.p95)} ms: ${met(goalPaint)}.
- First page from \`src\` under ${GOALS.firstPageMs} ms, with the feed in the library's order: ${ms1(first10.median)} ms median (${ms1(first10.p95)} ms p95; painted at ${ms(stats(s10.first.runs, 'painted').median)} ms median): ${met(goalFirst)}. It is shown while the rest of the ${mb(feeds[10_000].bytes)} MB feed still arrives; everything is in (total, facets, map) at ${ms(complete10.median)} ms (median, ${ms(complete10.p95)} ms p95) and the text index is ready at ${ms(stats(s10.first.runs, 'textReady').median)} ms. The request starts only once the element's file has run. For comparison, the interaction page, which fetches the same feed with \`response.json()\` and then builds the index in one go, has the JSON at ${ms(s10.interactions.build.fetched - s10.interactions.build.start)} ms after its script starts and spends ${ms(s10.interactions.build.indexed - s10.interactions.build.fetched)} ms more on the facet arrays, in one task.
- With the same feed in another order (a third-party feed), no page can be shown before the last practice has arrived (it might come first): first card at ${ms1(givenFirst10.median)} ms median (${ms1(givenFirst10.p95)} ms p95): ${givenFirst10.median < GOALS.firstPageMs ? 'under' : 'over'} the ${GOALS.firstPageMs} ms. A feed should therefore be written with \`createFeed(items, at, { order: 'library' })\`.

### At 100,000 practices

The feed is ${mb(feeds[100_000].bytes)} MB uncompressed. The first page shows after ${ms(first100.median)} ms (median; ${ms(first100.p95)} ms p95), while the feed arrives; everything is in at ${ms(stats(s100.first.runs, 'complete').median)} ms (receiving, parsing and indexing ${mb(feeds[100_000].bytes)} MB, in slices, the longest task of that part ${((x) => (x === 0 ? 'under 50 ms' : `being ${ms(x)} ms`))(median(s100.first.runs.map((r) => r.longestBeforeText)))}). Then the idle callback builds the text index in one task of ${ms(text100.median)} ms (median), so a text search is possible from ${ms(ready100.median)} ms; the longest task of the load is ${ms(long100.median)} ms (median), during which the page answers neither keys nor clicks. Once everything is built, a text search costs ${ms(ts100.median)} ms in the index (median, ${ms(ts100.p95)} ms p95) and ${ms(tu100.median)} / ${ms(tu100.p95)} ms to \`updateComplete\`, ${ms(tp100.median)} / ${ms(tp100.p95)} ms to the next paint (median / p95); a facet click ${ms(fs100.median)} ms in the index, ${ms(fu100.median)} / ${ms(fu100.p95)} ms to \`updateComplete\`, ${ms(fp100.median)} / ${ms(fp100.p95)} ms to the next paint. The tab holds ${mb(s100.first.memory.heapText)} MB of JS heap. ${verdict100({ first100, ready100, long100, tp100, fp100, heap: s100.first.memory.heapText })} The way to serve a catalogue this large is server-side search: give the element \`endpoint\` (the reference server's base URL), which searches through the HTTP store (\`createHttpStore\`), one request per query for one page of results and the facet counts, so that the page downloads and holds 20 practices instead of all of them.

Caveats. The feed travels over 127.0.0.1 without compression: on a real connection a 10,000-practice feed (${mb(feeds[10_000].bytes)} MB, much less gzipped) adds its transfer time to the first page. The interaction figures come from the store page, whose index is the same \`createSearchIndex\` as the one the element builds from \`src\` once its text index is ready. Clicks and input events are dispatched from script (\`click()\`, \`dispatchEvent\`), not through the browser's input pipeline, so input delay while the main thread is busy is not in the interaction figures (it is in "longest task"). Pages, feeds and raw figures (\`results.json\`) are left in \`bench/.out/library/\` (not committed).
`;
}

function verdict100({ first100, ready100, long100, tp100, fp100, heap }) {
  const secs = (x) => `${(x / 1000).toFixed(1)} s`;
  const parts = [];
  parts.push(first100.median < 1000 ? `The first page still comes in ${ms(first100.median)} ms` : `The first page takes ${secs(first100.median)}`);
  parts.push(long100.median > 1000 ? `then the page freezes for ${secs(long100.median)} while the text index builds` : 'and the load never freezes the page for long');
  const slow = Math.max(tp100.p95, fp100.p95);
  parts.push(slow > GOALS.paintP95Ms ? `once loaded, the slowest interactions take ${ms(slow)} ms to paint (p95), over the ${GOALS.paintP95Ms} ms of the goal` : `once loaded, interactions paint within ${ms(slow)} ms (p95)`);
  return `${parts.join('; ')}. With ${mb(heap)} MB of heap the tab works on this machine, but ${ready100.median > 5000 ? `a visitor who types at once waits ${secs(ready100.median)} for the first answer, and ` : ''}a phone or an old laptop, slower and with less memory, would do worse (not measured here).`;
}


// -------------------------------------------------------------------------------------------------

// `--report`: write the section again from the last run's results.json, without measuring.
if (process.argv.includes('--report')) {
  const file = join(out, 'results.json');
  const saved = JSON.parse(readFileSync(file, 'utf8'));
  const markdown = report({ ...saved, date: saved.env.date ?? statSync(file).mtime.toISOString().slice(0, 10) });
  log(`written to ${writePerformanceSection('Library', markdown)}`);
  process.exit(0);
}

const feeds = await prepare();
log(`feeds written: ${SIZES.map((n) => `${int(n)} → ${mb(feeds[n].bytes)} MB in ${feeds[n].ms} ms`).join(', ')}`);
const { server, hits, base } = await serve();
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
try {
  const env = machine(`Chromium ${browser.version()}`);
  const baseline = await baselineHeap(browser, base);
  const results = {};
  for (const n of SIZES) {
    const first = await firstPage(browser, base, n);
    const f = stats(first.runs, 'firstCard');
    log(`${int(n)}: first card median ${ms(f.median)} ms, p95 ${ms(f.p95)} ms; all in median ${ms(median(first.runs.map((r) => r.complete)))} ms; text ready median ${ms(median(first.runs.map((r) => r.textReady)))} ms`);
    if (n === UNORDERED) {
      results.given = await firstPage(browser, base, n, { given: true });
      const g = stats(results.given.runs, 'firstCard');
      log(`${int(n)}, feed in another order: first card median ${ms(g.median)} ms, p95 ${ms(g.p95)} ms`);
    }
    const inter = await interactions(browser, base, n);
    for (const kind of ['facet', 'text']) {
      const u = stats(inter[kind], 'update');
      const p = stats(inter[kind], 'paint');
      log(`${int(n)} ${kind}: updateComplete median ${ms(u.median)} / p95 ${ms(u.p95)} ms; next paint median ${ms(p.median)} / p95 ${ms(p.p95)} ms`);
    }
    results[n] = { first, interactions: inter };
  }
  env.loadEnd = loadavg()[0];
  const unexpected = [...new Set(hits.filter((h) => !SERVED.has(h)))];
  if (unexpected.length) throw new Error(`pages asked for files outside the benchmark: ${unexpected.join(', ')}`);
  env.date = new Date().toISOString().slice(0, 10);
  writeFileSync(join(out, 'results.json'), `${JSON.stringify({ feeds, baseline, results, env }, null, 2)}\n`);
  const markdown = report({ feeds, results, baseline, env, date: env.date });
  console.log(markdown);
  log(`written to ${writePerformanceSection('Library', markdown)}`);
} finally {
  await browser.close();
  server.close();
}
