// A small Atom 1.0 writer (RFC 4287) for the public feed: one entry per published practice.
import { labelOf, type PublicPractice } from '../../src/index.js';

/** Options of {@link practicesToAtom}. */
export interface AtomOptions {
  /** The API's public base URL (`https://pratiques.example.org/api`): entry ids and links are built from it. */
  baseUrl: string;
  /** The feed's `<updated>` when there is no item; default now. */
  generatedAt?: string;
  title?: string;
  /** A page where people read the library (the `alternate` link), when there is one. */
  libraryUrl?: string | undefined;
  /** The feed's own path under `baseUrl` (its id and `self` link). Default `/feed.atom`. */
  path?: string;
  /** Highlights: each entry's summary is the committee's motivation, the practice's text its content. */
  highlights?: boolean;
}

// Characters XML 1.0 does not allow at all, even escaped: C0 controls but tab, LF and CR, lone surrogates, U+FFFE/U+FFFF.
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text safe in XML content and in a double- or single-quoted attribute. */
export function escapeXml(value: unknown): string {
  return String(value ?? '')
    .replace(INVALID_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    // A parser turns a raw CR (or CR LF) into LF: a reference keeps the text as written.
    .replace(/\r/g, '&#13;');
}

const el = (name: string, text: unknown, attrs = '') => `<${name}${attrs}>${escapeXml(text)}</${name}>`;
const attr = (name: string, value: unknown) => ` ${name}="${escapeXml(value)}"`;

function entry(p: PublicPractice, base: string, highlights = false): string {
  const body = p.declaration ?? p.fiche;
  const url = `${base}/practices/${encodeURIComponent(p.id)}`;
  const text = p.declaration?.description ?? p.fiche?.summary ?? '';
  const summary = highlights ? `Valorisée par le comité : ${p.highlight?.motivation ?? ''}` : text;
  const categories = [
    ...(body?.themes ?? []).map((code) => ['themes', code] as const),
    ...(body?.audiences ?? []).map((code) => ['audiences', code] as const),
  ].map(([list, code]) => `    <category${attr('term', code)}${attr('label', labelOf(list, code))}${attr('scheme', `${base}/taxonomy.json#${list}`)}/>`);
  return [
    '  <entry>',
    // The public view's URL is stable and unique: a good Atom id, and a link to the data itself.
    `    ${el('id', url)}`,
    `    ${el('title', body?.title ?? p.reference)}`,
    `    ${el('updated', p.updatedAt)}`,
    `    ${el('published', p.publishedAt)}`,
    `    <link rel="alternate" type="application/json"${attr('href', url)}/>`,
    `    <author>${el('name', body?.entityName ?? 'Pratiques inspirantes')}</author>`,
    `    ${el('summary', summary, ' type="text"')}`,
    ...(highlights ? [`    ${el('content', text, ' type="text"')}`] : []),
    ...categories,
    '  </entry>',
  ].join('\n');
}

/** The Atom feed of public practices, newest first as given. */
export function practicesToAtom(items: readonly PublicPractice[], options: AtomOptions): string {
  const base = options.baseUrl.replace(/\/+$/, '');
  const self = `${base}${options.path ?? '/feed.atom'}`;
  const updated = items.reduce((max, p) => (p.updatedAt > max ? p.updatedAt : max), '') || options.generatedAt || new Date().toISOString();
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="fr">',
    `  ${el('id', self)}`,
    `  ${el('title', options.title ?? 'Recueil des pratiques inspirantes en protection de l’enfance')}`,
    `  ${el('updated', updated)}`,
    `  <link rel="self" type="application/atom+xml"${attr('href', self)}/>`,
    ...(options.libraryUrl ? [`  <link rel="alternate" type="text/html"${attr('href', options.libraryUrl)}/>`] : []),
    `  <author>${el('name', 'Comité de sélection des pratiques inspirantes')}</author>`,
    '  <generator>pratiques-inspirantes</generator>',
    ...items.map((p) => entry(p, base, options.highlights)),
    '</feed>',
    '',
  ].join('\n');
}
