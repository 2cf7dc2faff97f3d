import { CONNECTORS } from './lexicon/connectors';
import { type LongFormPatterns, matchOrder } from './long-forms';
import type { LongName } from './names';
import { sourceHeads } from './pattern-heads';
import { MIGRATION_STEMS } from './stems';
import { foldedWordPattern, words } from './text';

/**
 * The long names' expressions and heads, and how far a long name reaches around a migration stem,
 * computed ahead of time from the names data: `npx tsx scripts/long-form-patterns.ts` writes them to
 * long-form-patterns.json, and a unit test fails when the file and the names data (or this file) disagree.
 * Working them out in the page cost 9–13 ms of one warm-up step in Chromium (every function here running
 * for the first time); as data they cost a JSON parse. The matching itself is in long-forms.ts.
 */

/**
 * Longest whitespace run allowed between two words of a long name (spaces, tabs, line breaks, NBSP).
 * 16 covers a line break plus the indentation of wrapped text in PDFs and source files, and bounds
 * the regex's work per position (no unbounded quantifier, so no backtracking blow-up).
 */
const MAX_GAP = 16;

/** Pattern between two words of a long name. */
function gap(): string {
  return `[\\s\\u200b]{1,${MAX_GAP}}`;
}

/**
 * "UN" in an alias also matches the AP style "U.N.", "United Nations" and the possessive "UN's"
 * ("the UN's migration agency"). This is spelling knowledge, not a name: the names come from the data.
 */
function unToken(): string {
  return `(?:UN|U\\.N\\.|United${gap()}Nations)(?:['’]s)?`;
}
/** Extra characters the UN spellings can add over "UN": "United Nations’s" is 14 longer, plus a gap. */
const UN_EXTRA = 14 + MAX_GAP;

/**
 * Extra characters another preposition and article can add over the data's own in one long name
 * ("zur die" for "für"): a preposition, a gap and an article.
 */
const CONNECTOR_SLACK = 8 + MAX_GAP;
/**
 * Extra characters word breaks can add inside one long name: a few hyphen-and-line-break joins
 * ("Inter-\n    national") or soft hyphens.
 */
const HYPHEN_SLACK = 3 * (2 + MAX_GAP);

/**
 * German adjectives decline: "der Internationalen Organisation für Migration". Words of a German name
 * that end in -e also match with -n, -r, -s or -m.
 */
const GERMAN_ENDING = '[nrsm]?';

function wordPattern(word: string, name: LongName): string {
  if (name.kind === 'alias' && word === 'UN') return unToken();
  const base = foldedWordPattern(word);
  return name.lang === 'de' && word.endsWith('e') ? `${base}${GERMAN_ENDING}` : base;
}

/**
 * A long name's pattern. A run of prepositions and articles of the name's language (see CONNECTORS)
 * becomes: any of its prepositions, then optionally any of its articles, so "para as", "para" and "de"
 * all stand where the data has "para as".
 */
function namePattern(name: LongName): string {
  const connectors = CONNECTORS[name.lang];
  const isConnector = (w: string) =>
    connectors !== undefined &&
    (connectors.prepositions.includes(w.toLowerCase()) || connectors.articles.includes(w.toLowerCase()));
  const parts: string[] = [];
  const ws = words(name.text);
  for (let i = 0; i < ws.length; i++) {
    const w = ws[i] as string;
    // Only between two words of the name: a leading or trailing article stays as written.
    if (connectors && i > 0 && isConnector(w)) {
      while (i + 1 < ws.length - 1 && isConnector(ws[i + 1] as string)) i++;
      const prepositions = connectors.prepositions.map(foldedWordPattern).join('|');
      const articles = connectors.articles.map(foldedWordPattern).join('|');
      parts.push(`(?:${prepositions})(?:${gap()}(?:${articles}))?`);
    } else parts.push(wordPattern(w, name));
  }
  return parts.join(gap());
}

/** Character offsets of the first and last stem occurrence in a name, lower-cased. */
function stemOffsets(text: string): { first: number; last: number } {
  const lower = text.toLowerCase();
  let first = -1;
  let last = -1;
  for (const stem of MIGRATION_STEMS) {
    const i = lower.indexOf(stem);
    if (i >= 0 && (first < 0 || i < first)) first = i;
    const j = lower.lastIndexOf(stem);
    if (j > last) last = j;
  }
  return { first: Math.max(first, 0), last: Math.max(last, 0) };
}

/** The patterns, heads and reach of `names` (the names table's long names). */
export function longFormPatterns(names: readonly LongName[]): LongFormPatterns {
  const ordered = matchOrder(names);
  let maxBefore = 0;
  let maxAfter = 0;
  for (const name of ordered) {
    const ws = words(name.text);
    if (ws.length === 0) throw new Error(`names.json: empty name for ${name.nameId}`);
    const { first, last } = stemOffsets(name.text);
    const before = name.text.slice(0, last);
    const after = name.text.slice(first);
    const extra = name.kind === 'alias' ? UN_EXTRA : 0;
    const slack = CONNECTOR_SLACK + HYPHEN_SLACK;
    maxBefore = Math.max(maxBefore, last + words(before).length * MAX_GAP + extra + slack);
    maxAfter = Math.max(maxAfter, after.length + words(after).length * MAX_GAP + slack);
  }
  return {
    names: ordered.map((name) => {
      const pattern = namePattern(name);
      return { text: name.text, pattern, heads: sourceHeads(pattern).map((h) => h.toUpperCase()) };
    }),
    maxBefore,
    maxAfter,
  };
}
