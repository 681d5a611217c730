// The level-2 ONPE "fiche dispositif": longer texts written by the observatory, the same taxonomy as a declaration.
import * as z from 'zod/mini';
import type { CoAuthor, Fiche } from '../model.js';
import {
  classificationShape, code, dropUnusedOthers, isPlainRecord, optionalCalendarDate, optionalText, text, validateWith, withCrossFieldRules,
  withDateRules, type RuleOptions, type ValidationResult,
} from './fields.js';
import type { Lang } from './messages.js';
import { LIMITS } from './declaration.js';

/** Limits of a fiche, in visible characters. */
export const FICHE_LIMITS = {
  title: 150,
  entityName: 150,
  summary: 1000,
  section: 5000,
  partner: 200,
  partners: 30,
  coAuthors: 20,
} as const;

/** The fiche's zod schema for a given day: its dates must not be in the future. */
export function createFicheSchema(options: RuleOptions = {}) {
  return withDateRules(baseSchema(), FICHE_DATES, options);
}

// A fiche's dates must not be in the future; a fiche has no minimum age.
const FICHE_DATES = { implementationDate: 0, lastReviewedAt: 0 };
let ficheSchema: ReturnType<typeof buildFicheSchema> | undefined;
const baseSchema = () => (ficheSchema ??= buildFicheSchema());

function buildFicheSchema() {
  const section = () => text(FICHE_LIMITS.section, { multiline: true });
  const fiche = z.object({
    title: text(FICHE_LIMITS.title),
    entityName: text(FICHE_LIMITS.entityName),
    summary: text(FICHE_LIMITS.summary, { multiline: true }),
    objectives: section(),
    means: section(),
    keysToSuccess: section(),
    expectedResults: section(),
    difficulties: section(),
    partners: z.pipe(z.transform((v: unknown) => v ?? []), z.array(text(FICHE_LIMITS.partner)).check(z.maxLength(FICHE_LIMITS.partners))),
    coAuthors: z.pipe(
      z.transform((v: unknown) => v ?? []),
      z.array(coAuthorSchema()).check(z.maxLength(FICHE_LIMITS.coAuthors)),
    ),
    ...classificationShape(),
    relay: z.optional(code('relays')),
    implementationDate: optionalCalendarDate(),
    lastReviewedAt: optionalCalendarDate(),
  });
  return z.pipe(withCrossFieldRules(fiche), z.transform((value) => {
    const cleaned = dropUnusedOthers(value);
    // A fiche keeps the territory it names, but a national one has none.
    return (cleaned.scale === 'nationale' ? { ...cleaned, location: { regions: [], departments: [] } } : cleaned) as Fiche;
  }));
}

/** A co-author of a fiche: a name and, if given, an organisation. */
export function coAuthorSchema() {
  return z.object({ name: text(LIMITS.name), organisation: optionalText(FICHE_LIMITS.entityName) });
}

// One co-author, checked where the fiche holds them so its errors name `coAuthors.name`, `coAuthors.organisation`.
let coAuthorAlone: z.ZodMiniType<{ coAuthors: z.output<ReturnType<typeof coAuthorSchema>> }> | undefined;

/** Validates one co-author (an invitation to co-write a fiche) as the fiche's own co-authors are; anything but an object has no name. Never throws. */
export function validateCoAuthor(input: unknown, options: { lang?: Lang | string } = {}): ValidationResult<CoAuthor> {
  const result = validateWith(() => (coAuthorAlone ??= z.object({ coAuthors: coAuthorSchema() })), { coAuthors: isPlainRecord(input) ? input : {} }, {}, options);
  if (!result.ok) return result;
  const { name, organisation } = result.value.coAuthors;
  return { ok: true, value: { name, ...(organisation ? { organisation } : {}) } };
}

/** Validates anything claimed to be an ONPE fiche. Never throws. */
export function validateFiche(input: unknown, options: RuleOptions & { lang?: Lang | string } = {}): ValidationResult<Fiche> {
  return validateWith(baseSchema, input, FICHE_DATES, options);
}
