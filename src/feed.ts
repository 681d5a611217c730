// The public JSON feed: the library's `src`, the server's /feed.json and the JSON export share this format.
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

/** Wraps public practices in the feed format. */
export function createFeed(items: readonly PublicPractice[], generatedAt: Date | string = new Date()): PracticeFeed {
  return {
    format: FEED_FORMAT,
    taxonomyVersion: TAXONOMY_VERSION,
    generatedAt: typeof generatedAt === 'string' ? generatedAt : generatedAt.toISOString(),
    items: [...items],
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

/**
 * Reads a feed (parsed JSON). Items of an unexpected shape are skipped, not fatal, so one bad
 * record does not empty a portal's library; `skipped` says how many.
 */
export function parseFeed(json: unknown): { feed: PracticeFeed; skipped: number } {
  const doc = json as Partial<PracticeFeed> | null;
  if (!doc || typeof doc !== 'object' || doc.format !== FEED_FORMAT || !Array.isArray(doc.items)) {
    throw new FeedFormatError(`Ce document n’est pas un flux « ${FEED_FORMAT} ».`);
  }
  const items = doc.items.filter(isPublicPractice);
  return {
    feed: {
      format: FEED_FORMAT,
      taxonomyVersion: typeof doc.taxonomyVersion === 'string' ? doc.taxonomyVersion : '',
      generatedAt: typeof doc.generatedAt === 'string' ? doc.generatedAt : '',
      items,
    },
    skipped: doc.items.length - items.length,
  };
}
