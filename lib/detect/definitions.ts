import { matchInitials } from './initials';
import { LOOK_ALIKES } from './lexicon/look-alikes';
import { ORG_NOUNS } from './lexicon/org-nouns';
import { containsStem } from './stems';
import type { AcronymHit, Definition, LongFormHit } from './types';

/** Brackets that open and close a definition: `Long Form (ACR)` or `ACR (Long Form)`. */
const OPENERS = '([（';
const CLOSERS = ')]）';
/** Spaces allowed between an acronym and its brackets: "( ICM )" is common in scraped text. */
const MAX_INNER_SPACE = 2;
/** How far back an expansion before "(ACR)" may reach; long names here are at most ~90 characters. */
const MAX_EXPANSION = 160;
/** Characters that end the text an expansion can come from. */
const SEGMENT_STOPS = '.;:!?()[]{}"“”«»|（）';

const isSpace = (ch: string | undefined) => ch !== undefined && /\s/.test(ch);

let lookAlikeEnd: Map<string, RegExp> | undefined;
let lookAlikeStart: Map<string, RegExp> | undefined;

/** Regexes for "the text ends / starts with a look-alike expansion of this acronym". */
function lookAlikeTests(): { end: Map<string, RegExp>; start: Map<string, RegExp> } {
  if (!lookAlikeEnd || !lookAlikeStart) {
    lookAlikeEnd = new Map();
    lookAlikeStart = new Map();
    for (const spec of LOOK_ALIKES) {
      const alternatives = spec.expansions.join('|');
      lookAlikeEnd.set(spec.acronym, new RegExp(`(?:${alternatives})\\s*$`, 'i'));
      lookAlikeStart.set(spec.acronym, new RegExp(`^\\s*(?:${alternatives})`, 'i'));
    }
  }
  return { end: lookAlikeEnd, start: lookAlikeStart };
}

/** The text an expansion before `end` can come from: back to the previous sentence stop or bracket. */
function precedingSegment(text: string, end: number): string {
  const from = Math.max(0, end - MAX_EXPANSION);
  let start = from;
  for (let i = end - 1; i >= from; i--) {
    if (SEGMENT_STOPS.includes(text.charAt(i))) {
      start = i + 1;
      break;
    }
  }
  return text.slice(start, end).trim();
}

/** Says what an expansion that is not one of the organization's exact names means, if anything. */
function classify(acronym: string, expansion: string, side: 'before' | 'after'): Definition | undefined {
  if (expansion.length === 0) return undefined;
  const tests = lookAlikeTests();
  const lookAlike = (side === 'before' ? tests.end : tests.start).get(acronym);
  if (lookAlike?.test(expansion)) return { meaning: 'foreign', expansion };
  const initials = matchInitials(acronym, expansion);
  if (initials === null) return undefined;
  // After the acronym the whole bracket must be the expansion, not just its last words.
  if (side === 'after' && initials.length < expansion.length - 1) return undefined;
  if (containsStem(initials) && ORG_NOUNS.test(initials)) return { meaning: 'own', expansion: initials };
  return { meaning: 'foreign', expansion: initials };
}

/**
 * The first long name ending after `offset` (long names are sorted and do not overlap): a binary search,
 * so a block packed with definitions stays linear.
 */
function longFormAfter(longForms: readonly LongFormHit[], offset: number): LongFormHit | undefined {
  let lo = 0;
  let hi = longForms.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((longForms[mid]?.end ?? 0) <= offset) lo = mid + 1;
    else hi = mid;
  }
  return longForms[lo];
}

/**
 * Reads a definition around an acronym: `Long Form (ACR)`, `Long Form ( ACR )` or `ACR (Long Form)`.
 * The organization's own long names (already found in the block) make it 'own'; a known look-alike or an
 * expansion whose initials fit the acronym makes it 'foreign'.
 */
export function findDefinition(
  text: string,
  hit: Pick<AcronymHit, 'start' | 'end' | 'acronym'>,
  longForms: readonly LongFormHit[],
): Definition | undefined {
  let before = hit.start - 1;
  while (hit.start - 1 - before < MAX_INNER_SPACE && isSpace(text[before])) before--;
  let after = hit.end;
  while (after - hit.end < MAX_INNER_SPACE && isSpace(text[after])) after++;

  if (OPENERS.includes(text.charAt(before) || ' ') && CLOSERS.includes(text.charAt(after) || ' ')) {
    // Long Form (ACR)
    let end = before;
    while (end > 0 && isSpace(text[end - 1])) end--;
    const own = longFormAfter(longForms, end - 1);
    if (own?.end === end)
      return { meaning: 'own', expansion: text.slice(own.start, own.end), lang: own.lang };
    return classify(hit.acronym, precedingSegment(text, end), 'before');
  }

  // ACR (Long Form)
  let open = hit.end;
  while (open - hit.end <= MAX_INNER_SPACE && isSpace(text[open])) open++;
  if (!OPENERS.includes(text.charAt(open) || ' ')) return undefined;
  let close = open + 1;
  while (close < text.length && close - open <= MAX_EXPANSION && !CLOSERS.includes(text.charAt(close))) {
    if (OPENERS.includes(text.charAt(close))) return undefined;
    close++;
  }
  if (close >= text.length || !CLOSERS.includes(text.charAt(close))) return undefined;
  const own = longFormAfter(longForms, open);
  if (own && own.start > open && own.end <= close) {
    return { meaning: 'own', expansion: text.slice(own.start, own.end), lang: own.lang };
  }
  return classify(hit.acronym, text.slice(open + 1, close).trim(), 'after');
}
