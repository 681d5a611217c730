// Identifiers and secrets. crypto.getRandomValues works in Node, workers and insecure (http) pages alike.

const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

function randomString(length: number): string {
  let out = '';
  while (out.length < length) {
    const bytes = new Uint8Array(length * 2);
    crypto.getRandomValues(bytes);
    // 252 is the largest multiple of 36 below 256: skipping bytes above it keeps the draw uniform.
    for (const b of bytes) if (b < 252 && out.length < length) out += ALPHABET[b % 36];
  }
  return out;
}

/** A practice id: short, URL-safe, unguessable enough not to enumerate. */
export const newPracticeId = (): string => `p_${randomString(16)}`;

/** The declarant's secret link token: 32 characters of base 36, about 165 bits. */
export const newSecretToken = (): string => randomString(32);

/** A key for `submit`'s `idempotencyKey`: keep it with the draft, so a retry names the same submission. */
export const newIdempotencyKey = (): string => randomString(32);

/** `PI-2026-000123` */
export const formatReference = (year: number, sequence: number): string =>
  `PI-${year}-${String(sequence).padStart(6, '0')}`;

/** Compares secrets without stopping at the first difference. */
export function sameSecret(a: string | undefined, b: string | undefined): boolean {
  if (typeof a !== 'string' || typeof b !== 'string' || a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}
