// The public JSON feed: the library's `src`, the server's /feed.json and the JSON export share this format.
import { linkFiches } from './store/links.js';
import type { PublicPractice } from './model.js';
import { TAXONOMY_VERSION } from './taxonomy/lists.js';

/** Identifies the feed format; bumped only on an incompatible change. */
export const FEED_FORMAT = 'pratiques-inspirantes/1';

/** `{ format, taxonomyVersion, generatedAt, items }` */
export interface PracticeFeed {
  format: typeof FEED_FORMAT;
  taxonomyVersion: string;
  generatedAt: string;
  items: PublicPractice[];
}

/** The feed without its items. */
export type FeedHeader = Omit<PracticeFeed, 'items'>;

/** Options of {@link createFeed}. */
export interface CreateFeedOptions {
  /**
   * `"given"` (default): the items in the order given (the JSON export keeps its query's order).
   * `"library"`: in the library's default order ({@link compareLibraryOrder}), so that
   * `<pi-practice-library src>` shows the first page while the rest of the feed still arrives.
   * A server's `/feed.json` should use it.
   */
  order?: 'given' | 'library';
}

/**
 * The order of the library when the query has no text: featured first, then the most recently
 * published, then by id. The same as the search's `relevance` sort without text.
 */
export function compareLibraryOrder(a: PublicPractice, b: PublicPractice): number {
  // Mirrors COMPARATORS.default in search/search.ts (a browser test pins the two together).
  const fa = a.featured === true;
  if (fa !== (b.featured === true)) return fa ? -1 : 1;
  const pa = typeof a.publishedAt === 'string' ? a.publishedAt : '';
  const pb = typeof b.publishedAt === 'string' ? b.publishedAt : '';
  if (pa !== pb) return pa < pb ? 1 : -1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Wraps public practices in the feed format. The header comes before `items` in the JSON text. */
export function createFeed(items: readonly PublicPractice[], generatedAt: Date | string = new Date(), options: CreateFeedOptions = {}): PracticeFeed {
  return {
    format: FEED_FORMAT,
    taxonomyVersion: TAXONOMY_VERSION,
    generatedAt: typeof generatedAt === 'string' ? generatedAt : generatedAt.toISOString(),
    // Each declared practice names the published fiches written from it, so a feed carries the links both ways.
    items: options.order === 'library' ? linkFiches(items).sort(compareLibraryOrder) : linkFiches(items),
  };
}

/** Thrown by {@link parseFeed} on a document that is not a feed of this format. */
export class FeedFormatError extends Error {
  override name = 'FeedFormatError';
}

const isPublicPractice = (p: unknown): p is PublicPractice => {
  const x = p as Partial<PublicPractice> | null;
  return !!x && typeof x === 'object' && typeof x.id === 'string' && typeof x.reference === 'string'
    && (x.level === 'declared' || x.level === 'onpe') && typeof x.publishedAt === 'string'
    && (x.level === 'declared' ? typeof x.declaration === 'object' && x.declaration !== null : typeof x.fiche === 'object' && x.fiche !== null);
};

/** The header of a parsed document, or a FeedFormatError. */
function headerOf(json: unknown): FeedHeader {
  const doc = json as Partial<PracticeFeed> | null;
  if (!doc || typeof doc !== 'object' || doc.format !== FEED_FORMAT || !Array.isArray(doc.items)) {
    throw new FeedFormatError(`Ce document n’est pas un flux « ${FEED_FORMAT} ».`);
  }
  return {
    format: FEED_FORMAT,
    taxonomyVersion: typeof doc.taxonomyVersion === 'string' ? doc.taxonomyVersion : '',
    generatedAt: typeof doc.generatedAt === 'string' ? doc.generatedAt : '',
  };
}

/**
 * Reads a feed (parsed JSON). Items of an unexpected shape are skipped, not fatal, so one bad
 * record does not empty a portal's library; `skipped` says how many.
 */
export function parseFeed(json: unknown): { feed: PracticeFeed; skipped: number } {
  const header = headerOf(json);
  const all = (json as PracticeFeed).items as unknown[];
  const items = all.filter(isPublicPractice);
  return { feed: { ...header, items }, skipped: all.length - items.length };
}

/** Reads a feed's JSON text piece by piece: see {@link createFeedReader}. */
export interface FeedReader {
  /** Appends the next piece of the text (split anywhere, already decoded). */
  write(text: string): void;
  /**
   * Parses more elements of `items` from the text written so far: up to `max`, or without `max` a
   * run of them (about 256 KB of text); returns those that are practices (the others are skipped,
   * as {@link parseFeed} does). An empty array: nothing more until the next {@link write}. Throws a
   * `SyntaxError` on text that is not JSON.
   */
  read(max?: number): PublicPractice[];
  /**
   * The header once `items` has begun, when the fields before it give a feed of this format (as
   * {@link createFeed} writes them); `undefined` otherwise, until {@link end} decides.
   */
  readonly header: FeedHeader | undefined;
  /** Once every piece is written: checks the whole document and gives what {@link parseFeed} gives. */
  end(): { feed: PracticeFeed; skipped: number };
}

const JSON_SPACE = /^[ \t\n\r]*$/;
const STRUCTURE = /["{}[\],]/g;
const STRING_REST = /[^"\\]*(?:\\[\s\S][^"\\]*)*"/y;
const isSpace = (c: number) => c === 32 || c === 10 || c === 13 || c === 9;
/** Text parsed at once by a bulk read. */
const RUN = 1 << 18;

/**
 * A reader of the feed's JSON text as it arrives (a `fetch` body through a `TextDecoder`), so that
 * the first items can be used before the last ones are received. The same documents succeed and
 * fail as with `parseFeed(JSON.parse(text))`, except that a document with two `items` keys is
 * refused. A scanner finds the elements of the top-level `items` array (strings and nesting
 * tracked); each run of complete elements goes through one `JSON.parse`, the rest of the document,
 * with an empty `items`, through another one in {@link FeedReader.end}.
 */
export function createFeedReader(): FeedReader {
  let buf = '';
  let pos = 0; // next character to scan in buf
  let mode: 'head' | 'items' | 'tail' = 'head';
  let depth = 0;
  let inString = false;
  let stringStart = 0; // in buf, after the opening quote of the string being scanned
  let objectTop = false; // the document is an object: its keys are tracked
  let expectKey = false;
  let keyStart = -1;
  let keyEnd = -1;
  let awaitingItems = false; // after `"items":`, until the value starts
  let head = ''; // the text before the items array's `[`
  let tailStart = 0; // in buf, after the items array's `]`
  let batchStart = 0; // in buf, the first element not parsed yet
  let elementStart = 0; // in buf, the element being scanned
  let pending = 0; // complete elements since batchStart
  let commas = 0;
  let header: FeedHeader | null | undefined = null; // null: not tried yet
  const all: PublicPractice[] = [];
  let skipped = 0;
  // A second `items` after the first: refused in end(), once JSON.parse has said whether the text is JSON at all.
  let secondItems = false;

  function keep(parsed: unknown[], out: PublicPractice[]) {
    for (const item of parsed) {
      if (isPublicPractice(item)) {
        all.push(item);
        out.push(item);
      } else skipped++;
    }
  }

  /** Parses the complete elements before `end` (the position of their last separator). */
  function flush(end: number, out: PublicPractice[]) {
    if (pending === 0) return;
    const parsed = JSON.parse(`[${buf.slice(batchStart, end)}]`) as unknown[];
    // A trailing or doubled comma parses to fewer values than separators were seen.
    if (parsed.length !== pending) throw new SyntaxError('Unexpected "," in the items array');
    keep(parsed, out);
    batchStart = end + 1;
    pending = 0;
  }

  /** The last `}`, `{` between elements (a comma between them) before `limit`, or -1. */
  function separatorBefore(limit: number): number {
    for (let c = buf.lastIndexOf(',', limit - 1); c > batchStart; c = buf.lastIndexOf(',', c - 1)) {
      let a = c - 1;
      while (isSpace(buf.charCodeAt(a))) a--;
      let b = c + 1;
      while (isSpace(buf.charCodeAt(b))) b++;
      if (buf.charCodeAt(a) === 125 && buf.charCodeAt(b) === 123) return c;
    }
    return -1;
  }

  /**
   * The bulk path, from the start of an element: one JSON.parse up to a likely separator, without
   * scanning the characters. A run that parses as values ends where the document's own parse
   * would be between two elements of `items` (same text, same starting state), so a `},{` inside
   * a string or deeper down fails to parse and is not taken; then the scanner goes on.
   */
  function run(out: PublicPractice[]): boolean {
    if (mode !== 'items' || pending !== 0) return false;
    let limit = Math.min(buf.length, batchStart + RUN);
    for (let tries = 0; tries < 3; tries++) {
      const comma = separatorBefore(limit);
      if (comma < 0) return false;
      let parsed: unknown[];
      try {
        parsed = JSON.parse(`[${buf.slice(batchStart, comma)}]`) as unknown[];
      } catch {
        limit = comma;
        continue;
      }
      keep(parsed, out);
      batchStart = elementStart = pos = comma + 1;
      depth = 2;
      inString = false;
      commas++;
      return true;
    }
    return false;
  }

  /** Scans from pos; stops at the end of buf or after `max` elements. */
  function scan(max: number, out: PublicPractice[]) {
    let counted = 0;
    let n = buf.length;
    while (pos < n) {
      if (inString) {
        // Jump past the closing quote (escapes skipped); none yet: the string goes on in the next piece.
        STRING_REST.lastIndex = stringStart;
        if (!STRING_REST.test(buf)) {
          // Resume after what was seen, or at a trailing backslash that escapes the next piece's first character.
          let k = n;
          while (k > stringStart && buf.charCodeAt(k - 1) === 92) k--;
          stringStart = (n - k) % 2 ? n - 1 : n;
          pos = n;
          return;
        }
        const j = STRING_REST.lastIndex - 1;
        inString = false;
        if (keyStart >= 0 && keyEnd < keyStart) keyEnd = j;
        pos = j + 1;
        continue;
      }
      if (mode === 'items') {
        // Jump to the next character that matters: a quote, a bracket or a comma.
        STRUCTURE.lastIndex = pos;
        if (!STRUCTURE.test(buf)) {
          pos = n;
          return;
        }
        pos = STRUCTURE.lastIndex - 1;
        const c = buf.charCodeAt(pos);
        if (c === 34) {
          inString = true;
          stringStart = pos + 1;
        } else if (c === 123 || c === 91) depth++;
        else if (c === 125 || c === 93) {
          if (depth > 2) depth--;
          else if (c === 125) throw new SyntaxError('Unexpected "}" in the items array');
          else {
            // The end of items: its last element, unless the array is empty.
            if (commas > 0 || !JSON_SPACE.test(buf.slice(elementStart, pos))) pending++;
            flush(pos, out);
            depth = 1;
            mode = 'tail';
            tailStart = pos + 1;
          }
        } else if (depth === 2) {
          pending++;
          commas++;
          counted++;
          elementStart = pos + 1;
          if (counted >= max) {
            flush(pos, out);
            pos++;
            return;
          }
        }
        pos++;
        continue;
      }
      const c = buf.charCodeAt(pos);
      // Head or tail: follow the top-level keys to find `"items": [`.
      if (awaitingItems && !isSpace(c)) {
        awaitingItems = false;
        if (c === 91 && mode === 'tail') secondItems = true; // scanned as any other array below
        else if (c === 91) {
          head = buf.slice(0, pos);
          buf = buf.slice(pos + 1);
          n = buf.length;
          pos = 0;
          batchStart = 0;
          elementStart = 0;
          depth = 2;
          mode = 'items';
          continue;
        }
      }
      if (c === 34) {
        inString = true;
        stringStart = pos + 1;
        if (depth === 1 && expectKey) {
          keyStart = pos;
          keyEnd = -1;
          expectKey = false;
        }
      } else if (c === 123 || c === 91) {
        depth++;
        if (depth === 1) {
          objectTop = c === 123;
          expectKey = objectTop;
        }
      } else if (c === 125 || c === 93) depth--;
      else if (depth === 1 && objectTop) {
        if (c === 44) expectKey = true;
        else if (c === 58 && keyStart >= 0 && keyEnd > keyStart) {
          let key: unknown;
          try {
            key = JSON.parse(buf.slice(keyStart, keyEnd + 1));
          } catch {
            key = undefined; // end() reports the broken text
          }
          keyStart = -1;
          awaitingItems = key === 'items';
        }
      }
      pos++;
    }
  }

  return {
    write(text: string) {
      if (mode === 'items' && batchStart > 0) {
        // Drop what is parsed already: only the current run of elements stays.
        buf = buf.slice(batchStart) + text;
        pos -= batchStart;
        stringStart -= batchStart;
        elementStart -= batchStart;
        batchStart = 0;
      } else buf += text;
    },
    read(max = Infinity) {
      const out: PublicPractice[] = [];
      // Elements that are all skipped are no reason to stop: go on until a practice or the end of the text.
      for (;;) {
        const before = all.length + skipped;
        if (!(max === Infinity && run(out))) {
          scan(max, out);
          if (mode === 'items' && pending > 0) flush(elementStart - 1, out);
        }
        if (out.length || all.length + skipped === before) return out;
      }
    },
    get header() {
      if (header === null && mode !== 'head') {
        try {
          const doc = JSON.parse(`${head}[]}`) as Partial<PracticeFeed> | null;
          header = doc?.format === FEED_FORMAT ? headerOf(doc) : undefined;
        } catch {
          header = undefined;
        }
      }
      return header ?? undefined;
    },
    end() {
      const out: PublicPractice[] = [];
      scan(Infinity, out);
      if (mode === 'head') return parseFeed(JSON.parse(buf));
      if (mode === 'items' || inString) throw new SyntaxError('Unexpected end of JSON input');
      const doc = JSON.parse(`${head}[]${buf.slice(tailStart)}`);
      if (secondItems) throw new FeedFormatError('Ce flux a deux listes « items ».');
      const feedHeader = headerOf(doc);
      return { feed: { ...feedHeader, items: all.slice() }, skipped };
    },
  };
}
