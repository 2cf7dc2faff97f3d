import { CANDIDATE_SOURCE } from './candidate-pattern';
import { longFormReach } from './long-forms';
import { isWordAt } from './text';
import { brokenStemStarts } from './word-breaks';

/** An acronym candidate with clean token boundaries. */
export interface AcronymCandidate {
  /** Offset of the first character. */
  start: number;
  /** Offset just past the last character. */
  end: number;
  /** The acronym as written. */
  acronym: string;
}

/** The raw candidates of a text: acronyms to decide and migration stems to look around for long names. */
export interface CandidateScan {
  /** Acronyms with a non-word character (or nothing) on both sides. */
  acronyms: AcronymCandidate[];
  /**
   * Merged [from, to) windows around migration stems: wherever a long name could lie. Merging while
   * scanning keeps text packed with stems from building a huge list of anchors.
   */
  windows: [number, number][];
  /** How many migration stems were seen. */
  stems: number;
}

export { hasCandidate } from './candidate-pattern';

let scanRe: RegExp | undefined;

/** Appends [from, to), merged with the last window when they touch (windows come in order of `from`). */
function pushWindow(windows: [number, number][], from: number, to: number): void {
  const last = windows[windows.length - 1];
  if (last && from <= last[1]) last[1] = Math.max(last[1], to);
  else windows.push([from, to]);
}

/** The window around a stem starting at `start`: wherever a long name containing it could lie. */
function windowAt(start: number, textLength: number): [number, number] {
  const reach = longFormReach();
  return [Math.max(0, start - reach.before), Math.min(textLength, start + reach.after)];
}

/**
 * Adds the windows around stems broken by a word break ("Mi-\ngration"), which the plain-literal scan
 * cannot see, keeping the windows sorted and merged.
 */
function addBrokenStems(scan: CandidateScan, starts: readonly number[], textLength: number): void {
  const all = [...scan.windows, ...starts.map((s) => windowAt(s, textLength))].sort((a, b) => a[0] - b[0]);
  scan.windows = [];
  for (const [from, to] of all) pushWindow(scan.windows, from, to);
  scan.stems += starts.length;
}

/** Finds acronym candidates and migration stems; null when there are none (the common case). */
export function scanCandidates(text: string): CandidateScan | null {
  scanRe ??= new RegExp(CANDIDATE_SOURCE, 'g');
  const re = scanRe;
  re.lastIndex = 0;
  let m = re.exec(text);
  const broken = brokenStemStarts(text);
  if (m === null && broken.length === 0) return null;
  const scan: CandidateScan = { acronyms: [], windows: [], stems: 0 };
  for (; m !== null; m = re.exec(text)) {
    const start = m.index;
    const acronym = m[1];
    if (acronym === undefined) {
      scan.stems++;
      pushWindow(scan.windows, ...windowAt(start, text.length));
      continue;
    }
    const end = start + acronym.length;
    // Token boundaries are checked only here, at candidate positions: IOMMU, ICMs, BIOM never fire,
    // while IOM's, IOM’s, IOM-run, (IOM) and l'OIM do.
    if (!isWordAt(text, start - 1) && !isWordAt(text, end)) scan.acronyms.push({ start, end, acronym });
  }
  if (broken.length > 0) addBrokenStems(scan, broken, text.length);
  return scan;
}
