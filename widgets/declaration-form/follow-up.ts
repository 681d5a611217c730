// The declarant's follow-up page, the parts that need no element: the prefilled draft, the committee's message, the data file.
// Only the follow-up page's own file (follow-up-page.ts, loaded on demand) uses them; the link is in follow-up-link.ts.
import type { Declaration, DeclarantPractice, HistoryEntry, ReviewState } from '../../src/model.js';
import { formatDateFr } from '../../src/schema/dates.js';

export { PRACTICE_PARAM, TOKEN_PARAM, followUpLink, followUpParams } from './follow-up-link.js';

/** The stored declaration as the form's working copy: dates as typed (JJ/MM/AAAA), absent optional fields empty. */
export function draftOfDeclaration(d: Declaration) {
  return {
    conditionsAccepted: d.conditionsAccepted === true,
    implementationDate: d.implementationDate ? formatDateFr(d.implementationDate) : '',
    entityName: d.entityName ?? '',
    title: d.title ?? '',
    description: d.description ?? '',
    scale: d.scale ?? '',
    interventionTypes: [...(d.interventionTypes ?? [])] as string[],
    interventionTypeOther: d.interventionTypeOther ?? '',
    themes: [...(d.themes ?? [])] as string[],
    themeOther: d.themeOther ?? '',
    audiences: [...(d.audiences ?? [])] as string[],
    audienceOther: d.audienceOther ?? '',
    relay: d.relay ?? '',
    relayOther: d.relayOther ?? '',
    location: { regions: [...(d.location?.regions ?? [])], departments: [...(d.location?.departments ?? [])], locality: d.location?.locality ?? '' },
    departmentAgreement: { obtained: d.departmentAgreement?.obtained === true, representative: d.departmentAgreement?.representative ?? '' },
    declarant: {
      name: d.declarant?.name ?? '', email: d.declarant?.email ?? '', phone: d.declarant?.phone ?? '',
      accuracyCertified: d.declarant?.accuracyCertified === true,
    },
  };
}

/** JSON with keys in a fixed order, so two values that mean the same compare equal whatever order they were built in. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** True when two declarations, both as the schema normalised them, say the same thing. */
export const sameDeclaration = (a: unknown, b: unknown): boolean => canonical(a) === canonical(b);

/** The event that put a practice in each state, whose comment the committee addressed to the declarant. */
const DECISION_OF: Partial<Record<ReviewState, string>> = {
  complementsRequested: 'REQUEST_COMPLEMENTS',
  accepted: 'ACCEPT',
  published: 'ACCEPT',
  rejected: 'REJECT',
  merged: 'MERGE',
};

/** The committee's message behind the current state (the request, or the decision's motivation), if any. */
export function currentMessage(practice: DeclarantPractice): HistoryEntry | undefined {
  const type = DECISION_OF[practice.review.state];
  if (!type) return undefined;
  const history = practice.review.history;
  for (let i = history.length - 1; i >= 0; i--) {
    if (history[i]!.type === type) return history[i]!.comment ? history[i] : undefined;
  }
  return undefined;
}

/** How many times complements were given: a new entry after a lost answer proves the first attempt landed. */
export const complementsCount = (practice: DeclarantPractice): number =>
  practice.review.history.filter((h) => h.type === 'PROVIDE_COMPLEMENTS').length;

/**
 * The declarant's data as a downloadable file: exactly the view the store gives them through
 * their link (their declaration, its states and the committee's messages, never the opinions),
 * built in the browser so nothing else is asked of the server.
 */
export function declarantDataFile(practice: DeclarantPractice, exportedAt = new Date()): { name: string; text: string } {
  const body = { format: 'pratiques-inspirantes/declarant-data/1', exportedAt: exportedAt.toISOString(), practice };
  const safe = practice.reference.replace(/[^A-Za-z0-9_-]/g, '_') || 'pratique';
  return { name: `${safe}-mes-donnees.json`, text: `${JSON.stringify(body, null, 2)}\n` };
}
