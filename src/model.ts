// The shapes every layer shares: declarations, fiches, practices and their views (DESIGN.md).
import type {
  AudienceCode, InterventionTypeCode, Level, RelayCode, ScaleCode, ThemeCode,
} from './taxonomy/lists.js';

/** Where a practice takes place. Which parts are required depends on the scale. */
export interface Location {
  /** INSEE codes of régions. */
  regions: string[];
  /** INSEE codes of départements (`"2A"`, `"974"`). */
  departments: string[];
  /** Town, district or place, required for a local practice. */
  locality?: string;
}

/** The taxonomy fields shared by a declaration and an ONPE fiche. */
export interface Classification {
  scale: ScaleCode;
  interventionTypes: InterventionTypeCode[];
  /** Precision given when `interventionTypes` holds `"autre"`. */
  interventionTypeOther?: string;
  themes: ThemeCode[];
  themeOther?: string;
  audiences: AudienceCode[];
  audienceOther?: string;
  location: Location;
}

/** A level-1 declaration, as validated and stored (dates ISO, text trimmed and NFC). */
export interface Declaration extends Classification {
  conditionsAccepted: true;
  /** ISO date `YYYY-MM-DD`; typed and shown as JJ/MM/AAAA. */
  implementationDate: string;
  entityName: string;
  title: string;
  description: string;
  relay: RelayCode;
  relayOther?: string;
  /** Prior agreement of the département where the practice takes place. */
  departmentAgreement: { obtained: true; representative: string };
  /** The committee's contact: personal data, never public. */
  declarant: { name: string; email: string; phone?: string; accuracyCertified: true };
}

/** The part of a declaration the public library may show. */
export type PublicDeclaration = Omit<Declaration, 'declarant' | 'departmentAgreement'>;

/** A co-author of an ONPE fiche (fiches are co-written with the actors). */
export interface CoAuthor {
  name: string;
  organisation?: string;
}

/** A level-2 "fiche dispositif" of the national observatory (ONPE). */
export interface Fiche extends Classification {
  title: string;
  /** The body that carries the dispositif. */
  entityName: string;
  summary: string;
  objectives: string;
  means: string;
  keysToSuccess: string;
  expectedResults: string;
  difficulties: string;
  partners: string[];
  coAuthors: CoAuthor[];
  relay?: RelayCode;
  relayOther?: string;
  /** ISO date the dispositif started, when known. */
  implementationDate?: string;
  /** ISO date of the last *actualisation* by the observatory. */
  lastReviewedAt?: string;
}

/** Roles of the people who act on a practice. */
export type Role = 'declarant' | 'reviewer' | 'chair' | 'editor';

/** Who sends an event. `token` is the declarant's secret link token, checked by the stores. */
export interface Actor {
  id: string;
  role: Role;
  name?: string;
  token?: string;
}

/** A reviewer's opinion. */
export type OpinionValue = 'favorable' | 'reserve' | 'defavorable';

/** An opinion of the current round; confidential to the committee. */
export interface Opinion {
  at: string;
  actor: Actor;
  opinion: OpinionValue;
  comment?: string;
}

/** One accepted event, appended to the history and never rewritten. */
export interface HistoryEntry {
  at: string;
  actor: Actor;
  type: string;
  comment?: string;
  opinion?: OpinionValue;
  into?: string;
}

/** Names of the review machine's states. */
export type ReviewState =
  | 'draft' | 'submitted' | 'inReview' | 'complementsRequested' | 'accepted' | 'published'
  | 'rejected' | 'withdrawn' | 'merged';

/** The persisted review machine, with its version so that a later machine can migrate it. */
export interface PersistedReview {
  machineVersion: number;
  /** XState's persisted snapshot, plain JSON. */
  state: unknown;
}

/** What the committee sees of a practice's review, derived from `snapshot` in the same write. */
export interface Review {
  state: ReviewState;
  featured: boolean;
  /** Opinions of the current round. */
  opinions: Opinion[];
  history: HistoryEntry[];
  snapshot: PersistedReview;
}

/** Where a submission came from: the embedding partner site. */
export interface Source {
  partner?: string;
  page?: string;
  /** The collection campaign the declaration came through, set by the store from the invitation link, never from the input. */
  campaign?: CampaignRef;
}

/** A collection campaign as a practice records it: its id, and its name at the time of the submission. */
export interface CampaignRef {
  id: string;
  name: string;
}

/** A practice as the committee sees it. */
export interface Practice {
  id: string;
  /** Human-readable reference, `PI-2026-000123`. */
  reference: string;
  level: Level;
  declaration?: Declaration;
  /** The declaration as it was before the last complements, so the committee sees what changed. */
  previousDeclaration?: Declaration;
  fiche?: Fiche;
  review: Review;
  source?: Source;
  /** When the declarant accepted the conditions and certified the département's agreement. */
  consentedAt?: string;
  version: number;
  createdAt: string;
  updatedAt: string;
  publishedAt?: string;
  /** When the declarant's contact was erased (on their request, or after the retention period). */
  personalDataErasedAt?: string;
  /** A fiche: the published declared practices it was written from. */
  basedOn?: string[];
  /** A fiche: its saved versions, oldest first (who, when, what changed). */
  ficheVersions?: FicheVersion[];
  /** A fiche: the co-authors' secret links (never the tokens themselves). */
  coauthorLinks?: CoauthorLink[];
  /** A published fiche: ISO date by which it should be actualised again. */
  reviewDueAt?: string;
}

/** One field of a fiche that a version changed, as people read it (codes as labels, dates JJ/MM/AAAA). */
export interface FicheChange {
  /** Dotted path, as in validation errors. */
  field: string;
  before: string;
  after: string;
}

/** What a saved version of a fiche was. */
export type FicheVersionKind = 'create' | 'edit' | 'publish' | 'actualise';

/** One saved version of a fiche: who, when, and what changed. */
export interface FicheVersion {
  /** 1 for the first version, then one more per saved change of content or of dates. */
  number: number;
  kind: FicheVersionKind;
  at: string;
  author: { id: string; role: Role; name?: string };
  changes: FicheChange[];
  comment?: string;
}

/** A co-author's secret link to one fiche: lets that person edit that fiche only, never publish. */
export interface CoauthorLink {
  id: string;
  name: string;
  organisation?: string;
  createdAt: string;
  /** Id of the editor who invited. */
  createdBy: string;
  revokedAt?: string;
}

/** What `inviteCoauthor` returns: the link's record and its secret token, shown once. */
export interface CoauthorInvitation {
  link: CoauthorLink;
  token: string;
  practice: Practice;
}

/** An event the declarant may send now, as the domain's `allowedEvents` gives it. */
export interface DeclarantAllowedEvent {
  type: 'PROVIDE_COMPLEMENTS' | 'WITHDRAW' | 'SUBMIT';
  label: string;
  requires: readonly string[];
}

/** The declarant's view through the secret link: no opinions. */
export interface DeclarantPractice extends Omit<Practice, 'review'> {
  review: {
    state: ReviewState;
    history: HistoryEntry[];
    /** What the declarant may send now (French labels), decided by the review machine. */
    allowed: DeclarantAllowedEvent[];
  };
}

/** A practice as the public library sees it: published, no review data, no personal data. */
export interface PublicPractice {
  id: string;
  reference: string;
  level: Level;
  featured: boolean;
  publishedAt: string;
  updatedAt: string;
  declaration?: PublicDeclaration;
  fiche?: Fiche;
  /** Why the committee features it (the FEATURE motivation), when featured. */
  highlight?: { motivation: string; at: string };
  /** A fiche: the declared practices it was written from. */
  basedOn?: string[];
  /** A declared practice: the published fiches written from it. */
  fiches?: string[];
  /** The collection campaign it was received through (public: a campaign names organisations, not people). */
  campaign?: CampaignRef;
}

/** What `submit` returns, on the first attempt and on a retry: the declarant's view and their secret access. */
export interface SubmittedPractice extends DeclarantPractice {
  /** Secret token of the declarant's link; shown once, at submission. */
  declarantToken: string;
}
