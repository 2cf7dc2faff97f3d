import { CANDIDATE_SOURCE } from './candidate-pattern';
import { longFormReach } from './long-forms';
import { isWordAt } from './text';

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

/** Finds acronym candidates and migration stems; null when there are none (the common case). */
export function scanCandidates(text: string): CandidateScan | null {
  scanRe ??= new RegExp(CANDIDATE_SOURCE, 'g');
  const re = scanRe;
  re.lastIndex = 0;
  let m = re.exec(text);
  if (m === null) return null;
  const scan: CandidateScan = { acronyms: [], windows: [], stems: 0 };
  const reach = longFormReach();
  for (; m !== null; m = re.exec(text)) {
    const start = m.index;
    const acronym = m[1];
    if (acronym === undefined) {
      scan.stems++;
      const from = Math.max(0, start - reach.before);
      const to = Math.min(text.length, start + reach.after);
      const last = scan.windows[scan.windows.length - 1];
      if (last && from <= last[1]) last[1] = to;
      else scan.windows.push([from, to]);
      continue;
    }
    const end = start + acronym.length;
    // Token boundaries are checked only here, at candidate positions: IOMMU, ICMs, BIOM never fire,
    // while IOM's, IOM’s, IOM-run, (IOM) and l'OIM do.
    if (!isWordAt(text, start - 1) && !isWordAt(text, end)) scan.acronyms.push({ start, end, acronym });
  }
  return scan;
}
