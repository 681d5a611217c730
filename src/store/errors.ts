// The one error a store rejects with: a stable code and a French message that says why.
import type { ValidationError } from '../schema/fields.js';

/**
 * Codes of {@link PracticeStoreError}. `forbidden` is an addition to DESIGN.md's list: a
 * committee list asked for without a committee role is neither missing nor illegal.
 */
export type PracticeStoreErrorCode =
  | 'invalid-declaration'
  | 'illegal-transition'
  | 'version-conflict'
  | 'not-found'
  | 'forbidden'
  | 'unavailable';

export const STORE_ERROR_CODES: readonly PracticeStoreErrorCode[] = [
  'invalid-declaration', 'illegal-transition', 'version-conflict', 'not-found', 'forbidden', 'unavailable',
];

/** A refusal of a store. Nothing was written. */
export class PracticeStoreError extends Error {
  override name = 'PracticeStoreError';
  readonly code: PracticeStoreErrorCode;
  /** Field errors when a declaration or fiche was refused. */
  readonly fields?: ValidationError[];
  /** The current version, on a version conflict, so a client can reload and retry. */
  readonly currentVersion?: number;

  constructor(code: PracticeStoreErrorCode, message: string, extra: { fields?: ValidationError[]; currentVersion?: number; cause?: unknown } = {}) {
    super(message, extra.cause === undefined ? undefined : { cause: extra.cause });
    this.code = code;
    if (extra.fields) this.fields = extra.fields;
    if (extra.currentVersion !== undefined) this.currentVersion = extra.currentVersion;
  }

  /** The JSON error body of the HTTP contract. */
  toJSON(): { error: { code: PracticeStoreErrorCode; message: string; fields?: ValidationError[]; currentVersion?: number } } {
    const error: ReturnType<PracticeStoreError['toJSON']>['error'] = { code: this.code, message: this.message };
    if (this.fields) error.fields = this.fields;
    if (this.currentVersion !== undefined) error.currentVersion = this.currentVersion;
    return { error };
  }
}

/** True for a {@link PracticeStoreError}, also one from another copy of the library. */
export const isPracticeStoreError = (e: unknown): e is PracticeStoreError =>
  e instanceof PracticeStoreError || (e instanceof Error && e.name === 'PracticeStoreError' && typeof (e as { code?: unknown }).code === 'string');
