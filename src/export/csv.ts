// Open-data export of the public library: CSV for spreadsheets, the JSON feed for programs, and their file names.
// Pure domain: no DOM; the caller turns the string into a download (a Blob in a browser, a response on the server).
import { createFeed } from '../feed.js';
import type { Fiche, PublicDeclaration, PublicPractice } from '../model.js';
import { dateInParis, formatDateFr, toIsoDate } from '../schema/dates.js';
import { resolveLang, type Lang } from '../schema/messages.js';
import { OTHER } from '../taxonomy/lists.js';
import { labelOf, taxonomy as defaultTaxonomy, type AnyListName, type Taxonomy } from '../taxonomy/taxonomy.js';

/** Field separators {@link practicesToCsv} writes. */
export type CsvSeparator = ';' | ',';

/** Options of {@link practicesToCsv}. */
export interface CsvOptions {
  /** Language of the header row: `"fr"` (default), `"en"` or `"de"`. Values stay as the taxonomy labels them. */
  lang?: Lang;
  /**
   * Field separator. Default `";"`: a spreadsheet set up for French (Excel, LibreOffice) reads
   * `;` as the list separator, since `,` is the decimal comma. Use `","` for tools that expect
   * the international default.
   */
  separator?: CsvSeparator;
  /**
   * Starts the file with a UTF-8 byte order mark (U+FEFF). Default `true`: without it, Excel
   * reads a UTF-8 file as Windows-1252 and garbles every accented letter. Pass `false` for
   * programs that do not skip a BOM.
   */
  bom?: boolean;
  /** The taxonomy whose labels are written (a host's overrides); default the built-in one. */
  taxonomy?: Taxonomy;
}

/** Options of {@link practicesToJson}. */
export interface JsonExportOptions {
  /** The feed's `generatedAt`: a `Date` or an ISO timestamp; default now. */
  generatedAt?: Date | string;
}

/** The two export formats. */
export type ExportKind = 'csv' | 'json';

/**
 * The CSV columns, in the order they are written. The order and the keys are stable: a column
 * may be added at the end, never removed, renamed or moved, so that scripts reading the file
 * by position keep working.
 *
 * | key | content |
 * |---|---|
 * | `reference` | `PI-2026-000123` |
 * | `level` | level label: *Pratique déclarée* or *Fiche dispositif ONPE* |
 * | `title` | title |
 * | `entity` | the entity that carries the practice (`entityName`) |
 * | `scale` | scale label |
 * | `interventionTypes` | labels joined with `" \| "`; the precision of *Autre* in parentheses: `Autre (Médiation)` |
 * | `themes` | the same |
 * | `audiences` | the same |
 * | `relay` | relay label, *Autre (precision)* likewise; empty for a fiche without relay |
 * | `regions` | région labels as declared, joined with `" \| "` |
 * | `departments` | `code – label` (`59 – Nord`), joined with `" \| "` |
 * | `locality` | the locality, when given |
 * | `implementationDate` | JJ/MM/AAAA; empty when a fiche does not give it |
 * | `description` | the declaration's description, or the fiche's summary |
 * | `objectives`, `means`, `keysToSuccess`, `expectedResults`, `difficulties` | the fiche's sections; empty for a declared practice |
 * | `partners` | the fiche's partners joined with `" \| "`; empty for a declared practice |
 * | `featured` | *Oui* / *Non* (*Yes* / *No*, *Ja* / *Nein* with `lang`) |
 * | `publishedAt` | JJ/MM/AAAA, the day in Paris |
 * | `id` | the practice's id, as used in the library's permalinks |
 */
export const CSV_COLUMNS = Object.freeze([
  'reference', 'level', 'title', 'entity', 'scale', 'interventionTypes', 'themes', 'audiences', 'relay',
  'regions', 'departments', 'locality', 'implementationDate', 'description',
  'objectives', 'means', 'keysToSuccess', 'expectedResults', 'difficulties', 'partners',
  'featured', 'publishedAt', 'id',
] as const);

/** Key of a CSV column; see {@link CSV_COLUMNS}. */
export type CsvColumn = (typeof CSV_COLUMNS)[number];

/** The header labels of each language and the words for yes and no: the one catalogue of the CSV export. */
export const CSV_LABELS: Readonly<Record<Lang, Readonly<Record<CsvColumn | 'yes' | 'no', string>>>> = Object.freeze({
  fr: {
    reference: 'Référence', level: 'Niveau', title: 'Titre', entity: 'Structure porteuse', scale: 'Échelle',
    interventionTypes: "Types d'intervention", themes: 'Thématiques', audiences: 'Publics visés', relay: 'Relais',
    regions: 'Régions', departments: 'Départements', locality: 'Localité',
    implementationDate: 'Date de mise en œuvre', description: 'Description ou résumé',
    objectives: 'Objectifs', means: 'Moyens nécessaires', keysToSuccess: 'Clés de réussite',
    expectedResults: 'Résultats attendus', difficulties: 'Difficultés', partners: 'Partenaires',
    featured: 'Pratique valorisée', publishedAt: 'Date de publication', id: 'Identifiant',
    yes: 'Oui', no: 'Non',
  },
  en: {
    reference: 'Reference', level: 'Level', title: 'Title', entity: 'Organisation', scale: 'Scale',
    interventionTypes: 'Intervention types', themes: 'Themes', audiences: 'Target audiences', relay: 'Relay',
    regions: 'Regions', departments: 'Départements', locality: 'Locality',
    implementationDate: 'Implementation date', description: 'Description or summary',
    objectives: 'Objectives', means: 'Means required', keysToSuccess: 'Keys to success',
    expectedResults: 'Expected results', difficulties: 'Difficulties', partners: 'Partners',
    featured: 'Featured', publishedAt: 'Publication date', id: 'Identifier',
    yes: 'Yes', no: 'No',
  },
  de: {
    reference: 'Referenz', level: 'Ebene', title: 'Titel', entity: 'Träger', scale: 'Ebene des Einsatzes',
    interventionTypes: 'Interventionsarten', themes: 'Themen', audiences: 'Zielgruppen', relay: 'Vermittler',
    regions: 'Regionen', departments: 'Départements', locality: 'Ort',
    implementationDate: 'Umsetzungsdatum', description: 'Beschreibung oder Zusammenfassung',
    objectives: 'Ziele', means: 'Erforderliche Mittel', keysToSuccess: 'Erfolgsfaktoren',
    expectedResults: 'Erwartete Ergebnisse', difficulties: 'Schwierigkeiten', partners: 'Partner',
    featured: 'Hervorgehoben', publishedAt: 'Veröffentlichungsdatum', id: 'Kennung',
    yes: 'Ja', no: 'Nein',
  },
});

/** Joins the values of a multi-valued cell. */
const LIST_JOINER = ' | ';

// Values are read defensively: a feed parsed with `parseFeed` is only checked at its surface,
// and one odd record must give an empty cell, not a failed export.
const text = (v: unknown): string => (typeof v === 'string' ? v : '');
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

/** Labels of codes; the "Autre" term carries its precision in parentheses: `Autre (Médiation)`. */
function labels(list: AnyListName, codes: readonly string[], other: unknown, t: Taxonomy): string {
  return codes.map((code) => {
    const label = labelOf(list, code, t);
    const precision = text(other).trim();
    return code === OTHER && precision ? `${label} (${precision})` : label;
  }).join(LIST_JOINER);
}

/** JJ/MM/AAAA of a plain ISO date or of a timestamp (its day in Paris); other text unchanged. */
function frenchDate(value: unknown): string {
  const s = text(value);
  if (!s) return '';
  if (/^\s*\d{4}-\d{2}-\d{2}\s*$/.test(s)) return formatDateFr(s);
  if (Number.isNaN(new Date(s).getTime())) return s;
  return formatDateFr(toIsoDate(dateInParis(s)));
}

// Control characters other than tab, LF and CR (C0, DEL, C1) disappear; so do lone surrogates,
// which no UTF-8 file can hold (U+FFFD would stand for them anyway). Everything else is kept.
const CONTROL = /[^\P{Cc}\t\n\r]|\p{Cs}/gu;
// A spreadsheet treats a cell as a formula when it starts with one of these, also after spaces.
const FORMULA_START = /^[\t\r]|^\s*[=+\-@]/u;

/**
 * Makes one cell safe: control characters removed, and a cell that a spreadsheet would run as a
 * formula (`=`, `+`, `-`, `@`, tab or CR first, even after leading spaces) prefixed with `'`,
 * which spreadsheets read as "this is text" (OWASP's CSV-injection rule). Then RFC 4180 quoting.
 */
function cell(value: string, separator: CsvSeparator): string {
  let s = value.replace(CONTROL, '');
  if (FORMULA_START.test(s)) s = `'${s}`;
  return s.includes(separator) || /["\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

type Row = Record<CsvColumn, string>;

/** The cells of one practice, read field by field: nothing outside this list can reach the file. */
function toRow(p: PublicPractice, t: Taxonomy, yes: string, no: string): Row {
  const isFiche = p.level === 'onpe';
  const fiche: Partial<Fiche> = (isFiche ? p.fiche : undefined) ?? {};
  const decl: Partial<PublicDeclaration> = (isFiche ? undefined : p.declaration) ?? {};
  const source: Partial<Fiche> | Partial<PublicDeclaration> = isFiche ? fiche : decl;
  const location = (source.location ?? {}) as { regions?: unknown; departments?: unknown; locality?: unknown };
  const relay = text(source.relay);
  return {
    reference: text(p.reference),
    level: p.level ? labelOf('levels', text(p.level), t) : '',
    title: text(source.title),
    entity: text(source.entityName),
    scale: source.scale ? labelOf('scales', text(source.scale), t) : '',
    interventionTypes: labels('interventionTypes', strings(source.interventionTypes), source.interventionTypeOther, t),
    themes: labels('themes', strings(source.themes), source.themeOther, t),
    audiences: labels('audiences', strings(source.audiences), source.audienceOther, t),
    relay: relay ? labels('relays', [relay], source.relayOther, t) : '',
    regions: strings(location.regions).map((code) => labelOf('regions', code, t)).join(LIST_JOINER),
    departments: strings(location.departments).map((code) => `${code} – ${labelOf('departments', code, t)}`).join(LIST_JOINER),
    locality: text(location.locality),
    implementationDate: frenchDate(source.implementationDate),
    description: isFiche ? text(fiche.summary) : text(decl.description),
    objectives: text(fiche.objectives),
    means: text(fiche.means),
    keysToSuccess: text(fiche.keysToSuccess),
    expectedResults: text(fiche.expectedResults),
    difficulties: text(fiche.difficulties),
    partners: strings(fiche.partners).join(LIST_JOINER),
    featured: p.featured === true ? yes : no,
    publishedAt: frenchDate(p.publishedAt),
    id: text(p.id),
  };
}

/**
 * The practices as CSV, one row per practice after a header row, in the column order of
 * {@link CSV_COLUMNS}: RFC 4180 quoting (a field holding the separator, a quote, CR or LF is
 * quoted, quotes doubled), CRLF after every row, the last included.
 *
 * Defaults suit French spreadsheet users: `;` as separator and a UTF-8 BOM (see
 * {@link CsvOptions}). Only the fields listed in {@link CSV_COLUMNS} are read, so even an
 * object carrying personal data (a full `Practice`) yields no declarant nor agreement.
 *
 * Every cell is made inert for spreadsheets: a cell that would start with `=`, `+`, `-`, `@`,
 * a tab or a CR (also after leading spaces) gets a leading `'`, so that a title like
 * `=HYPERLINK(…)` is shown as text and never run (formula injection); control characters other
 * than tab, LF and CR are removed; every other character (right-to-left text, emoji) is kept.
 *
 * @example
 * const csv = practicesToCsv(result.items, { lang: 'fr' });
 * const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
 */
export function practicesToCsv(items: readonly PublicPractice[], options: CsvOptions = {}): string {
  const separator: CsvSeparator = options.separator === ',' ? ',' : ';';
  const catalogue = CSV_LABELS[resolveLang(options.lang)];
  const t = options.taxonomy ?? defaultTaxonomy;
  const line = (cells: readonly string[]) => `${cells.map((c) => cell(c, separator)).join(separator)}\r\n`;
  let out = (options.bom ?? true) ? '\uFEFF' : '';
  out += line(CSV_COLUMNS.map((key) => catalogue[key]));
  for (const p of items) {
    const row = toRow(p, t, catalogue.yes, catalogue.no);
    out += line(CSV_COLUMNS.map((key) => row[key]));
  }
  return out;
}

// The public fields, listed one by one: TypeScript requires every key of the public types here,
// so a field added to a declaration later is a compile error until someone decides it is public.
const PRACTICE_FIELDS: Record<keyof PublicPractice, true> = {
  id: true, reference: true, level: true, featured: true, publishedAt: true, updatedAt: true, declaration: true, fiche: true,
  highlight: true, basedOn: true, fiches: true, campaign: true,
};
const DECLARATION_FIELDS: Record<keyof PublicDeclaration, true> = {
  conditionsAccepted: true, implementationDate: true, entityName: true, title: true, description: true,
  relay: true, relayOther: true, scale: true, interventionTypes: true, interventionTypeOther: true,
  themes: true, themeOther: true, audiences: true, audienceOther: true, location: true,
};
const FICHE_FIELDS: Record<keyof Fiche, true> = {
  title: true, entityName: true, summary: true, objectives: true, means: true, keysToSuccess: true,
  expectedResults: true, difficulties: true, partners: true, coAuthors: true, relay: true, relayOther: true,
  implementationDate: true, lastReviewedAt: true, scale: true, interventionTypes: true, interventionTypeOther: true,
  themes: true, themeOther: true, audiences: true, audienceOther: true, location: true,
};

/** A copy holding only the listed own fields that are set. */
function pick<T extends object>(value: T, fields: Record<keyof T, true>): T {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(fields)) {
    const v = (value as Record<string, unknown>)[key];
    if (Object.hasOwn(value, key) && v !== undefined) out[key] = v;
  }
  return out as T;
}

/** The public fields of a practice only, whatever object it is given; `featured` always a boolean, as in the CSV. */
function publicFields(p: PublicPractice): PublicPractice {
  const view = pick(p, PRACTICE_FIELDS);
  view.featured = p.featured === true;
  if (view.declaration) view.declaration = pick(view.declaration, DECLARATION_FIELDS);
  if (view.fiche) view.fiche = pick(view.fiche, FICHE_FIELDS);
  return view;
}

/**
 * The practices as the JSON feed of the library (`{ format, taxonomyVersion, generatedAt, items }`,
 * the format `parseFeed` reads and the library accepts as `src`), pretty-printed with two spaces
 * and ending with a newline. Like the CSV, it copies only the fields of `PublicPractice`.
 */
export function practicesToJson(items: readonly PublicPractice[], options: JsonExportOptions = {}): string {
  const feed = createFeed(items.map(publicFields), options.generatedAt ?? new Date());
  return `${JSON.stringify(feed, null, 2)}\n`;
}

/**
 * The download name of an export made at `at` (default now), dated by the day in Paris:
 * `pratiques-inspirantes-2026-03-01.csv`.
 */
export function exportFileName(kind: ExportKind, at: Date = new Date()): string {
  return `pratiques-inspirantes-${toIsoDate(dateInParis(at))}.${kind === 'json' ? 'json' : 'csv'}`;
}
