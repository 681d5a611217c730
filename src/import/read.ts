// Reads import files (JSON or CSV) into the store's ImportRecords; the rules stay the schema's, checked by the store.
import Papa from 'papaparse';
import type { Source } from '../model.js';
import { FIELD_LABELS, type IssueCode } from '../schema/messages.js';
import type { ValidationError } from '../schema/fields.js';
import type { ImportRecord, ImportReport } from '../store/port.js';
import { taxonomy } from '../taxonomy/taxonomy.js';
import type { AnyListName } from '../taxonomy/taxonomy.js';

/** Where the records of a file come from: the observatory's fiches, or what Départements de France collected. */
export type ImportOrigin = 'onpe' | 'ddf';

/** The partner recorded on every declaration brought in from Départements de France. */
export const DDF_PARTNER = 'Départements de France';

/** Options of {@link readImport}. */
export interface ReadImportOptions {
  /** `csv` or `json`; default: guessed from the text (JSON starts with `[` or `{`). */
  format?: 'csv' | 'json';
  /**
   * The origin of records that do not say it themselves (no `level` column or field): `onpe` gives
   * fiches, `ddf` declarations collected by Départements de France. A JSON file may say it itself
   * (`{ "origin": "ddf", "records": [...] }`); this option, when given, wins over the file's.
   */
  origin?: ImportOrigin;
}

/** A problem found while reading a file, before the domain sees its records. */
export interface ReadProblem extends ValidationError {
  /** The record it concerns, from 0; `-1` for the file as a whole. */
  index: number;
}

/** What a file holds: records for the store, and what could not be read. */
export interface ReadImportResult {
  format: 'csv' | 'json';
  records: ImportRecord[];
  /** How a person finds each record in the file: `Ligne 3` (the spreadsheet's row, header on row 1) or `Enregistrement 3`. */
  positions: string[];
  problems: ReadProblem[];
  /** Records that could not be read at all (their level is unknown): only their reading problems are reported. */
  unreadable: number[];
}

/** Columns of a CSV file (and keys of a flat JSON record) → the path of the field they fill. */
const COLUMNS: Readonly<Record<string, string>> = {
  level: 'level', key: 'key',
  title: 'title', entityName: 'entityName', description: 'description', summary: 'summary',
  objectives: 'objectives', means: 'means', keysToSuccess: 'keysToSuccess', expectedResults: 'expectedResults', difficulties: 'difficulties',
  partners: 'partners', coAuthors: 'coAuthors',
  scale: 'scale', interventionTypes: 'interventionTypes', interventionTypeOther: 'interventionTypeOther',
  themes: 'themes', themeOther: 'themeOther', audiences: 'audiences', audienceOther: 'audienceOther',
  relay: 'relay', relayOther: 'relayOther',
  regions: 'location.regions', departments: 'location.departments', locality: 'location.locality',
  implementationDate: 'implementationDate', lastReviewedAt: 'lastReviewedAt',
  conditionsAccepted: 'conditionsAccepted',
  'departmentAgreement.obtained': 'departmentAgreement.obtained', 'departmentAgreement.representative': 'departmentAgreement.representative',
  'declarant.name': 'declarant.name', 'declarant.email': 'declarant.email', 'declarant.phone': 'declarant.phone',
  'declarant.accuracyCertified': 'declarant.accuracyCertified',
};

/** Fields holding several values in one cell, separated by `|` (or `;`). */
const MULTI = new Set(['partners', 'coAuthors', 'interventionTypes', 'themes', 'audiences', 'location.regions', 'location.departments']);
const BOOLEAN = new Set(['conditionsAccepted', 'departmentAgreement.obtained', 'declarant.accuracyCertified']);
/** Fields whose values are taxonomy codes, and the list they come from. */
const LISTS: Readonly<Record<string, AnyListName>> = {
  scale: 'scales', interventionTypes: 'interventionTypes', themes: 'themes', audiences: 'audiences', relay: 'relays',
  'location.regions': 'regions', 'location.departments': 'departments',
};

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[\s'’_-]+/g, ' ').trim();

let headerIndex: Map<string, string> | undefined;
/** A column is named by its field (`themes`, `location.regions`) or by the French label the form shows (« Thématique »). */
function headerToPath(header: string): string | undefined {
  if (!headerIndex) {
    headerIndex = new Map();
    for (const [column, path] of Object.entries(COLUMNS)) {
      headerIndex.set(fold(column), path);
      headerIndex.set(fold(path), path);
    }
    for (const [path, label] of Object.entries(FIELD_LABELS.fr)) {
      const target = Object.values(COLUMNS).includes(path) ? path : undefined;
      if (target && label) headerIndex.set(fold(label), target);
    }
    headerIndex.set(fold('niveau'), 'level');
    headerIndex.set(fold('cle'), 'key');
    headerIndex.set(fold('identifiant'), 'key');
  }
  return headerIndex.get(fold(header));
}

let termIndex: Map<AnyListName, Map<string, string>> | undefined;
/** A taxonomy value given by its code or its French label (accents, case and apostrophes ignored); anything else is left for the schema to refuse. */
function toCode(list: AnyListName, value: string): string {
  termIndex ??= new Map(
    (['scales', 'interventionTypes', 'themes', 'audiences', 'relays', 'regions', 'departments'] as const).map((name) => {
      const m = new Map<string, string>();
      for (const term of taxonomy[name] as readonly { code: string; label: string }[]) {
        m.set(fold(term.code), term.code);
        m.set(fold(term.label), term.code);
      }
      return [name, m];
    }),
  );
  return termIndex.get(list)?.get(fold(value)) ?? value;
}

const splitCell = (cell: string) => cell.split(/[|;\n]/).map((v) => v.trim()).filter(Boolean);

function toBoolean(cell: string): boolean | string {
  const f = fold(cell);
  if (['oui', 'true', 'vrai', '1', 'x', 'yes'].includes(f)) return true;
  if (['non', 'false', 'faux', '0', 'no'].includes(f)) return false;
  return cell;
}

/** `Nom (Organisme)` → a co-author. */
function toCoAuthor(value: string): { name: string; organisation?: string } {
  const m = /^(.*?)\s*\(([^()]*)\)\s*$/.exec(value);
  return m && m[1] ? { name: m[1], ...(m[2]!.trim() ? { organisation: m[2]!.trim() } : {}) } : { name: value };
}

function setPath(target: Record<string, unknown>, path: string, value: unknown) {
  const parts = path.split('.');
  let node = target;
  for (const part of parts.slice(0, -1)) node = (node[part] ??= {}) as Record<string, unknown>;
  node[parts.at(-1)!] = value;
}

/** Taxonomy labels in a record's content replaced by their codes, wherever the content came from. */
function normaliseContent(content: unknown): unknown {
  if (!content || typeof content !== 'object' || Array.isArray(content)) return content;
  const out: Record<string, unknown> = structuredClone(content as Record<string, unknown>);
  for (const [path, list] of Object.entries(LISTS)) {
    const parts = path.split('.');
    const holder = parts.length === 2 ? (out[parts[0]!] as Record<string, unknown> | undefined) : out;
    const key = parts.at(-1)!;
    if (!holder || typeof holder !== 'object') continue;
    const v = holder[key];
    if (typeof v === 'string') holder[key] = toCode(list, v);
    else if (Array.isArray(v)) holder[key] = v.map((x) => (typeof x === 'string' ? toCode(list, x) : x));
  }
  return out;
}

function levelOf(value: unknown, origin: ImportOrigin | undefined): 'onpe' | 'declared' | undefined {
  const f = typeof value === 'string' ? fold(value) : '';
  if (['onpe', 'fiche', 'fiche dispositif'].includes(f)) return 'onpe';
  if (['declared', 'declaration', 'ddf', 'departements de france'].includes(f)) return 'declared';
  if (f) return undefined;
  return origin === 'onpe' ? 'onpe' : origin === 'ddf' ? 'declared' : undefined;
}

const problem = (index: number, field: string, code: IssueCode, message: string): ReadProblem => ({ index, field, code, message });
const LEVEL_MESSAGE = 'Niveau\u00a0: indiquez « onpe » (fiche de l’observatoire) ou « declared » (déclaration de Départements de France), dans une colonne level ou pour tout le fichier.';

/** A flat row (CSV, or a flat JSON object) → an import record. */
function fromRow(row: Record<string, unknown>, index: number, origin: ImportOrigin | undefined, problems: ReadProblem[]): ImportRecord | undefined {
  const content: Record<string, unknown> = {};
  let level: unknown;
  let key: string | undefined;
  for (const [header, raw] of Object.entries(row)) {
    const path = headerToPath(header);
    if (!path) continue;
    const cell = typeof raw === 'string' ? raw.trim() : raw;
    if (cell === '' || cell === undefined || cell === null) continue;
    if (path === 'level') level = cell;
    else if (path === 'key') key = String(cell);
    else if (typeof cell !== 'string') setPath(content, path, cell);
    else if (MULTI.has(path)) setPath(content, path, path === 'coAuthors' ? splitCell(cell).map(toCoAuthor) : splitCell(cell));
    else if (BOOLEAN.has(path)) setPath(content, path, toBoolean(cell));
    else setPath(content, path, cell);
  }
  const resolved = levelOf(level, origin);
  if (!resolved) {
    problems.push(problem(index, 'level', 'invalid_choice', LEVEL_MESSAGE));
    return undefined;
  }
  if (content.location && typeof content.location === 'object') {
    const loc = content.location as Record<string, unknown>;
    loc.regions ??= [];
    loc.departments ??= [];
  } else {
    content.location = { regions: [], departments: [] };
  }
  // A row that names Départements de France as its level is theirs, whatever the file's origin.
  const rowOrigin = typeof level === 'string' && ['ddf', 'departements de france'].includes(fold(level)) ? 'ddf' : origin;
  return recordOf(resolved, normaliseContent(content), key, rowOrigin);
}

function recordOf(level: 'onpe' | 'declared', content: unknown, key: string | undefined, origin: ImportOrigin | undefined, source?: unknown): ImportRecord {
  if (level === 'onpe') return { level, fiche: content as Record<string, unknown>, ...(key ? { key } : {}) };
  // Declarations of a file from Départements de France say so, whatever they claim.
  const recorded: Source | undefined = origin === 'ddf' ? { partner: DDF_PARTNER } : (source as Source | undefined);
  return { level, declaration: content as Record<string, unknown>, ...(recorded !== undefined ? { source: recorded } : {}), ...(key ? { key } : {}) };
}

function readJson(text: string, origin: ImportOrigin | undefined): ReadImportResult {
  const problems: ReadProblem[] = [];
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return { format: 'json', records: [], positions: [], unreadable: [], problems: [problem(-1, '', 'invalid_type', `Le fichier n’est pas du JSON valide (${e instanceof Error ? e.message : String(e)}).`)] };
  }
  const list = Array.isArray(data) ? data : data && typeof data === 'object' && Array.isArray((data as { records?: unknown }).records) ? (data as { records: unknown[] }).records : undefined;
  if (!list) {
    return { format: 'json', records: [], positions: [], unreadable: [], problems: [problem(-1, '', 'invalid_type', 'Le fichier JSON doit être une liste d’enregistrements, ou un objet { "records": [...] }.')] };
  }
  // The file's own origin ({ "origin": "ddf", "records": [...] }) when the caller gave none.
  const own = Array.isArray(data) ? undefined : (data as { origin?: unknown }).origin;
  if (origin === undefined && typeof own === 'string') {
    if (own === 'onpe' || own === 'ddf') origin = own;
    else problems.push(problem(-1, 'origin', 'invalid_choice', `Origine du fichier\u00a0: « ${own} » est inconnue ; indiquez "origin": "onpe" (fiches de l’observatoire) ou "ddf" (Départements de France).`));
  }
  const records: ImportRecord[] = [];
  const positions: string[] = [];
  const unreadable: number[] = [];
  list.forEach((item, i) => {
    positions.push(`Enregistrement ${i + 1}`);
    const index = records.length;
    if (!item || typeof item !== 'object' || Array.isArray(item)) {
      problems.push(problem(index, '', 'not_an_object', 'Cet enregistrement n’est pas un objet JSON.'));
      unreadable.push(index);
      records.push({ level: 'declared', declaration: {} });
      return;
    }
    const r = item as Record<string, unknown>;
    const key = typeof r.key === 'string' || typeof r.key === 'number' ? String(r.key) : undefined;
    // A structured record ({ level, fiche | declaration }) or a flat one with the CSV's columns.
    if (r.fiche !== undefined || r.declaration !== undefined) {
      const level = levelOf(r.level, origin) ?? (r.fiche !== undefined ? 'onpe' : 'declared');
      records.push(recordOf(level, normaliseContent(level === 'onpe' ? r.fiche : r.declaration), key, origin, r.source));
      return;
    }
    const before = problems.length;
    const record = fromRow(r, index, origin, problems);
    records.push(record ?? { level: 'declared', declaration: {} });
    if (!record) unreadable.push(index);
    if (!record && problems.length === before) problems.push(problem(index, 'level', 'invalid_choice', LEVEL_MESSAGE));
  });
  return { format: 'json', records, positions, problems, unreadable };
}

function readCsv(text: string, origin: ImportOrigin | undefined): ReadImportResult {
  // A BOM (spreadsheets add one) is not part of the first column's name.
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: 'greedy', delimitersToGuess: [';', ',', '\t'] });
  const problems: ReadProblem[] = [];
  const headers = parsed.meta.fields ?? [];
  const unknown = headers.filter((h) => h.trim() && !headerToPath(h));
  if (unknown.length) {
    problems.push(problem(-1, '', 'invalid_choice', `Colonne(s) inconnue(s)\u00a0: ${unknown.map((h) => `« ${h.slice(0, 60)} »`).join(', ')}. Les colonnes reconnues sont décrites dans docs/imports.md.`));
  }
  for (const e of parsed.errors) {
    // Papa's row is the data row from 0 (the header excluded).
    const index = typeof e.row === 'number' ? e.row : -1;
    if (e.code === 'UndetectableDelimiter' && headers.length <= 1 && parsed.data.length === 0) continue;
    problems.push(problem(index, '', 'invalid_type', `Ligne illisible (${e.code === 'TooFewFields' || e.code === 'TooManyFields' ? 'nombre de colonnes différent de l’en-tête' : e.code === 'MissingQuotes' ? 'guillemet non refermé' : e.message}).`));
  }
  const records: ImportRecord[] = [];
  const positions: string[] = [];
  const unreadable: number[] = [];
  parsed.data.forEach((row, i) => {
    positions.push(`Ligne ${i + 2}`);
    const record = fromRow(row, i, origin, problems);
    if (!record) unreadable.push(i);
    records.push(record ?? { level: 'declared', declaration: {} });
  });
  if (!records.length && !problems.length) problems.push(problem(-1, '', 'required', 'Le fichier ne contient aucun enregistrement (une ligne d’en-tête, puis une ligne par pratique).'));
  return { format: 'csv', records, positions, problems, unreadable };
}

/**
 * Reads an import file into records for `runImport` / `importPractices`. Columns are named by field
 * (`themes`, `regions`, `declarant.email`) or by the form's French label; taxonomy values by code or
 * French label; several values in one cell are separated by `|` (or `;`). Nothing is validated here
 * beyond what reading needs: the store's import checks every record with the domain's schema.
 *
 * @example
 * const { records, problems } = readImport(csvText, { format: 'csv', origin: 'onpe' });
 * const report = await store.runImport(records, { actor: editor, dryRun: true });
 */
export function readImport(text: string, options: ReadImportOptions = {}): ReadImportResult {
  const format = options.format ?? (/^\uFEFF?\s*[[{]/.test(text) ? 'json' : 'csv');
  return format === 'json' ? readJson(text, options.origin) : readCsv(text, options.origin);
}

/** A problem as a person reads it: where it is in the file, then the domain's message (which names the field). */
export interface FileProblem {
  /** `Ligne 3`, `Enregistrement 2`, or `Fichier`. */
  position: string;
  index: number;
  field: string;
  code: string;
  message: string;
}

/** A dry run's or an import's report, told by the file's positions. */
export interface FileImportReport extends Omit<ImportReport, 'rows'> {
  rows: (ImportReport['rows'][number] & { position: string })[];
  /** Every problem of the file, reading ones and the domain's, in the file's order. */
  problems: FileProblem[];
}

/**
 * Joins what reading found to the store's report, so that each row lists every problem it has. A
 * row that could not be read is `invalid` even if the store had nothing against what was read of it.
 */
export function reportForFile(read: ReadImportResult, report: ImportReport): FileImportReport {
  const byIndex = new Map<number, ReadProblem[]>();
  for (const p of read.problems) byIndex.set(p.index, [...(byIndex.get(p.index) ?? []), p]);
  const rows = report.rows.map((r) => {
    const extra = (byIndex.get(r.index) ?? []).map(({ index: _i, ...e }) => e);
    // What the domain says of a record that could not be read is noise: its reading problem says it all.
    const problems = read.unreadable.includes(r.index) ? extra : [...extra, ...r.problems];
    return { ...r, position: read.positions[r.index] ?? `Enregistrement ${r.index + 1}`, problems, status: problems.length ? ('invalid' as const) : r.status };
  });
  const problems: FileProblem[] = [
    ...(byIndex.get(-1) ?? []).map((p) => ({ position: 'Fichier', index: -1, field: p.field, code: p.code, message: p.message })),
    ...rows.flatMap((r) => r.problems.map((p) => ({ position: r.position, index: r.index, field: p.field, code: p.code, message: `${r.position} — ${p.message}` }))),
  ];
  const invalid = rows.filter((r) => r.status === 'invalid').length;
  return {
    ...report,
    ok: problems.length === 0,
    rows,
    problems,
    counts: { ...report.counts, invalid, created: rows.filter((r) => r.status === 'new' || r.status === 'created').length },
  };
}
