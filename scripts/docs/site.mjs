// What the documentation site is made of: the Markdown pages of docs/, one reference page per element (from the
// Custom Elements Manifest), and how Markdown becomes HTML. Shared by the build (build.mjs) and the docs test.
import MarkdownIt from 'markdown-it';
import anchor from 'markdown-it-anchor';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/** GitHub's heading ids, so that links written for the repository work on the site too. */
export const slugify = (text) =>
  text.trim().toLowerCase().replace(/[^\p{L}\p{N}\s_-]/gu, '').replace(/\s/g, '-');

/** Markdown → HTML: ids on headings, and links to `.md` pages pointed at their `.html`. */
export function createRenderer() {
  const md = new MarkdownIt({ html: true, linkify: false, typographer: false });
  md.use(anchor, { slugify, tabIndex: false });
  const defaultLink = md.renderer.rules.link_open ?? ((tokens, i, options, env, self) => self.renderToken(tokens, i, options));
  md.renderer.rules.link_open = (tokens, i, options, env, self) => {
    const href = tokens[i].attrGet('href');
    if (href && !/^[a-z]+:/i.test(href) && !href.startsWith('#')) {
      const [path, fragment] = href.split('#');
      const target = env?.file ? resolve(dirname(env.file), decodeURIComponent(path)) : undefined;
      const docs = env?.docsDir ? resolve(env.docsDir) : undefined;
      if (target && docs && !target.startsWith(`${docs}/`) && existsSync(target) && statSync(target).isFile()) {
        // A repository file (an example's source): the site carries a copy under source/, so the link works offline too.
        const inRepo = relative(resolve(docs, '..'), target).split('\\').join('/');
        env.sources?.add(inRepo);
        tokens[i].attrSet('href', `${'../'.repeat(env.depth ?? 0)}source/${inRepo}${fragment ? `#${fragment}` : ''}`);
      } else tokens[i].attrSet('href', href.replace(/\.md(#|$)/, '.html$1'));
    }
    return defaultLink(tokens, i, options, env, self);
  };
  return md;
}

const walk = (dir) =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));

/**
 * Where each page of docs/ goes in the site's menu. A page not listed here still gets built and linked from
 * « Autres pages », so a new page is never lost.
 */
export const SECTIONS = [
  { title: 'Commencer', pages: ['index', 'guides/formulaire', 'guides/bibliotheque', 'guides/node', 'guides/taxonomie', 'guides/serveur', 'guides/personnaliser', 'guides/langues', 'examples', 'examples/cdn', 'examples/wordpress', 'examples/react', 'examples/vue'] },
  { title: 'Composants', pages: ['declaration-form', 'practice-library', 'review-board', '@elements'] },
  { title: 'Référence', pages: ['@api', 'api', 'schemas', 'taxonomy', 'open-data', 'map'] },
  { title: 'Le projet', pages: ['architecture', 'server', 'fiches', 'campaigns', 'imports', 'performance', 'reliability'] },
];

/** The language a page is written in: the guides are in French, the older reference pages in English. */
export const pageLang = (name) => (name === 'index' || name.startsWith('guides/') || name.startsWith('elements/') ? 'fr' : 'en');

/** The Markdown pages of docs/: `{ name, file, text }`, name without `.md` (`guides/formulaire`). */
export function markdownPages(docsDir = 'docs') {
  return walk(docsDir)
    .filter((f) => f.endsWith('.md'))
    .map((file) => ({ name: relative(docsDir, file).replace(/\.md$/, '').split('\\').join('/'), file, text: readFileSync(file, 'utf8') }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** The first `# heading` of a Markdown text, without its Markdown. */
export const titleOf = (text, fallback) => (/^#\s+(.+)$/m.exec(text)?.[1] ?? fallback).replace(/[`*_]/g, '').trim();

const cell = (text) => String(text ?? '').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
// A code span inside a table cell: `|` escaped, or it would end the cell.
const code = (text) => (text ? `\`${String(text).replace(/`/g, "'").replace(/\|/g, '\\|').replace(/\r?\n/g, ' ')}\`` : '');

/** The custom elements of a manifest, in tag order. */
export const manifestElements = (manifest) =>
  manifest.modules
    .flatMap((m) => (m.declarations ?? []).filter((d) => d.customElement && d.tagName).map((d) => ({ ...d, modulePath: m.path })))
    .sort((a, b) => a.tagName.localeCompare(b.tagName));

/** An element's reference page, as Markdown, from its entry in the manifest. */
export function elementPage(element) {
  const lines = [];
  const guide = { 'pi-declaration-form': 'declaration-form', 'pi-practice-library': 'practice-library', 'pi-review-board': 'review-board' }[element.tagName];
  lines.push(`# \`<${element.tagName}>\``, '');
  if (element.summary) lines.push(`*${element.summary}*`, '');
  if (element.description) lines.push(element.description, '');
  lines.push(`Classe : \`${element.name}\` (\`import { ${element.name} } from 'pratiques-inspirantes/widgets'\`), enregistrée par \`pratiques-inspirantes/widgets/define\`.`);
  if (guide) lines.push(`Mode d’emploi détaillé : [${element.tagName}](../${guide}.md).`);
  lines.push('', '*Cette page est générée depuis `custom-elements.json` ; les descriptions viennent du code (en anglais).*', '');

  const attributes = element.attributes ?? [];
  lines.push('## Attributs', '');
  if (attributes.length) {
    lines.push('| attribut | propriété | type | défaut | description |', '|---|---|---|---|---|');
    for (const a of attributes) lines.push(`| ${code(a.name)} | ${code(a.fieldName)} | ${code(a.type?.text)} | ${code(a.default)} | ${cell(a.description)} |`);
  } else lines.push('Aucun.');
  lines.push('');

  const attributeFields = new Set(attributes.map((a) => a.fieldName));
  const properties = (element.members ?? []).filter((m) => m.kind === 'field' && !m.static && m.privacy !== 'private' && m.privacy !== 'protected' && m.description && !attributeFields.has(m.name));
  lines.push('## Propriétés sans attribut', '', 'À donner en JavaScript (`element.store = …`) ou par la liaison de propriété d’un framework.', '');
  if (properties.length) {
    lines.push('| propriété | type | description |', '|---|---|---|');
    for (const p of properties) lines.push(`| ${code(p.name)} | ${code(p.type?.text)} | ${cell(p.description)} |`);
  } else lines.push('Aucune.');
  lines.push('');

  const section = (title, items, head, row) => {
    lines.push(`## ${title}`, '');
    if (items?.length) {
      lines.push(head, head.replace(/[^|]+/g, '---'));
      for (const item of items) lines.push(row(item));
    } else lines.push('Aucun.');
    lines.push('');
  };
  section('Événements', element.events, '| événement | classe | description |', (e) => `| ${code(e.name)} | ${code(e.type?.text)} | ${cell(e.description)} |`);
  section('Emplacements (slots)', element.slots, '| nom | description |', (s) => `| ${s.name ? code(s.name) : '(par défaut)'} | ${cell(s.description)} |`);
  section('Parties (`::part`)', element.cssParts, '| partie | description |', (p) => `| ${code(p.name)} | ${cell(p.description)} |`);
  section('Propriétés personnalisées CSS', element.cssProperties, '| propriété | description |', (p) => `| ${code(p.name)} | ${cell(p.description)} |`);
  lines.push('Voir aussi : [personnaliser l’apparence](../guides/personnaliser.md).', '');
  return lines.join('\n');
}

/** The index of the elements' reference pages. */
export function elementsIndexPage(elements) {
  const lines = ['# Les composants', '', 'Chaque composant, ses attributs, propriétés, événements, parties et propriétés CSS, tels que `custom-elements.json` les décrit.', ''];
  for (const e of elements) lines.push(`- [\`<${e.tagName}>\`](${e.tagName}.md) — ${e.summary ?? ''}`);
  lines.push('');
  return lines.join('\n');
}
