// The newcomer's path through the three elements against the running demo (`npm start`: pages and the
// reference server on PGlite), in headless Chromium: declare → complements → opinions → decision →
// publication → search, then a restart that loses nothing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/chromium.js';
import { fillDeclarationForm } from '../support/form-steps.js';

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const TITLE = 'Café des parents du quartier Moulins';

const freePort = () => new Promise<number>((resolve, reject) => {
  const s = createServer();
  s.once('error', reject);
  s.listen(0, '127.0.0.1', () => {
    const { port } = s.address() as { port: number };
    s.close(() => resolve(port));
  });
});

let dataDir = '';
let port = 0;
let demo: ChildProcess | undefined;
let browser: Browser | undefined;
let output = '';

/** `node examples/serve.mjs`, as `npm start` runs it after the build, on a fresh PGlite folder. */
async function startDemo(): Promise<void> {
  output = '';
  demo = spawn(process.execPath, ['examples/serve.mjs'], {
    // Every page and the test share 127.0.0.1: a limit per client that the walk-through never reaches.
    env: { ...process.env, PORT: String(port), PI_DATA_DIR: dataDir, PI_TOKENS: '', PI_TOKENS_FILE: '', PI_SUBMIT_RATE: '10000', PI_SUBMIT_RATE_WINDOW_SECONDS: '60' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the demo did not start in 60 s:\n${output}`)), 60_000);
    const read = (chunk: Buffer) => {
      output += chunk;
      if (output.includes('(Ctrl+C')) {
        clearTimeout(timer);
        resolve();
      }
    };
    demo!.stdout!.on('data', read);
    demo!.stderr!.on('data', read);
    demo!.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the demo exited (${code}):\n${output}`));
    });
  });
}

async function stopDemo(): Promise<void> {
  if (!demo || demo.exitCode !== null) return;
  const exited = new Promise((r) => demo!.once('exit', r));
  demo.kill('SIGTERM');
  await exited;
}

const url = (path: string) => `http://127.0.0.1:${port}/examples/${path}`;

async function open(path: string): Promise<Page> {
  const page = await browser!.newPage({ viewport: { width: 1280, height: 900 } });
  page.on('pageerror', (e) => output += `\n[page error] ${e.message}`);
  await page.goto(url(path));
  return page;
}

/** One action of the board: open it, fill what it requires, confirm, and wait for the history to show it. */
async function act(page: Page, type: string, fill?: { comment?: string; opinion?: string }) {
  const board = page.locator('pi-review-board');
  await board.locator(`#action-${type}`).click();
  if (fill?.opinion) await board.locator(`#f-opinion-${fill.opinion}`).check();
  if (fill?.comment) await board.locator('#f-comment').fill(fill.comment);
  const entries = await board.locator('.history > li').count();
  await board.locator('#action-submit').click();
  await board.locator('.history > li').nth(entries).waitFor({ timeout: 15_000 });
}

async function asRole(role: string, practiceId: string): Promise<Page> {
  const page = await open(`review.html?role=${role}&pratique=${encodeURIComponent(practiceId)}`);
  await page.locator('pi-review-board #practice-title').waitFor({ timeout: 15_000 });
  return page;
}

const missing = !existsSync(CHROMIUM) ? `no Chromium at ${CHROMIUM}` : !existsSync('dist/pratiques-inspirantes.min.js') ? 'run `npm run build` first' : undefined;
// Skipped on a machine without Chromium or a build; under CI that is a failure, not a skip.
const skip = process.env.CI ? false : missing;
if (missing && process.env.CI) throw new Error(`the end-to-end test cannot run: ${missing}`);

before(async () => {
  if (skip) return;
  dataDir = mkdtempSync(join(tmpdir(), 'pi-e2e-'));
  port = await freePort();
  await startDemo();
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await stopDemo();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

test('a newcomer declares a practice, the committee reviews it, the declarant completes it, and the library finds it', { skip, timeout: 240_000 }, async () => {
  // 1. The partner's page: the form, every step, sent to the reference server.
  const partner = await open('declaration.html');
  const form = partner.locator('pi-declaration-form');
  await fillDeclarationForm(form, {
    entityName: 'Association Grandir Ensemble 59',
    title: TITLE,
    description: 'Un café mensuel où parents et éducateurs parlent des difficultés du quotidien.',
    representative: 'Conseil départemental du Nord',
    declarantName: 'Camille Martin',
    declarantEmail: 'camille.martin@example.org',
  });
  await form.locator('button[type=submit]').click(); // the summary's "send"
  const link = await form.locator('#follow-up-link').getAttribute('href', { timeout: 15_000 });
  assert.ok(link, `a follow-up link is given:\n${output}`);
  const id = new URL(link, url('declaration.html')).searchParams.get('pratique')!;
  assert.ok(id);
  await partner.close();

  // 2. The chair starts the review and asks for complements.
  let chair = await asRole('presidence', id);
  assert.match(await chair.locator('pi-review-board #practice-title').textContent() ?? '', /Café des parents/);
  await act(chair, 'START_REVIEW');
  await act(chair, 'REQUEST_COMPLEMENTS', { comment: 'Combien de familles viennent chaque mois ?' });
  await chair.close();

  // 3. The declarant opens the secret link, reads the request and answers it.
  const own = await browser!.newPage();
  await own.goto(new URL(link, url('declaration.html')).href);
  const followUp = own.locator('pi-declaration-form');
  await followUp.getByText('Combien de familles viennent chaque mois ?').first().waitFor({ timeout: 15_000 });
  // The declarant sees the committee by role only (the board's demo members have names) and never an opinion.
  assert.equal(await followUp.getByText(/Présidence du comité|Membre du comité/).count(), 0, 'no committee member is named');
  await followUp.locator('button', { hasText: /compléments/i }).first().click();
  await followUp.locator('#f-description').fill('Un café mensuel où une vingtaine de familles et des éducateurs parlent des difficultés du quotidien.');
  // Through the steps to the summary, then send the complements.
  for (let i = 0; i < 6 && !(await followUp.locator('button[type=submit]', { hasText: /envoyer/i }).count()); i++) {
    await followUp.locator('button[type=submit]').click();
  }
  await followUp.locator('button[type=submit]', { hasText: /envoyer/i }).click();
  await followUp.getByText(/en cours d’examen/i).first().waitFor({ timeout: 15_000 });
  await own.close();

  // 4. Two opinions, the chair's decision (she sees what the complements changed), the editor's publication.
  const first = await asRole('membre-1', id);
  await act(first, 'GIVE_OPINION', { opinion: 'favorable', comment: 'Simple et transposable.' });
  await first.close();
  const second = await asRole('membre-2', id);
  await act(second, 'GIVE_OPINION', { opinion: 'favorable' });
  await second.close();
  chair = await asRole('presidence', id);
  const changes = chair.locator('pi-review-board .changes');
  assert.match(await changes.textContent() ?? '', /une vingtaine de familles/);
  await act(chair, 'ACCEPT', { comment: 'Pratique claire, deux avis favorables.' });
  await chair.close();
  const editor = await asRole('editeur', id);
  await act(editor, 'PUBLISH');
  await editor.close();

  // The declarant's link now says it is published, with the chair's motivation and never an opinion.
  const back = await browser!.newPage();
  await back.goto(new URL(link, url('declaration.html')).href);
  await back.locator('pi-declaration-form').getByText('Pratique claire, deux avis favorables.').first().waitFor({ timeout: 15_000 });
  const seen = await back.locator('pi-declaration-form').evaluate((el) => el.shadowRoot?.textContent ?? '');
  assert.match(seen, /Pratique claire/, 'the shadow root is what the declarant reads');
  assert.ok(!seen.includes('Simple et transposable'), 'no opinion reaches the declarant');
  await back.close();

  // 5. Anyone finds it in the library, through the same server.
  const library = await open('library.html');
  const lib = library.locator('pi-practice-library');
  await lib.locator('#q').fill('café parents moulins');
  await lib.locator('.card', { hasText: TITLE }).first().waitFor({ timeout: 15_000 });
  const shown = await lib.evaluate((el) => el.shadowRoot?.textContent ?? '');
  assert.match(shown, /Café des parents/);
  assert.ok(!shown.includes('camille.martin') && !shown.includes('Camille Martin'), 'no personal data in the library');
  await library.close();

  // 6. A restart of the demo loses nothing: the practice is still published, the history whole.
  await stopDemo();
  await startDemo();
  const res = await fetch(`http://127.0.0.1:${port}/api/search?text=${encodeURIComponent('café parents moulins')}`);
  const found = (await res.json()) as { items: { id: string }[] };
  assert.ok(found.items.some((p) => p.id === id), 'still published after a restart');
  const again = await asRole('presidence', id);
  const history = await again.locator('pi-review-board .history > li').count();
  assert.equal(history, 8, 'submit, start, request, complements, two opinions, accept, publish');
  await again.close();
});
