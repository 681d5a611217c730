// Loads the library's `src` feed as it arrives, so that a first page can be shown before the whole feed is in.
import { compareLibraryOrder, createFeedReader } from '../../src/feed.js';
import type { PublicPractice } from '../../src/model.js';
import { createSearchIndex, type SearchIndex } from '../../src/search/search.js';

export interface FeedLoadOptions {
  signal?: AbortSignal;
  /**
   * Called with the index of the practices received so far, as long as they came in the library's
   * default order under a header of the right format; returns true once it has shown a first page,
   * after which it is not called again.
   */
  early?(index: SearchIndex): boolean;
}

/** While the practices come in order: elements parsed per step, over the first FIRST_ITEMS (a page is at most 100). */
const FIRST_STEP = 25;
const FIRST_ITEMS = 100;
/** Longest run of work before the loader lets input and painting in. */
const SLICE_MS = 30;

const now = () => performance.now();

/** A new task: input events and a frame may come first. */
const nextTask = () => new Promise<void>((resolve) => {
  const channel = new MessageChannel();
  channel.port1.onmessage = () => resolve();
  channel.port2.postMessage(null);
});

/** After the next frame is painted; a hidden tab paints no frame, hence the timeout. */
const afterPaint = () => new Promise<void>((resolve) => {
  const timer = setTimeout(resolve, 100);
  requestAnimationFrame(() => {
    clearTimeout(timer);
    setTimeout(resolve, 0);
  });
});

/**
 * Fetches a feed and indexes its practices while the body streams in. Rejects, like
 * `parseFeed(await response.json())` would, on a document that is not a feed, and on an HTTP error.
 */
export async function loadFeed(url: string, options: FeedLoadOptions = {}): Promise<SearchIndex> {
  const response = await fetch(url, { headers: { Accept: 'application/json' }, signal: options.signal ?? null });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  const reader = createFeedReader();
  const index = createSearchIndex();
  let ordered = true;
  let count = 0;
  let last: PublicPractice | undefined;
  let looking = !!options.early;
  let sliceStart = now();

  // Parses what has been received, in steps, yielding now and then so the page stays responsive.
  const drain = async () => {
    for (;;) {
      // Small steps for the first page, then runs of about 256 KB (one JSON.parse each).
      const items = reader.read(looking && ordered && count < FIRST_ITEMS ? FIRST_STEP : undefined);
      if (!items.length) return;
      count += items.length;
      for (const p of items) {
        if (ordered && last && compareLibraryOrder(last, p) > 0) ordered = false;
        last = p;
        index.add(p);
      }
      if (looking && ordered && reader.header && options.early!(index)) {
        looking = false;
        await afterPaint();
        sliceStart = now();
      } else if (now() - sliceStart > SLICE_MS) {
        await nextTask();
        sliceStart = now();
      }
    }
  };

  const body = response.body?.getReader();
  if (body) {
    const decoder = new TextDecoder();
    for (;;) {
      const { done, value } = await body.read();
      if (done) break;
      reader.write(decoder.decode(value, { stream: true }));
      await drain();
    }
    reader.write(decoder.decode());
  } else {
    reader.write(await response.text());
  }
  await drain();
  // Checks the whole document: a garbled end fails here, even after a first page was shown.
  const { feed } = reader.end();
  for (const p of feed.items.slice(count)) index.add(p);
  return index;
}
