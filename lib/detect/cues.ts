import CUE_HEADS from './cue-heads.json';
import { CON_CUES, type CueSpec, PRO_CUES } from './lexicon/cues';
import { COMPANY_SUFFIXES, LOOK_ALIKES } from './lexicon/look-alikes';
import { nameTable } from './names';
import { drain, type Steps } from './steps';
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

/** One flavour of the scanner's precomputed data (see cue-heads.ts, which writes cue-heads.json). */
export interface ScannerHeads {
  /** The finder's source. */
  finder: string;
  /** For each cue entry, in order, for each of its sources, in order: the heads every match starts with. */
  heads: string[][][];
}

/** Characters of a head kept for deciding whether a source is tried: the scanner reads up to twice this many code units at a place. */
export const MAX_HEAD_CHARS = 8;

/** The cue sources of one flavour, in the lexicon's order: each cue with its sources (a `$` expanded). */
export type CueEntries = readonly { cue: number; sources: readonly string[] }[];

/** The cue table and its sources, case-insensitive and case-sensitive. */
export interface CueLexicon {
  cues: Cue[];
  ci: CueEntries;
  cs: CueEntries;
}

/** Builds the cue table from the lexicon and the names' acronyms (each acronym's look-alikes and compounds). */
export function cueLexicon(): CueLexicon {
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
  return { cues, ci, cs };
}

/** One source of a cue: compiled on its own, the first time the text at a tried position starts with one of its heads. */
interface Source {
  /** The regular-expression source. */
  source: string;
  /** What every match starts with (see sourceHeads in pattern-heads.ts), upper-cased when case-insensitive. */
  heads: readonly string[];
  /** The sticky expression, built at first need. */
  sticky?: RegExp;
}

/** A cue to try where the text starts with `head`. */
interface Headed {
  cue: number;
  head: string;
}

/** One flavour (case-insensitive or case-sensitive) of the cue scanner. */
interface Scanner {
  /**
   * Finds positions where some cue may start: the heads of the cues' sources (see cue-heads.ts), not
   * the sources themselves, so the engine compiles a list of short ASCII words rather than every
   * language's patterns. Positions where no cue matches are dropped by the heads and the cues' own
   * expressions.
   */
  finder: RegExp;
  /**
   * Every head with its cue, by its first HEAD_KEY_UNITS code units (as a number, see headKey), or by
   * all of them when shorter (`short`, keyed by the head itself).
   */
  byHeadKey: Map<number, Headed[]>;
  short: Map<string, Headed[]>;
  /**
   * Cues tried at a position, in this order: those with a source starting with the position's first
   * character (lower-cased when case-insensitive) as an ASCII letter, in lexicon order (`byKey`: cue →
   * rank), then those with a source starting otherwise (`others`). A cue can be in both and then
   * counts twice, as it always has.
   */
  byKey: Map<string, Map<number, number>>;
  others: Map<number, number>;
  /** Each cue's sources with their heads, in the lexicon's order. */
  sources: Map<number, Source[]>;
  /** Code units of the longest head (upper-cased when case-insensitive): all a plan depends on. */
  headUnits: number;
  /** What to try at a place, by its dispatch key and its first `headUnits` code units (see planAt). */
  plans: Map<string, Plan>;
  /** Case-insensitive flavour. */
  ci: boolean;
}

/** The cues to try at a place, in order, each with the sources whose heads the text there starts with. */
type Plan = readonly { cue: number; sources: readonly Source[] }[];

/**
 * Plans kept per scanner: a page's text repeats its words, and a plan is worked out once per word and
 * what follows it. Past this many the plans are dropped and worked out again (a bound on memory).
 */
const MAX_PLANS = 10_000;

interface CompiledCues {
  cues: Cue[];
  scanners: Scanner[];
}

/** The dispatch key of a pattern source: its first character when that is a plain ASCII letter. */
export function keyOf(source: string, ci: boolean): string | null {
  const first = source.charAt(0);
  if (!/[A-Za-z]/.test(first) || '?*{'.includes(source.charAt(1))) return null;
  return ci ? first.toLowerCase() : first;
}

/** Code units of a head its look-up goes by: three tell nearly all heads apart. */
const HEAD_KEY_UNITS = 3;

/** The first HEAD_KEY_UNITS code units of `text` as one number (48 bits: exact in a double). */
function headKey(text: string): number {
  return (text.charCodeAt(0) * 0x10000 + text.charCodeAt(1)) * 0x10000 + text.charCodeAt(2);
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function buildScanner(entries: CueEntries, data: ScannerHeads, ci: boolean): Scanner {
  const scanner: Scanner = {
    finder: new RegExp(data.finder, ci ? 'gi' : 'g'),
    byHeadKey: new Map(),
    short: new Map(),
    byKey: new Map(),
    others: new Map(),
    sources: new Map(),
    headUnits: 0,
    plans: new Map(),
    ci,
  };
  entries.forEach(({ cue, sources }, i) => {
    const heads = data.heads[i];
    if (heads?.length !== sources.length) {
      throw new Error(
        'lib/detect/cue-heads.json does not fit the cue lexicon: run npx tsx scripts/cue-heads.ts',
      );
    }
    scanner.sources.set(
      cue,
      sources.map((source, j) => ({ source, heads: heads[j] ?? [''] })),
    );
    for (const head of new Set(heads.flat())) {
      scanner.headUnits = Math.max(scanner.headUnits, head.length);
      if (head.length >= HEAD_KEY_UNITS) push(scanner.byHeadKey, headKey(head), { cue, head });
      else push(scanner.short, head, { cue, head });
    }
    for (const key of new Set(sources.map((source) => keyOf(source, ci)))) {
      if (key === null) scanner.others.set(cue, scanner.others.size);
      else {
        const ranks = scanner.byKey.get(key) ?? new Map<number, number>();
        ranks.set(cue, ranks.size);
        scanner.byKey.set(key, ranks);
      }
    }
  });
  return scanner;
}

let compiled: CompiledCues | undefined;

/**
 * Builds the cue table, then each of its two scanners, yielding between them: each part took several
 * milliseconds on a browser's first run, and together they made one warm-up slice of 7–15 ms.
 */
function* compileSteps(): Steps<CompiledCues> {
  const { cues, ci, cs } = cueLexicon();
  yield;
  const scanners = [buildScanner(ci, CUE_HEADS.ci, true)];
  yield;
  scanners.push(buildScanner(cs, CUE_HEADS.cs, false));
  return { cues, scanners };
}

function compile(): CompiledCues {
  compiled ??= drain(compileSteps());
  return compiled;
}

/** The compiled cue table (index = `CueHit.cue`). */
export function cueTable(): readonly Cue[] {
  return compile().cues;
}

/**
 * Where a cue matches at `at` in `slice`, given its sources that could match there (in lexicon order):
 * the first that does, as one alternation of them all would give; -1 when none. A source is compiled
 * the first time the text starts with one of its heads, the only places it could match: a page pays for
 * the cues it holds, not for every language's.
 */
function cueEndAt(sources: readonly Source[], ci: boolean, slice: string, at: number): number {
  for (const source of sources) {
    source.sticky ??= new RegExp(source.source, ci ? 'iy' : 'y');
    source.sticky.lastIndex = at;
    const hit = source.sticky.exec(slice);
    if (hit) return at + hit[0].length;
  }
  return -1;
}

/**
 * The text at `at` as heads are compared with it: upper-cased when case-insensitive. Characters that an
 * `i` expression matches with each other have the same upper case (the engine compares canonical
 * forms, which are upper cases or the characters themselves), so no place where a source matches is
 * lost; a few where it cannot are kept, and its expression says no there.
 */
function headAt(slice: string, at: number, ci: boolean): string {
  const text = slice.slice(at, at + 2 * MAX_HEAD_CHARS);
  return ci ? text.toUpperCase() : text;
}

/** Adds the cues with a head that `head` starts with to `into` (once each). */
function addHeaded(list: readonly Headed[] | undefined, head: string, into: number[]): void {
  if (list === undefined) return;
  for (const entry of list) {
    if (head.startsWith(entry.head) && !into.includes(entry.cue)) into.push(entry.cue);
  }
}

/**
 * The plan for a place whose text is `head` and whose dispatch key is `key`: the cues in the order the
 * scanner has always tried them (see Scanner.byKey), each as often, but only those with a source whose
 * head the text starts with, since the others cannot match there.
 */
function planAt(scanner: Scanner, head: string, key: string): Plan {
  const memo = `${key}\u0000${head.slice(0, scanner.headUnits)}`;
  const known = scanner.plans.get(memo);
  if (known) return known;
  const headed: number[] = [];
  if (head.length >= HEAD_KEY_UNITS) addHeaded(scanner.byHeadKey.get(headKey(head)), head, headed);
  for (let units = Math.min(head.length, HEAD_KEY_UNITS - 1); units >= 0; units--) {
    addHeaded(scanner.short.get(head.slice(0, units)), head, headed);
  }
  const inOrder = (ranks: ReadonlyMap<number, number> | undefined) =>
    headed.filter((cue) => ranks?.has(cue)).sort((a, b) => (ranks?.get(a) ?? 0) - (ranks?.get(b) ?? 0));
  const plan = [...inOrder(scanner.byKey.get(key)), ...inOrder(scanner.others)].map((cue) => ({
    cue,
    sources: (scanner.sources.get(cue) ?? []).filter((s) => s.heads.some((h) => head.startsWith(h))),
  }));
  if (scanner.plans.size >= MAX_PLANS) scanner.plans.clear();
  scanner.plans.set(memo, plan);
  return plan;
}

function run(scanner: Scanner, text: string, from: number, to: number, out: CueHit[]) {
  const { finder, ci } = scanner;
  const slice = text.slice(from, to);
  finder.lastIndex = 0;
  for (let m = finder.exec(slice); m !== null; m = finder.exec(slice)) {
    // Step one character, not past the match, so overlapping cues ("Missing Migrants" and "Migrants") both count.
    finder.lastIndex = m.index + 1;
    const start = from + m.index;
    if (needsBoundary(slice.charCodeAt(m.index)) && isWordAt(text, start - 1)) continue;
    const ch = slice.charAt(m.index);
    for (const { cue, sources } of planAt(scanner, headAt(slice, m.index, ci), ci ? ch.toLowerCase() : ch)) {
      const end = cueEndAt(sources, ci, slice, m.index);
      if (end >= 0) out.push({ cue, start, end: from + end });
    }
  }
}

/**
 * Prepares the cue scanner in steps: the names data, the table, each of its two scanners, then the first
 * run of each scanner's finder expression, which is when the engine compiles it. See warmUpSteps in
 * warm-up.ts.
 */
export function* prepareCueSteps(): Steps<void> {
  if (!compiled) {
    nameTable(); // the names data, which the cue table is built from
    yield;
    const built = yield* compileSteps();
    compiled ??= built; // the first analysis may have built it meanwhile
  }
  for (const scanner of compiled.scanners) {
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
