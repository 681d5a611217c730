// A few assertions that run the same under node:test and in the browser (mocha), so the store contract is written once.

export class CheckError extends Error {
  override name = 'CheckError';
}

const show = (v: unknown) => {
  try {
    return JSON.stringify(v);
  } catch {
    return String(v);
  }
};

export function equal<T>(actual: T, expected: T, label = ''): void {
  if (!Object.is(actual, expected)) throw new CheckError(`${label} expected ${show(expected)}, got ${show(actual)}`);
}

/** Structural equality of JSON-like values (key order ignored). */
export function deepEqual(actual: unknown, expected: unknown, label = ''): void {
  const canon = (v: unknown): unknown =>
    Array.isArray(v) ? v.map(canon) : v && typeof v === 'object' ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, canon((v as Record<string, unknown>)[k])])) : v;
  if (show(canon(actual)) !== show(canon(expected))) throw new CheckError(`${label} expected ${show(expected)}, got ${show(actual)}`);
}

export function ok(value: unknown, label = ''): asserts value {
  if (!value) throw new CheckError(`${label} expected a truthy value, got ${show(value)}`);
}

export function match(text: string, pattern: RegExp, label = ''): void {
  if (!pattern.test(text)) throw new CheckError(`${label} expected ${show(text)} to match ${pattern}`);
}

/** Awaits a promise that must reject with a store error of `code`; returns the error. */
export async function rejectsWith(promise: Promise<unknown>, code: string, label = ''): Promise<Error & { code: string; fields?: { field: string }[]; currentVersion?: number }> {
  try {
    await promise;
  } catch (e) {
    const err = e as Error & { code: string };
    if (err?.name !== 'PracticeStoreError') throw new CheckError(`${label} expected a PracticeStoreError, got ${String(e)}`);
    equal(err.code, code, `${label} error code`);
    ok(typeof err.message === 'string' && err.message.length > 10, `${label} a message that says why`);
    return err as never;
  }
  throw new CheckError(`${label} expected a rejection with ${code}`);
}
