// `npm run docs`: the static documentation site (site/ by default, `--out DIR` elsewhere): the Markdown pages of docs/,
// one reference page per element from the Custom Elements Manifest, and the API reference built by typedoc.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SECTIONS, createRenderer, elementPage, elementsIndexPage, manifestElements, markdownPages, pageLang, titleOf } from './site.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const outArg = process.argv.indexOf('--out');
const out = resolve(root, outArg > 0 ? process.argv[outArg + 1] : 'site');
const started = performance.now();

const run = (title, command, args) => {
  const r = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`docs: ${title} failed`);
    process.exit(r.status ?? 1);
  }
};

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

// The manifest, fresh from the sources; the site publishes it too.
run('the Custom Elements Manifest', process.execPath, ['node_modules/@custom-elements-manifest/analyzer/cem.js', 'analyze', '--config', 'custom-elements-manifest.config.mjs', '--outdir', relative(root, out), '--quiet']);
const elements = manifestElements(JSON.parse(readFileSync(join(out, 'custom-elements.json'), 'utf8')));

const pages = [
  ...markdownPages(join(root, 'docs')),
  { name: 'elements/index', text: elementsIndexPage(elements) },
  ...elements.map((e) => ({ name: `elements/${e.tagName}`, text: elementPage(e) })),
];
const byName = new Map(pages.map((p) => [p.name, p]));

const escape = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The menu, with links relative to the page `from`. */
function nav(from) {
  const up = '../'.repeat(from.split('/').length - 1);
  const link = (href, text, current) => `<li><a href="${up}${href}"${current ? ' aria-current="page"' : ''}>${text}</a></li>`;
  const listed = new Set();
  const sections = SECTIONS.map((section) => {
    const items = section.pages.flatMap((name) => {
      if (name === '@api') return [link('api/index.html', 'API TypeScript (typedoc)', false)];
      if (name === '@elements') {
        listed.add('elements/index');
        return [link('elements/index.html', 'Tous les composants', from === 'elements/index'), ...elements.map((e) => { listed.add(`elements/${e.tagName}`); return link(`elements/${e.tagName}.html`, `Référence <code>&lt;${e.tagName}&gt;</code>`, from === `elements/${e.tagName}`); })];
      }
      const page = byName.get(name);
      if (!page) return [];
      listed.add(name);
      return [link(`${name}.html`, escape(titleOf(page.text, name)), from === name)];
    });
    return `<h2>${section.title}</h2><ul>${items.join('')}</ul>`;
  });
  const others = pages.filter((p) => !listed.has(p.name));
  if (others.length) sections.push(`<h2>Autres pages</h2><ul>${others.map((p) => link(`${p.name}.html`, escape(titleOf(p.text, p.name)), from === p.name)).join('')}</ul>`);
  return sections.join('\n');
}

const md = createRenderer();
// Repository files the pages link to (examples' sources), copied under source/.
const sources = new Set();
for (const page of pages) {
  const up = '../'.repeat(page.name.split('/').length - 1);
  const title = titleOf(page.text, page.name);
  const lang = pageLang(page.name);
  const html = `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)} — pratiques-inspirantes</title>
<link rel="stylesheet" href="${up}style.css">
</head>
<body>
<a class="skip" href="#contenu">Aller au contenu</a>
<header class="site-header"><p><a href="${up}index.html">pratiques-inspirantes</a> <span>documentation</span></p></header>
<div class="layout">
<nav aria-label="Documentation">
${nav(page.name)}
</nav>
<main id="contenu" lang="${lang}">
${md.render(page.text, { file: page.file, docsDir: join(root, 'docs'), depth: page.name.split('/').length - 1, sources })}
</main>
</div>
<footer><p>Site généré par <code>npm run docs</code> depuis <code>docs/</code>, <code>custom-elements.json</code> et le code (typedoc).</p></footer>
</body>
</html>
`;
  const file = join(out, `${page.name}.html`);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, html);
}

cpSync(join(root, 'docs/images'), join(out, 'images'), { recursive: true });
for (const file of sources) cpSync(join(root, file), join(out, 'source', file));
cpSync(join(root, 'scripts/docs/style.css'), join(out, 'style.css'));

// The API reference; warnings are errors (typedoc.json).
run('typedoc', process.execPath, ['node_modules/typedoc/bin/typedoc', '--out', relative(root, join(out, 'api')), '--logLevel', 'Warn']);

console.log(`docs: ${pages.length} pages, ${elements.length} elements and the API reference in ${relative(root, out) || '.'}/ (${((performance.now() - started) / 1000).toFixed(1)} s)`);
