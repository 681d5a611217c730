// The PracticeStore port: what the widgets and the server need from any storage.
import type { Actor, Declaration, DeclarantPractice, Fiche, Practice, PublicPractice, ReviewState, Source, SubmittedPractice } from '../model.js';
import type { ReviewCommand } from '../review/events.js';
import type { SearchQuery, SearchResult } from '../search/index.js';

/** Options of {@link PracticeStore.submit}. */
export interface SubmitOptions {
  /** The same key returns the first practice instead of creating a second (double clicks, retries). */
  idempotencyKey: string;
  /** The embedding site the declaration came from. */
  source?: Source;
}

/** Filters of the committee's lists. */
export interface ListQuery {
  /** Only these states. */
  states?: ReviewState[];
  /** Practices in review on which this reviewer has not given an opinion yet. */
  awaitingOpinionOf?: string;
  /** Practices in review with enough opinions for a decision. */
  awaitingDecision?: boolean;
  level?: 'declared' | 'onpe';
  offset?: number;
  /** Default 50, at most 500. */
  limit?: number;
}

/** A committee list: one page, the total, and counts by state over everything. */
export interface ListResult {
  items: Practice[];
  total: number;
  counts: Record<ReviewState, number>;
}

/** Existing material an editor brings in. */
export type ImportRecord =
  | { level: 'onpe'; fiche: Fiche | Record<string, unknown>; key?: string }
  | { level: 'declared'; declaration: Declaration | Record<string, unknown>; key?: string; source?: Source };

/** The view a `get` returns, by who asks. */
export type PracticeView = Practice | DeclarantPractice | PublicPractice;

/** Storage for practices. Every write goes through the schema and the review machine; refusals reject with a `PracticeStoreError`. */
export interface PracticeStore {
  /**
   * Submits a declaration: the practice is created in `submitted`. Returns the declarant's view and
   * secret token. The same key with the same declaration returns the first practice (a retry); the
   * same key with another declaration is refused.
   */
  submit(declaration: unknown, options: SubmitOptions): Promise<SubmittedPractice>;
  /** The view of `actor` (public view, published only, when no actor); `undefined` when missing or not visible. */
  get(id: string, options?: { actor?: Actor }): Promise<PracticeView | undefined>;
  /** The committee's lists. */
  list(query: ListQuery, options: { actor: Actor }): Promise<ListResult>;
  /** The public library: published practices only, as `PublicPractice`. */
  search(query: SearchQuery): Promise<SearchResult>;
  /** Sends a review event; the store stamps `at`. A stale `expectedVersion` is refused. Returns the sender's view. */
  send(id: string, event: ReviewCommand, options: { expectedVersion: number }): Promise<Practice | DeclarantPractice>;
  /**
   * Erases the declarant's contact (name, email, phone) from a declared practice, keeping the
   * practice itself: the declarant through their secret link, or the editor. Returns the caller's view.
   */
  erasePersonalData(id: string, options: { actor: Actor }): Promise<Practice | DeclarantPractice>;
  /** Brings existing material in (editor only): fiches to `published`, declarations to `submitted`. All or nothing. */
  importPractices(records: readonly ImportRecord[], options: { actor: Actor }): Promise<Practice[]>;
}
