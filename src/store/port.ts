// The PracticeStore port: what the widgets and the server need from any storage.
import type { Actor, CoauthorInvitation, Declaration, DeclarantPractice, Fiche, Practice, PublicPractice, ReviewState, Source, SubmittedPractice } from '../model.js';
import type { ReviewCommand } from '../review/events.js';
import type { SearchQuery, SearchResult } from '../search/index.js';
import type { ValidationError } from '../schema/fields.js';
import type { Campaign, CampaignInput, InvitationView } from './campaigns.js';

/** Options of {@link PracticeStore.submit}. */
export interface SubmitOptions {
  /** The same key returns the first practice instead of creating a second (double clicks, retries). */
  idempotencyKey: string;
  /** The embedding site the declaration came from. Its `campaign` is ignored: only an invitation sets it. */
  source?: Source;
  /**
   * The secret token of a campaign's invitation link. The store resolves it and records the campaign
   * and the partner the link was made for; an unknown or closed invitation is refused (`invalid-declaration`, field `invitation`).
   */
  invitation?: string;
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
  /** Only the practices received through this campaign (its id); `counts` are then the campaign's. */
  campaign?: string;
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

/** What became, or would become, of one import record. */
export type ImportRowStatus = 'new' | 'created' | 'present' | 'invalid';

/** One record of an import, as checked by the domain (the same checks in a dry run and a real import). */
export interface ImportRowReport {
  /** Position in the records given, from 0. */
  index: number;
  level: 'declared' | 'onpe';
  /** The record's own key, when it has one (what makes a re-run change nothing). */
  key?: string;
  title?: string;
  /** `new`: would be created (dry run); `created`: written; `present`: its key is already stored, nothing written; `invalid`: see `problems`. */
  status: ImportRowStatus;
  /** The schema's and the review machine's refusals, in French, each naming its field. */
  problems: ValidationError[];
  /** The stored practice, for `created` and `present`. */
  id?: string;
  reference?: string;
}

/** What an import did, or would do (`dryRun`). */
export interface ImportReport {
  dryRun: boolean;
  /** True when no record has a problem. */
  ok: boolean;
  /** `created` counts the records written (or that a dry run would write). */
  counts: { total: number; created: number; present: number; invalid: number };
  rows: ImportRowReport[];
  /** The practices created or already present, in the records' order; empty for a dry run. */
  items: Practice[];
}

/** Options of {@link PracticeStore.createFiche}. */
export interface CreateFicheOptions {
  /** The editor. */
  actor: Actor;
  /** Ids of the published declared practices the fiche is written from. */
  basedOn?: string[];
  /** The same key returns the fiche first created with it (a retry after a lost answer). */
  idempotencyKey?: string;
}

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
  /**
   * The same import with its report (editor only). With `dryRun: true` nothing is written and every
   * record's problems are listed (status `invalid`); otherwise a record with a problem refuses the
   * whole import (`invalid-declaration`, `fields` prefixed by the record's index), as `importPractices` does.
   * Optional: a store without it cannot give a dry run.
   */
  runImport?(records: readonly ImportRecord[], options: { actor: Actor; dryRun?: boolean }): Promise<ImportReport>;
  /**
   * Creates a collection campaign (editor only) with its invitation links (a generic one and/or one per
   * partner) and the organiser's secret link token. Optional, as are the four below: a store without
   * them (the browser store) has no campaigns.
   */
  createCampaign?(input: CampaignInput, options: { actor: Actor }): Promise<Campaign>;
  /** Every campaign with its counts (committee). */
  listCampaigns?(options: { actor: Actor }): Promise<Campaign[]>;
  /** One campaign: for the committee, or for its organiser through the secret link (`actor.token`); `undefined` otherwise. */
  getCampaign?(id: string, options?: { actor?: Actor }): Promise<Campaign | undefined>;
  /** Closes or reopens a campaign, or renames it (editor only). A closed campaign's links no longer take submissions. */
  updateCampaign?(id: string, patch: { status?: 'open' | 'closed'; name?: string }, options: { actor: Actor }): Promise<Campaign>;
  /** What an invitation link says of itself (anyone holding it); `undefined` when unknown. */
  getInvitation?(token: string): Promise<InvitationView | undefined>;
  /**
   * Creates an ONPE fiche in `draft` (editor only), its first version recorded. `basedOn` names the
   * published declared practices it is written from; the library links them both ways.
   * Optional, as are the three below: a store without them cannot author fiches (every adapter here has them).
   */
  createFiche?(fiche: unknown, options: CreateFicheOptions): Promise<Practice>;
  /**
   * Saves a fiche's new content, in draft or published: the editor, or a co-author through their
   * link (`{ role: 'declarant', token }`). The version records who, when and what changed.
   */
  editFiche?(id: string, fiche: unknown, options: { actor: Actor; expectedVersion: number; comment?: string }): Promise<Practice>;
  /** Gives a co-author a secret link to edit this fiche only, never publish (editor only). The token is returned once. */
  inviteCoauthor?(id: string, coauthor: { name: string; organisation?: string }, options: { actor: Actor; expectedVersion?: number }): Promise<CoauthorInvitation>;
  /** Revokes a co-author's link: its token no longer opens the fiche (editor only). */
  revokeCoauthor?(id: string, linkId: string, options: { actor: Actor }): Promise<Practice>;
  /**
   * Who the store's own credential is (the HTTP store's `token`): `{ id, role, name? }`, so that a
   * board given only a token need not be told. An unknown or revoked token, or one that is not a
   * committee member's, is refused (`forbidden`). Optional: a store without a credential of its own
   * (memory, browser) trusts the actor it is given instead.
   */
  whoAmI?(): Promise<Actor>;
}

/** The fiche authoring methods, present on every adapter of this package. */
export type FicheAuthoring = Required<Pick<PracticeStore, 'createFiche' | 'editFiche' | 'inviteCoauthor' | 'revokeCoauthor'>>;
