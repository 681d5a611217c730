// Authoring ONPE fiches: what changed between two versions, a fiche prefilled from a declared practice, and the actualisation dates.
import type { Fiche, FicheChange, PublicDeclaration } from '../model.js';
import { labelOf } from '../taxonomy/taxonomy.js';
import { codes, textOf } from './change-values.js';
import { dateInParis, formatDateFr, parseDateInput, subtractMonths, toIsoDate } from './dates.js';
import { fieldLabel, resolveLang, type Lang } from './messages.js';

/** How long a published fiche stays current before it should be actualised, by default: two years. */
export const DEFAULT_FICHE_REVIEW_MONTHS = 24;

type Shown = (f: Partial<Fiche>) => string;

const dateOf = (v: unknown): string => (typeof v === 'string' && v ? formatDateFr(v) : '');

/** The fiche's fields in the editor's order, each as people read it. */
const FICHE_FIELDS: readonly [string, Shown][] = [
  ['title', (f) => textOf(f.title)],
  ['entityName', (f) => textOf(f.entityName)],
  ['summary', (f) => textOf(f.summary)],
  ['objectives', (f) => textOf(f.objectives)],
  ['means', (f) => textOf(f.means)],
  ['keysToSuccess', (f) => textOf(f.keysToSuccess)],
  ['expectedResults', (f) => textOf(f.expectedResults)],
  ['difficulties', (f) => textOf(f.difficulties)],
  ['partners', (f) => (Array.isArray(f.partners) ? f.partners.join(' ; ') : '')],
  ['coAuthors', (f) => (Array.isArray(f.coAuthors) ? f.coAuthors.map((c) => (c.organisation ? `${c.name} (${c.organisation})` : c.name)).join(' ; ') : '')],
  ['scale', (f) => (f.scale ? labelOf('scales', f.scale) : '')],
  ['interventionTypes', (f) => codes('interventionTypes', f.interventionTypes)],
  ['interventionTypeOther', (f) => textOf(f.interventionTypeOther)],
  ['themes', (f) => codes('themes', f.themes)],
  ['themeOther', (f) => textOf(f.themeOther)],
  ['audiences', (f) => codes('audiences', f.audiences)],
  ['audienceOther', (f) => textOf(f.audienceOther)],
  ['relay', (f) => (f.relay ? labelOf('relays', f.relay) : '')],
  ['relayOther', (f) => textOf(f.relayOther)],
  ['location.regions', (f) => codes('regions', f.location?.regions)],
  ['location.departments', (f) => codes('departments', f.location?.departments)],
  ['location.locality', (f) => textOf(f.location?.locality)],
  ['implementationDate', (f) => dateOf(f.implementationDate)],
  ['lastReviewedAt', (f) => dateOf(f.lastReviewedAt)],
];

/**
 * The fields whose displayed value differs between two versions of a fiche, in the editor's order.
 * Stored with each version, so the history says what changed even after the fiche changes again.
 *
 * @example ficheChanges(before, { ...before, title: 'Nouveau titre' }) // [{ field: 'title', before: 'Ancien', after: 'Nouveau titre' }]
 */
export function ficheChanges(before: Partial<Fiche> | undefined, after: Partial<Fiche> | undefined): FicheChange[] {
  const a = before ?? {};
  const b = after ?? {};
  const changes: FicheChange[] = [];
  for (const [field, show] of FICHE_FIELDS) {
    const was = show(a);
    const now = show(b);
    if (was !== now) changes.push({ field, before: was, after: now });
  }
  return changes;
}

/** The label of a fiche's field in `lang`, for a history of versions. */
export const ficheFieldLabel = (field: string, lang: Lang | string = 'fr'): string =>
  field === 'title' ? FICHE_TITLE_LABEL[resolveLang(lang)] : fieldLabel(field, resolveLang(lang));

const FICHE_TITLE_LABEL: Readonly<Record<Lang, string>> = { fr: 'Intitulé de la fiche', en: 'Title of the fiche', de: 'Titel des Datenblatts' };

/**
 * A fiche's first draft from a published declared practice: its title, body, description (as the
 * summary), taxonomy, territory and start date. The observatory then writes the sections
 * (objectifs, moyens…) with the actors.
 *
 * @example const draft = ficheFromPractice(publicPractice.declaration)
 */
export function ficheFromPractice(declaration: PublicDeclaration): Partial<Fiche> {
  const d = declaration;
  const draft: Partial<Fiche> = {
    title: d.title,
    entityName: d.entityName,
    summary: d.description,
    objectives: '',
    means: '',
    keysToSuccess: '',
    expectedResults: '',
    difficulties: '',
    partners: [],
    coAuthors: [],
    scale: d.scale,
    interventionTypes: [...d.interventionTypes],
    themes: [...d.themes],
    audiences: [...d.audiences],
    location: structuredClone(d.location),
    relay: d.relay,
    implementationDate: d.implementationDate,
  };
  for (const key of ['interventionTypeOther', 'themeOther', 'audienceOther', 'relayOther'] as const) {
    if (d[key]) draft[key] = d[key];
  }
  return draft;
}

/** The ISO date `months` months after an ISO date or timestamp (its day in Paris), clamped to the month's end. */
export function addMonthsToDate(from: string, months: number): string {
  const parsed = parseDateInput(from.slice(0, 10));
  const d = typeof parsed === 'string' ? dateInParis(from) : parsed;
  return toIsoDate(subtractMonths(d, -Math.trunc(months)));
}

/** The review due date of a fiche last reviewed on `lastReviewedAt`, `months` later (default two years). */
export const reviewDueDate = (lastReviewedAt: string, months: number = DEFAULT_FICHE_REVIEW_MONTHS): string =>
  addMonthsToDate(lastReviewedAt, months);
