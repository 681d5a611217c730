// The built package, as a user's Node program imports it: no DOM, through the exports map.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

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

test('the form\'s own file stays within its 40 KB gzip budget, and only the bundles set zod to jitless', () => {
  const form = readFileSync('dist/cdn/pi-declaration-form.min.js');
  const size = gzipSync(form, { level: 9 }).length;
  assert.ok(size <= 40 * 1024, `pi-declaration-form.min.js is ${size} bytes gzip`);
  assert.match(form.toString(), /jitless:\s*!0/);
  assert.ok(!/jitless/.test(readFileSync('dist/widgets/index.js', 'utf8')));
});

test('the widgets entry points use the domain through dist/index.js, not a copy', () => {
  const widgets = readFileSync('dist/widgets/index.js', 'utf8');
  assert.match(widgets, /from ['"]\.\.\/index\.js['"]/);
  assert.ok(!widgets.includes('class PracticeStoreError'));
});
