// The package as npm publishes it: what the tarball holds, and a throwaway consumer project that installs it
// (offline: the tarball, plus the dependencies `npm ci` already installed) and uses it in Node, TypeScript and Chromium.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { build } from 'esbuild';
import type { Browser } from 'playwright-core';
import { launchChromium, serveStatic, shadowText, watchErrors } from '../support/chromium.js';

const ROOT = resolve(import.meta.dirname, '../..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  name: string; license: string; exports: Record<string, string | Record<string, string>>; dependencies: Record<string, string>; sideEffects: string[];
};

let work: string;
let project: string;
let installed: string;
let files: { path: string; size: number }[];
let browser: Browser;

/** The dependency closure of the package, as `npm ci` installed it at the top of node_modules. */
function dependencyClosure(names: string[], seen = new Set<string>()): Set<string> {
  for (const name of names) {
    if (seen.has(name)) continue;
    seen.add(name);
    const manifest = JSON.parse(readFileSync(join(ROOT, 'node_modules', name, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
    dependencyClosure(Object.keys(manifest.dependencies ?? {}), seen);
  }
  return seen;
}

before(async () => {
  work = mkdtempSync(join(tmpdir(), 'pi-consumer-'));
  const [packed] = JSON.parse(execFileSync('npm', ['pack', '--json', '--silent', '--pack-destination', work], { cwd: ROOT, encoding: 'utf8' })) as [{ filename: string; files: { path: string; size: number }[] }];
  files = packed.files;
  project = join(work, 'consumer');
  installed = join(project, 'node_modules', pkg.name);
  mkdirSync(installed, { recursive: true });
  execFileSync('tar', ['-xzf', join(work, packed.filename), '-C', installed, '--strip-components=1']);
  // Only the package's declared dependencies (and theirs) are there: a missing `dependencies` entry fails below.
  for (const name of dependencyClosure(Object.keys(pkg.dependencies))) {
    mkdirSync(dirname(join(project, 'node_modules', name)), { recursive: true });
    symlinkSync(join(ROOT, 'node_modules', name), join(project, 'node_modules', name), 'dir');
  }
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module', dependencies: { [pkg.name]: `file:../${packed.filename}` } }));
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('the tarball', () => {
  test('holds only what users need: the built files, types, data files, licence and notices', () => {
    const paths = files.map((f) => f.path);
    const top = new Set(['package.json', 'README.md', 'CHANGELOG.md', 'NOTICE.md', 'LICENSE']);
    for (const p of paths) {
      assert.ok(top.has(p) || p.startsWith('dist/'), `${p} is outside dist/`);
      assert.ok(!/(^|\/)(test|tests|bench|examples\/server|bundles)\/|\.test\./.test(p), `${p} is not for users`);
      assert.ok(!p.endsWith('.ts') || p.endsWith('.d.ts'), `${p}: TypeScript sources are not shipped`);
      assert.ok(!/\.(tgz|log|sql)$|\.test\.|\.generated\.ts$/.test(p), p);
    }
    for (const p of top) assert.ok(paths.includes(p), `${p} is in the package`);
    assert.equal(pkg.license, 'EUPL-1.2');
    assert.match(readFileSync(join(installed, 'LICENSE'), 'utf8'), /^EUROPEAN UNION PUBLIC LICENCE v\. 1\.2/);
    const notice = readFileSync(join(installed, 'NOTICE.md'), 'utf8');
    assert.match(notice, /CC BY 4\.0/);
    assert.match(notice, /Licence Ouverte/);
    for (const big of files.filter((f) => f.size > 2_500_000)) assert.fail(`${big.path} weighs ${big.size} bytes`);
  });

  test('every export points at a file in the tarball, with its types', () => {
    const paths = new Set(files.map((f) => f.path));
    for (const [entry, target] of Object.entries(pkg.exports)) {
      const targets = typeof target === 'string' ? [target] : Object.values(target);
      for (const t of targets) {
        const path = t.replace(/^\.\//, '');
        if (path.includes('*')) assert.ok([...paths].some((p) => p.startsWith(path.split('*')[0]!)), `${entry} → ${t}`);
        else assert.ok(paths.has(path), `${entry} → ${t} is missing from the tarball`);
      }
      if (typeof target !== 'string' && target.default?.endsWith('.js')) assert.ok(target.types, `${entry} has types`);
    }
  });

  test('source maps carry their sources and no path of the machine that built them', () => {
    for (const f of files.filter((x) => x.path.endsWith('.js.map'))) {
      const map = JSON.parse(readFileSync(join(installed, f.path), 'utf8')) as { sources: string[]; sourcesContent?: (string | null)[] };
      assert.equal(map.sourcesContent?.filter((s) => typeof s === 'string').length, map.sources.length, `${f.path} embeds every source`);
      for (const s of map.sources) assert.ok(!/^(\/|file:|[A-Za-z]:\\)/.test(s) && !s.includes(ROOT), `${f.path}: ${s}`);
    }
  });
});

describe('a consumer project', () => {
  test('imports the domain and the data files in Node, with no DOM', () => {
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', `
      import { createRequire } from 'node:module';
      import { validateDeclaration, createMemoryStore, declarationJsonSchema, taxonomy } from 'pratiques-inspirantes';
      const require = createRequire(import.meta.url);
      const schema = require('pratiques-inspirantes/declaration.schema.json');
      const openapi = require('pratiques-inspirantes/openapi.json');
      const t = require('pratiques-inspirantes/taxonomy.json');
      const store = createMemoryStore();
      const r = validateDeclaration({});
      console.log(JSON.stringify([typeof document, r.ok, JSON.stringify(schema) === JSON.stringify(declarationJsonSchema()), openapi.openapi, t.version === taxonomy.version, typeof store.submit]));
    `], { cwd: project, encoding: 'utf8' });
    assert.deepEqual(JSON.parse(out), ['undefined', false, true, '3.1.0', true, 'function']);
  });

  test('type-checks a TypeScript use of the elements and their events, against the shipped .d.ts only', () => {
    writeFileSync(join(project, 'tsconfig.json'), JSON.stringify({
      compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', lib: ['ES2023', 'DOM', 'DOM.Iterable'], strict: true, noEmit: true, skipLibCheck: false, types: [] },
      files: ['consumer.ts'],
    }));
    writeFileSync(join(project, 'consumer.ts'), `
      import { validateDeclaration, type Declaration, type PublicPractice } from 'pratiques-inspirantes';
      import { PiDeclarationForm, PracticeSubmittedEvent } from 'pratiques-inspirantes/widgets';
      import 'pratiques-inspirantes/widgets/define';

      const form = document.querySelector('pi-declaration-form');
      if (form) {
        const element: PiDeclarationForm = form; // HTMLElementTagNameMap knows the tag
        element.lang = 'en';
        element.addEventListener('pi-submitted', (e) => {
          const reference: string = e.detail.practice.reference; // typed through the event map
          const event: PracticeSubmittedEvent = e;
          console.log(reference, event.type);
          // @ts-expect-error: the detail has no such field, so the event is not typed as any
          console.log(e.detail.nope);
        });
      }
      document.querySelector('pi-practice-library')?.addEventListener('pi-practice-open', (e) => console.log(e.detail));
      const r = validateDeclaration({});
      const value: Declaration | undefined = r.ok ? r.value : undefined;
      const card: Pick<PublicPractice, 'reference'> = { reference: 'PI-2026-000001' };
      console.log(value, card);
    `);
    try {
      execFileSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', project], { cwd: project, encoding: 'utf8' });
    } catch (e) {
      assert.fail(`tsc: ${(e as { stdout?: string }).stdout}`);
    }
  });

  test('a bundler drops the side-effect-free entries and keeps the registering one (sideEffects)', async () => {
    const bundle = async (code: string) => (await build({
      stdin: { contents: code, resolveDir: project, loader: 'js' }, bundle: true, write: false, format: 'esm', minify: true, absWorkingDir: project, logLevel: 'silent',
    })).outputFiles[0]!.text;
    assert.equal((await bundle(`import 'pratiques-inspirantes'; import 'pratiques-inspirantes/widgets';`)).trim(), '', 'nothing left of entries imported for nothing');
    assert.match(await bundle(`import 'pratiques-inspirantes/widgets/define';`), /customElements/);
    const onlyTaxonomy = await bundle(`import { taxonomy } from 'pratiques-inspirantes'; console.log(taxonomy.version);`);
    assert.ok(!/customElements|LitElement/.test(onlyTaxonomy), 'the domain brings no element');
  });

  test('in Chromium: the domain and the classes register nothing; define, the npm import and the CDN files render the elements', async () => {
    const out = join(project, 'www');
    mkdirSync(out, { recursive: true });
    const entries: Record<string, string> = {
      'domain.js': `import * as domain from 'pratiques-inspirantes'; window.domainExports = Object.keys(domain).length;`,
      'classes.js': `import * as widgets from 'pratiques-inspirantes/widgets'; window.classes = Object.keys(widgets).filter((k) => k.startsWith('Pi'));`,
      'app.js': `
        import 'pratiques-inspirantes/widgets/define';
        import { createExampleStore } from 'pratiques-inspirantes/examples';
        const store = createExampleStore();
        for (const tag of ['pi-declaration-form', 'pi-practice-library']) {
          const el = document.createElement(tag);
          el.store = store;
          document.body.append(el);
        }`,
    };
    for (const [name, contents] of Object.entries(entries)) {
      await build({ stdin: { contents, resolveDir: project, loader: 'js' }, bundle: true, format: 'esm', outfile: join(out, name), absWorkingDir: project, logLevel: 'silent' });
    }
    writeFileSync(join(out, 'npm.html'), `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>npm</title>
      <script>
        // Every registration is recorded, whatever the tag: the test does not need to know the elements.
        window.defined = [];
        const define = customElements.define.bind(customElements);
        customElements.define = (name, ...rest) => { window.defined.push(name); return define(name, ...rest); };
      </script></head><body></body></html>`);
    writeFileSync(join(out, 'cdn.html'), `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>CDN</title>
      <script type="module" src="/node_modules/${pkg.name}/dist/cdn/pi-declaration-form.min.js"></script>
      <script type="module">
        import { createMemoryStore } from '/node_modules/${pkg.name}/dist/pratiques-inspirantes.min.js';
        const library = document.createElement('pi-practice-library');
        library.store = createMemoryStore();
        document.body.append(library);
      </script></head><body><pi-declaration-form></pi-declaration-form></body></html>`);
    const server = await serveStatic(project);
    const page = await browser.newPage();
    try {
      const errors = watchErrors(page);
      await page.goto(`${server.url}www/npm.html`);
      await page.evaluate("import('./domain.js')");
      assert.ok(await page.evaluate(() => (window as unknown as { domainExports: number }).domainExports) > 20);
      assert.deepEqual(await page.evaluate(() => (window as unknown as { defined: string[] }).defined), [], 'importing the domain registers no element');
      await page.evaluate("import('./classes.js')");
      const classes = await page.evaluate(() => (window as unknown as { classes: string[] }).classes);
      assert.ok(classes.length >= 3, classes.join());
      assert.deepEqual(await page.evaluate(() => (window as unknown as { defined: string[] }).defined), [], 'importing the classes registers no element');
      await page.evaluate("import('./app.js')");
      const defined = await page.evaluate(() => (window as unknown as { defined: string[] }).defined);
      assert.ok(defined.length >= classes.length && defined.every((t) => t.startsWith('pi-')), defined.join());
      await page.waitForFunction(() => (document.querySelector('pi-practice-library')?.shadowRoot?.textContent ?? '').includes('trouvée'));
      assert.match(await shadowText(page, 'pi-declaration-form'), /Informations préalables/);
      assert.deepEqual(errors, []);

      const cdn = await browser.newPage();
      const cdnErrors = watchErrors(cdn);
      await cdn.goto(`${server.url}www/cdn.html`);
      await cdn.waitForFunction(() => (document.querySelector('pi-declaration-form')?.shadowRoot?.textContent ?? '').includes('Informations préalables'));
      await cdn.waitForFunction(() => (document.querySelector('pi-practice-library')?.shadowRoot?.textContent ?? '').includes('Aucune pratique'));
      assert.deepEqual(cdnErrors, []);
      await cdn.close();
    } finally {
      await page.close();
      await server.close();
    }
  });

  test('the consumer used the tarball, not the working tree', () => {
    assert.ok(existsSync(join(installed, 'dist/index.js')));
    assert.ok(!existsSync(join(installed, 'src')) && !existsSync(join(installed, 'test')));
  });
});
