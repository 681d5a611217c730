// The four CDN files on hostile host pages, in Chromium: a strict Content-Security-Policy (no inline script or style,
// no eval, Trusted Types required, one policy allowed) and a page whose own CSS attacks everything; each element does
// its job there (the form submits, the library searches, the board acts, the editor saves), nothing is reported as a
// violation, and hostile text stored in every field is shown as text, never run.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';
import { getRequestListener } from '@hono/node-server';
import Papa from 'papaparse';
import type { Browser, Page } from 'playwright-core';
import { createApp } from '../../examples/server/app.js';
import { DEFAULT_CONFIG } from '../../examples/server/config.js';
import { buildExamplePractices } from '../../examples/data/index.js';
import { createMemoryStore, type EngineStore } from '../../src/index.js';
import type { Practice } from '../../src/model.js';
import { launchChromium, shadowText } from '../support/chromium.js';
import { PAYLOADS, seedHostile, type HostileSeed } from '../support/hostile.js';
import { fillDeclarationForm } from '../support/form-steps.js';
import { TOKENS, TOKEN_OF } from '../support/server.js';

/**
 * The policy a partner page can use with these files (docs/examples/cdn.md): scripts and the API from the page's own
 * origin, nothing else (no style-src, no img-src: the elements need neither). `trusted-types lit-html`: Lit is the only
 * code that writes HTML from a string (its templates, through its own policy); nothing else may create a policy.
 */
export const STRICT_CSP = [
  "default-src 'none'", "script-src 'self'", "connect-src 'self'",
  "base-uri 'none'", "form-action 'self'", "frame-ancestors 'none'", "object-src 'none'",
  "require-trusted-types-for 'script'", 'trusted-types lit-html', 'report-uri /csp-report',
].join('; ');

// The partner's own CSS at its worst: everything unset, !important on common selectors, huge type.
const HOSTILE_CSS = `
* { all: unset !important; }
html, body { display: block !important; font-size: 40px !important; line-height: 3 !important; color: #f0f !important;
  font-family: fantasy !important; letter-spacing: .2em !important; word-spacing: 1em !important; }
div, p, span, section, form, input, button, label, a, h1, h2, h3, ul, li, ol, select, textarea, fieldset, legend, nav, article {
  display: inline !important; font-size: 64px !important; color: red !important; background: yellow !important;
  position: static !important; visibility: visible !important; margin: 3em !important; padding: 0 !important; }
body * { text-transform: uppercase !important; box-sizing: content-box !important; float: left !important; }
[hidden] { display: block !important; }
button, input { pointer-events: none !important; opacity: .1 !important; }
head, script, style, title { display: none !important; }
`;

// A classic script, first in the page (a CSP page has no inline script): it records every violation the page sees.
const WATCH_JS = `
window.__violations = [];
document.addEventListener('securitypolicyviolation', (e) => {
  window.__violations.push({ directive: e.violatedDirective, blocked: e.blockedURI, sample: e.sample, where: e.sourceFile + ':' + e.lineNumber });
});
`;

const ROOT = resolve('.');
const TYPES: Record<string, string> = { '.js': 'text/javascript; charset=utf-8', '.map': 'application/json', '.json': 'application/json; charset=utf-8' };
const editorActor = JSON.stringify({ id: 'editor', role: 'editor' });
const chairActor = JSON.stringify({ id: 'chair', role: 'chair' });

type Mode = 'csp' | 'css';
type Element = 'form' | 'library' | 'board' | 'editor';
const FILES: Record<Element, string> = { form: 'pi-declaration-form', library: 'pi-practice-library', board: 'pi-review-board', editor: 'pi-fiche-editor' };

let store: EngineStore;
let seed: HostileSeed;
let server: Server;
let base = '';
let browser: Browser | undefined;
const reports: unknown[] = [];

function elementMarkup(element: Element): string {
  switch (element) {
    case 'form': return '<pi-declaration-form endpoint="/api" partner="Partenaire strict" draft-key="strict"></pi-declaration-form>';
    case 'library': return '<pi-practice-library endpoint="/api"></pi-practice-library>';
    case 'board': return `<pi-review-board endpoint="/api" token="${TOKEN_OF.chair}" actor='${chairActor}' practice="${seed.submitted.id}"></pi-review-board>`;
    case 'editor': return `<pi-fiche-editor endpoint="/api" token="${TOKEN_OF.editor}" actor='${editorActor}' fiche="${seed.fiche.id}"></pi-fiche-editor>`;
  }
}

function page(mode: Mode, element: Element): string {
  return `<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><title>Page ${mode} — ${element}</title>
<script src="/pages/watch.js"></script>
${mode === 'css' ? '<link rel="stylesheet" href="/pages/hostile.css">' : ''}
<script type="module" src="/dist/cdn/${FILES[element]}.min.js"></script>
</head><body><main><h1>Site partenaire</h1>${elementMarkup(element)}</main></body></html>`;
}

const missing = !existsSync(process.env.CHROMIUM_PATH || '/usr/bin/chromium') ? 'no Chromium' : !existsSync('dist/cdn/pi-fiche-editor.min.js') ? 'run `npm run build` first' : undefined;
const skip = process.env.CI ? false : missing;
if (missing && process.env.CI) throw new Error(`the strict page tests cannot run: ${missing}`);

before(async () => {
  if (skip) return;
  store = createMemoryStore({ seed: buildExamplePractices() });
  seed = await seedHostile(store);
  const api = getRequestListener(createApp({
    store,
    config: { ...DEFAULT_CONFIG, basePath: '/api', tokens: TOKENS, partnerOrigins: [], boardOrigins: [], submitRate: { limit: 1000, windowSeconds: 60 } },
    logError: () => undefined,
  }).fetch);
  server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (path === '/api' || path.startsWith('/api/')) return void api(req, res);
    if (path === '/csp-report') {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        reports.push(body);
        res.writeHead(204).end();
      });
      return;
    }
    const m = /^\/pages\/(csp|css)\/(form|library|board|editor)\.html$/.exec(path);
    if (m) {
      const headers: Record<string, string> = { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' };
      if (m[1] === 'csp') headers['Content-Security-Policy'] = STRICT_CSP;
      return void res.writeHead(200, headers).end(page(m[1] as Mode, m[2] as Element));
    }
    if (path === '/pages/watch.js') return void res.writeHead(200, { 'Content-Type': TYPES['.js']! }).end(WATCH_JS);
    if (path === '/pages/hostile.css') return void res.writeHead(200, { 'Content-Type': 'text/css' }).end(HOSTILE_CSS);
    // The package's built files, as a CDN would serve them.
    const file = normalize(join(ROOT, path));
    if (!path.startsWith('/dist/') || !file.startsWith(ROOT) || !existsSync(file) || statSync(file).isDirectory()) return void res.writeHead(404).end();
    res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
});

interface Opened { page: Page; errors: string[] }

async function open(mode: Mode, element: Element): Promise<Opened> {
  reports.length = 0;
  const context = await browser!.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  // A failed load is reported with its address (the console only says "Failed to load resource").
  page.on('console', (m) => { if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) errors.push(`console: ${m.text()}`); });
  page.on('response', (r) => { if (r.status() >= 400) errors.push(`${r.status()} ${r.request().method()} ${r.url()}`); });
  await page.goto(`${base}/pages/${mode}/${element}.html`);
  await page.waitForFunction(`customElements.get('${FILES[element]}') !== undefined`);
  return { page, errors };
}

/** Inside the elements' shadow roots: anything a payload would have made (handlers, scripts, images, javascript: links). */
async function injected(page: Page): Promise<{ pwned: unknown; violations: unknown[]; made: string[] }> {
  return page.evaluate(`(() => {
    const made = [];
    const walk = (root) => {
      for (const el of root.querySelectorAll('*')) {
        for (const a of el.getAttributeNames()) if (/^on/i.test(a)) made.push(el.localName + '[' + a + ']');
        if (el.localName === 'script' || el.localName === 'iframe' || el.localName === 'object') made.push(el.localName);
        if (el.localName === 'img' && el.getAttribute('src') === 'x') made.push('img[src=x]');
        if (el.localName === 'entry' || el.localName === 'title' && root !== document) made.push(el.localName);
        for (const a of ['href', 'src', 'action', 'formaction', 'xlink:href']) {
          const v = el.getAttribute(a);
          if (v && /^\\s*javascript:/i.test(v)) made.push(el.localName + '[' + a + '=' + v + ']');
        }
        if (el.shadowRoot) walk(el.shadowRoot);
      }
    };
    for (const host of document.querySelectorAll('pi-declaration-form, pi-practice-library, pi-review-board, pi-fiche-editor')) if (host.shadowRoot) walk(host.shadowRoot);
    return { pwned: window.__pwned, violations: window.__violations, made };
  })()`);
}

async function assertClean(opened: Opened, label: string): Promise<void> {
  const { page, errors } = opened;
  const found = await injected(page);
  assert.equal(found.pwned, undefined, `${label}: a payload ran`);
  assert.deepEqual(found.made, [], `${label}: markup made from data`);
  assert.deepEqual(found.violations, [], `${label}: securitypolicyviolation events`);
  // Reports are sent asynchronously: give them a moment.
  await page.waitForTimeout(200);
  assert.deepEqual(reports, [], `${label}: CSP reports`);
  assert.deepEqual(errors, [], `${label}: page errors`);
}

// ---- What each element must still do ---------------------------------------------------------------------------

async function declare(page: Page, title: string): Promise<void> {
  const form = page.locator('pi-declaration-form');
  await fillDeclarationForm(form, {
    entityName: PAYLOADS.svg,
    title,
    description: `${PAYLOADS.script} ${PAYLOADS.template} ${PAYLOADS.formula}`,
    representative: PAYLOADS.js,
    declarantName: PAYLOADS.img.slice(0, 100),
    declarantEmail: 'camille.martin@example.org',
  });
  // The summary shows every answer, as text.
  assert.ok((await shadowText(page, 'pi-declaration-form')).includes(title), 'the summary shows the title as typed');
  await form.locator('button[type=submit]').click();
  await form.locator('#follow-up-link').waitFor({ timeout: 15_000 });
}

async function flow(mode: Mode, element: Element, opened: Opened): Promise<void> {
  const { page } = opened;
  switch (element) {
    case 'form': {
      const title = `${mode} ${PAYLOADS.img}`;
      await declare(page, title);
      const { items } = await store.list({ states: ['submitted'] }, { actor: { id: 'chair', role: 'chair' } });
      const stored = items.find((p) => p.declaration?.title === title);
      assert.ok(stored, 'the declaration reached the server intact');
      assert.equal(stored.declaration!.description, `${PAYLOADS.script} ${PAYLOADS.template} ${PAYLOADS.formula}`);
      assert.equal(stored.declaration!.declarant.name, PAYLOADS.img.slice(0, 100));
      break;
    }
    case 'library': {
      const library = page.locator('pi-practice-library');
      await library.locator('#q').fill('Publiée');
      const card = library.locator('ol.cards a[data-id]').first();
      await card.waitFor({ timeout: 15_000 });
      assert.equal(await card.getAttribute('data-id'), seed.published.id);
      const cards = await shadowText(page, 'pi-practice-library');
      assert.ok(cards.includes(PAYLOADS.img), 'the hostile title is shown as text');
      // The CSV export of the results (a Blob download, which the policy does not block), every cell inert.
      const [download] = await Promise.all([page.waitForEvent('download'), library.locator('button', { hasText: 'CSV' }).click()]);
      const csv = await readFile((await download.path())!, 'utf8');
      const rows = Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), { delimiter: ';' }).data.filter((r) => r.length > 1);
      assert.ok(rows.length >= 2, 'the results are exported');
      for (const cell of rows.flat()) assert.ok(!/^[\t\r]/.test(cell) && !/^\s*[=+\-@]/u.test(cell), `inert cell: ${JSON.stringify(cell)}`);
      assert.ok(rows.flat().some((c) => c.startsWith(`'${PAYLOADS.formula}`)), 'the formula is there, neutralised');
      await card.click();
      await library.locator('#fiche-title').waitFor();
      const fiche = await shadowText(page, 'pi-practice-library');
      for (const p of [PAYLOADS.script, PAYLOADS.svg, PAYLOADS.template, PAYLOADS.formula, PAYLOADS.xml, PAYLOADS.js]) assert.ok(fiche.includes(p.replace(/\s+/g, ' ')), `the fiche shows ${p} as text`);
      // The ONPE fiche too.
      await page.goto(`${base}/pages/${mode}/library.html`);
      await library.locator('#q').fill('Fiche');
      await library.locator(`ol.cards a[data-id="${seed.fiche.id}"]`).click({ timeout: 15_000 });
      await library.locator('#fiche-title').waitFor();
      const onpe = await shadowText(page, 'pi-practice-library');
      for (const p of [PAYLOADS.img, PAYLOADS.js, PAYLOADS.formulaPlus, PAYLOADS.entity]) assert.ok(onpe.includes(p), `the ONPE fiche shows ${p} as text`);
      break;
    }
    case 'board': {
      const board = page.locator('pi-review-board');
      await board.locator('#practice-title').waitFor({ timeout: 15_000 });
      const shown = await shadowText(page, 'pi-review-board');
      for (const p of [PAYLOADS.img, PAYLOADS.script, PAYLOADS.template.slice(0, 60), PAYLOADS.js, PAYLOADS.sql]) assert.ok(shown.includes(p), `the board shows ${p} as text`);
      const before = ((await store.get(seed.submitted.id, { actor: { id: 'chair', role: 'chair' } })) as Practice).version;
      if (before === seed.submitted.version) {
        await board.locator('#action-START_REVIEW').click();
        await board.locator('#action-submit').click();
        await board.locator('#action-GIVE_OPINION').waitFor({ timeout: 15_000 });
      }
      const entries = await board.locator('.history > li').count();
      await board.locator('#action-GIVE_OPINION').click();
      await board.locator('#f-opinion-favorable').check();
      await board.locator('#f-comment').fill(`${mode} ${PAYLOADS.svg}`);
      await board.locator('#action-submit').click();
      await board.locator('.history > li').nth(entries).waitFor({ timeout: 15_000 });
      assert.ok((await shadowText(page, 'pi-review-board')).includes(`${mode} ${PAYLOADS.svg}`), 'the opinion is shown as typed');
      const after = (await store.get(seed.submitted.id, { actor: { id: 'chair', role: 'chair' } })) as Practice;
      assert.equal(after.review.opinions.find((o) => o.actor.id === 'chair')?.comment, `${mode} ${PAYLOADS.svg}`);
      break;
    }
    case 'editor': {
      const editor = page.locator('pi-fiche-editor');
      await editor.locator('#f-summary').waitFor({ timeout: 15_000 });
      assert.equal(await editor.locator('#f-means').inputValue(), PAYLOADS.img, 'a hostile section is edited as text');
      const summary = `${mode} ${PAYLOADS.script} ${PAYLOADS.xml}`;
      await editor.locator('#f-summary').fill(summary);
      await editor.locator('form button[type=submit]').first().click();
      await editor.locator('#notice').waitFor({ timeout: 15_000 });
      const saved = (await store.get(seed.fiche.id)) as { fiche?: { summary: string } };
      assert.equal(saved.fiche?.summary, summary, 'the editor saved');
      break;
    }
  }
}

for (const mode of ['csp', 'css'] as const) {
  for (const element of ['form', 'library', 'board', 'editor'] as const) {
    const where = mode === 'csp' ? 'under a strict CSP with Trusted Types' : 'on a page with hostile CSS';
    test(`${FILES[element]} works ${where}, and hostile text stays text`, { skip, timeout: 90_000 }, async () => {
      const opened = await open(mode, element);
      try {
        await flow(mode, element, opened);
        // PI_STRICT_SCREENSHOTS=1 keeps a picture of each page, to see what a hostile page does to the look.
        if (process.env.PI_STRICT_SCREENSHOTS) await opened.page.screenshot({ path: `.test-results/strict-${mode}-${element}.png`, fullPage: true });
        await assertClean(opened, `${element} (${mode})`);
      } catch (e) {
        await opened.page.screenshot({ path: `.test-results/strict-${mode}-${element}.png`, fullPage: true }).catch(() => undefined);
        throw e;
      } finally {
        await opened.page.context().close();
      }
    });
  }
}

test('the policy is really enforced: an inline script and a string-to-HTML sink are refused and reported on the CSP page', { skip, timeout: 30_000 }, async () => {
  const opened = await open('csp', 'library');
  try {
    const result = await opened.page.evaluate(`(() => {
      const out = {};
      try { document.body.insertAdjacentHTML('beforeend', '<b>x</b>'); out.html = 'allowed'; } catch (e) { out.html = e.name; }
      try { trustedTypes.createPolicy('other', { createHTML: (s) => s }); out.policy = 'allowed'; } catch (e) { out.policy = e.name; }
      return out;
    })()`);
    assert.deepEqual(result, { html: 'TypeError', policy: 'TypeError' }, 'Trusted Types are required, and no other policy may be created');
    const { violations } = await injected(opened.page);
    assert.ok(violations.length >= 2, 'the watcher sees violations when there are some');
  } finally {
    await opened.page.context().close();
  }
});

/** The computed text styles of the first few elements of each kind inside an element's shadow root. */
async function textStyles(page: Page, element: Element): Promise<Record<string, string>[]> {
  await page.locator(`${FILES[element]} :is(h2, label, button, p)`).first().waitFor({ timeout: 15_000 });
  return page.evaluate(`(() => {
    const root = document.querySelector('${FILES[element]}').shadowRoot;
    const picked = ['h2', 'h3', 'label', 'p', 'button', 'input', 'a', 'li'].flatMap((s) => [...root.querySelectorAll(s)].slice(0, 2));
    const props = ['font-family', 'font-size', 'font-style', 'font-weight', 'line-height', 'color', 'letter-spacing', 'word-spacing', 'text-transform', 'text-align', 'text-indent', 'text-shadow', 'white-space'];
    return picked.map((el) => { const cs = getComputedStyle(el); return Object.fromEntries([['element', el.localName + (el.id ? '#' + el.id : '')], ...props.map((p) => [p, cs.getPropertyValue(p)])]); });
  })()`);
}

for (const element of ['form', 'library', 'board', 'editor'] as const) {
  test(`the hostile page's CSS does not reach the text inside ${FILES[element]} (same computed styles as on a plain page)`, { skip, timeout: 60_000 }, async () => {
    const plain = await open('csp', element);
    const hostile = await open('css', element);
    try {
      const expected = await textStyles(plain.page, element);
      assert.ok(expected.length >= 4, 'elements to compare');
      assert.deepEqual(await textStyles(hostile.page, element), expected);
    } finally {
      await plain.page.context().close();
      await hostile.page.context().close();
    }
  });
}
