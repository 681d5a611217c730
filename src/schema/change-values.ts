// How a change shows a value (a declaration's or a fiche's): shared by changes.ts and fiche-authoring.ts, not public.
import { labelOf, type AnyListName } from '../taxonomy/taxonomy.js';

/** The labels of a list's codes, as a change shows them (`Santé mentale, Éducation`). */
export const codes = (list: AnyListName, values: unknown): string =>
  Array.isArray(values) ? values.map((c) => labelOf(list, String(c))).join(', ') : '';

/** A value as a change shows it; nothing is an empty text. */
export const textOf = (v: unknown): string => (v === undefined || v === null ? '' : String(v));
