import { CON_CUES, type CueSpec, END, PRO_CUES } from './lexicon/cues';
import { COMPANY_SUFFIXES, LOOK_ALIKES } from './lexicon/look-alikes';
import { nameTable } from './names';
import { escapeRegExp, isWordAt, isWordCode } from './text';
import type { CueHit } from './types';

/** A compiled cue: one piece of evidence, possibly written many ways. */
export interface Cue {
  /** Stable name from the lexicon. */
  id: string;
  /** Weight in the acronym score; 0 for look-alikes, which are handled on their own. */
  weight: number;
  /** Acronyms the cue speaks to; null for all. */
  only: ReadonlySet<string> | null;
  /** For look-alikes: the acronym whose other meaning this is. */
  lookAlikeOf?: string;
  /** For look-alikes that contain the acronym itself ("ICEM CFD"): a candidate inside is rejected. */
  compound?: boolean;
}

interface CompiledCues {
  cues: Cue[];
  /** Case-insensitive alternation, one capture group per cue. */
  ci: RegExp;
  /** Cue index of each capture group of `ci`. */
  ciGroups: number[];
  /** Case-sensitive alternation, one capture group per cue. */
  cs: RegExp;
  /** Cue index of each capture group of `cs`. */
  csGroups: number[];
}

let compiled: CompiledCues | undefined;

function compile(): CompiledCues {
  if (compiled) return compiled;
  const cues: Cue[] = [];
  const ciParts: string[] = [];
  const ciGroups: number[] = [];
  const csParts: string[] = [];
  const csGroups: number[] = [];
  const add = (cue: Cue, ci: readonly string[] = [], cs: readonly string[] = []) => {
    const index = cues.push(cue) - 1;
    if (ci.length > 0) {
      ciParts.push(`(${ci.join('|')})`);
      ciGroups.push(index);
    }
    if (cs.length > 0) {
      csParts.push(`(${cs.join('|')})`);
      csGroups.push(index);
    }
  };
  // Look-alikes first: at one position the first alternative wins, and they are the most specific.
  for (const acronym of nameTable().acronyms.keys()) {
    const spec = LOOK_ALIKES.find((l) => l.acronym === acronym);
    const compounds = [
      ...(spec?.compounds ?? []),
      `${escapeRegExp(acronym)}\\s{1,3}${COMPANY_SUFFIXES}${END}`,
    ];
    add(
      { id: `compound:${acronym}`, weight: 0, only: null, lookAlikeOf: acronym, compound: true },
      [],
      compounds,
    );
    if (spec)
      add({ id: `look-alike:${acronym}`, weight: 0, only: null, lookAlikeOf: acronym }, spec.expansions);
  }
  for (const spec of [...PRO_CUES, ...CON_CUES] as CueSpec[]) {
    add({ id: spec.id, weight: spec.weight, only: spec.only ? new Set(spec.only) : null }, spec.ci, spec.cs);
  }
  compiled = {
    cues,
    ci: new RegExp(ciParts.join('|'), 'gi'),
    ciGroups,
    cs: new RegExp(csParts.join('|'), 'g'),
    csGroups,
  };
  return compiled;
}

/** The compiled cue table (index = `CueHit.cue`). */
export function cueTable(): readonly Cue[] {
  return compile().cues;
}

/** Scripts written without spaces between words (Arabic onwards, CJK) have no word-start to check. */
const FIRST_UNSPACED_CODE = 0x0600;

function run(
  re: RegExp,
  groups: readonly number[],
  text: string,
  from: number,
  slice: string,
  out: CueHit[],
) {
  re.lastIndex = 0;
  for (let m = re.exec(slice); m !== null; m = re.exec(slice)) {
    // Step one character, not past the match, so overlapping cues ("Missing Migrants" and "Migrants") both count.
    re.lastIndex = m.index + 1;
    const start = from + m.index;
    const first = m[0].charCodeAt(0);
    if (first < FIRST_UNSPACED_CODE && isWordCode(first) && isWordAt(text, start - 1)) continue;
    const group = m.findIndex((g, i) => i > 0 && g !== undefined);
    const cue = groups[group - 1];
    if (cue !== undefined) out.push({ cue, start, end: start + m[0].length });
  }
}

/** Appends the cues found in text[from, to) to `out` (offsets in `text`). */
export function scanCues(text: string, from: number, to: number, out: CueHit[]): void {
  const { ci, ciGroups, cs, csGroups } = compile();
  const slice = text.slice(from, to);
  run(ci, ciGroups, text, from, slice, out);
  run(cs, csGroups, text, from, slice, out);
}

/**
 * Sorts cue hits and drops ordinary cues that lie inside a long name of the organization or inside a
 * look-alike expansion: "Migration" in "International Organization for Migration" or in "Institut
 * Convergences Migrations" is part of a name, not a word about migration.
 */
export function finishCueHits(hits: CueHit[], names: readonly { start: number; end: number }[]): CueHit[] {
  const cues = compile().cues;
  hits.sort((a, b) => a.start - b.start);
  const spans = [...names, ...hits.filter((h) => cues[h.cue]?.lookAlikeOf !== undefined)];
  if (spans.length === 0) return hits;
  return hits.filter(
    (h) => cues[h.cue]?.lookAlikeOf !== undefined || !spans.some((s) => s.start <= h.start && h.end <= s.end),
  );
}

/** All cues of a text, sorted by position. */
export function findCues(text: string): CueHit[] {
  const out: CueHit[] = [];
  scanCues(text, 0, text.length, out);
  return out.sort((a, b) => a.start - b.start);
}
