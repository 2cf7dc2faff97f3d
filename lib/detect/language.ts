import { STOPWORDS } from './lexicon/stopwords';
import { isWordAt } from './text';

/** Stopword counts per language code. */
export type LangCounts = Record<string, number>;

/** Fewer stopwords than this leave the language unknown (titles, tables, code). */
const MIN_STOPWORDS = 2;

let compiled: { re: RegExp; langOf: Map<string, string> } | undefined;

function compile() {
  if (compiled) return compiled;
  const langOf = new Map<string, string>();
  for (const [lang, list] of Object.entries(STOPWORDS)) for (const w of list) langOf.set(w, lang);
  const alternatives = [...langOf.keys()].sort((a, b) => b.length - a.length);
  compiled = { re: new RegExp(alternatives.join('|'), 'gi'), langOf };
  return compiled;
}

/** Adds the stopwords of text[from, to) to `counts`. */
export function countStopwords(text: string, from: number, to: number, counts: LangCounts): void {
  const { re, langOf } = compile();
  const slice = text.slice(from, to);
  re.lastIndex = 0;
  for (let m = re.exec(slice); m !== null; m = re.exec(slice)) {
    const start = from + m.index;
    const end = start + m[0].length;
    if (isWordAt(text, start - 1) || isWordAt(text, end)) {
      re.lastIndex = m.index + 1;
      continue;
    }
    const lang = langOf.get(m[0].toLowerCase());
    if (lang) counts[lang] = (counts[lang] ?? 0) + 1;
  }
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
