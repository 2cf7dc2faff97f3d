/** Small character and pattern helpers shared by the detector's scanners. */

const LETTER_OR_NUMBER = /[\p{L}\p{N}\p{M}]/u;

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
  return LETTER_OR_NUMBER.test(String.fromCharCode(code));
}

/** True when text[index] exists and is part of a word. */
export function isWordAt(text: string, index: number): boolean {
  return index >= 0 && index < text.length && isWordCode(text.charCodeAt(index));
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

/** Sentence-ending punctuation (Latin, CJK, Arabic, Devanagari). */
const SENTENCE_END = /[.!?。！？؟।]/;

/**
 * Bounds of the sentence around [start, end), looking at most `radius` characters each way: a sentence
 * ends at . ! ? followed by whitespace, or at a blank line. Abbreviations ("U.N.") cut early; that only
 * makes a window smaller.
 */
export function sentenceBounds(text: string, start: number, end: number, radius: number): [number, number] {
  let from = start;
  const min = Math.max(0, start - radius);
  while (from > min) {
    const ch = text.charAt(from - 1);
    if (ch === '\n' && text.charAt(from - 2) === '\n') break;
    if (/\s/.test(ch) && SENTENCE_END.test(text.charAt(from - 2))) break;
    from--;
  }
  let to = end;
  const max = Math.min(text.length, end + radius);
  while (to < max) {
    const ch = text.charAt(to);
    if (ch === '\n' && text.charAt(to + 1) === '\n') break;
    if (SENTENCE_END.test(ch) && (to + 1 >= text.length || /\s/.test(text.charAt(to + 1)))) break;
    to++;
  }
  return [from, to];
}
