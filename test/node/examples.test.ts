// The runnable examples (docs/examples/): each is one npm script, and each page works in Chromium as a visitor would use it.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { createServer, type ViteDevServer } from 'vite';
import { launchChromium, watchErrors } from '../support/chromium.js';
// @ts-expect-error: a plain script of the examples, without types
import { startExample } from '../../examples/serve-example.mjs';

const ROOT = resolve(import.meta.dirname, '../..');
const scripts = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
let browser: Browser;

before(async () => { browser = await launchChromium(); });
after(async () => { await browser?.close(); });

const textOf = (tag: string) => `(document.querySelector('${tag}')?.shadowRoot?.textContent ?? '')`;

/** Opens a page, waits for the form's first step (and the library's results when there is one), returns the page's errors. */
async function visit(url: string, withLibrary: boolean): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage();
  const errors = watchErrors(page);
  await page.goto(url);
  await page.waitForFunction(`${textOf('pi-declaration-form')}.includes('Informations préalables')`, undefined, { timeout: 20_000 });
  if (withLibrary) await page.waitForFunction(`/\\d+ pratiques? trouvées?/.test(${textOf('pi-practice-library')})`, undefined, { timeout: 20_000 });
  return { page, errors };
}

test('every example starts with one npm script', () => {
  for (const name of ['cdn', 'wordpress', 'react', 'vue']) assert.ok(scripts[`example:${name}`], `npm run example:${name}`);
});

for (const [name, withLibrary] of [['cdn', true], ['wordpress', false]] as const) {
  test(`the ${name} page loads only the CDN files, with the reference server under /api`, async () => {
    const example = (await startExample(name)) as { url: string; close(): Promise<void> };
    try {
      const { page, errors } = await visit(example.url, withLibrary);
      // The page loads the self-contained files only: nothing of the package's npm entry points.
      const scriptsLoaded = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname).filter((p) => p.endsWith('.js')));
      assert.ok(scriptsLoaded.length > 0 && scriptsLoaded.every((p) => p.startsWith('/dist/cdn/')), scriptsLoaded.join(', '));
      assert.equal(await page.evaluate(() => document.querySelector('pi-declaration-form')?.getAttribute('endpoint')), '/api');
      assert.deepEqual(errors, []);
      await page.close();
    } finally {
      await example.close();
    }
  });
}

for (const framework of ['react', 'vue']) {
  test(`the ${framework} example: the elements render, and opening a fiche reaches the application through the typed event`, async () => {
    const server: ViteDevServer = await createServer({
      configFile: join(ROOT, `examples/${framework}/vite.config.ts`),
      server: { port: 0, strictPort: false },
      logLevel: 'error',
    });
    await server.listen();
    try {
      const { page, errors } = await visit(server.resolvedUrls!.local[0]!, true);
      assert.match(await page.locator('.opened').innerText(), /Aucune fiche ouverte/);
      // A click in the library's shadow root: the element fires pi-practice-open, the application shows what it got.
      const link = page.locator('pi-practice-library h3 a').first();
      const title = (await link.innerText()).trim();
      await link.click();
      await page.waitForFunction(() => document.querySelector('.opened')?.textContent?.includes('PI-'));
      assert.ok((await page.locator('.opened').innerText()).includes(title), 'the fiche the person opened');
      assert.deepEqual(errors, []);
      await page.close();
    } finally {
      await server.close();
    }
  });
}

test('the React example type-checks: props and events against the element and event classes', () => {
  try {
    execFileSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', join(ROOT, 'examples/react/tsconfig.json')], { encoding: 'utf8' });
  } catch (e) {
    assert.fail(`tsc: ${(e as { stdout?: string }).stdout}`);
  }
});
