// The level-1 declaration: its zod schema and validateDeclaration, the one entry point every layer calls.
import * as z from 'zod/mini';
import type { Declaration } from '../model.js';
import {
  addIssue, calendarDate, classificationShape, code, dropUnusedOthers, jsonSchemaHints, minAgeMonths, mustAccept, normalizeLocation,
  optionalText, PRECISION_MAX, text, validateWith, withCrossFieldRules, withDateRules, type RuleOptions, type ValidationResult,
} from './fields.js';
import type { Lang } from './messages.js';

/** Limits of the form, in visible characters. */
export const LIMITS = {
  entityName: 100,
  title: 100,
  description: 1000,
  other: PRECISION_MAX,
  locality: 100,
  representative: 200,
  name: 100,
  email: 254,
  phone: 30,
} as const;

const EMAIL = /^[^\s@"<>()[\],;:\\]+@[^\s@"<>()[\],;:\\]+\.[^\s@"<>()[\],;:\\.]{2,}$/;
// Digits with the usual separators, optionally an international prefix; 6 to 15 digits (E.164).
const PHONE = /^\+?[\d\s.()-]+$/;

// The same rules as JSON Schema patterns over the text as sent (before trimming and NFC): white space around is
// allowed, "<" or ">" followed by U+0338 compose into one allowed character, and a one-character top-level domain
// is let through when it is not ASCII (NFC may decompose it into two).
const EMAIL_CHAR = '(?:[^\\s@"<>()[\\],;:\\\\]|[<>]\\u0338)';
const EMAIL_TLD_CHAR = '(?:[^\\s@"<>()[\\],;:\\\\.]|[<>]\\u0338)';
const EMAIL_PATTERN = `^\\s*${EMAIL_CHAR}+@${EMAIL_CHAR}+\\.(?:${EMAIL_TLD_CHAR}{2,}|[^\\u0000-\\u007F])\\s*$`;
const PHONE_PATTERNS = [{ pattern: '^\\s*\\+?[0-9\\s.()-]+$' }, { pattern: '^[^0-9]*(?:[0-9][^0-9]*){6,15}$' }];

/** Options of {@link validateDeclaration}. */
export interface DeclarationOptions extends RuleOptions {
  /** Language of the messages: `fr` (default), `en` or `de`. */
  lang?: Lang | string;
}

function buildDeclarationSchema() {
  const declaration = z.object({
    conditionsAccepted: mustAccept(),
    implementationDate: calendarDate(),
    entityName: text(LIMITS.entityName),
    title: text(LIMITS.title),
    description: text(LIMITS.description, { multiline: true }),
    ...classificationShape(),
    relay: code('relays'),
    departmentAgreement: z.object({
      obtained: mustAccept(),
      representative: text(LIMITS.representative),
    }),
    declarant: z.object({
      name: text(LIMITS.name),
      email: text(LIMITS.email).check(z.superRefine((s, ctx) => {
        if (s && !EMAIL.test(s)) addIssue(ctx, 'email_invalid');
      })).register(jsonSchemaHints, { allOf: [{ pattern: EMAIL_PATTERN }] }),
      phone: optionalText(LIMITS.phone).check(z.superRefine((s, ctx) => {
        const digits = s?.replace(/\D/g, '').length ?? 0;
        if (s !== undefined && (!PHONE.test(s) || digits < 6 || digits > 15)) addIssue(ctx, 'phone_invalid');
      })).register(jsonSchemaHints, { anyOf: [{ pattern: '^\\s*$' }, { allOf: PHONE_PATTERNS }] }),
      accuracyCertified: mustAccept(),
    }),
  });
  return z.pipe(withCrossFieldRules(declaration), z.transform((value) => normalizeLocation(dropUnusedOthers(value)) as Declaration));
}

// Built once: zod compiles an object schema on its first use, which costs far more than a parse.
let declarationSchema: ReturnType<typeof buildDeclarationSchema> | undefined;
const baseSchema = () => (declarationSchema ??= buildDeclarationSchema());
const datedFields = (options: RuleOptions) => ({ implementationDate: minAgeMonths(options) });

/**
 * The declaration's zod schema for a given day and minimum age. Its output is a {@link Declaration}:
 * dates ISO, text trimmed and NFC, "Autre" precisions only where "Autre" is chosen, location normalised.
 * Issues carry our stable code in `params.code`; {@link validateDeclaration} turns them into messages.
 */
export function createDeclarationSchema(options: RuleOptions = {}) {
  return withDateRules(baseSchema(), datedFields(options), options);
}

/** The declaration's zod schema. */
export type DeclarationSchema = ReturnType<typeof createDeclarationSchema>;

/**
 * Validates anything claimed to be a declaration. Never throws, whatever it is given.
 *
 * @example
 * const r = validateDeclaration(formData, { lang: 'fr' });
 * if (!r.ok) r.errors // [{ field: 'title', code: 'too_long', message: 'Intitulé de la pratique : 100 caractères maximum (112 saisis).' }]
 */
export function validateDeclaration(input: unknown, options: DeclarationOptions = {}): ValidationResult<Declaration> {
  return validateWith(baseSchema, input, datedFields(options), options);
}

/**
 * Validates and keeps only the errors of some fields (a form step), by dotted path prefix.
 *
 * @example validateFields(draft, ['title', 'description'])
 */
export function validateFields(input: unknown, fields: readonly string[], options: DeclarationOptions = {}) {
  const result = validateDeclaration(input, options);
  if (result.ok) return [];
  return result.errors.filter((e) => fields.some((f) => e.field === f || e.field.startsWith(`${f}.`)));
}
