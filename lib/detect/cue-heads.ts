import { type CueEntries, cueLexicon, keyOf, MAX_HEAD_CHARS, type ScannerHeads } from './cues';
import { sourceHeads } from './pattern-heads';
import { escapeRegExp } from './text';

/**
 * What the cue scanner reads of its lexicon before its first scan, computed ahead of time:
 * `npx tsx scripts/cue-heads.ts` writes it to cue-heads.json, and a unit test fails when the file and
 * the lexicon (or the names' acronyms) disagree. Working it out on a page's first mention cost as much
 * as what it saves; as data it costs a JSON parse.
 *
 * The finder finds every position where some cue source could match, from the sources' heads (see
 * sourceHeads) rather than the sources: a few hundred short ASCII words, which the engine compiles in a
 * fraction of the time of every language's full patterns (whose letters it has to case-fold). Finding
 * a few more places costs little: the heads and the sources' own expressions decide there.
 */
export interface CueHeads {
  /** Case-insensitive sources (finder compiled with `gi`; heads upper-cased). */
  ci: ScannerHeads;
  /** Case-sensitive sources (finder compiled with `g`; heads as written). */
  cs: ScannerHeads;
}

/**
 * A head as a finder alternative, at most MAX_HEAD_CHARS long: literal (lower-cased when
 * case-insensitive), except that after an ASCII first character a non-ASCII one becomes `.` (a letter,
 * so never a line break, which `.` would miss) and is dropped at the end.
 */
export function finderAlternative(head: string, ci: boolean): string {
  const chars = [...head].slice(0, MAX_HEAD_CHARS);
  if ((chars[0]?.charCodeAt(0) ?? 0) >= 0x80) return escapeRegExp(chars.join(''));
  const parts = chars.map((ch) => (ch.charCodeAt(0) < 0x80 ? escapeRegExp(ci ? ch.toLowerCase() : ch) : '.'));
  while (parts[parts.length - 1] === '.') parts.pop();
  return parts.join('');
}

/** Removes alternatives that a shorter alternative of the list starts (it finds every place they would). */
function withoutLonger(alternatives: Iterable<string>): string[] {
  const sorted = [...new Set(alternatives)].sort();
  const kept: string[] = [];
  for (const alternative of sorted) {
    const last = kept[kept.length - 1];
    if (last === undefined || !alternative.startsWith(last)) kept.push(alternative);
  }
  return kept;
}

/**
 * Alternatives grouped behind their first character, `a(?:brigo|bris)|b(?:…)`: a dispatch the engine
 * runs several times faster than one flat list (the words start with a plain ASCII letter).
 */
function byFirstCharacter(words: readonly string[]): string {
  const groups = new Map<string, string[]>();
  for (const word of words) {
    const first = word.charAt(0);
    groups.set(first, [...(groups.get(first) ?? []), word.slice(1)]);
  }
  return [...groups]
    .map(([first, tails]) => (tails.includes('') ? first : `${first}(?:${tails.join('|')})`))
    .join('|');
}

/**
 * One flavour's finder and heads. Sources that start with an ASCII letter are found behind `\b` (as
 * words), the rest where they start, or whole when nothing is known of their start: every position where
 * a source matches (and, for the first kind, a word starts) is one where the finder matches.
 */
export function scannerHeads(entries: CueEntries, ci: boolean): ScannerHeads {
  const words: string[] = [];
  const rest: string[] = [];
  const heads = entries.map(({ sources }) =>
    sources.map((source) => {
      const list = sourceHeads(source).map((h) => [...h].slice(0, MAX_HEAD_CHARS).join(''));
      const into = keyOf(source, ci) !== null ? words : rest;
      for (const head of list) into.push(head === '' ? `(?:${source})` : finderAlternative(head, ci));
      return [...new Set(list.map((h) => (ci ? h.toUpperCase() : h)))];
    }),
  );
  const alternatives = withoutLonger(rest);
  if (words.length > 0) alternatives.unshift(`\\b(?:${byFirstCharacter(withoutLonger(words))})`);
  return { finder: alternatives.join('|'), heads };
}

/** The heads of the bundled lexicon. */
export function cueHeads(): CueHeads {
  const { ci, cs } = cueLexicon();
  return { ci: scannerHeads(ci, true), cs: scannerHeads(cs, false) };
}
