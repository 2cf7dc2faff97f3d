import { scanCandidates } from './candidates';
import { finishCueHits, scanCues } from './cues';
import { findDefinition } from './definitions';
import { countStopwords, type LangCounts } from './language';
import { findLongForms } from './long-forms';
import type { AcronymHit, BlockAnalysis, CueHit } from './types';

/**
 * How far around an acronym cues and stopwords are collected in its block. Beyond the near window
 * (see resolve.ts) they still count as document-level evidence; the bound keeps a megabyte-long block
 * with one acronym cheap.
 */
export const CUE_RADIUS = 2000;

const NONE: readonly never[] = Object.freeze([]);

/** Merged [from, to) ranges of `radius` around each acronym. */
function rangesAround(hits: readonly AcronymHit[], length: number, radius: number): [number, number][] {
  const out: [number, number][] = [];
  for (const h of hits) {
    const from = Math.max(0, h.start - radius);
    const to = Math.min(length, h.end + radius);
    const last = out[out.length - 1];
    if (last && from <= last[1]) last[1] = Math.max(last[1], to);
    else out.push([from, to]);
  }
  return out;
}

/**
 * Per block of text (e.g. a paragraph): candidates, acronym definitions and cue counts; cheap when
 * there are no candidates (one regex pass, one small object).
 */
export function analyzeBlock(text: string): BlockAnalysis {
  const scan = scanCandidates(text);
  if (scan === null) return { text, longForms: NONE, acronyms: NONE, cues: null, langCounts: null };
  const longForms = findLongForms(text, scan.anchors);
  if (scan.acronyms.length === 0) return { text, longForms, acronyms: NONE, cues: null, langCounts: null };
  const acronyms: AcronymHit[] = scan.acronyms.map((c) => {
    const definition = findDefinition(text, c, longForms);
    return definition ? { ...c, definition } : { ...c };
  });
  const cues: CueHit[] = [];
  const langCounts: LangCounts = {};
  for (const [from, to] of rangesAround(acronyms, text.length, CUE_RADIUS)) {
    scanCues(text, from, to, cues);
    countStopwords(text, from, to, langCounts);
  }
  return { text, longForms, acronyms, cues: finishCueHits(cues, longForms), langCounts };
}
