/**
 * What a regular-expression source must start with, read from the source itself: lets a scanner try
 * (and compile) an expression only where the text could match it, rather than compiling every
 * expression of a lexicon before the first use.
 */

/** Heads kept per source; a class multiplies them, and past this the heads stop growing (still valid). */
const MAX_HEADS = 8;
/** Metacharacters that end a head: what follows them is not one fixed character. */
const STOPS = '()|.^$*+?{}[]\\';

/** Characters a `[...]` class at `at` stands for; null when it is not a plain list (negated, ranges, escapes). */
function classMembers(source: string, at: number): { members: string[]; width: number } | null {
  const close = source.indexOf(']', at + 1);
  if (close < 0) return null;
  const body = source.slice(at + 1, close);
  if (body.length === 0 || body.startsWith('^') || body.includes('-') || body.includes('\\')) return null;
  return { members: [...new Set(body)], width: close - at + 1 };
}

/** The next atom at `at`: the characters it can match and its width; null when it is not a fixed character. */
function atomAt(source: string, at: number): { members: string[]; width: number } | null {
  const ch = source.charAt(at);
  if (ch === '[') return classMembers(source, at);
  if (ch === '\\') {
    const next = source.charAt(at + 1);
    // \d, \s, \b, \u… stand for classes, assertions or code points; an escaped symbol is itself.
    return next === '' || /[A-Za-z0-9]/.test(next) ? null : { members: [next], width: 2 };
  }
  return STOPS.includes(ch) ? null : { members: [ch], width: 1 };
}

/**
 * The literal beginnings every match of `source` starts with: each match begins with one of them. Read
 * atom by atom up to the first one that is not a fixed character or a plain class, or that a quantifier
 * makes optional. `['']` when nothing is known (a top-level alternation, a leading group or escape class).
 * Heads are as written: a case-insensitive caller compares them case-insensitively.
 */
export function sourceHeads(source: string): string[] {
  if (hasTopLevelAlternation(source)) return [''];
  let heads = [''];
  for (let at = 0; at < source.length; ) {
    const atom = atomAt(source, at);
    if (atom === null) break;
    const quantifier = source.charAt(at + atom.width);
    // The atom may be absent (?, *, {0,…}): what it matches is not part of every match.
    if (quantifier === '?' || quantifier === '*' || quantifier === '{') break;
    if (heads.length * atom.members.length > MAX_HEADS) break;
    heads = heads.flatMap((h) => atom.members.map((m) => h + m));
    // One or more: the first is certain, what follows it is not.
    if (quantifier === '+') break;
    at += atom.width;
  }
  return heads;
}

/** True when `source` has a `|` outside any group or class: its heads would be those of every branch. */
function hasTopLevelAlternation(source: string): boolean {
  let depth = 0;
  for (let i = 0; i < source.length; i++) {
    const ch = source.charAt(i);
    if (ch === '\\') i++;
    else if (ch === '[') {
      const close = source.indexOf(']', i + 1);
      i = close < 0 ? source.length : close;
    } else if (ch === '(') depth++;
    else if (ch === ')') depth--;
    else if (ch === '|' && depth === 0) return true;
  }
  return false;
}
