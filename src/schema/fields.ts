// Zod building blocks shared by the declaration and the fiche: text, dates, codes, location, and the issue mapping.
// zod/mini: the same rules as classic zod, tree-shaken, so the form's own file stays small.
import * as z from 'zod/mini';
import type { $RefinementCtx, $ZodIssue } from 'zod/v4/core';
import { OTHER, type Term } from '../taxonomy/lists.js';
import { getDepartment, getRegion, taxonomy, type ListName } from '../taxonomy/taxonomy.js';
import {
  compareDates, dateInParis, parseDateInput, subtractMonths, toIsoDate, type CalendarDate,
} from './dates.js';
import { formatMessage, resolveLang, type IssueCode, type IssueParams, type Lang } from './messages.js';
import { hasForbiddenCharacters, normalizeLine, normalizeText, visibleLength } from './text.js';

/** One validation problem: the dotted field path, a stable code and a message in the requested language. */
export interface ValidationError {
  /** Dotted path as in the data, e.g. `"location.departments"` or `"coAuthors.0.name"`; `""` for the whole input. */
  field: string;
  code: IssueCode;
  message: string;
}

/** Result of a validation: never an exception. */
export type ValidationResult<T> = { ok: true; value: T } | { ok: false; errors: ValidationError[] };

/** Options of the rules that depend on the day and the owner's settings. */
export interface RuleOptions {
  /** The day of the declaration (a `Date`, an ISO date or timestamp); default: today in Paris. */
  today?: Date | string;
  /** How long the practice must have run, in months. Default 12; 0 disables the rule. */
  minPracticeAgeMonths?: number;
}

/** Earliest accepted year for any date. */
export const MIN_YEAR = 1900;
/** Default of {@link RuleOptions.minPracticeAgeMonths}. */
export const DEFAULT_MIN_PRACTICE_AGE_MONTHS = 12;

type Ctx = $RefinementCtx;
// A transform gets zod's parse payload (an issues list) where a refinement gets a context with addIssue.
type IssueSink = Ctx | { issues: unknown[]; value: unknown };

/** Adds one of our coded issues; the message is produced later, in the caller's language. */
export function addIssue(ctx: IssueSink, code: IssueCode, params: IssueParams = {}, path: PropertyKey[] = []): void {
  const issue = { code: 'custom' as const, message: code, params: { code, ...params }, path: path as (string | number)[], input: ctx.value };
  if ('addIssue' in ctx) ctx.addIssue(issue);
  else ctx.issues.push(issue);
}

/**
 * JSON Schema keywords for what zod's conversion cannot read in our refinements (text patterns, date shapes,
 * territory codes, inputs that a transform accepts). Only {@link declarationJsonSchema} reads it; each keyword
 * must accept at least what the refinement accepts, so the JSON Schema never refuses a valid declaration.
 */
export const jsonSchemaHints = z.registry<Record<string, unknown>>();

// Characters the text rules refuse (see hasForbiddenCharacters), as a regular-expression class for JSON Schema.
// Vertical tab and form feed are left out: single-line text folds them into a space, multi-line text trims them at its ends.
const FORBIDDEN_CLASS = '\\u0000-\\u0008\\u000E-\\u001F\\u007F-\\u009F\\uD800-\\uDFFF';
/** No forbidden character and at least one that is not white space (a blank text is a missing one). */
export const TEXT_PATTERN = `^[^${FORBIDDEN_CLASS}]*[^${FORBIDDEN_CLASS}\\s][^${FORBIDDEN_CLASS}]*$`;
/** No forbidden character; blank allowed (an optional text left empty). */
export const OPTIONAL_TEXT_PATTERN = `^[^${FORBIDDEN_CLASS}]*$`;
/** The shapes {@link parseDateInput} reads, years from 1900, days 1–31 and months 1–12 (not each month's own length). */
export const DATE_PATTERN = '^\\s*(?:(?:0?[1-9]|[12][0-9]|3[01])[/.-](?:0?[1-9]|1[0-2])[/.-](?:19|[2-9][0-9])[0-9]{2}'
  + '|(?:19|[2-9][0-9])[0-9]{2}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01]))\\s*$';

// Blank strings count as absent, so an emptied optional input is not an error.
const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

/** A text of at most `max` visible characters; single-line texts fold their white space. */
export function text(max: number, { multiline = false } = {}) {
  const schema = z.string().check(
    z.overwrite(multiline ? normalizeText : normalizeLine),
    z.superRefine((s, ctx) => {
      if (hasForbiddenCharacters(s)) return addIssue(ctx, 'invalid_characters');
      if (s.length === 0) return addIssue(ctx, 'required');
      const length = visibleLength(s);
      if (length > max) addIssue(ctx, 'too_long', { max, length });
    }),
  );
  return schema.register(jsonSchemaHints, { pattern: TEXT_PATTERN });
}

/** An optional text: absent, `null` or blank all mean "not given". */
export function optionalText(max: number, options?: { multiline?: boolean }) {
  return z.pipe(z.transform((v: unknown) => (v === null ? undefined : blankToUndefined(v))), z.optional(text(max, options)))
    .register(jsonSchemaHints, { type: ['string', 'null'], pattern: OPTIONAL_TEXT_PATTERN });
}

/** `true` only: a box that must be ticked. */
export const mustAccept = () => z.literal(true);

/** A code of a taxonomy list. */
export function code<L extends ListName>(list: L) {
  const codes = taxonomy[list].map((t: Term) => t.code) as [string, ...string[]];
  return z.enum(codes);
}

/** One or more distinct codes of a list, kept in the user's order. */
export function codes<L extends ListName>(list: L) {
  return z.array(code(list)).check(z.minLength(1), z.maxLength(taxonomy[list].length), z.overwrite((values) => [...new Set(values)]));
}

const territoryCodes = (exists: (code: string) => unknown, all: readonly { code: string }[]) =>
  z.pipe(z.transform((v: unknown) => v ?? []), z.array(z.string().check(z.superRefine((c, ctx) => {
    if (exists(c) === undefined) addIssue(ctx, 'invalid_choice', { value: c.slice(0, 60) });
  })).register(jsonSchemaHints, { enum: all.map((t) => t.code) })).check(z.maxLength(all.length), z.overwrite((values) => [...new Set(values)])))
    .register(jsonSchemaHints, { type: ['array', 'null'] });

/** The territory of a practice; which parts are required depends on the scale (see {@link locationIssues}). */
export const location = () =>
  z.object({
    regions: territoryCodes(getRegion, taxonomy.regions),
    departments: territoryCodes(getDepartment, taxonomy.departments),
    locality: optionalText(100),
  // Every part may be absent: the scale says which are required (declarationJsonSchema adds those conditions).
  }).register(jsonSchemaHints, { required: [] });

/** What a scale asks of the territory: the schema checks it, and the form shows exactly these parts. */
export interface LocationRule {
  regions: 'many' | 'none';
  departments: 'many' | 'one' | 'none';
  locality: 'required' | 'none';
}

/** National: none; regional: régions; departmental: départements; local: one département and a place. */
export const LOCATION_RULES: Readonly<Record<string, LocationRule>> = {
  nationale: { regions: 'none', departments: 'none', locality: 'none' },
  regionale: { regions: 'many', departments: 'none', locality: 'none' },
  departementale: { regions: 'none', departments: 'many', locality: 'none' },
  locale: { regions: 'none', departments: 'one', locality: 'required' },
};

/** The part of a location a scale asks for (what a form sends: hidden parts never travel). */
export function locationAsked(scale: string, location: { regions?: string[]; departments?: string[]; locality?: string }) {
  const rule = LOCATION_RULES[scale] ?? LOCATION_RULES.nationale!;
  return {
    regions: rule.regions === 'none' ? [] : [...(location.regions ?? [])],
    departments: rule.departments === 'none' ? [] : [...(location.departments ?? [])],
    ...(rule.locality === 'none' ? {} : { locality: location.locality ?? '' }),
  };
}

/** Checks the territory against the scale's {@link LOCATION_RULES}. */
export function locationIssues(value: { scale?: unknown; location?: unknown }, ctx: Ctx): void {
  const loc = value.location as { regions?: unknown; departments?: unknown; locality?: unknown } | undefined;
  const rule = typeof value.scale === 'string' ? LOCATION_RULES[value.scale] : undefined;
  if (!loc || typeof loc !== 'object' || !rule) return;
  const regions = Array.isArray(loc.regions) ? (loc.regions as string[]) : [];
  const departments = Array.isArray(loc.departments) ? (loc.departments as string[]) : [];
  if (value.scale === 'nationale') {
    if (regions.length || departments.length) addIssue(ctx, 'territory_not_expected', {}, ['location']);
    return;
  }
  if (rule.regions === 'many' && regions.length === 0) addIssue(ctx, 'region_required', {}, ['location', 'regions']);
  if (rule.departments !== 'none' && departments.length === 0) addIssue(ctx, 'department_required', {}, ['location', 'departments']);
  if (rule.departments === 'one' && departments.length > 1) addIssue(ctx, 'single_department', {}, ['location', 'departments']);
  if (rule.locality === 'required' && (typeof loc.locality !== 'string' || !loc.locality)) {
    addIssue(ctx, 'locality_required', {}, ['location', 'locality']);
  }
  // Data from other systems may name départements of a regional practice: they must lie in its régions.
  if (value.scale === 'regionale') {
    for (const d of departments) {
      const region = getDepartment(d)?.region;
      if (region && !regions.includes(region)) addIssue(ctx, 'department_outside_regions', { value: d }, ['location', 'departments']);
    }
  }
}

/**
 * Normalises a parsed location to its scale: national keeps no territory; departmental and local
 * derive their régions from their départements, so a région filter finds them.
 */
export function normalizeLocation<T extends { scale: string; location: { regions: string[]; departments: string[]; locality?: string } }>(
  value: T,
): T {
  const { scale, location: loc } = value;
  if (scale === 'nationale') return { ...value, location: { regions: [], departments: [] } };
  if (scale === 'departementale' || scale === 'locale') {
    const regions = [...new Set(loc.departments.map((d) => getDepartment(d)!.region))];
    return { ...value, location: { ...loc, regions } };
  }
  return value;
}

/** The "Autre" lists and the field holding each one's precision. */
export const OTHER_FIELDS = [
  ['interventionTypes', 'interventionTypeOther'],
  ['themes', 'themeOther'],
  ['audiences', 'audienceOther'],
  ['relay', 'relayOther'],
] as const;

/** "Autre" needs its precision. */
export function otherIssues(value: Record<string, unknown>, ctx: Ctx): void {
  for (const [list, other] of OTHER_FIELDS) {
    const chosen = value[list];
    const hasOther = Array.isArray(chosen) ? chosen.includes(OTHER) : chosen === OTHER;
    if (hasOther && (typeof value[other] !== 'string' || value[other] === '')) {
      addIssue(ctx, 'other_required', { choice: 'Autre' }, [other]);
    }
  }
}

/** Drops a precision whose "Autre" is not chosen: the form hides it, so it must not be stored. */
export function dropUnusedOthers<T extends Record<string, unknown>>(value: T): T {
  const out: Record<string, unknown> = { ...value };
  for (const [list, other] of OTHER_FIELDS) {
    const chosen = out[list];
    const hasOther = Array.isArray(chosen) ? chosen.includes(OTHER) : chosen === OTHER;
    if (!hasOther) delete out[other];
  }
  return out as T;
}

/**
 * A calendar date typed JJ/MM/AAAA or ISO, stored ISO, not before 1900. The rules that depend on
 * the day (not in the future, old enough) are {@link dateRangeIssue}'s: the schema stays the same
 * every day, so zod compiles it once.
 */
export function calendarDate() {
  const schema = z.pipe(z.string(), z.transform((input: string, ctx) => {
    const parsed = parseDateInput(input);
    if (parsed === 'format') return addIssue(ctx, 'date_format'), z.NEVER;
    if (parsed === 'invalid') return addIssue(ctx, 'date_invalid'), z.NEVER;
    if (parsed.year < MIN_YEAR) return addIssue(ctx, 'date_too_old', { minYear: MIN_YEAR }), z.NEVER;
    return toIsoDate(parsed);
  }));
  return schema.register(jsonSchemaHints, { type: 'string', pattern: DATE_PATTERN });
}

/** An optional calendar date (blank means absent). */
export const optionalCalendarDate = () =>
  z.pipe(z.transform((v: unknown) => (v === null ? undefined : blankToUndefined(v))), z.optional(calendarDate()));

/** The day-dependent rules of a date: not after `today`, and at least `minAgeMonths` old. Other problems are the schema's. */
export function dateRangeIssue(value: unknown, today: CalendarDate, minAgeMonths: number): { code: IssueCode; params: IssueParams } | null {
  if (typeof value !== 'string') return null;
  const parsed = parseDateInput(value);
  if (typeof parsed === 'string' || parsed.year < MIN_YEAR) return null;
  if (compareDates(parsed, today) > 0) return { code: 'date_in_future', params: {} };
  if (minAgeMonths > 0 && compareDates(parsed, subtractMonths(today, minAgeMonths)) > 0) {
    return { code: 'date_too_recent', params: { months: minAgeMonths } };
  }
  return null;
}

/** Day-dependent date rules over raw input, as validation errors. `fields` maps each dated field to its minimum age in months. */
export function dateRangeErrors(input: Record<string, unknown>, fields: Record<string, number>, options: RuleOptions, lang: Lang): ValidationError[] {
  const today = ruleDay(options);
  const errors: ValidationError[] = [];
  for (const [field, minAge] of Object.entries(fields)) {
    const issue = dateRangeIssue(Object.hasOwn(input, field) ? input[field] : undefined, today, minAge);
    if (issue) errors.push({ field, code: issue.code, message: formatMessage(field, issue.code, issue.params, lang) });
  }
  return errors;
}

/** Adds the day-dependent date rules to a static schema, for callers who use the zod schema directly. */
export function withDateRules<S extends z.ZodMiniType>(schema: S, fields: Record<string, number>, options: RuleOptions): S {
  const today = ruleDay(options);
  return schema.check(z.superRefine((value, ctx) => {
    for (const [field, minAge] of Object.entries(fields)) {
      const issue = dateRangeIssue((value as Record<string, unknown>)[field], today, minAge);
      if (issue) addIssue(ctx, issue.code, issue.params, [field]);
    }
  })) as S;
}

/** Longest "Autre" precision, in visible characters. */
export const PRECISION_MAX = 100;

/** The taxonomy fields a declaration and a fiche share (the relay differs: required in one, optional in the other). */
export function classificationShape() {
  return {
    scale: code('scales'),
    interventionTypes: codes('interventionTypes'),
    interventionTypeOther: optionalText(PRECISION_MAX),
    themes: codes('themes'),
    themeOther: optionalText(PRECISION_MAX),
    audiences: codes('audiences'),
    audienceOther: optionalText(PRECISION_MAX),
    relayOther: optionalText(PRECISION_MAX),
    location: location(),
  };
}

/** Adds the cross-field rules ("Autre" precisions, location by scale) to an object schema. */
export function withCrossFieldRules<S extends z.ZodMiniType>(schema: S): S {
  return schema.check(z.superRefine(
    (value, ctx) => {
      otherIssues(value as Record<string, unknown>, ctx);
      locationIssues(value as { scale?: unknown; location?: unknown }, ctx);
    },
    // They run even when another field fails, so a form step shows all its problems at once.
    { when: () => true } as never,
  )) as S;
}

/**
 * Runs a static schema and the day's date rules over anything, never throwing: hostile input
 * (throwing getters, revoked proxies) ends as an error on the whole input.
 */
export function validateWith<T>(schema: () => z.ZodMiniType<T>, input: unknown, datedFields: Record<string, number>, options: RuleOptions & { lang?: string }): ValidationResult<T> {
  const lang = resolveLang(options.lang);
  const notAnObject = (): ValidationResult<T> => ({
    ok: false,
    errors: toValidationErrors([{ code: 'invalid_type', expected: 'object', path: [], message: '', input: null }], lang),
  });
  try {
    if (!isPlainRecord(input)) return notAnObject();
    const result = schema().safeParse(input, { reportInput: true });
    const dateErrors = dateRangeErrors(input, datedFields, options, lang);
    if (result.success && dateErrors.length === 0) return { ok: true, value: result.data };
    return { ok: false, errors: [...dateErrors, ...(result.success ? [] : toValidationErrors(result.error.issues, lang))] };
  } catch {
    return notAnObject();
  }
}

/** Resolves the day rules apply to. */
export const ruleDay = (options: RuleOptions): CalendarDate => dateInParis(options.today);

/** Reads a minimum age in months, falling back to the default for anything that is not a whole number ≥ 0. */
export function minAgeMonths(options: RuleOptions): number {
  const m = options.minPracticeAgeMonths;
  return typeof m === 'number' && Number.isInteger(m) && m >= 0 ? m : DEFAULT_MIN_PRACTICE_AGE_MONTHS;
}

/** The refused value as the message quotes it; String() throws on an object without a prototype, and the field must still be named. */
function quotable(v: unknown): string {
  try {
    return String(v);
  } catch {
    return Object.prototype.toString.call(v);
  }
}

const LITERAL_TRUE_FIELDS = /(^|\.)(conditionsAccepted|obtained|accuracyCertified)$/;

/** Turns zod issues into coded, translated errors, one per field and code. */
export function toValidationErrors(issues: readonly $ZodIssue[], lang: Lang): ValidationError[] {
  const errors: ValidationError[] = [];
  const seen = new Set<string>();
  for (const issue of issues) {
    const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
    let field = path.join('.');
    let code: IssueCode;
    let params: IssueParams = {};
    const custom = issue.code === 'custom' ? (issue.params as { code?: IssueCode } & IssueParams | undefined) : undefined;
    if (custom?.code) {
      ({ code, ...params } = custom as { code: IssueCode } & IssueParams);
    } else if (issue.code === 'invalid_type') {
      const input = (issue as { input?: unknown }).input;
      code = field === '' ? 'not_an_object' : input === undefined || input === null ? 'required' : 'invalid_type';
      if (LITERAL_TRUE_FIELDS.test(field) && code === 'required') code = 'must_accept';
    } else if (issue.code === 'invalid_value') {
      const input = (issue as { input?: unknown }).input;
      // An empty choice (a radio group left alone, a blank select) is a missing answer, not a wrong one.
      code = LITERAL_TRUE_FIELDS.test(field) ? 'must_accept' : input === '' ? 'required' : 'invalid_choice';
      params = { value: quotable((issue as { input?: unknown }).input).slice(0, 60) };
    } else if (issue.code === 'too_small') {
      code = 'required';
    } else if (issue.code === 'too_big') {
      code = issue.origin === 'array' ? 'too_many' : 'too_long';
      params = { max: Number(issue.maximum) };
    } else {
      code = 'invalid_type';
    }
    // An element's problem is reported on its list, where the form shows it.
    if (path.length > 1 && typeof path[path.length - 1] === 'number' && !/coAuthors\.\d+\./.test(field)) {
      field = path.slice(0, -1).join('.');
    }
    const key = `${field}|${code}`;
    if (seen.has(key)) continue;
    seen.add(key);
    errors.push({ field, code, message: formatMessage(field, code, params, lang) });
  }
  return errors;
}

/** A non-null object that is not an array: the only shape a declaration or a fiche can have. */
export const isPlainRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
