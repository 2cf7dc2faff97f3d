import { CON_CUES, type CueSpec, PRO_CUES } from './lexicon/cues';
import { COMPANY_SUFFIXES, LOOK_ALIKES } from './lexicon/look-alikes';
import { nameTable } from './names';
import type { Steps } from './steps';
import { escapeRegExp, isWordAt, needsBoundary } from './text';
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

/** Ends a word: the next character is not a letter (Latin-1 letters included). A lexicon `$` stands for it. */
const END = '(?![A-Za-zÀ-ÖØ-öø-ÿ])';

/** A lexicon source as a regex source: a trailing `$` means the word must end there. */
function expand(source: string): string {
  return source.endsWith('$') ? `${source.slice(0, -1)}${END}` : source;
}

/** One flavour (case-insensitive or case-sensitive) of the cue scanner. */
interface Scanner {
  /**
   * Finds positions where some cue may start. Alternatives are grouped by their first letter behind a
   * `\b` (a dispatch V8 runs about five times faster than one flat alternation of hundreds of words);
   * patterns that start with a non-ASCII letter or a symbol follow, without `\b`.
   */
  finder: RegExp;
  /** Cues to try at a position, by the position's first character (lower-cased when case-insensitive). */
  byKey: Map<string, { cue: number; sticky: RegExp }[]>;
  /** Cues whose patterns do not start with an ASCII letter: tried at every found position. */
  others: { cue: number; sticky: RegExp }[];
  /** Case-insensitive flavour. */
  ci: boolean;
}

interface CompiledCues {
  cues: Cue[];
  scanners: Scanner[];
}

/** The dispatch key of a pattern source: its first character when that is a plain ASCII letter. */
function keyOf(source: string, ci: boolean): string | null {
  const first = source.charAt(0);
  if (!/[A-Za-z]/.test(first) || '?*{'.includes(source.charAt(1))) return null;
  return ci ? first.toLowerCase() : first;
}

function buildScanner(entries: readonly { cue: number; sources: readonly string[] }[], ci: boolean): Scanner {
  const tails = new Map<string, string[]>();
  const rest: string[] = [];
  const byKey = new Map<string, { cue: number; sticky: RegExp }[]>();
  const others: { cue: number; sticky: RegExp }[] = [];
  for (const { cue, sources } of entries) {
    const keys = new Set<string>();
    for (const source of sources) {
      const key = keyOf(source, ci);
      if (key === null) rest.push(source);
      else {
        keys.add(key);
        tails.set(key, [...(tails.get(key) ?? []), source.slice(1)]);
      }
    }
    const sticky = new RegExp(sources.join('|'), ci ? 'iy' : 'y');
    for (const key of keys) byKey.set(key, [...(byKey.get(key) ?? []), { cue, sticky }]);
    if (sources.some((src) => keyOf(src, ci) === null)) others.push({ cue, sticky });
  }
  const dispatched = [...tails].map(([key, list]) => `${key}(?:${list.join('|')})`).join('|');
  const parts = [...(dispatched ? [`\\b(?:${dispatched})`] : []), ...rest];
  return { finder: new RegExp(parts.join('|'), ci ? 'gi' : 'g'), byKey, others, ci };
}

let compiled: CompiledCues | undefined;

function compile(): CompiledCues {
  if (compiled) return compiled;
  const cues: Cue[] = [];
  const ci: { cue: number; sources: readonly string[] }[] = [];
  const cs: { cue: number; sources: readonly string[] }[] = [];
  const add = (cue: Cue, ciSources: readonly string[] = [], csSources: readonly string[] = []) => {
    const index = cues.push(cue) - 1;
    if (ciSources.length > 0) ci.push({ cue: index, sources: ciSources.map(expand) });
    if (csSources.length > 0) cs.push({ cue: index, sources: csSources.map(expand) });
  };
  for (const acronym of nameTable().acronyms.keys()) {
    const spec = LOOK_ALIKES.find((l) => l.acronym === acronym);
    const compounds = [...(spec?.compounds ?? []), `${escapeRegExp(acronym)}\\s{1,3}${COMPANY_SUFFIXES}$`];
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
  compiled = { cues, scanners: [buildScanner(ci, true), buildScanner(cs, false)] };
  return compiled;
}

/** The compiled cue table (index = `CueHit.cue`). */
export function cueTable(): readonly Cue[] {
  return compile().cues;
}

function run(scanner: Scanner, text: string, from: number, to: number, out: CueHit[]) {
  const { finder, byKey, others, ci } = scanner;
  const slice = text.slice(from, to);
  finder.lastIndex = 0;
  for (let m = finder.exec(slice); m !== null; m = finder.exec(slice)) {
    // Step one character, not past the match, so overlapping cues ("Missing Migrants" and "Migrants") both count.
    finder.lastIndex = m.index + 1;
    const start = from + m.index;
    if (needsBoundary(slice.charCodeAt(m.index)) && isWordAt(text, start - 1)) continue;
    const ch = slice.charAt(m.index);
    const tries = [...(byKey.get(ci ? ch.toLowerCase() : ch) ?? []), ...others];
    for (const { cue, sticky } of tries) {
      sticky.lastIndex = m.index;
      const hit = sticky.exec(slice);
      if (hit) out.push({ cue, start, end: start + hit[0].length });
    }
  }
}

/**
 * Prepares the cue scanner in three steps: building the table, then the first run of each of its two
 * finder expressions, which is when the engine compiles them (each a long alternation: milliseconds).
 * See warmUpSteps in warm-up.ts.
 */
export function* prepareCueSteps(): Steps<void> {
  const { scanners } = compile();
  for (const scanner of scanners) {
    yield;
    scanner.finder.lastIndex = 0;
    scanner.finder.exec(WARM_UP_TEXT);
  }
}

/** Text the finders first run on: any text compiles them; this one holds a cue of each flavour. */
const WARM_UP_TEXT = 'Refugees in Geneva';

/** Appends the cues found in text[from, to) to `out` (offsets in `text`; several cues may share a start). */
export function scanCues(text: string, from: number, to: number, out: CueHit[]): void {
  for (const scanner of compile().scanners) run(scanner, text, from, to, out);
}

/**
 * Sorts cue hits and drops ordinary cues that lie inside a long name of the organization or inside a
 * look-alike expansion: "Migration" in "International Organization for Migration" or in "Institut
 * Convergences Migrations" is part of a name, not a word about migration.
 */
export function finishCueHits(hits: CueHit[], names: readonly { start: number; end: number }[]): CueHit[] {
  const cues = compile().cues;
  const isName = (h: CueHit) => cues[h.cue]?.lookAlikeOf !== undefined;
  hits.sort((a, b) => a.start - b.start);
  const spans = [...names, ...hits.filter(isName)].sort((a, b) => a.start - b.start);
  if (spans.length === 0) return hits;
  // One sweep: a hit lies inside a span when the spans starting at or before it reach past its end.
  let next = 0;
  let reach = -1;
  return hits.filter((h) => {
    while (next < spans.length && (spans[next]?.start ?? 0) <= h.start)
      reach = Math.max(reach, spans[next++]?.end ?? 0);
    return isName(h) || reach < h.end;
  });
}

/** All cues of a text, sorted by position. */
export function findCues(text: string): CueHit[] {
  const out: CueHit[] = [];
  scanCues(text, 0, text.length, out);
  return out.sort((a, b) => a.start - b.start);
}
