// The checks behind the machine's one guard, so the guard and explain() can never disagree.
import type { HistoryEntry, Opinion, Role } from '../model.js';
import type { Level } from '../taxonomy/lists.js';
import { validateDeclaration } from '../schema/declaration.js';
import { validateFiche } from '../schema/fiche.js';
import type { ValidationError } from '../schema/fields.js';
import { hasForbiddenCharacters } from '../schema/text.js';
import { EVENT_RULES, MAX_COMMENT_LENGTH, OPINIONS, ROLES, type ReviewEvent } from './events.js';
import type { RefusalCode, RefusalParams } from './labels.js';

/** Settings that travel in the machine's context, so a persisted snapshot keeps them. */
export interface ReviewOptions {
  /** Opinions needed in the current round before ACCEPT. Default 2. */
  minOpinions: number;
  /** Passed to the declaration's date rule. Default 12. */
  minPracticeAgeMonths: number;
}

export const DEFAULT_REVIEW_OPTIONS: ReviewOptions = { minOpinions: 2, minPracticeAgeMonths: 12 };

/** What the machine remembers besides its state. */
export interface ReviewContext {
  /** The practice's own id, so MERGE can refuse itself as a target. */
  practiceId?: string;
  level: Level;
  options: ReviewOptions;
  /** Opinions of the current round, one per reviewer. */
  opinions: Opinion[];
  /** Opinions of earlier rounds, oldest first (REOPEN starts a new round). */
  previousRounds: Opinion[][];
  history: HistoryEntry[];
  featured: boolean;
  /** The committee's latest request for complements, shown to the declarant. */
  pendingRequest?: string;
  /** Id of the practice this one was merged into. */
  mergedInto?: string;
}

/** Why an event is refused: a stable code, values for the message, and field errors for a bad declaration. */
export interface Refusal {
  code: RefusalCode;
  params: RefusalParams;
  errors?: ValidationError[];
}

const refuse = (code: RefusalCode, params: RefusalParams = {}, errors?: ValidationError[]): Refusal =>
  errors ? { code, params, errors } : { code, params };

const isRole = (r: unknown): r is Role => typeof r === 'string' && (ROLES as readonly string[]).includes(r);
const blank = (s: unknown) => typeof s !== 'string' || s.trim() === '';

/**
 * Checks everything about an event except whether the current state accepts it (that is the machine's
 * structure): the actor and role, the timestamp, the fields it must carry, and the context's conditions.
 * Returns `null` when the event may proceed.
 */
export function checkEvent(context: ReviewContext, event: ReviewEvent): Refusal | null {
  const rule = EVENT_RULES[event.type];
  if (!rule) return refuse('unknown_event', { event: (event as { type?: string }).type });
  const params = { event: event.type };
  const actor = event.actor as ReviewEvent['actor'] | undefined;
  if (!actor || blank(actor.id) || !isRole(actor.role)) return refuse('missing_actor', params);
  if (blank(event.at) || Number.isNaN(Date.parse(event.at))) return refuse('missing_at', params);
  if (!rule.roles.includes(actor.role)) return refuse('role_not_allowed', { ...params, roles: rule.roles });
  // On a fiche, someone acting through a link is a co-author: they may edit, nothing else.
  if (context.level === 'onpe' && actor.role === 'declarant' && event.type !== 'EDIT') return refuse('role_not_allowed', { ...params, roles: ['editor'] });
  if (event.comment !== undefined && typeof event.comment !== 'string') return refuse('comment_required', params);
  if ((event.comment?.length ?? 0) > MAX_COMMENT_LENGTH) return refuse('comment_too_long', { max: MAX_COMMENT_LENGTH });
  // The same rule as the declaration's text: no keyboard types them, and PostgreSQL cannot store U+0000.
  if (event.comment && hasForbiddenCharacters(event.comment)) return refuse('comment_invalid_characters', params);
  if (rule.requires.includes('comment') && blank(event.comment)) return refuse('comment_required', params);
  const options = { minPracticeAgeMonths: context.options.minPracticeAgeMonths, today: event.at };
  switch (event.type) {
    case 'SUBMIT':
    case 'PROVIDE_COMPLEMENTS': {
      const result = validateDeclaration(event.declaration, options);
      return result.ok ? null : refuse('invalid_declaration', params, result.errors);
    }
    case 'IMPORT': {
      if (context.level === 'onpe') {
        const result = validateFiche(event.fiche, options);
        return result.ok ? null : refuse('invalid_fiche', params, result.errors);
      }
      const result = validateDeclaration(event.declaration, options);
      return result.ok ? null : refuse('invalid_declaration', params, result.errors);
    }
    case 'EDIT': {
      if (context.level !== 'onpe') return refuse('fiche_only', params);
      const result = validateFiche(event.fiche, { today: event.at });
      return result.ok ? null : refuse('invalid_fiche', params, result.errors);
    }
    case 'ACTUALISE':
      return context.level === 'onpe' ? null : refuse('fiche_only', params);
    case 'GIVE_OPINION':
      return (OPINIONS as readonly string[]).includes(event.opinion) ? null : refuse('invalid_opinion', params);
    case 'ACCEPT': {
      const count = context.opinions.length;
      const min = context.options.minOpinions;
      return count >= min ? null : refuse('not_enough_opinions', { ...params, count, min });
    }
    case 'MERGE':
      if (blank(event.into)) return refuse('into_required', params);
      return event.into === context.practiceId ? refuse('into_self', params) : null;
    case 'FEATURE':
      return context.featured ? refuse('already_featured', params) : null;
    case 'UNFEATURE':
      return context.featured ? null : refuse('not_featured', params);
    default:
      return null;
  }
}
