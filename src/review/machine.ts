// The selection committee's workflow as an XState v5 machine, shared by the stores, the server and the widgets.
import { and, assign, not, setup } from 'xstate';
import type { HistoryEntry } from '../model.js';
import type { Level } from '../taxonomy/lists.js';
import type { ReviewEvent } from './events.js';
import { checkEvent, DEFAULT_REVIEW_OPTIONS, type ReviewContext } from './rules.js';

/** Bump when states or context change shape, and migrate older snapshots in `restoreReview`. */
export const MACHINE_VERSION = 1;

/** What a new review starts from; the options are kept in the context, so a persisted snapshot carries them. */
export interface ReviewInput {
  practiceId?: string;
  level?: Level;
  minOpinions?: number;
  minPracticeAgeMonths?: number;
}

const wholeNumber = (n: unknown, fallback: number) =>
  typeof n === 'number' && Number.isInteger(n) && n >= 0 ? n : fallback;

const entry = (event: ReviewEvent): HistoryEntry => {
  const e: HistoryEntry = { at: event.at, actor: { id: event.actor.id, role: event.actor.role }, type: event.type };
  if (event.actor.name) e.actor.name = event.actor.name;
  if (typeof event.comment === 'string' && event.comment.trim()) e.comment = event.comment.trim();
  if (event.type === 'GIVE_OPINION') e.opinion = event.opinion;
  if (event.type === 'MERGE') e.into = event.into;
  return e;
};

/**
 * The review machine. Every transition goes through the one guard `allowed`, which asks
 * {@link checkEvent}; an event a state does not list is refused by the machine's structure.
 *
 * @example
 * const [s0] = initialTransition(reviewMachine, { practiceId: 'p1' });
 * const [s1] = transition(reviewMachine, s0, { type: 'SUBMIT', actor, at, declaration });
 */
export const reviewMachine = setup({
  types: {
    context: {} as ReviewContext,
    events: {} as ReviewEvent,
    input: {} as ReviewInput,
  },
  guards: {
    allowed: ({ context, event }) => checkEvent(context, event) === null,
    isFiche: ({ context }) => context.level === 'onpe',
  },
  actions: {
    recordHistory: assign({ history: ({ context, event }) => [...context.history, entry(event)] }),
    recordOpinion: assign({
      // An opinion given again by the same reviewer replaces the earlier one.
      opinions: ({ context, event }) => {
        if (event.type !== 'GIVE_OPINION') return context.opinions;
        const opinion = { at: event.at, actor: entry(event).actor, opinion: event.opinion, ...(entry(event).comment ? { comment: entry(event).comment } : {}) };
        return [...context.opinions.filter((o) => o.actor.id !== event.actor.id), opinion];
      },
    }),
    startNewRound: assign({
      previousRounds: ({ context }) => (context.opinions.length ? [...context.previousRounds, context.opinions] : context.previousRounds),
      opinions: () => [],
    }),
    rememberRequest: assign({ pendingRequest: ({ event }) => event.comment?.trim() }),
    clearRequest: assign({ pendingRequest: () => undefined }),
    feature: assign({ featured: () => true }),
    unfeature: assign({ featured: () => false }),
    rememberMerge: assign({ mergedInto: ({ event }) => (event.type === 'MERGE' ? event.into : undefined) }),
  },
}).createMachine({
  id: 'review',
  initial: 'draft',
  context: ({ input }) => ({
    practiceId: input?.practiceId,
    level: input?.level ?? 'declared',
    options: {
      minOpinions: wholeNumber(input?.minOpinions, DEFAULT_REVIEW_OPTIONS.minOpinions),
      minPracticeAgeMonths: wholeNumber(input?.minPracticeAgeMonths, DEFAULT_REVIEW_OPTIONS.minPracticeAgeMonths),
    },
    opinions: [],
    previousRounds: [],
    history: [],
    featured: false,
  }),
  states: {
    draft: {
      on: {
        SUBMIT: { guard: 'allowed', target: 'submitted', actions: 'recordHistory' },
        IMPORT: [
          // ONPE fiches are the observatory's own work: they are published as they come.
          { guard: and(['isFiche', 'allowed']), target: 'published', actions: 'recordHistory' },
          { guard: and([not('isFiche'), 'allowed']), target: 'submitted', actions: 'recordHistory' },
        ],
        WITHDRAW: { guard: 'allowed', target: 'withdrawn', actions: 'recordHistory' },
        // A fiche is the observatory's own text: the editor publishes it without the committee.
        PUBLISH: { guard: and(['isFiche', 'allowed']), target: 'published', actions: 'recordHistory' },
        EDIT: { guard: and(['isFiche', 'allowed']), actions: 'recordHistory' },
      },
    },
    submitted: {
      on: {
        START_REVIEW: { guard: 'allowed', target: 'inReview', actions: 'recordHistory' },
        WITHDRAW: { guard: 'allowed', target: 'withdrawn', actions: 'recordHistory' },
        MERGE: { guard: 'allowed', target: 'merged', actions: ['recordHistory', 'rememberMerge'] },
      },
    },
    inReview: {
      on: {
        GIVE_OPINION: { guard: 'allowed', actions: ['recordHistory', 'recordOpinion'] },
        REQUEST_COMPLEMENTS: { guard: 'allowed', target: 'complementsRequested', actions: ['recordHistory', 'rememberRequest'] },
        ACCEPT: { guard: 'allowed', target: 'accepted', actions: 'recordHistory' },
        REJECT: { guard: 'allowed', target: 'rejected', actions: 'recordHistory' },
        REOPEN: { guard: 'allowed', target: 'inReview', reenter: true, actions: ['recordHistory', 'startNewRound'] },
        MERGE: { guard: 'allowed', target: 'merged', actions: ['recordHistory', 'rememberMerge'] },
      },
    },
    complementsRequested: {
      on: {
        // The opinions are kept: complements answer the same round's questions.
        PROVIDE_COMPLEMENTS: { guard: 'allowed', target: 'inReview', actions: ['recordHistory', 'clearRequest'] },
        WITHDRAW: { guard: 'allowed', target: 'withdrawn', actions: 'recordHistory' },
      },
    },
    accepted: {
      on: {
        PUBLISH: { guard: 'allowed', target: 'published', actions: 'recordHistory' },
        REOPEN: { guard: 'allowed', target: 'inReview', actions: ['recordHistory', 'startNewRound'] },
      },
    },
    published: {
      on: {
        FEATURE: { guard: 'allowed', actions: ['recordHistory', 'feature'] },
        UNFEATURE: { guard: 'allowed', actions: ['recordHistory', 'unfeature'] },
        // Back to the decision, not to review: a featured mark does not survive unpublication.
        UNPUBLISH: { guard: 'allowed', target: 'accepted', actions: ['recordHistory', 'unfeature'] },
        EDIT: { guard: and(['isFiche', 'allowed']), actions: 'recordHistory' },
        ACTUALISE: { guard: and(['isFiche', 'allowed']), actions: 'recordHistory' },
      },
    },
    rejected: {
      on: {
        REOPEN: { guard: 'allowed', target: 'inReview', actions: ['recordHistory', 'startNewRound'] },
      },
    },
    withdrawn: { type: 'final' },
    merged: { type: 'final' },
  },
});
