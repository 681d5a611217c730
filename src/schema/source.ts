// Where a submission came from (the embedding partner site): short texts, checked like any other input.
import * as z from 'zod/mini';
import type { Source } from '../model.js';
import { optionalText, validateWith, type ValidationResult } from './fields.js';
import type { Lang } from './messages.js';

let sourceSchema: z.ZodMiniType<Source> | undefined;
const baseSchema = () => (sourceSchema ??= z.object({ partner: optionalText(100), page: optionalText(2000) }) as z.ZodMiniType<Source>);

/** The zod schema of a submission's `source` (for {@link sourceJsonSchema}; {@link validateSource} is the way to check one). */
export const createSourceSchema = (): z.ZodMiniType<Source> => baseSchema();

/** Validates the `source` of a submission: `{ partner?, page? }`, at most 100 and 2,000 characters. Never throws. */
export function validateSource(input: unknown, options: { lang?: Lang | string } = {}): ValidationResult<Source> {
  const result = validateWith(baseSchema, input, {}, options);
  if (result.ok) return result;
  return { ok: false, errors: result.errors.map((e) => ({ ...e, field: e.field ? `source.${e.field}` : 'source' })) };
}
