// Text as a person sees it: one length rule shared by the schema and the form's counter.

// Segmenting very long input would cost more than it tells: past this many UTF-16 units
// a text is reported too long without counting its graphemes.
const COUNT_LIMIT = 200_000;

let segmenter: Intl.Segmenter | undefined;

/**
 * Number of characters a person sees in `text` once normalised (NFC, trimmed):
 * grapheme clusters, so "é" typed as e + accent, "👩‍👧" or a flag each count once.
 * The form's counter and the schema both use it, so they never disagree.
 *
 * @example visibleLength('  Parentalité ') // 11
 */
export function visibleLength(text: string): number {
  const s = normalizeText(text);
  if (s.length > COUNT_LIMIT) return s.length;
  // Pure ASCII has one grapheme per unit except CR LF pairs; skip the segmenter then.
  if (/^[\x20-\x7e\t\n]*$/.test(s)) return s.length;
  segmenter ??= new Intl.Segmenter('fr', { granularity: 'grapheme' });
  let n = 0;
  for (const _ of segmenter.segment(s)) n++;
  return n;
}

/** Trims and NFC-normalises, as the schema stores text. */
export function normalizeText(text: string): string {
  return text.normalize('NFC').trim();
}

/** Like {@link normalizeText}, and folds every run of white space (line breaks included) to one space. */
export function normalizeLine(text: string): string {
  return normalizeText(text).replace(/\s+/g, ' ');
}

// C0 and C1 controls other than tab, line feed and carriage return; they are invisible and break exports.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

/** True when the text holds control characters or lone surrogates, which no keyboard types. */
export function hasForbiddenCharacters(text: string): boolean {
  return CONTROL.test(text) || !text.isWellFormed();
}
