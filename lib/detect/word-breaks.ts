import { MIGRATION_STEMS, stemVariants } from './stems';

/**
 * Word breaks inside a word: a hyphen at the end of a line ("Organi-\nzation", with the line's spaces) or
 * a soft hyphen (U+00AD, which pages put in long words so the browser may break them). Shared by the
 * candidate scan (a stem can itself be broken: "Mi-\ngration") and the long-name matcher, which joins them.
 */
export const WORD_BREAK_SOURCE = '\\u00ad|-[ \\t]{0,4}\\r?\\n[ \\t]{0,8}';

/** A text without one of these characters holds no word break: the one cheap test most texts stop at. */
const BREAK_GUARD = /\u00ad|-[ \t]{0,4}\r?\n/;

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
        alternatives.push(`${variant.slice(0, i)}(?:${WORD_BREAK_SOURCE})${variant.slice(i)}`);
  }
  brokenRe = new RegExp(alternatives.join('|'), 'g');
  return brokenRe;
}

/** Offsets where a migration stem broken by a word break starts; none (after one cheap test) in most texts. */
export function brokenStemStarts(text: string): number[] {
  if (!BREAK_GUARD.test(text)) return [];
  const re = brokenStems();
  re.lastIndex = 0;
  const starts: number[] = [];
  for (let m = re.exec(text); m !== null; m = re.exec(text)) starts.push(m.index);
  return starts;
}
