// The documentation site: it builds (typedoc without a warning), no internal link is broken (pages, anchors, images),
// and every TypeScript / JavaScript sample of docs/ and README.md still compiles against the package as users get it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

const out = '.test-results/docs-site';
const walk = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));

test('npm run docs builds the site: guides, element pages, API reference, with no warning', () => {
  rmSync(out, { recursive: true, force: true });
  const r = spawnSync(process.execPath, ['scripts/docs/build.mjs', '--out', out], { encoding: 'utf8' });
  assert.equal(r.status, 0, `the docs build failed:\n${r.stdout}\n${r.stderr}`);
  assert.doesNotMatch(`${r.stdout}${r.stderr}`, /warning|avertissement/i);
  for (const page of ['index.html', 'guides/formulaire.html', 'guides/bibliotheque.html', 'guides/node.html', 'guides/taxonomie.html', 'guides/serveur.html', 'guides/personnaliser.html', 'guides/langues.html', 'performance.html', 'elements/index.html', 'api/index.html', 'custom-elements.json']) {
    assert.ok(existsSync(join(out, page)), `${page} is in the site`);
  }
  const manifest = JSON.parse(readFileSync(join(out, 'custom-elements.json'), 'utf8')) as { modules: { declarations?: { tagName?: string; customElement?: boolean }[] }[] };
  for (const tag of manifest.modules.flatMap((m) => (m.declarations ?? []).filter((d) => d.customElement && d.tagName).map((d) => d.tagName!))) {
    assert.ok(existsSync(join(out, 'elements', `${tag}.html`)), `every element has its page: ${tag}`);
  }
});

test('no internal link of the site is broken: pages, anchors, images', () => {
  assert.ok(existsSync(join(out, 'index.html')), 'the site was built by the test above');
  const files = walk(out);
  const present = new Set(files.map((f) => resolve(f)));
  const ids = new Map<string, Set<string>>();
  const idsOf = (file: string) => {
    if (!ids.has(file)) ids.set(file, new Set([...readFileSync(file, 'utf8').matchAll(/\s(?:id|name)="([^"]+)"/g)].map((m) => m[1]!)));
    return ids.get(file)!;
  };
  const broken: string[] = [];
  // source/ holds copies of repository files the pages link to (an example's index.html): not pages of the site.
  for (const file of files.filter((f) => f.endsWith('.html') && !relative(out, f).startsWith('source/'))) {
    const html = readFileSync(file, 'utf8');
    for (const m of html.matchAll(/\s(?:href|src)="([^"]*)"/g)) {
      const link = m[1]!.replace(/&amp;/g, '&');
      if (/^[a-z][a-z0-9+.-]*:/i.test(link) || link.startsWith('//')) continue; // another site: not ours to check
      // typedoc draws its hierarchy page in the browser: its anchors are not in the HTML.
      if (/(^|\/)hierarchy\.html#/.test(link) && file.includes(`${out}/api/`)) continue;
      const [path = '', fragment] = link.split('#') as [string, string | undefined];
      const target = path ? resolve(dirname(file), decodeURIComponent(path.split('?')[0]!)) : resolve(file);
      const where = `${relative(out, file)} → ${link}`;
      if (!present.has(target)) {
        broken.push(`${where} (no such file)`);
        continue;
      }
      if (fragment && target.endsWith('.html') && !idsOf(target).has(decodeURIComponent(fragment))) broken.push(`${where} (no such anchor)`);
    }
  }
  assert.deepEqual(broken, []);
});

/** The fenced TypeScript and JavaScript blocks of the docs; ` fragment` after the language opts one out. */
function samples() {
  const pages = [...walk('docs').filter((f) => f.endsWith('.md')), 'README.md'];
  const found: { page: string; line: number; lang: 'ts' | 'js'; code: string }[] = [];
  const skipped: string[] = [];
  for (const page of pages) {
    const lines = readFileSync(page, 'utf8').split('\n');
    for (let i = 0; i < lines.length; i++) {
      const open = /^```(ts|typescript|js|javascript|mjs)(\s+.*)?$/.exec(lines[i]!);
      if (!open) continue;
      const end = lines.findIndex((l, j) => j > i && /^```\s*$/.test(l));
      const code = lines.slice(i + 1, end).join('\n');
      if (/\bfragment\b/.test(open[2] ?? '')) skipped.push(`${page}:${i + 1}`);
      else found.push({ page, line: i + 1, lang: open[1]!.startsWith('t') ? 'ts' : 'js', code });
      i = end;
    }
  }
  return { found, skipped };
}

test('every TypeScript and JavaScript sample in the docs compiles against the built package (`fragment` opts out)', () => {
  assert.ok(existsSync('dist/index.d.ts') && existsSync('dist/widgets/index.d.ts'), 'run `npm run build` first: the samples import the package as users do');
  const { found } = samples();
  assert.ok(found.length >= 8, `the samples are found (${found.length})`);
  // Inside the project, so that `import … from 'pratiques-inspirantes'` resolves to this package's exports (dist/).
  const dir = '.test-results/docs-samples';
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const origin = new Map<string, string>();
  const files = found.map((s, n) => {
    const file = resolve(dir, `${s.page.replace(/[^\w]+/g, '-')}-${s.line}-${n}.${s.lang === 'ts' ? 'mts' : 'mjs'}`);
    // Each sample is a module of its own, so that two samples may use the same names.
    // A sample run from a clone imports the repository's files from its root (`./examples/server/server.js`).
    const code = s.code.replace(/(['"])\.\/(examples|src|widgets)\//g, `$1${relative(dir, '.')}/$2/`);
    writeFileSync(file, /^\s*(import|export)\s/m.test(code) ? code : `${code}\nexport {};\n`);
    origin.set(file, `${s.page}:${s.line}`);
    return file;
  });
  const program = ts.createProgram(files, {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    lib: ['lib.es2023.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'],
    types: ['node'],
    strict: true,
    allowJs: true,
    checkJs: true,
    noEmit: true,
    skipLibCheck: true,
  });
  const problems = ts.getPreEmitDiagnostics(program).filter((d) => d.file && origin.has(resolve(d.file.fileName))).map((d) => {
    const { line } = d.file!.getLineAndCharacterOfPosition(d.start ?? 0);
    const [page, start] = origin.get(resolve(d.file!.fileName))!.split(':');
    return `${page}:${Number(start) + line + 1}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
  });
  assert.deepEqual(problems, []);
});

test('a sample that no longer compiles is caught (the check can fail)', () => {
  const file = resolve('.test-results/docs-samples/broken.mts');
  writeFileSync(file, "import { validateDeclaration } from 'pratiques-inspirantes';\nvalidateDeclaration({}).nope.length;\n");
  const program = ts.createProgram([file], { module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, target: ts.ScriptTarget.ES2022, strict: true, noEmit: true, skipLibCheck: true, types: [] });
  const messages = ts.getPreEmitDiagnostics(program).filter((d) => d.file && resolve(d.file.fileName) === file).map((d) => ts.flattenDiagnosticMessageText(d.messageText, ' '));
  assert.ok(messages.some((m) => m.includes("'nope'")), messages.join('\n'));
});
