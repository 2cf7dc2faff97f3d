/** Small character and pattern helpers shared by the detector's scanners. */

const LETTER_OR_NUMBER = /[\p{L}\p{N}\p{M}]/u;
/** U+0640 ARABIC TATWEEL. */
const TATWEEL = 0x0640;

/** True when the UTF-16 code unit is part of a word (letter, digit, combining mark or underscore). */
export function isWordCode(code: number): boolean {
  if (code < 0x80) {
    return (
      (code >= 0x61 && code <= 0x7a) || // a-z
      (code >= 0x41 && code <= 0x5a) || // A-Z
      (code >= 0x30 && code <= 0x39) || // 0-9
      code === 0x5f // _ (identifiers such as IOM_API are one token)
    );
  }
  // Surrogate halves belong to emoji and rare scripts; treat them as separators.
  if (code >= 0xd800 && code <= 0xdfff) return false;
  // The Arabic tatweel joins a prefix to a Latin acronym ("لـIOM"): a joiner, not part of a word.
  if (code === TATWEEL) return false;
  return LETTER_OR_NUMBER.test(String.fromCharCode(code));
}

/** True when text[index] exists and is part of a word. */
export function isWordAt(text: string, index: number): boolean {
  return index >= 0 && index < text.length && isWordCode(text.charCodeAt(index));
}

/**
 * Scripts from Arabic onwards (Arabic, Indic, CJK …) attach prefixes or use no spaces between words, so
 * word boundaries are only checked for characters below this code.
 */
const FIRST_UNSPACED_CODE = 0x0600;

/** True when a match starting (or ending) with this code unit must not continue a word there. */
export function needsBoundary(code: number): boolean {
  return code < FIRST_UNSPACED_CODE && isWordCode(code);
}

/** True when the character has distinct case forms and is the upper one. */
export function isUpperChar(ch: string): boolean {
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

/** True when the string has at least one lower-case letter. */
export function hasLowerCase(text: string): boolean {
  return text !== text.toUpperCase();
}

/** Escapes a literal for use inside a regular expression. */
export function escapeRegExp(literal: string): string {
  return literal.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}

const COMBINING_MARKS = /[\u0300-\u036f]/g;

/**
 * Pattern source for a literal word that also matches it written without its accents
 * ("Organización" matches "Organizacion") and with either apostrophe (' or ’).
 */
export function foldedWordPattern(word: string): string {
  let out = '';
  for (const ch of word) {
    if (ch === "'" || ch === '’') {
      out += "['’]";
      continue;
    }
    const base = ch.normalize('NFD').replace(COMBINING_MARKS, '');
    out += base !== ch && base.length === 1 ? `[${base}${ch}]` : escapeRegExp(ch);
  }
  return out;
}

/** Splits on runs of whitespace (including line breaks and no-break spaces). */
export function words(text: string): string[] {
  return text.split(/[\s\u200b]+/).filter((w) => w.length > 0);
}

/** Sentence-ending punctuation: . ! ? and the CJK, Arabic and Devanagari stops. */
const SENTENCE_END = new Set([0x2e, 0x21, 0x3f, 0x3002, 0xff01, 0xff1f, 0x061f, 0x0964]);

/** True for the whitespace code units that can follow a sentence or fill a gap between words. */
export function isSpaceCode(code: number): boolean {
  return (
    code === 0x20 || (code >= 0x09 && code <= 0x0d) || code === 0xa0 || code === 0x2028 || code === 0x3000
  );
}

/**
 * Appends the positions in [from, to) where a sentence starts: after . ! ? (or a CJK, Arabic or Devanagari
 * stop) and whitespace, or after a blank line. Abbreviations ("U.N.") cut early; that only makes a window
 * smaller.
 */
export function sentenceStarts(text: string, from: number, to: number, out: number[]): void {
  for (let i = Math.max(from, 2); i < to; i++) {
    const prev = text.charCodeAt(i - 1);
    if (!isSpaceCode(prev)) continue;
    const before = text.charCodeAt(i - 2);
    if (SENTENCE_END.has(before) || (prev === 0x0a && before === 0x0a)) out.push(i);
  }
}

/** Merged [from, to) ranges reaching `before` characters before and `after` characters after each span. */
export function rangesAround(
  spans: readonly { start: number; end: number }[],
  length: number,
  before: number,
  after: number,
): [number, number][] {
  const out: [number, number][] = [];
  for (const span of spans) {
    const from = Math.max(0, span.start - before);
    const to = Math.min(length, span.end + after);
    const last = out[out.length - 1];
    if (last && from <= last[1]) last[1] = Math.max(last[1], to);
    else out.push([from, to]);
  }
  return out;
}
