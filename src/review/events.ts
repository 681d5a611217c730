// The review events, who may send each one, and what each one must carry.
import type { Actor, OpinionValue, Role } from '../model.js';

/** Fields common to every review event. The store stamps `at`; the machine never reads the clock. */
export interface ReviewEventBase {
  actor: Actor;
  /** ISO timestamp set by the store or server when the event is received. */
  at: string;
  /** Motivation, message or reason. */
  comment?: string;
}

export type SubmitEvent = ReviewEventBase & { type: 'SUBMIT'; declaration: unknown };
export type ProvideComplementsEvent = ReviewEventBase & { type: 'PROVIDE_COMPLEMENTS'; declaration: unknown };
export type GiveOpinionEvent = ReviewEventBase & { type: 'GIVE_OPINION'; opinion: OpinionValue };
export type MergeEvent = ReviewEventBase & { type: 'MERGE'; into: string };
/** Brings existing material in: an ONPE fiche goes to `published`, a declaration to `submitted`. */
export type ImportEvent = ReviewEventBase & { type: 'IMPORT'; declaration?: unknown; fiche?: unknown };
/** A fiche's new content, from the editor or a co-author (through their link). The store records the version. */
export type EditEvent = ReviewEventBase & { type: 'EDIT'; fiche: unknown };
type Simple<T extends string> = ReviewEventBase & { type: T };

/** Every event the review machine takes. */
export type ReviewEvent =
  | SubmitEvent
  | ImportEvent
  | Simple<'START_REVIEW'>
  | Simple<'REQUEST_COMPLEMENTS'>
  | ProvideComplementsEvent
  | GiveOpinionEvent
  | Simple<'ACCEPT'>
  | Simple<'REJECT'>
  | Simple<'REOPEN'>
  | MergeEvent
  | Simple<'PUBLISH'>
  | Simple<'UNPUBLISH'>
  | Simple<'FEATURE'>
  | Simple<'UNFEATURE'>
  | Simple<'WITHDRAW'>
  | EditEvent
  | Simple<'ACTUALISE'>;

export type ReviewEventType = ReviewEvent['type'];

/** A review event as a caller sends it to a store, which adds `at`. */
export type ReviewCommand = ReviewEvent extends infer E ? (E extends ReviewEvent ? Omit<E, 'at'> : never) : never;

/** Payload fields an event may require, so a widget knows what to ask for. */
export type RequiredField = 'comment' | 'declaration' | 'opinion' | 'into' | 'fiche';

/** Who may send an event and what it must carry. */
export interface EventRule {
  roles: readonly Role[];
  requires: readonly RequiredField[];
}

const COMMITTEE: readonly Role[] = ['reviewer', 'chair'];

/** The table of DESIGN.md: roles and required fields per event. Which states accept it is the machine's business. */
export const EVENT_RULES: Readonly<Record<ReviewEventType, EventRule>> = {
  SUBMIT: { roles: ['declarant'], requires: ['declaration'] },
  PROVIDE_COMPLEMENTS: { roles: ['declarant'], requires: ['declaration'] },
  WITHDRAW: { roles: ['declarant'], requires: [] },
  START_REVIEW: { roles: COMMITTEE, requires: [] },
  REQUEST_COMPLEMENTS: { roles: COMMITTEE, requires: ['comment'] },
  GIVE_OPINION: { roles: COMMITTEE, requires: ['opinion'] },
  ACCEPT: { roles: ['chair'], requires: ['comment'] },
  REJECT: { roles: ['chair'], requires: ['comment'] },
  REOPEN: { roles: ['chair'], requires: ['comment'] },
  MERGE: { roles: ['chair'], requires: ['into', 'comment'] },
  PUBLISH: { roles: ['editor'], requires: [] },
  UNPUBLISH: { roles: ['editor'], requires: [] },
  FEATURE: { roles: ['editor'], requires: ['comment'] },
  UNFEATURE: { roles: ['editor'], requires: [] },
  IMPORT: { roles: ['editor'], requires: [] },
  // A fiche's co-author acts through a secret link, as a declarant does: the store checks the link.
  EDIT: { roles: ['editor', 'declarant'], requires: ['fiche'] },
  ACTUALISE: { roles: ['editor'], requires: [] },
};

/**
 * Transitions that exist for ONPE fiches only: the editor publishes a fiche's draft without the
 * committee, edits it in draft or published, and actualises it once published.
 */
export const FICHE_ONLY: Readonly<Partial<Record<string, readonly ReviewEventType[]>>> = {
  draft: ['PUBLISH', 'EDIT'],
  published: ['EDIT', 'ACTUALISE'],
};

export const EVENT_TYPES = Object.keys(EVENT_RULES) as ReviewEventType[];
export const ROLES: readonly Role[] = ['declarant', 'reviewer', 'chair', 'editor'];
export const OPINIONS: readonly OpinionValue[] = ['favorable', 'reserve', 'defavorable'];

/** Longest accepted comment, in characters. */
export const MAX_COMMENT_LENGTH = 5000;
