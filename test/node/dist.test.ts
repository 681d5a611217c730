// The built package, as a user's Node program imports it: no DOM, through the exports map.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { FOLLOW_UP_STRINGS } from '../../widgets/declaration-form/follow-up-strings.js';
import { FORM_STRINGS } from '../../widgets/declaration-form/strings.js';

const run = (code: string) => execFileSync(process.execPath, ['--input-type=module', '-e', code], { encoding: 'utf8' });

test('the domain imports in Node with no DOM and validates', () => {
  const out = run(`
    import { validateDeclaration, createMemoryStore, reviewMachine, taxonomy } from 'pratiques-inspirantes';
    const r = validateDeclaration({});
    console.log(JSON.stringify([typeof document, typeof window, r.ok, r.errors.length > 5, typeof reviewMachine.transition, taxonomy.departments.length, typeof createMemoryStore]));
  `);
  assert.deepEqual(JSON.parse(out), ['undefined', 'undefined', false, true, 'function', 101, 'function']);
});

test('the examples entry seeds a store from the same copy of the domain', () => {
  const out = run(`
    import { createExampleStore } from 'pratiques-inspirantes/examples';
    import { PracticeStoreError } from 'pratiques-inspirantes';
    const store = createExampleStore();
    const r = await store.search({ levels: ['onpe'] });
    let same = false;
    try { await store.list({}, { actor: { id: 'x', role: 'declarant' } }); } catch (e) { same = e instanceof PracticeStoreError; }
    console.log(JSON.stringify([r.total >= 5, same]));
  `);
  assert.deepEqual(JSON.parse(out), [true, true]);
});

test('taxonomy.json is exported for portals', () => {
  const out = run(`
    import { createRequire } from 'node:module';
    const t = createRequire(import.meta.url)('pratiques-inspirantes/taxonomy.json');
    console.log(JSON.stringify([t.version, t.themes.length, t.regions.length, t.departments.find((d) => d.code === '2A').region]));
  `);
  assert.deepEqual(JSON.parse(out), ['2026.1', 10, 18, '94']);
});

test('the npm entry never touches zod\'s global configuration nor bundles its dependencies', () => {
  const js = readFileSync('dist/index.js', 'utf8');
  assert.ok(!/\bconfig\(\s*\{\s*jitless/.test(js));
  assert.match(js, /from ['"]zod\/mini['"]/);
  assert.match(js, /from ['"]xstate['"]/);
});

test('types are emitted for both entry points', () => {
  assert.match(readFileSync('dist/index.d.ts', 'utf8'), /types\/src\/index\.js/);
  assert.match(readFileSync('dist/types/src/review/machine.d.ts', 'utf8'), /reviewMachine/);
  assert.match(readFileSync('dist/types/examples/data/index.d.ts', 'utf8'), /createExampleStore/);
});

const gzipSize = (path: string) => gzipSync(readFileSync(path), { level: 9 }).length;
/** The chunk the form's file imports on demand (its name carries a hash), from the import() in the file itself. */
function formChunk() {
  const form = readFileSync('dist/cdn/pi-declaration-form.min.js', 'utf8');
  const found = [...form.matchAll(/import\(\s*["'`](\.\/chunks\/[^"'`]+\.min\.js)["'`]\s*\)/g)].map((m) => m[1]!);
  assert.equal(found.length, 1, `one chunk imported on demand: ${found.join(', ')}`);
  return { form, chunkPath: `dist/cdn/${found[0]!.slice(2)}` };
}

test('the form\'s own file stays within its 40 KB gzip budget, the follow-up chunk within 12 KB, and only the bundles set zod to jitless', () => {
  const { form, chunkPath } = formChunk();
  const size = gzipSize('dist/cdn/pi-declaration-form.min.js');
  assert.ok(size <= 40 * 1024, `pi-declaration-form.min.js is ${size} bytes gzip`);
  const chunkSize = gzipSize(chunkPath);
  assert.ok(chunkSize <= 12 * 1024, `${chunkPath} is ${chunkSize} bytes gzip`);
  assert.match(form, /jitless:\s*!0/);
  // The chunk runs after the file that imports it, and uses its zod (already jitless): it neither sets it again nor brings its own.
  const chunk = readFileSync(chunkPath, 'utf8');
  assert.ok(!/jitless/.test(chunk));
  assert.match(chunk, /from\s*["']\.\.\/pi-declaration-form\.min\.js["']/);
  assert.ok(!/import\s*\(|from\s*["'](?!\.\.\/pi-declaration-form\.min\.js)/.test(chunk), 'the chunk imports nothing else');
  for (const file of readdirSync('dist/widgets').filter((f) => f.endsWith('.js'))) {
    assert.ok(!/jitless/.test(readFileSync(`dist/widgets/${file}`, 'utf8')), file);
  }
});

test('the follow-up page\'s texts are in its chunk, none in the form\'s own file', () => {
  const { form, chunkPath } = formChunk();
  const chunk = readFileSync(chunkPath, 'utf8');
  // Plain texts as they are; for a text made by a function, its fixed parts (around the values it is given).
  const all = (catalogue: unknown) => {
    const texts = new Set<string>();
    const collect = (value: unknown): void => {
      if (typeof value === 'string') texts.add(value);
      else if (typeof value === 'function') String(value('\u0001', '\u0001')).split('\u0001').forEach(collect);
      else if (value && typeof value === 'object') Object.values(value).forEach(collect);
    };
    collect(catalogue);
    return texts;
  };
  // Single words ("Vous", "Aktenzeichen") are said elsewhere too; so is what the form's own catalogue also says.
  const formTexts = all(FORM_STRINGS);
  const texts = [...all(FOLLOW_UP_STRINGS)].map((t) => t.trim()).filter((t) => t.length >= 12 && /\s/.test(t) && !formTexts.has(t));
  assert.ok(texts.length > 100, `${texts.length} texts`);
  const inForm = texts.filter((t) => form.includes(t));
  assert.deepEqual(inForm, [], 'follow-up texts in pi-declaration-form.min.js');
  const notInChunk = texts.filter((t) => !chunk.includes(t));
  assert.deepEqual(notInChunk, [], 'follow-up texts missing from the chunk');
});

test('the chunk is published and reachable through the exports map', () => {
  const { chunkPath } = formChunk();
  const name = chunkPath.replace('dist/cdn/', '');
  const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { exports: Record<string, unknown> };
  assert.equal(pkg.exports['./cdn/*'], './dist/cdn/*');
  const resolved = run(`console.log(import.meta.resolve('pratiques-inspirantes/cdn/${name}'))`).trim();
  assert.ok(resolved.endsWith(`/${chunkPath}`), resolved);
  const packed = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })) as { files: { path: string }[] }[];
  const files = packed[0]!.files.map((f) => f.path);
  assert.ok(files.includes('dist/cdn/pi-declaration-form.min.js'));
  assert.ok(files.includes(chunkPath), `${chunkPath} in the package`);
});

test('the widgets entry points use the domain through dist/index.js, not a copy; the follow-up page is a chunk next to them', () => {
  const files = readdirSync('dist/widgets').filter((f) => f.endsWith('.js'));
  for (const file of files) {
    const js = readFileSync(`dist/widgets/${file}`, 'utf8');
    assert.ok(!js.includes('class PracticeStoreError'), file);
    // Only the domain file and the files of this folder, never a path into src/.
    for (const [, path] of js.matchAll(/(?:from|import)\s*\(?\s*["'](\.[^"']*)["']/g)) assert.match(path!, /^(\.\.\/index\.js|\.\/[\w-]+\.js)$/, `${file}: ${path}`);
  }
  const all = files.map((f) => readFileSync(`dist/widgets/${f}`, 'utf8')).join('\n');
  assert.match(all, /from ['"]\.\.\/index\.js['"]/);
  const chunk = /import\(['"]\.\/(chunk-follow-up-page-[\w-]+\.js)['"]\)/.exec(all)?.[1];
  assert.ok(chunk && files.includes(chunk), `the follow-up page's chunk: ${chunk}`);
  // index.js and define.js share one copy of the elements: a page importing both ships each class once.
  const holders = files.filter((f) => /class PiDeclarationForm\b/.test(readFileSync(`dist/widgets/${f}`, 'utf8')));
  assert.equal(holders.length, 1, `the elements are in one file: ${holders.join(', ')}`);
  const out = run(`
    import { PiDeclarationForm, DeclarantActionEvent, DeclarantActionErrorEvent } from 'pratiques-inspirantes/widgets';
    console.log(JSON.stringify([typeof PiDeclarationForm, DeclarantActionEvent.eventName, DeclarantActionErrorEvent.eventName]));
  `);
  assert.deepEqual(JSON.parse(out), ['function', 'pi-declarant-action', 'pi-declarant-action-error']);
});

test('the fiche editor\'s own file registers <pi-fiche-editor>, sets zod to jitless and stays within its 55 KB gzip budget', () => {
  const file = 'dist/cdn/pi-fiche-editor.min.js';
  const size = gzipSize(file);
  // Measured 48.5 KB: Lit, zod (the fiche's schema), xstate (the machine says what the editor may do) and the element.
  assert.ok(size <= 55 * 1024, `${file} is ${size} bytes gzip`);
  const text = readFileSync(file, 'utf8');
  assert.match(text, /jitless:\s*!0/);
  assert.match(text, /pi-fiche-editor/);
});
