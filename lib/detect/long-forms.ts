import PATTERNS from './long-form-patterns.json';
import { type LongName, nameTable } from './names';
import { hasLowerCase, isUpperChar, isWordAt, needsBoundary, words } from './text';
import type { LongFormHit } from './types';
import { WORD_BREAK_SOURCE } from './word-breaks';

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
 * One long name's expression (flags `gi`) and what every match starts with (sourceHeads), upper-cased,
 * as lib/detect/long-form-patterns.ts writes them.
 */
export interface LongFormPattern {
  /** The name as written in the data (the names table's entry it belongs to). */
  text: string;
  pattern: string;
  heads: string[];
}

/** What long-form-patterns.json holds. */
export interface LongFormPatterns {
  /** One per long name, longest name first: where two match at one place, the first wins. */
  names: LongFormPattern[];
  /** How far before a stem a long name containing it can start. */
  maxBefore: number;
  /** How far after a stem's start a long name containing it can end. */
  maxAfter: number;
}

/** The long names in the order they are matched: longest first (a stable sort keeps the data's order). */
export function matchOrder(names: readonly LongName[]): LongName[] {
  return [...names].sort((a, b) => b.text.length - a.text.length);
}

/**
 * The matchers from long-form-patterns.json, each paired with its entry of the names table; an error
 * naming the command to run when the file was written for other names data.
 */
function compile(): Compiled {
  if (compiled) return compiled;
  const names = matchOrder(nameTable().longNames);
  const stored: LongFormPatterns = PATTERNS;
  if (stored.names.length !== names.length || stored.names.some((p, i) => p.text !== names[i]?.text)) {
    throw new Error(
      'lib/detect/long-form-patterns.json does not fit the names data: run npx tsx scripts/long-form-patterns.ts',
    );
  }
  const matchers = stored.names.map((p, i) => ({
    name: names[i] as LongName,
    pattern: p.pattern,
    heads: p.heads,
  }));
  compiled = { matchers, maxBefore: stored.maxBefore, maxAfter: stored.maxAfter };
  return compiled;
}

/**
 * Pairs the stored patterns with the names table now rather than at the first window with a stem (a step
 * of the detector's warm-up).
 */
export function prepareLongForms(): void {
  compile();
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
