// Who must be told of what after a write: the rule is the domain's, the delivery (outbox, webhook) the server's.
import type { HistoryEntry, Practice, ReviewState, Role } from '../model.js';
import { reviewContextOf } from './review.js';
import { formatDateFr } from '../schema/dates.js';

/** What happened, from the recipient's point of view. */
export type NotificationKind =
  | 'submission-received'
  | 'practice-submitted'
  | 'review-started'
  | 'complements-requested'
  | 'complements-provided'
  | 'ready-for-decision'
  | 'accepted'
  | 'rejected'
  | 'reopened'
  | 'merged'
  | 'ready-to-publish'
  | 'published'
  | 'unpublished'
  | 'featured'
  | 'withdrawn'
  | 'opinion-reminder'
  | 'fiche-review-due'
  | 'fiche-edited';

/**
 * One message to deliver. It holds no personal data: the declarant's address is looked up when
 * the message is delivered, so erasing their contact leaves nothing behind in a queue.
 */
export interface PracticeNotification {
  kind: NotificationKind;
  /** Who: the practice's declarant, or every member holding a role. */
  recipient: Role;
  practiceId: string;
  reference: string;
  /** When the event happened (the history entry's `at`, or the practice's creation). */
  at: string;
  /** The event's type and the committee's words that the recipient may read. */
  event?: { type: string; comment?: string };
  /** A French subject line, ready for an e-mail. */
  subject: string;
}

const SUBJECTS: Readonly<Record<NotificationKind, (ref: string) => string>> = {
  'submission-received': (r) => `Votre pratique a bien été reçue (${r})`,
  'practice-submitted': (r) => `Nouvelle pratique à examiner : ${r}`,
  'review-started': (r) => `Votre pratique ${r} est en cours d’examen`,
  'complements-requested': (r) => `Le comité demande des compléments sur votre pratique ${r}`,
  'complements-provided': (r) => `Compléments reçus pour la pratique ${r}`,
  'ready-for-decision': (r) => `La pratique ${r} a reçu assez d’avis pour une décision`,
  accepted: (r) => `Votre pratique ${r} a été retenue`,
  rejected: (r) => `Votre pratique ${r} n’a pas été retenue`,
  reopened: (r) => `L’examen de votre pratique ${r} a été rouvert`,
  merged: (r) => `Votre pratique ${r} a été rapprochée d’une pratique déjà déclarée`,
  'ready-to-publish': (r) => `La pratique ${r} est retenue et attend sa publication`,
  published: (r) => `Votre pratique ${r} est publiée dans la bibliothèque`,
  unpublished: (r) => `Votre pratique ${r} a été retirée de la bibliothèque`,
  featured: (r) => `Votre pratique ${r} est valorisée par le comité`,
  withdrawn: (r) => `La pratique ${r} a été retirée par son déclarant`,
  'opinion-reminder': (r) => `Rappel : votre avis est attendu sur la pratique ${r}`,
  'fiche-review-due': (r) => `La fiche ${r} est à actualiser`,
  'fiche-edited': (r) => `Un co-auteur a modifié la fiche ${r}`,
};

/** Per event type: who is told, and as what. Opinions themselves are never sent to the declarant. */
const ON_EVENT: Readonly<Partial<Record<string, readonly [NotificationKind, Role][]>>> = {
  START_REVIEW: [['review-started', 'declarant']],
  REQUEST_COMPLEMENTS: [['complements-requested', 'declarant']],
  PROVIDE_COMPLEMENTS: [['complements-provided', 'reviewer'], ['complements-provided', 'chair']],
  ACCEPT: [['accepted', 'declarant'], ['ready-to-publish', 'editor']],
  REJECT: [['rejected', 'declarant']],
  REOPEN: [['reopened', 'declarant']],
  MERGE: [['merged', 'declarant']],
  PUBLISH: [['published', 'declarant']],
  UNPUBLISH: [['unpublished', 'declarant']],
  FEATURE: [['featured', 'declarant']],
  WITHDRAW: [['withdrawn', 'reviewer'], ['withdrawn', 'chair']],
};

function make(p: Practice, kind: NotificationKind, recipient: Role, at: string, entry?: HistoryEntry): PracticeNotification {
  const n: PracticeNotification = { kind, recipient, practiceId: p.id, reference: p.reference, at, subject: SUBJECTS[kind](p.reference) };
  if (entry) {
    n.event = { type: entry.type };
    // Only words meant for the declarant or the committee travel; an opinion's comment stays on the board.
    if (entry.comment !== undefined && entry.type !== 'GIVE_OPINION') n.event.comment = entry.comment;
  }
  return n;
}

const hasDeclarant = (p: Practice) => p.level === 'declared' && !p.personalDataErasedAt;

/**
 * The notifications a write calls for: `before` is the stored practice (`undefined` for a new
 * one), `after` what is written. A store writes them in the same transaction as the practice
 * (an outbox), so a message is sent if and only if the change happened.
 *
 * @example notificationsFor(undefined, submitted) // [submission-received → declarant, practice-submitted → reviewer]
 */
export function notificationsFor(before: Practice | undefined, after: Practice): PracticeNotification[] {
  const out: PracticeNotification[] = [];
  if (!before) {
    // A new practice: the committee learns of it; a declarant (not an import) gets an acknowledgement.
    if (after.review.state === 'submitted') {
      if (after.declaration && after.review.history.some((h) => h.type === 'SUBMIT')) out.push(make(after, 'submission-received', 'declarant', after.createdAt));
      out.push(make(after, 'practice-submitted', 'reviewer', after.createdAt));
    }
    return out.filter((n) => n.recipient !== 'declarant' || hasDeclarant(after));
  }
  // The history is append-only: what is new is what follows the stored entries.
  for (const entry of after.review.history.slice(before.review.history.length)) {
    for (const [kind, recipient] of ON_EVENT[entry.type] ?? []) out.push(make(after, kind, recipient, entry.at, entry));
    // The editor answers for the fiche: a co-author's change is worth a look before it stays.
    if (entry.type === 'EDIT' && entry.actor.role === 'declarant') out.push(make(after, 'fiche-edited', 'editor', entry.at, entry));
  }
  const minOpinions = reviewContextOf(after.review.snapshot).options.minOpinions;
  if (after.review.state === 'inReview' && after.review.opinions.length >= minOpinions && before.review.opinions.length < minOpinions) {
    out.push(make(after, 'ready-for-decision', 'chair', after.updatedAt));
  }
  return out.filter((n) => n.recipient !== 'declarant' || hasDeclarant(after));
}

/**
 * The reminder due on a practice in review that has waited `afterDays` since its round began
 * without enough opinions, or `undefined`. The server calls it on a schedule and records that
 * it sent one, so each round is reminded once.
 */
export function opinionReminder(p: Practice, now: string | Date, afterDays: number): PracticeNotification | undefined {
  const state: ReviewState = p.review.state;
  if (state !== 'inReview') return undefined;
  if (p.review.opinions.length >= reviewContextOf(p.review.snapshot).options.minOpinions) return undefined;
  // The round began with the last START_REVIEW, REOPEN or PROVIDE_COMPLEMENTS.
  const start = [...p.review.history].reverse().find((h) => h.type === 'START_REVIEW' || h.type === 'REOPEN' || h.type === 'PROVIDE_COMPLEMENTS');
  if (!start) return undefined;
  const nowMs = typeof now === 'string' ? Date.parse(now) : now.getTime();
  if (nowMs - Date.parse(start.at) < afterDays * 86_400_000) return undefined;
  return make(p, 'opinion-reminder', 'reviewer', new Date(nowMs).toISOString(), start);
}

/**
 * The reminder due on a published ONPE fiche whose review date (`reviewDueAt`) is reached, or
 * comes within `daysBefore` days, or `undefined`. The server calls it on a schedule and records
 * one reminder per fiche and due date, so an actualisation (a new due date) allows the next one.
 *
 * @example ficheReviewReminder(fiche, '2026-06-01T08:00:00Z', 30) // { kind: 'fiche-review-due', recipient: 'editor', … }
 */
export function ficheReviewReminder(p: Practice, now: string | Date, daysBefore = 0): PracticeNotification | undefined {
  if (p.level !== 'onpe' || p.review.state !== 'published' || !p.reviewDueAt) return undefined;
  const nowMs = typeof now === 'string' ? Date.parse(now) : now.getTime();
  // The due day counts from its start in UTC; a reminder a few hours early is no harm.
  if (nowMs + Math.max(0, daysBefore) * 86_400_000 < Date.parse(`${p.reviewDueAt.slice(0, 10)}T00:00:00Z`)) return undefined;
  const n = make(p, 'fiche-review-due', 'editor', new Date(nowMs).toISOString());
  n.event = { type: 'ACTUALISE', comment: `À actualiser au plus tard le ${formatDateFr(p.reviewDueAt.slice(0, 10))}.` };
  return n;
}
