// Pure functions over persisted reviews: apply an event, list what an actor may do, explain a refusal.
import { createActor, initialTransition, transition, type SnapshotFrom } from 'xstate';
import type { Actor, PersistedReview, Review, ReviewState } from '../model.js';
import type { ValidationError } from '../schema/fields.js';
import { resolveLang, type Lang } from '../schema/messages.js';
import { EVENT_RULES, EVENT_TYPES, FICHE_ONLY, type RequiredField, type ReviewEvent, type ReviewEventType } from './events.js';
import { EVENT_LABELS, REFUSAL_REASONS, type RefusalCode } from './labels.js';
import { MACHINE_VERSION, reviewMachine, type ReviewInput } from './machine.js';
import { checkEvent, type Refusal, type ReviewContext } from './rules.js';

type ReviewSnapshot = SnapshotFrom<typeof reviewMachine>;

/** Thrown when a stored snapshot cannot be read back; stored data is never guessed at. */
export class ReviewSnapshotError extends Error {
  override name = 'ReviewSnapshotError';
}

/** Persists a machine snapshot as plain JSON, with the machine's version. */
export function persist(snapshot: ReviewSnapshot): PersistedReview {
  // A JSON round trip drops undefined fields, so what is stored is exactly what is restored.
  return { machineVersion: MACHINE_VERSION, state: JSON.parse(JSON.stringify(reviewMachine.getPersistedSnapshot(snapshot))) };
}

/** Reads a persisted review back into a machine snapshot. */
export function restore(persisted: PersistedReview): ReviewSnapshot {
  if (persisted?.machineVersion !== MACHINE_VERSION) {
    throw new ReviewSnapshotError(`Unsupported review machine version ${String(persisted?.machineVersion)}`);
  }
  const state = persisted.state as { value?: unknown; context?: unknown } | null;
  if (!state || typeof state.value !== 'string' || !state.context) {
    throw new ReviewSnapshotError('The persisted review has no state value or context');
  }
  return reviewMachine.resolveState({ value: state.value, context: state.context as ReviewContext });
}

/** A new review in `draft`. */
export function createReview(input: ReviewInput = {}): PersistedReview {
  return persist(initialTransition(reviewMachine, input)[0]);
}

/** The state name of a persisted review. */
export const reviewStateOf = (persisted: PersistedReview): ReviewState => restore(persisted).value as ReviewState;

/** The context of a persisted review (opinions, history, options, pending request…). */
export const reviewContextOf = (persisted: PersistedReview): ReviewContext => restore(persisted).context;

/** The committee's view of a review, derived from the snapshot so the two never disagree. */
export function deriveReview(persisted: PersistedReview): Review {
  const snapshot = restore(persisted);
  const { featured, opinions, history } = snapshot.context;
  return { state: snapshot.value as ReviewState, featured, opinions, history, snapshot: persisted };
}

/** A live actor resumed from a persisted review, for callers that prefer `send` and subscriptions. */
export function createReviewActor(persisted: PersistedReview) {
  // Input is ignored when a snapshot is given; the type asks for it all the same.
  return createActor(reviewMachine, { snapshot: restore(persisted), input: {} });
}

/** Why an event is refused, ready to show. */
export interface ReviewRefusal extends Refusal {
  message: string;
}

/** Outcome of {@link applyReviewEvent}. */
export type ApplyResult =
  | { ok: true; snapshot: PersistedReview; review: Review }
  | { ok: false; refusal: ReviewRefusal };

const stateAccepts = (state: ReviewState, type: string) =>
  Object.hasOwn(reviewMachine.getStateNodeById(`review.${state}`).on, type);

function refusalOf(snapshot: ReviewSnapshot, event: ReviewEvent): Refusal | null {
  const type = (event as { type?: unknown })?.type;
  if (typeof type !== 'string' || !Object.hasOwn(EVENT_RULES, type)) {
    return { code: 'unknown_event', params: { event: String(type) } };
  }
  const state = snapshot.value as ReviewState;
  if (!stateAccepts(state, type)) return { code: 'state_not_allowed', params: { event: type as ReviewEventType, state } };
  // A declared practice's draft is the declarant's: only a fiche's is published by the editor.
  if (snapshot.context.level !== 'onpe' && FICHE_ONLY[state]?.includes(type as ReviewEventType)) {
    return { code: 'state_not_allowed', params: { event: type as ReviewEventType, state } };
  }
  return checkEvent(snapshot.context, event);
}

const message = (code: RefusalCode, refusal: Refusal, lang: Lang) => REFUSAL_REASONS[lang][code](refusal.params, lang);

/**
 * Says in French (or `lang`) why `event` would be refused now, or `null` when it would be accepted.
 * A widget asks before sending, so the event needs no `at`: the present moment stands in for it.
 *
 * @example explain(snapshot, { type: 'ACCEPT', actor: chair, at, comment: 'Pertinente' }) // "La décision demande au moins 2 avis ; 1 ont été donnés…"
 */
export function explain(persisted: PersistedReview, event: ReviewEvent | Omit<ReviewEvent, 'at'>, lang: Lang | string = 'fr'): string | null {
  const stamped = (event && typeof event === 'object' && !('at' in event) ? { ...event, at: new Date().toISOString() } : event) as ReviewEvent;
  const refusal = refusalOf(restore(persisted), stamped);
  return refusal ? message(refusal.code, refusal, resolveLang(lang)) : null;
}

/**
 * Applies one event. An illegal event changes nothing and the result says why, with the
 * declaration's field errors when that is the reason. Never throws on a bad event.
 */
export function applyReviewEvent(persisted: PersistedReview, event: ReviewEvent, lang: Lang | string = 'fr'): ApplyResult {
  const snapshot = restore(persisted);
  const refusal = refusalOf(snapshot, event);
  if (refusal) return { ok: false, refusal: { ...refusal, message: message(refusal.code, refusal, resolveLang(lang)) } };
  const [next] = transition(reviewMachine, snapshot, event);
  const stored = persist(next);
  return { ok: true, snapshot: stored, review: deriveReview(stored) };
}

/** An event an actor may send now, its label and the fields to ask for. */
export interface AllowedEvent {
  type: ReviewEventType;
  label: string;
  requires: readonly RequiredField[];
}

// Codes that depend only on what the caller will type, not on the review: they do not make an event unavailable.
const PAYLOAD_CODES: ReadonlySet<RefusalCode> = new Set(['invalid_declaration', 'invalid_fiche']);

/**
 * What `actor` may send now, in the machine's order, with what each event requires.
 * Widgets show exactly these; they never decide on their own.
 */
export function allowedEvents(persisted: PersistedReview, actor: Actor, lang: Lang | string = 'fr'): AllowedEvent[] {
  const snapshot = restore(persisted);
  const labels = EVENT_LABELS[resolveLang(lang)];
  const result: AllowedEvent[] = [];
  for (const type of EVENT_TYPES) {
    if (type === 'IMPORT' || type === 'EDIT') continue; // store operations with their own forms, not buttons
    const probe = {
      type, actor, at: '2000-01-01T00:00:00.000Z', comment: '…', opinion: 'favorable', into: `${snapshot.context.practiceId ?? ''}\u0000other`,
    } as unknown as ReviewEvent;
    const refusal = refusalOf(snapshot, probe);
    if (refusal && !PAYLOAD_CODES.has(refusal.code)) continue;
    result.push({ type, label: labels[type], requires: EVENT_RULES[type].requires });
  }
  return result;
}

/** The payload field a refusal is about, so a form can attach the message to it. */
const FIELD_OF_CODE: Readonly<Partial<Record<RefusalCode, RequiredField>>> = {
  comment_required: 'comment',
  comment_too_long: 'comment',
  comment_invalid_characters: 'comment',
  invalid_opinion: 'opinion',
  into_required: 'into',
  into_self: 'into',
  invalid_declaration: 'declaration',
  invalid_fiche: 'fiche',
};

/** Why an event would be refused: the stable code, the message, and the field it is about when there is one. */
export interface RefusalExplanation {
  code: RefusalCode;
  message: string;
  field?: RequiredField;
}

/**
 * Like {@link explain}, with the refusal's code and the payload field it concerns, so a widget can
 * show the message under that field. `null` when the event would be accepted.
 */
export function explainRefusal(persisted: PersistedReview, event: ReviewEvent | Omit<ReviewEvent, 'at'>, lang: Lang | string = 'fr'): RefusalExplanation | null {
  const stamped = (event && typeof event === 'object' && !('at' in event) ? { ...event, at: new Date().toISOString() } : event) as ReviewEvent;
  const refusal = refusalOf(restore(persisted), stamped);
  if (!refusal) return null;
  const field = FIELD_OF_CODE[refusal.code];
  return { code: refusal.code, message: message(refusal.code, refusal, resolveLang(lang)), ...(field ? { field } : {}) };
}

// Conditions of the review itself that will change as the committee works (not the state, the role or a toggle).
const WAITING_CODES: ReadonlySet<RefusalCode> = new Set(['not_enough_opinions']);

/** An event the actor's role may send in this state, but not yet, with the reason. */
export interface PendingEvent {
  type: ReviewEventType;
  label: string;
  reason: string;
}

/**
 * Events `actor` could send in this state once a condition is met (the chair's ACCEPT before
 * enough opinions), with the domain's reason: a board shows them as "not possible yet" instead of
 * hiding them without a word.
 */
export function pendingEvents(persisted: PersistedReview, actor: Actor, lang: Lang | string = 'fr'): PendingEvent[] {
  const snapshot = restore(persisted);
  const l = resolveLang(lang);
  const result: PendingEvent[] = [];
  for (const type of EVENT_TYPES) {
    if (type === 'IMPORT' || type === 'EDIT') continue;
    const probe = {
      type, actor, at: '2000-01-01T00:00:00.000Z', comment: '…', opinion: 'favorable', into: `${snapshot.context.practiceId ?? ''}\u0000other`,
    } as unknown as ReviewEvent;
    const refusal = refusalOf(snapshot, probe);
    if (refusal && WAITING_CODES.has(refusal.code)) result.push({ type, label: EVENT_LABELS[l][type], reason: message(refusal.code, refusal, l) });
  }
  return result;
}

/** Field errors of a refusal caused by an invalid declaration or fiche. */
export const refusalErrors = (r: ApplyResult): ValidationError[] => (r.ok ? [] : (r.refusal.errors ?? []));
