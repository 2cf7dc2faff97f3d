import { MIGRATION_STEMS, stemVariants } from './stems';

/**
 * Word breaks inside a word: a hyphen at the end of a line ("Organi-\nzation", with the line's spaces) or
 * a soft hyphen (U+00AD, which pages put in long words so the browser may break them). The long-name
 * matcher joins them before matching.
 */
export const WORD_BREAK_SOURCE = '\\u00ad|-[ \\t]{0,4}\\r?\\n[ \\t]{0,8}';

/**
 * The breaks looked for inside a migration stem: a soft hyphen, or a hyphen right at the end of a line.
 * Narrower than WORD_BREAK_SOURCE (no spaces between the hyphen and the line end) so that a text without
 * one is told by three plain substring searches, about as cheap as the candidate scan itself; a regular
 * expression here cost two and a half scans on every text without mentions.
 */
const STEM_BREAK_SOURCE = '\\u00ad|-\\r?\\n[ \\t]{0,8}';

/** True when the text may hold a stem break (see STEM_BREAK_SOURCE). */
function mayHoldStemBreak(text: string): boolean {
  return text.includes('\u00ad') || text.includes('-\n') || text.includes('-\r\n');
}

let brokenRe: RegExp | undefined;

/**
 * Every migration stem of a cased script broken once at any inner position ("Mi-\ngra", "migr\u00ada"),
 * in the stem's case variants. Scripts without case (Arabic, Chinese, Japanese) do not hyphenate words so.
 */
function brokenStems(): RegExp {
  if (brokenRe) return brokenRe;
  const alternatives: string[] = [];
  for (const stem of MIGRATION_STEMS) {
    if (stem.toUpperCase() === stem.toLowerCase()) continue;
    for (const variant of stemVariants(stem))
      for (let i = 1; i < variant.length; i++)
        alternatives.push(`${variant.slice(0, i)}(?:${STEM_BREAK_SOURCE})${variant.slice(i)}`);
  }
  brokenRe = new RegExp(alternatives.join('|'), 'g');
  return brokenRe;
}

/** Offsets where a migration stem broken by a word break starts; none (after one cheap test) in most texts. */
export function brokenStemStarts(text: string): number[] {
  if (!mayHoldStemBreak(text)) return [];
  const re = brokenStems();
  re.lastIndex = 0;
  const starts: number[] = [];
  for (let m = re.exec(text); m !== null; m = re.exec(text)) starts.push(m.index);
  return starts;
}

/** True when a migration stem broken by a word break occurs: stops at the first, for the pre-check. */
export function hasBrokenStem(text: string): boolean {
  if (!mayHoldStemBreak(text)) return false;
  const re = brokenStems();
  re.lastIndex = 0;
  return re.test(text);
}
