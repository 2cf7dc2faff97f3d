import { CONNECTORS } from './lexicon/connectors';
import { type LongName, nameTable } from './names';
import { sourceHeads } from './pattern-heads';
import { MIGRATION_STEMS } from './stems';
import { foldedWordPattern, hasLowerCase, isUpperChar, isWordAt, needsBoundary, words } from './text';
import type { LongFormHit } from './types';
import { WORD_BREAK_SOURCE } from './word-breaks';

/**
 * Longest whitespace run allowed between two words of a long name (spaces, tabs, line breaks, NBSP).
 * 16 covers a line break plus the indentation of wrapped text in PDFs and source files, and bounds
 * the regex's work per position (no unbounded quantifier, so no backtracking blow-up).
 */
const MAX_GAP = 16;

/** Pattern between two words of a long name (a function, so bundlers can drop this module when unused). */
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
 * A word break (see word-breaks.ts) followed by a lower-case letter: "UN-\nMigration" keeps its hyphen.
 * A soft hyphen before a capital is dropped too, as the browser hides it.
 */
const WORD_BREAK = new RegExp(`(?:${WORD_BREAK_SOURCE})(?=\\p{Ll})|\\u00ad`, 'gu');

/**
 * The slice with its word breaks removed, and for each of its characters the offset in the slice it
 * came from; null when the slice has none (the common case, which costs one test).
 */
function joinWordBreaks(slice: string): { text: string; offsets: number[] } | null {
  WORD_BREAK.lastIndex = 0;
  if (!WORD_BREAK.test(slice)) return null;
  WORD_BREAK.lastIndex = 0;
  let text = '';
  const offsets: number[] = [];
  let at = 0;
  const keep = (to: number) => {
    for (let i = at; i < to; i++) offsets.push(i);
    text += slice.slice(at, to);
  };
  for (let m = WORD_BREAK.exec(slice); m !== null; m = WORD_BREAK.exec(slice)) {
    keep(m.index);
    at = m.index + m[0].length;
  }
  keep(slice.length);
  offsets.push(slice.length);
  return { text, offsets };
}

/** Confidence of an exact long name; only the data's own spellings (with any spacing) match. */
const LONG_CONFIDENCE = 0.99;
/** An alias written with its capitals ("UN Migration Agency"). */
const ALIAS_CONFIDENCE = 0.95;
/** An alias in lower case ("the UN migration agency"): a description used as a name. */
const LOWERCASE_ALIAS_CONFIDENCE = 0.85;

/** One long name's expression, compiled the first time a window holds one of its heads. */
interface NameMatcher {
  name: LongName;
  /** The expression's source (see namePattern). */
  pattern: string;
  /** What every match starts with (see sourceHeads), upper-cased. */
  heads: string[];
  /** The expression (flags `gi`), built at first need. */
  re?: RegExp;
}

interface Compiled {
  /** Every long name's matcher, longest name first: where two match at one place, the first wins. */
  matchers: NameMatcher[];
  /** How far before a stem a long name containing it can start. */
  maxBefore: number;
  /** How far after a stem's start a long name containing it can end. */
  maxAfter: number;
}

let compiled: Compiled | undefined;

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

function compile(): Compiled {
  if (compiled) return compiled;
  const names = [...nameTable().longNames].sort((a, b) => b.text.length - a.text.length);
  let maxBefore = 0;
  let maxAfter = 0;
  for (const name of names) {
    const ws = words(name.text);
    const { first, last } = stemOffsets(name.text);
    const before = name.text.slice(0, last);
    const after = name.text.slice(first);
    const extra = name.kind === 'alias' ? UN_EXTRA : 0;
    const slack = CONNECTOR_SLACK + HYPHEN_SLACK;
    maxBefore = Math.max(maxBefore, last + words(before).length * MAX_GAP + extra + slack);
    maxAfter = Math.max(maxAfter, after.length + words(after).length * MAX_GAP + slack);
    if (ws.length === 0) throw new Error(`names.json: empty name for ${name.nameId}`);
  }
  const matchers = names.map((name) => {
    const pattern = namePattern(name);
    return { name, pattern, heads: sourceHeads(pattern).map((h) => h.toUpperCase()) };
  });
  compiled = { matchers, maxBefore, maxAfter };
  return compiled;
}

/**
 * Capitalisation rule that keeps "an international organization for migration issues" out:
 * the match is all upper case, or starts with a capital and (long names) keeps at least one more of
 * the name's capitals or (aliases) keeps all of them, except that aliases of three or more words may be
 * written in lower case after the first ("UN migration agency").
 */
function caseAllowed(match: string, name: LongName): { ok: boolean; lowercased: boolean } {
  if (!hasLowerCase(match)) return { ok: true, lowercased: false };
  const first = match.charAt(0);
  if (first !== first.toUpperCase()) return { ok: false, lowercased: true };
  const mw = words(match);
  const fw = words(name.text);
  // Align from the end: the "UN" spellings change the word count only at the start.
  const n = Math.min(mw.length, fw.length) - 1;
  let formCaps = 0;
  let keptCaps = 0;
  for (let j = 0; j < n; j++) {
    const f = fw[fw.length - 1 - j] ?? '';
    const w = mw[mw.length - 1 - j] ?? '';
    if (isUpperChar(f.charAt(0))) {
      formCaps++;
      if (isUpperChar(w.charAt(0))) keptCaps++;
    }
  }
  if (name.kind === 'alias') {
    if (keptCaps === formCaps) return { ok: true, lowercased: false };
    return { ok: fw.length >= 3, lowercased: true };
  }
  return { ok: formCaps === 0 || keptCaps >= 1, lowercased: keptCaps < formCaps };
}

/**
 * An alias followed, after spaces only, by another capitalised word is part of a longer proper name
 * ("UN Migration Network", "UN Migration Compact"); a following acronym ("UN Migration Agency IOM") is fine.
 */
function continuesIntoLongerName(text: string, end: number): boolean {
  let i = end;
  while (i < text.length && i - end < 3 && (text[i] === ' ' || text[i] === '\u00a0')) i++;
  if (i === end || i >= text.length) return false;
  const rest = /^[\p{L}]+/u.exec(text.slice(i, i + 40))?.[0] ?? '';
  return rest.length > 1 && isUpperChar(rest.charAt(0)) && hasLowerCase(rest);
}

/** A matcher's next match in a window, kept while it lies ahead: null when it has none left there. */
interface Ahead {
  matcher: NameMatcher;
  next?: RegExpExecArray | null;
}

/**
 * The next long name in `slice` from `from`: the leftmost, and of those at one place the first matcher's,
 * as one alternation of them all (longest first) would find it; null when none. A matcher's match that
 * still lies at or after `from` is the leftmost from there too, so each expression runs on through the
 * window once rather than from every place again.
 */
function nextName(
  ahead: readonly Ahead[],
  slice: string,
  from: number,
): { index: number; text: string; name: LongName } | null {
  let best: { index: number; text: string; name: LongName } | null = null;
  for (const entry of ahead) {
    if (entry.next === undefined || (entry.next !== null && entry.next.index < from)) {
      entry.matcher.re ??= new RegExp(entry.matcher.pattern, 'gi');
      entry.matcher.re.lastIndex = from;
      entry.next = entry.matcher.re.exec(slice);
    }
    const m = entry.next;
    if (m && (best === null || m.index < best.index))
      best = { index: m.index, text: m[0], name: entry.matcher.name };
  }
  return best;
}

/**
 * Finds the organization's long names and aliases in the given windows (see `longFormReach`). Only the
 * names with a head in a window are looked for there (upper-cased, so every case the `i` flag allows is
 * found): an expression is compiled on the first window that could hold its name, and a page in one
 * language does not pay for every language's names.
 */
export function findLongForms(text: string, windows: readonly (readonly [number, number])[]): LongFormHit[] {
  if (windows.length === 0) return [];
  const { matchers } = compile();
  const hits: LongFormHit[] = [];
  for (const [from, to] of windows) {
    const raw = text.slice(from, to);
    const joined = joinWordBreaks(raw);
    const slice = joined ? joined.text : raw;
    const upper = slice.toUpperCase();
    const present: Ahead[] = matchers
      .filter((m) => m.heads.some((h) => upper.includes(h)))
      .map((matcher) => ({ matcher }));
    if (present.length === 0) continue;
    // Offsets in the joined slice back to the text.
    const at = (i: number) => from + (joined ? (joined.offsets[i] as number) : i);
    for (let m = nextName(present, slice, 0); m !== null; ) {
      const start = at(m.index);
      const end = at(m.index + m.text.length - 1) + 1;
      const { name } = m;
      const verdict = caseAllowed(m.text, name);
      const bounded =
        !(needsBoundary(text.charCodeAt(start)) && isWordAt(text, start - 1)) &&
        !(needsBoundary(text.charCodeAt(end - 1)) && isWordAt(text, end));
      if (!bounded || !verdict.ok || (name.kind === 'alias' && continuesIntoLongerName(text, end))) {
        m = nextName(present, slice, m.index + 1);
        continue;
      }
      const confidence =
        name.kind === 'long'
          ? LONG_CONFIDENCE
          : verdict.lowercased
            ? LOWERCASE_ALIAS_CONFIDENCE
            : ALIAS_CONFIDENCE;
      hits.push({
        start,
        end,
        era: name.era,
        nameId: name.nameId,
        lang: name.lang,
        kind: name.kind,
        confidence,
      });
      m = nextName(present, slice, m.index + m.text.length);
    }
  }
  return hits;
}

/** The largest distances a long name can extend before and after the start of a migration stem it contains. */
export function longFormReach(): { before: number; after: number } {
  const { maxBefore, maxAfter } = compile();
  return { before: maxBefore, after: maxAfter };
}
