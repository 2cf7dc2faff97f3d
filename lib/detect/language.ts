import { STOPWORDS } from './lexicon/stopwords';

/** Stopword counts per language code. */
export type LangCounts = Record<string, number>;

/**
 * Fewer stopwords than this leave the language unknown (titles, tables, code). One is enough when no other
 * language scores as much: short Romance sentences often hold a single distinctive function word.
 */
const MIN_STOPWORDS = 1;

let langOf: Map<string, string> | undefined;

/** Words of the scripts the stopword lists use (Latin with accents, Cyrillic). */
const WORD = /[A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u0400-\u04ff]+/g;

/** Adds the stopwords among the first `maxWords` words of text[from, to) to `counts`; returns the words read. */
export function countStopwords(
  text: string,
  from: number,
  to: number,
  counts: LangCounts,
  maxWords = Number.POSITIVE_INFINITY,
): number {
  if (!langOf) {
    langOf = new Map();
    for (const [lang, list] of Object.entries(STOPWORDS)) for (const w of list) langOf.set(w, lang);
  }
  const slice = text.slice(from, to);
  WORD.lastIndex = 0;
  let read = 0;
  for (let m = WORD.exec(slice); m !== null && read < maxWords; m = WORD.exec(slice)) {
    read++;
    // Stopwords are short: skip the lookup for long words.
    if (m[0].length > 8) continue;
    const lang = langOf.get(m[0].toLowerCase());
    if (lang) counts[lang] = (counts[lang] ?? 0) + 1;
  }
  return read;
}

/** The language with the most stopwords, or null when too few were seen or two languages tie. */
export function guessLanguage(counts: Readonly<LangCounts> | null): string | null {
  if (!counts) return null;
  let best: string | null = null;
  let bestCount = 0;
  let tie = false;
  for (const [lang, n] of Object.entries(counts)) {
    if (n > bestCount) {
      best = lang;
      bestCount = n;
      tie = false;
    } else if (n === bestCount) tie = true;
  }
  return bestCount >= MIN_STOPWORDS && !tie ? best : null;
}

/** Sums several counts (e.g. every block of a document). */
export function addCounts(into: LangCounts, from: Readonly<LangCounts> | null): void {
  if (!from) return;
  for (const [lang, n] of Object.entries(from)) into[lang] = (into[lang] ?? 0) + n;
}
