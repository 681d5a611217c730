// The level-2 ONPE "fiche dispositif": longer texts written by the observatory, the same taxonomy as a declaration.
import * as z from 'zod';
import type { Fiche } from '../model.js';
import {
  code, codes, dateRangeErrors, dropUnusedOthers, isPlainRecord, location, locationIssues, optionalCalendarDate, optionalText,
  otherIssues, text, toValidationErrors, withDateRules, type RuleOptions, type ValidationResult,
} from './fields.js';
import { resolveLang, type Lang } from './messages.js';
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
  return z
    .object({
      title: text(FICHE_LIMITS.title),
      entityName: text(FICHE_LIMITS.entityName),
      summary: text(FICHE_LIMITS.summary, { multiline: true }),
      objectives: section(),
      means: section(),
      keysToSuccess: section(),
      expectedResults: section(),
      difficulties: section(),
      partners: z.preprocess((v) => v ?? [], z.array(text(FICHE_LIMITS.partner)).max(FICHE_LIMITS.partners)),
      coAuthors: z.preprocess(
        (v) => v ?? [],
        z.array(z.object({ name: text(LIMITS.name), organisation: optionalText(FICHE_LIMITS.entityName) })).max(FICHE_LIMITS.coAuthors),
      ),
      scale: code('scales'),
      interventionTypes: codes('interventionTypes'),
      interventionTypeOther: optionalText(LIMITS.other),
      themes: codes('themes'),
      themeOther: optionalText(LIMITS.other),
      audiences: codes('audiences'),
      audienceOther: optionalText(LIMITS.other),
      relay: code('relays').optional(),
      relayOther: optionalText(LIMITS.other),
      location: location(),
      implementationDate: optionalCalendarDate(),
      lastReviewedAt: optionalCalendarDate(),
    })
    .superRefine(
      (value, ctx) => {
        otherIssues(value as Record<string, unknown>, ctx);
        locationIssues(value, ctx);
      },
      { when: () => true } as never,
    )
    .transform((value) => {
      const cleaned = dropUnusedOthers(value);
      // A fiche keeps the territory it names, but a national one has none.
      return (cleaned.scale === 'nationale' ? { ...cleaned, location: { regions: [], departments: [] } } : cleaned) as Fiche;
    });
}

/** Validates anything claimed to be an ONPE fiche. Never throws. */
export function validateFiche(input: unknown, options: RuleOptions & { lang?: Lang | string } = {}): ValidationResult<Fiche> {
  const lang = resolveLang(options.lang);
  const notAnObject = () =>
    ({ ok: false, errors: toValidationErrors([{ code: 'invalid_type', expected: 'object', path: [], message: '', input: null }], lang) }) as const;
  try {
    if (!isPlainRecord(input)) return notAnObject();
    const result = baseSchema().safeParse(input, { reportInput: true });
    const dateErrors = dateRangeErrors(input, FICHE_DATES, options, lang);
    if (result.success && dateErrors.length === 0) return { ok: true, value: result.data };
    return { ok: false, errors: [...dateErrors, ...(result.success ? [] : toValidationErrors(result.error.issues, lang))] };
  } catch {
    return notAnObject();
  }
}
