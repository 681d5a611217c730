// The one error a store rejects with: a stable code and a French message that says why.
import type { ValidationError } from '../schema/fields.js';

/**
 * Codes of {@link PracticeStoreError}. Two are additions to DESIGN.md's list: `forbidden` (a
 * committee list asked for without a committee role is neither missing nor illegal) and
 * `already-submitted` (a submission key already recorded a different declaration; `reference`
 * names it, so the declarant learns where their first version went).
 */
export type PracticeStoreErrorCode =
  | 'invalid-declaration'
  | 'already-submitted'
  | 'illegal-transition'
  | 'version-conflict'
  | 'not-found'
  | 'forbidden'
  | 'unavailable';

export const STORE_ERROR_CODES: readonly PracticeStoreErrorCode[] = [
  'invalid-declaration', 'already-submitted', 'illegal-transition', 'version-conflict', 'not-found', 'forbidden', 'unavailable',
];

/** A refusal of a store. Nothing was written. */
export class PracticeStoreError extends Error {
  override name = 'PracticeStoreError';
  readonly code: PracticeStoreErrorCode;
  /** Field errors when a declaration or fiche was refused. */
  readonly fields?: ValidationError[];
  /** The current version, on a version conflict, so a client can reload and retry. */
  readonly currentVersion?: number;
  /** On `already-submitted`: the reference of the practice the key recorded first. */
  readonly reference?: string;

  constructor(code: PracticeStoreErrorCode, message: string, extra: { fields?: ValidationError[]; currentVersion?: number; reference?: string; cause?: unknown } = {}) {
    super(message, extra.cause === undefined ? undefined : { cause: extra.cause });
    this.code = code;
    if (extra.fields) this.fields = extra.fields;
    if (extra.currentVersion !== undefined) this.currentVersion = extra.currentVersion;
    if (extra.reference !== undefined) this.reference = extra.reference;
  }

  /** The JSON error body of the HTTP contract. */
  toJSON(): { error: { code: PracticeStoreErrorCode; message: string; fields?: ValidationError[]; currentVersion?: number; reference?: string } } {
    const error: ReturnType<PracticeStoreError['toJSON']>['error'] = { code: this.code, message: this.message };
    if (this.fields) error.fields = this.fields;
    if (this.currentVersion !== undefined) error.currentVersion = this.currentVersion;
    if (this.reference !== undefined) error.reference = this.reference;
    return { error };
  }
}

/** True for a {@link PracticeStoreError}, also one from another copy of the library. */
export const isPracticeStoreError = (e: unknown): e is PracticeStoreError =>
  e instanceof PracticeStoreError || (e instanceof Error && e.name === 'PracticeStoreError' && typeof (e as { code?: unknown }).code === 'string');
