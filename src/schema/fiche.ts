// The level-2 ONPE "fiche dispositif": longer texts written by the observatory, the same taxonomy as a declaration.
import * as z from 'zod';
import type { Fiche } from '../model.js';
import {
  code, codes, dropUnusedOthers, isPlainRecord, location, locationIssues, memoBySettings, optionalCalendarDate, optionalText,
  otherIssues, ruleDay, text, toValidationErrors, type RuleOptions, type ValidationResult,
} from './fields.js';
import { resolveLang, type Lang } from './messages.js';
import type { CalendarDate } from './dates.js';
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

/** The fiche's zod schema; dates must not be in the future (a fiche has no minimum age). */
export function createFicheSchema(options: RuleOptions = {}) {
  return buildFicheSchema(ruleDay(options));
}

const cachedFicheSchema = memoBySettings((today) => buildFicheSchema(today));

function buildFicheSchema(today: CalendarDate) {
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
      implementationDate: optionalCalendarDate({ today }),
      lastReviewedAt: optionalCalendarDate({ today }),
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
    const result = cachedFicheSchema(options).safeParse(input, { reportInput: true });
    return result.success ? { ok: true, value: result.data } : { ok: false, errors: toValidationErrors(result.error.issues, lang) };
  } catch {
    return notAnObject();
  }
}
