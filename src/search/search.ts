// The public library's search: a query → a ranked, faceted page over published practices.
// Pure domain code (no DOM): the memory store, the reference server and the library widget
// all answer `search` through this module, so that every place gives the same answers.
import MiniSearch from 'minisearch';
import type { Fiche, PublicDeclaration, PublicPractice } from '../model.js';
import { DEPARTMENTS } from '../taxonomy/territories.generated.js';

// ---------------------------------------------------------------------------------------------
// Query and result shapes
// ---------------------------------------------------------------------------------------------

/**
 * How results are ordered; ties always go by id, so the order is stable.
 * - `relevance`: text score (title > entity > body); with no text, featured first, then the
 *   most recently published;
 * - `recent`: `publishedAt`, newest first;
 * - `implementationDate`: newest first, practices without a date last;
 * - `title`: French alphabetical order, ignoring case and accents.
 */
export type SearchSort = 'relevance' | 'recent' | 'implementationDate' | 'title';

/** Levels a query may filter on. */
export type SearchLevel = 'declared' | 'onpe';

/**
 * A search of the public library. Every part is optional; an empty query lists everything.
 *
 * Values of one list combine with OR, lists combine with AND. Codes are the taxonomy codes
 * (`"education"`, `"84"` for a région, `"2A"` for a département).
 */
export interface SearchQuery {
  /** Free text: accent- and case-insensitive, prefix matching, one typo tolerated in words of 5+ letters; every word must match. */
  text?: string;
  scales?: string[];
  interventionTypes?: string[];
  themes?: string[];
  audiences?: string[];
  relays?: string[];
  /** Régions (INSEE codes): matches a practice located in one of them or in one of their départements. */
  regions?: string[];
  /** Départements (INSEE codes): matches a practice located in one of them. */
  departments?: string[];
  /** Years of `implementationDate`. */
  years?: number[];
  levels?: SearchLevel[];
  /** `true`: featured practices only. `false` or absent: no filter. */
  featured?: boolean;
  /** Collection campaigns, by id (`PublicPractice.campaign.id`): matches a practice received through one of them. */
  campaigns?: string[];
  /** Default `relevance`. */
  sort?: SearchSort;
  /** Number of results skipped, ≥ 0 (default 0). */
  offset?: number;
  /** Size of the page, 0 to {@link MAX_LIMIT} (default {@link DEFAULT_LIMIT}). */
  limit?: number;
}

/** The names of the facets, in the order widgets usually show them. */
export const FACET_NAMES = [
  'scales', 'interventionTypes', 'themes', 'audiences', 'relays',
  'regions', 'departments', 'years', 'levels', 'featured', 'campaigns',
] as const;

/** The name of one facet. */
export type FacetName = (typeof FACET_NAMES)[number];

/**
 * Counts by code for every facet (`years` by `"YYYY"`, `featured` by `"true"` / `"false"`,
 * `campaigns` by campaign id; a practice received through no campaign counts in no campaign).
 * Each facet's counts apply the text and every other facet's filter, but not its own, so the
 * other choices of a list stay visible. Codes with no practice are left out, except the codes
 * the query selects, which are always present (with `0` when nothing matches them).
 */
export type Facets = Record<FacetName, Record<string, number>>;

/** A page of results. */
export interface SearchResult {
  /** The practices of the page, in order. */
  items: PublicPractice[];
  /** How many practices match the whole query (all pages). */
  total: number;
  facets: Facets;
  /**
   * For each practice of the page (by id), the indexed words (folded: lowercase, no accents)
   * that matched the text: with a prefix or a typo, the word found in the practice
   * (`"parent"` → `"parentalite"`, `"violances"` → `"violences"`). Pass them to
   * {@link highlight}. Empty lists when the query has no text.
   */
  matches: Record<string, string[]>;
  /**
   * Names to show for facet codes that are not taxonomy codes: `campaigns` gives, for each campaign
   * id of `facets.campaigns`, the campaign's name (as recorded by its most recently published
   * practice). An id no indexed practice carries has no name here.
   */
  labels: { campaigns: Record<string, string> };
}

/** A query with every part present, defaulted and clamped. */
export interface NormalizedSearchQuery {
  text: string;
  scales: string[];
  interventionTypes: string[];
  themes: string[];
  audiences: string[];
  relays: string[];
  regions: string[];
  departments: string[];
  years: number[];
  levels: string[];
  featured: boolean;
  campaigns: string[];
  sort: SearchSort;
  offset: number;
  limit: number;
}

/** Page size when the query gives none. */
export const DEFAULT_LIMIT = 20;
/** Largest page size; a larger `limit` is clamped to it. */
export const MAX_LIMIT = 100;

const SORTS: readonly SearchSort[] = ['relevance', 'recent', 'implementationDate', 'title'];

const stringList = (value: unknown): string[] => {
  const list = typeof value === 'string' ? [value] : Array.isArray(value) ? value : [];
  return [...new Set(list.filter((v): v is string => typeof v === 'string' && v !== ''))];
};

const yearList = (value: unknown): number[] => {
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
  const years = list
    .map((v) => (typeof v === 'string' && /^\s*\d{1,4}\s*$/.test(v) ? Number(v) : v))
    .filter((v): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 9999);
  return [...new Set(years)];
};

const clampInt = (value: unknown, fallback: number, min: number, max: number): number => {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof n !== 'number' || Number.isNaN(n)) return fallback;
  return Math.min(max, Math.max(min, Math.floor(n)));
};

/**
 * Fills in defaults and repairs a query without ever throwing: unknown sorts become
 * `relevance`, `offset` and `limit` are floored and clamped (`limit` 0..100, default 20;
 * `offset` ≥ 0), lists drop non-string entries and duplicates, years accept `"2014"`.
 * The server uses it on query strings, the widgets on their state.
 */
export function normalizeSearchQuery(query?: SearchQuery | null): NormalizedSearchQuery {
  const q = (query && typeof query === 'object' ? query : {}) as Record<string, unknown>;
  const sort = SORTS.includes(q.sort as SearchSort) ? (q.sort as SearchSort) : 'relevance';
  return {
    text: typeof q.text === 'string' ? q.text : '',
    scales: stringList(q.scales),
    interventionTypes: stringList(q.interventionTypes),
    themes: stringList(q.themes),
    audiences: stringList(q.audiences),
    relays: stringList(q.relays),
    regions: stringList(q.regions),
    departments: stringList(q.departments),
    years: yearList(q.years),
    levels: stringList(q.levels),
    // Query strings say "true" or "1".
    featured: q.featured === true || q.featured === 'true' || q.featured === '1',
    campaigns: stringList(q.campaigns),
    sort,
    offset: clampInt(q.offset, 0, 0, Number.MAX_SAFE_INTEGER),
    limit: clampInt(q.limit, DEFAULT_LIMIT, 0, MAX_LIMIT),
  };
}

// ---------------------------------------------------------------------------------------------
// Text: folding, tokens, highlighting
// ---------------------------------------------------------------------------------------------

/**
 * Folds a text for comparison: compatibility decomposition, marks stripped, lowercase,
 * `œ` → `oe`, `æ` → `ae`, `ß` → `ss`. `"Œuvre ÉDUCATIVE"` → `"oeuvre educative"`.
 */
export function foldText(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[œæß]/g, (c) => (c === 'œ' ? 'oe' : c === 'æ' ? 'ae' : 'ss'));
}

/**
 * French words too common to search on: they are neither indexed nor required by a query
 * (so "accueil de jour" means "accueil jour").
 */
export const STOP_WORDS: ReadonlySet<string> = new Set([
  'au', 'aux', 'avec', 'ce', 'ces', 'cet', 'cette', 'dans', 'de', 'des', 'du', 'en', 'est',
  'et', 'il', 'ils', 'la', 'le', 'les', 'leur', 'leurs', 'ne', 'ou', 'par', 'pas', 'pour',
  'qu', 'que', 'qui', 'sa', 'se', 'ses', 'son', 'sont', 'sur', 'un', 'une',
]);

const WORD = /[\p{L}\p{N}]+/gu;
const keepToken = (t: string): boolean =>
  (t.length > 1 || (t >= '0' && t <= '9')) && !STOP_WORDS.has(t);

/**
 * Splits a text into the words the index holds: folded, cut at anything that is not a letter
 * or a digit (apostrophes and hyphens included: `"l'enfance"` → `enfance`), single letters
 * and {@link STOP_WORDS} dropped.
 */
export function tokenize(text: string): string[] {
  if (!text) return [];
  const words = foldText(text).match(WORD);
  return words ? words.filter(keepToken) : [];
}

/** A piece of a text, marked when it matches a search term. */
export interface HighlightSegment {
  text: string;
  match: boolean;
}

const COMBINING = /\p{M}/u;

/**
 * Splits `text` into segments, marking each word start that matches one of `terms` as a
 * prefix, accent- and case-insensitively (`"parent"` marks `"Parent"` in `"Parentalité"`).
 * The terms go through the same {@link tokenize} as the search (so stop words and single
 * letters mark nothing). Joining the segments' texts gives back `text` exactly.
 *
 * @example
 * highlight("Soutien à la parentalité", ["parent"])
 * // → [{ text: "Soutien à la ", match: false }, { text: "parent", match: true }, { text: "alité", match: false }]
 */
export function highlight(text: string, terms: readonly string[]): HighlightSegment[] {
  if (!text) return [];
  const wanted = [...new Set(terms.flatMap((t) => (typeof t === 'string' ? tokenize(t) : [])))]
    .sort((a, b) => b.length - a.length);
  if (wanted.length === 0) return [{ text, match: false }];

  // The folded text, with the range of the original text each folded character comes from.
  let folded = '';
  const from: number[] = [];
  const to: number[] = [];
  for (let i = 0; i < text.length;) {
    const cp = text.codePointAt(i)!;
    const len = cp > 0xffff ? 2 : 1;
    const f = cp < 0x80 ? text[i]!.toLowerCase() : foldText(text.slice(i, i + len));
    for (let j = 0; j < f.length; j++) {
      from.push(i);
      to.push(i + len);
    }
    folded += f;
    i += len;
  }

  const segments: HighlightSegment[] = [];
  let last = 0;
  for (const m of folded.matchAll(WORD)) {
    const word = m[0];
    const term = wanted.find((t) => word.startsWith(t));
    if (!term) continue;
    const start = from[m.index]!;
    let end = to[m.index + term.length - 1]!;
    while (end < text.length && COMBINING.test(text[end]!)) end++; // decomposed accents
    if (start < last) continue;
    if (start > last) segments.push({ text: text.slice(last, start), match: false });
    const prev = segments[segments.length - 1];
    if (prev?.match && start === last) prev.text += text.slice(start, end);
    else segments.push({ text: text.slice(start, end), match: true });
    last = end;
  }
  if (last < text.length) segments.push({ text: text.slice(last), match: false });
  return segments;
}

// ---------------------------------------------------------------------------------------------
// Text engines
// ---------------------------------------------------------------------------------------------

/** The searchable text of a practice, as handed to a {@link TextEngine}. */
export interface TextDocument {
  /** The index's internal number for the practice (reused after a removal): the engine's id. */
  id: number;
  title: string;
  entityName: string;
  /**
   * Description (or the fiche's summary, objectives, means, keys to success, expected results,
   * difficulties and partners), then the "Autre" precisions and the locality.
   */
  body: string;
}

/** One document matching the text, with its score and the indexed words that matched. */
export interface TextMatch {
  /** The {@link TextDocument.id} of the document. */
  id: number;
  score: number;
  terms: string[];
}

/**
 * The full-text part of the index. The default is MiniSearch; the benchmark plugs others.
 * An engine must follow the search semantics: every token must match (AND), each as a prefix,
 * with one typo tolerated for tokens of 5+ letters ({@link typoDistance}); the title counts
 * more than the entity, more than the body ({@link FIELD_BOOSTS}). Tokens come from
 * {@link tokenize}; documents must be tokenized with it too. Matches should come by
 * decreasing score (the index then sorts only the page it returns).
 */
export interface TextEngine {
  add(doc: TextDocument): void;
  /** Removes a document given exactly as it was added. */
  remove(doc: TextDocument): void;
  search(tokens: readonly string[]): Iterable<TextMatch>;
}

/** Field weights shared by the engines: title > entity > body. */
export const FIELD_BOOSTS = { title: 3, entityName: 2, body: 1 } as const;

/** Typo tolerance shared by the engines: one edit for tokens of 5 letters or more, else none. */
export const typoDistance = (token: string): number => (token.length >= 5 ? 1 : 0);

const TEXT_FIELDS = ['title', 'entityName', 'body'] as const;
const splitSpaces = (s: string): string[] => s.split(' ');
const identity = (t: string): string => t;

/** The default text engine, built on MiniSearch (BM25 per field, radix tree, prefix and fuzzy search). */
export function createMiniSearchEngine(): TextEngine {
  const ms = new MiniSearch<TextDocument>({
    fields: [...TEXT_FIELDS],
    idField: 'id',
    tokenize: (text) => tokenize(text),
    processTerm: identity,
    searchOptions: {
      boost: { ...FIELD_BOOSTS },
      prefix: true,
      fuzzy: (term) => typoDistance(term) || false,
      combineWith: 'AND',
      tokenize: splitSpaces,
      processTerm: identity,
    },
  });
  return {
    add: (doc) => ms.add(doc),
    remove: (doc) => ms.remove(doc),
    // MiniSearch's results carry `id`, `score` and `terms` (the document terms matched).
    search: (tokens) => ms.search(tokens.join(' ')) as unknown as TextMatch[],
  };
}

// ---------------------------------------------------------------------------------------------
// The index
// ---------------------------------------------------------------------------------------------

/** Options of {@link createSearchIndex}. */
export interface SearchIndexOptions {
  /** Full-text engine; default {@link createMiniSearchEngine}. */
  textEngine?: () => TextEngine;
  /**
   * How many recent texts keep their full-text matches (default 8; 0: none). A facet click or
   * a page change repeats the text, so only the facet pass runs again. Any change to the
   * index empties the cache.
   */
  textCacheSize?: number;
}

/** A searchable, updatable set of public practices. */
export interface SearchIndex {
  /** Number of practices held. */
  readonly size: number;
  /** Adds a practice; throws if one with the same id is already held (use `replace`). */
  add(practice: PublicPractice): void;
  /** Adds several practices (same rule as `add`). */
  addAll(practices: Iterable<PublicPractice>): void;
  /** Removes a practice by id; `false` when it was not held. */
  remove(id: string): boolean;
  /** Adds the practice, or replaces the one with the same id (upsert). */
  replace(practice: PublicPractice): void;
  has(id: string): boolean;
  get(id: string): PublicPractice | undefined;
  /** Answers a query; never throws on a malformed query (see {@link normalizeSearchQuery}). */
  search(query?: SearchQuery): SearchResult;
  /** Builds the full-text index now (it is otherwise built by the first query with text): call it when the page is idle. */
  prepareText(): void;
}

/** Holds documents until the first text search, then builds the real engine with all of them. */
function lazyTextEngine(make: () => TextEngine): TextEngine & { prepare(): void } {
  let engine: TextEngine | undefined;
  const pending = new Map<number, TextDocument>();
  const ready = () => {
    if (!engine) {
      engine = make();
      for (const doc of pending.values()) engine.add(doc);
      pending.clear();
    }
    return engine;
  };
  return {
    add: (doc) => (engine ? engine.add(doc) : void pending.set(doc.id, doc)),
    remove: (doc) => (engine ? engine.remove(doc) : void pending.delete(doc.id)),
    search: (tokens) => ready().search(tokens),
    prepare: () => void ready(),
  };
}

const F = Object.fromEntries(FACET_NAMES.map((name, i) => [name, i])) as Record<FacetName, number>;
const FACET_COUNT = FACET_NAMES.length;
/** Per practice, FACET_COUNT + 1 offsets into the code pool. */
const STRIDE = FACET_COUNT + 1;

const REGION_OF_DEPARTMENT: ReadonlyMap<string, string> = new Map(
  DEPARTMENTS.map((d) => [d.code, d.region]),
);

interface Entry {
  /** Internal number: position in the columns, id in the text engine. */
  key: number;
  id: string;
  practice: PublicPractice;
  text: TextDocument;
  featured: boolean;
  publishedAt: string;
  implementationDate: string;
  title: string;
}

/** Numbers the values of one facet, so that filters and counts work on small integers. */
class Dictionary {
  readonly values: string[] = [];
  private readonly numbers = new Map<string, number>();
  number(value: string): number {
    let n = this.numbers.get(value);
    if (n === undefined) {
      n = this.values.length;
      this.values.push(value);
      this.numbers.set(value, n);
    }
    return n;
  }
  find(value: string): number | undefined {
    return this.numbers.get(value);
  }
}

type OrderKey = 'default' | 'recent' | 'implementationDate' | 'title';

const byId = (a: Entry, b: Entry): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const desc = (a: string, b: string): number => (a < b ? 1 : a > b ? -1 : 0);
const collator = new Intl.Collator('fr', { sensitivity: 'base' });

const COMPARATORS: Record<OrderKey, (a: Entry, b: Entry) => number> = {
  // Relevance with no text: featured first, then the most recently published.
  default: (a, b) => Number(b.featured) - Number(a.featured) || desc(a.publishedAt, b.publishedAt) || byId(a, b),
  recent: (a, b) => desc(a.publishedAt, b.publishedAt) || byId(a, b),
  // Practices without a date come last ('' sorts below any date).
  implementationDate: (a, b) => desc(a.implementationDate, b.implementationDate) || byId(a, b),
  title: (a, b) => collator.compare(a.title, b.title) || byId(a, b),
};

/** The content that classifies a practice: the fiche for an ONPE one, else the declaration. */
const contentOf = (p: PublicPractice): PublicDeclaration | Fiche | undefined =>
  p.level === 'onpe' ? (p.fiche ?? p.declaration) : (p.declaration ?? p.fiche);

const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const joinText = (parts: readonly unknown[]): string =>
  parts.filter((s): s is string => typeof s === 'string' && s !== '').join('\n');

function textOf(key: number, p: PublicPractice): TextDocument {
  const c = contentOf(p);
  if (!c) return { id: key, title: '', entityName: '', body: '' };
  const main = 'summary' in c
    ? [c.summary, c.objectives, c.means, c.keysToSuccess, c.expectedResults, c.difficulties,
      ...(Array.isArray(c.partners) ? c.partners : [])]
    : [c.description];
  return {
    id: key,
    title: str(c.title),
    entityName: str(c.entityName),
    body: joinText([
      ...main, c.interventionTypeOther, c.themeOther, c.audienceOther, c.relayOther, c.location?.locality,
    ]),
  };
}

/** `implementationDate` of the practice's content, else of its other content, else ''. */
function implementationDateOf(p: PublicPractice): string {
  const other = p.level === 'onpe' ? p.declaration : p.fiche;
  return str(contentOf(p)?.implementationDate) || str(other?.implementationDate);
}

const list = (v: unknown): string[] =>
  Array.isArray(v) ? [...new Set(v.filter((x): x is string => typeof x === 'string'))] : [];

/** The values of each facet for a practice, in {@link FACET_NAMES} order. */
function facetValues(p: PublicPractice): string[][] {
  const c = contentOf(p);
  const departments = list(c?.location?.departments);
  const regions = new Set(list(c?.location?.regions));
  for (const d of departments) {
    const r = REGION_OF_DEPARTMENT.get(d);
    if (r) regions.add(r);
  }
  const year = /^\d{4}/.test(implementationDateOf(p)) ? implementationDateOf(p).slice(0, 4) : '';
  const one = (v: unknown): string[] => (typeof v === 'string' && v !== '' ? [v] : []);
  const values: string[][] = [];
  values[F.scales] = one(c?.scale);
  values[F.interventionTypes] = list(c?.interventionTypes);
  values[F.themes] = list(c?.themes);
  values[F.audiences] = list(c?.audiences);
  values[F.relays] = one(c?.relay);
  values[F.regions] = [...regions];
  values[F.departments] = departments;
  values[F.years] = one(year);
  values[F.levels] = one(p.level);
  values[F.featured] = [p.featured === true ? 'true' : 'false'];
  values[F.campaigns] = one(p.campaign?.id);
  return values;
}

interface Hit {
  entry: Entry;
  score: number;
  terms: string[];
}

const byScore = (a: Hit, b: Hit): number => b.score - a.score || byId(a.entry, b.entry);

/**
 * Hits `start..stop` in relevance order (score, then id). Engines usually return their matches
 * by decreasing score already: then only the head up to the page's end (with the ties at its
 * edges) needs sorting, not the whole list.
 */
function topHits(hits: Hit[], start: number, stop: number): Hit[] {
  for (let i = 1; i < hits.length; i++) {
    if (hits[i]!.score > hits[i - 1]!.score) return hits.sort(byScore).slice(start, stop);
  }
  let end = Math.min(stop, hits.length);
  if (end <= start) return [];
  const last = hits[end - 1]!.score;
  while (end < hits.length && hits[end]!.score === last) end++;
  let from = start;
  const first = hits[start]!.score;
  while (from > 0 && hits[from - 1]!.score === first) from--;
  return hits.slice(from, end).sort(byScore).slice(start - from, stop - from);
}

/**
 * Creates an index over public practices. See DESIGN.md, "Search semantics".
 *
 * Facet values live in flat typed arrays (a pool of dictionary numbers, and per practice the
 * offsets of each facet's values in it), so that the pass that filters and counts the
 * candidates touches little memory.
 */
export function createSearchIndex(
  practices: Iterable<PublicPractice> = [],
  options: SearchIndexOptions = {},
): SearchIndex {
  // The text index is built on the first text query (or prepareText()): a first page with no text, the
  // library's first view, needs only the facet arrays, which cost a fraction of it.
  const engine = lazyTextEngine(options.textEngine ?? createMiniSearchEngine);
  const dictionaries = FACET_NAMES.map(() => new Dictionary());
  const entries: (Entry | undefined)[] = [];
  const freeKeys: number[] = [];
  const byPracticeId = new Map<string, Entry>();
  const orders = new Map<OrderKey, Entry[]>();
  let offsets = new Uint32Array(STRIDE * 256);
  let pool = new Uint32Array(4096);
  let poolLength = 0;
  let garbage = 0;
  /** Campaign id → its name and the `publishedAt` of the practice that gave it (the latest wins). */
  const campaignNames = new Map<string, { name: string; publishedAt: string }>();
  const cacheSize = clampInt(options.textCacheSize, 8, 0, 1000);
  const textCache = new Map<string, TextMatch[]>();

  /** The engine's matches for the tokens, through a small LRU cache. */
  function textMatches(tokens: string[]): Iterable<TextMatch> {
    if (cacheSize === 0) return engine.search(tokens);
    const cacheKey = tokens.join(' ');
    let found = textCache.get(cacheKey);
    if (found) textCache.delete(cacheKey);
    else {
      found = Array.from(engine.search(tokens));
      if (textCache.size >= cacheSize) textCache.delete(textCache.keys().next().value!);
    }
    textCache.set(cacheKey, found);
    return found;
  }

  function writeCodes(key: number, values: string[][]): void {
    let needed = 0;
    for (const v of values) needed += v.length;
    if (poolLength + needed > pool.length) {
      const grown = new Uint32Array(Math.max(pool.length * 2, poolLength + needed));
      grown.set(pool.subarray(0, poolLength));
      pool = grown;
    }
    if ((key + 1) * STRIDE > offsets.length) {
      const grown = new Uint32Array(Math.max(offsets.length * 2, (key + 1) * STRIDE));
      grown.set(offsets);
      offsets = grown;
    }
    const base = key * STRIDE;
    for (let k = 0; k < FACET_COUNT; k++) {
      offsets[base + k] = poolLength;
      for (const v of values[k]!) pool[poolLength++] = dictionaries[k]!.number(v);
    }
    offsets[base + FACET_COUNT] = poolLength;
  }

  function clearCodes(key: number): void {
    const base = key * STRIDE;
    garbage += offsets[base + FACET_COUNT]! - offsets[base]!;
    offsets.fill(0, base, base + STRIDE);
    if (garbage > 4096 && garbage * 2 > poolLength) {
      // Compact the pool: copy the live practices' codes, in key order.
      const compacted = new Uint32Array(Math.max(4096, (poolLength - garbage) * 2));
      let at = 0;
      for (let k = 0; k < entries.length; k++) {
        if (!entries[k]) continue;
        const b = k * STRIDE;
        const from = offsets[b]!;
        const to = offsets[b + FACET_COUNT]!;
        compacted.set(pool.subarray(from, to), at);
        for (let f = 0; f <= FACET_COUNT; f++) offsets[b + f] = offsets[b + f]! - from + at;
        at += to - from;
      }
      pool = compacted;
      poolLength = at;
      garbage = 0;
    }
  }

  function position(order: Entry[], entry: Entry, compare: (a: Entry, b: Entry) => number): number {
    let lo = 0;
    let hi = order.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (compare(order[mid]!, entry) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  function check(practice: PublicPractice): void {
    if (!practice || typeof practice !== 'object' || typeof practice.id !== 'string') {
      throw new TypeError('A practice needs a string id');
    }
  }

  function add(practice: PublicPractice): void {
    check(practice);
    if (byPracticeId.has(practice.id)) throw new Error(`Practice "${practice.id}" is already indexed`);
    const key = freeKeys.pop() ?? entries.length;
    const text = textOf(key, practice);
    const entry: Entry = {
      key,
      id: practice.id,
      practice,
      text,
      featured: practice.featured === true,
      publishedAt: str(practice.publishedAt),
      implementationDate: implementationDateOf(practice),
      title: text.title,
    };
    engine.add(text);
    textCache.clear();
    writeCodes(key, facetValues(practice));
    const campaign = practice.campaign;
    if (campaign && typeof campaign.id === 'string' && campaign.id !== '' && typeof campaign.name === 'string') {
      const known = campaignNames.get(campaign.id);
      if (!known || known.publishedAt <= entry.publishedAt) campaignNames.set(campaign.id, { name: campaign.name, publishedAt: entry.publishedAt });
    }
    entries[key] = entry;
    byPracticeId.set(entry.id, entry);
    for (const [name, order] of orders) order.splice(position(order, entry, COMPARATORS[name]), 0, entry);
  }

  function remove(id: string): boolean {
    const entry = byPracticeId.get(id);
    if (!entry) return false;
    engine.remove(entry.text);
    textCache.clear();
    byPracticeId.delete(id);
    entries[entry.key] = undefined;
    clearCodes(entry.key);
    freeKeys.push(entry.key);
    for (const [name, order] of orders) {
      const at = position(order, entry, COMPARATORS[name]);
      if (order[at] === entry) order.splice(at, 1);
      else orders.delete(name); // cannot happen with a total order; rebuilt on next use
    }
    return true;
  }

  function orderOf(name: OrderKey): Entry[] {
    let order = orders.get(name);
    if (!order) {
      order = [...byPracticeId.values()].sort(COMPARATORS[name]);
      orders.set(name, order);
    }
    return order;
  }

  function pick(order: Entry[], passed: Uint8Array, start: number, stop: number): Entry[] {
    const page: Entry[] = [];
    if (stop <= start) return page;
    let seen = 0;
    for (const entry of order) {
      if (passed[entry.key] !== 1) continue;
      if (seen >= start) {
        page.push(entry);
        if (page.length === stop - start) break;
      }
      seen++;
    }
    return page;
  }

  function search(query?: SearchQuery): SearchResult {
    const q = normalizeSearchQuery(query);
    const tokens = [...new Set(tokenize(q.text))];

    // The filters: for each facet with a selection, the dictionary numbers it accepts.
    const selected: string[][] = [];
    selected[F.scales] = q.scales;
    selected[F.interventionTypes] = q.interventionTypes;
    selected[F.themes] = q.themes;
    selected[F.audiences] = q.audiences;
    selected[F.relays] = q.relays;
    selected[F.regions] = q.regions;
    selected[F.departments] = q.departments;
    selected[F.years] = q.years.map((y) => String(y).padStart(4, '0'));
    selected[F.levels] = q.levels;
    selected[F.featured] = q.featured ? ['true'] : [];
    selected[F.campaigns] = q.campaigns;
    const filterFacets: number[] = [];
    const filterMasks: Uint8Array[] = [];
    for (let k = 0; k < FACET_COUNT; k++) {
      const values = selected[k]!;
      if (values.length === 0) continue;
      const dict = dictionaries[k]!;
      const mask = new Uint8Array(dict.values.length);
      for (const v of values) {
        const n = dict.find(v);
        if (n !== undefined) mask[n] = 1;
      }
      filterFacets.push(k);
      filterMasks.push(mask);
    }
    const filterCount = filterFacets.length;
    const counts = dictionaries.map((d) => new Uint32Array(d.values.length));
    const offs = offsets;
    const codes = pool;

    // One pass over the candidates. A candidate that fails no filter is a result and counts
    // in every facet; one that fails exactly one filter counts only in that filter's facet
    // (each facet ignores its own filter); one that fails two or more counts nowhere.
    const visit = (key: number): boolean => {
      const base = key * STRIDE;
      let failed = -1;
      for (let f = 0; f < filterCount; f++) {
        const k = filterFacets[f]!;
        const mask = filterMasks[f]!;
        let i = offs[base + k]!;
        const end = offs[base + k + 1]!;
        while (i < end && mask[codes[i]!] !== 1) i++;
        if (i === end) {
          if (failed !== -1) return false;
          failed = k;
        }
      }
      if (failed !== -1) {
        const c = counts[failed]!;
        for (let i = offs[base + failed]!, end = offs[base + failed + 1]!; i < end; i++) c[codes[i]!]!++;
        return false;
      }
      for (let k = 0; k < FACET_COUNT; k++) {
        const c = counts[k]!;
        for (let i = offs[base + k]!, end = offs[base + k + 1]!; i < end; i++) c[codes[i]!]!++;
      }
      return true;
    };

    let page: Entry[];
    let total = 0;
    const termsByKey = new Map<number, string[]>();
    const start = q.offset;
    const stop = q.offset + q.limit;

    if (tokens.length > 0) {
      const hits: Hit[] = [];
      for (const match of textMatches(tokens)) {
        const entry = entries[match.id];
        if (entry && visit(entry.key)) hits.push({ entry, score: match.score, terms: match.terms });
      }
      total = hits.length;
      if (q.sort === 'relevance') {
        const slice = topHits(hits, start, stop);
        page = slice.map((h) => h.entry);
        for (const h of slice) termsByKey.set(h.entry.key, h.terms);
      } else {
        const passed = new Uint8Array(entries.length);
        for (const h of hits) {
          passed[h.entry.key] = 1;
          termsByKey.set(h.entry.key, h.terms);
        }
        page = pick(orderOf(q.sort), passed, start, stop);
      }
    } else {
      const passed = new Uint8Array(entries.length);
      for (let key = 0; key < entries.length; key++) {
        if (entries[key] && visit(key)) {
          passed[key] = 1;
          total++;
        }
      }
      page = pick(orderOf(q.sort === 'relevance' ? 'default' : q.sort), passed, start, stop);
    }

    const facets = {} as Facets;
    for (let k = 0; k < FACET_COUNT; k++) {
      const out: Record<string, number> = {};
      const values = dictionaries[k]!.values;
      const c = counts[k]!;
      for (let n = 0; n < c.length; n++) if (c[n]! > 0) out[values[n]!] = c[n]!;
      for (const v of selected[k]!) if (!(v in out)) out[v] = 0;
      facets[FACET_NAMES[k]!] = out;
    }

    const matches: Record<string, string[]> = {};
    for (const e of page) matches[e.id] = termsByKey.get(e.key) ?? [];
    const campaigns: Record<string, string> = {};
    for (const id of Object.keys(facets.campaigns)) {
      const known = campaignNames.get(id);
      if (known) campaigns[id] = known.name;
    }
    return { items: page.map((e) => e.practice), total, facets, matches, labels: { campaigns } };
  }

  const index: SearchIndex = {
    get size() {
      return byPracticeId.size;
    },
    add,
    addAll(practicesToAdd) {
      for (const p of practicesToAdd) add(p);
    },
    remove,
    replace(practice) {
      check(practice);
      remove(practice.id);
      add(practice);
    },
    has: (id) => byPracticeId.has(id),
    get: (id) => byPracticeId.get(id)?.practice,
    search,
    prepareText: () => engine.prepare(),
  };
  index.addAll(practices);
  return index;
}

/**
 * Searches a list of practices once. For repeated searches over the same list, build an
 * index with {@link createSearchIndex} and keep it.
 */
export function searchPractices(practices: Iterable<PublicPractice>, query?: SearchQuery): SearchResult {
  return createSearchIndex(practices).search(query);
}
