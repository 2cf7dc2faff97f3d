import { scanCandidates } from './candidates';
import { finishCueHits, scanCues } from './cues';
import { findDefinition } from './definitions';
import { countStopwords, type LangCounts } from './language';
import { findLongForms } from './long-forms';
import { rangesAround } from './text';
import type { AcronymHit, BlockAnalysis, CueHit } from './types';

/**
 * How far around an acronym cues are collected in its block. Beyond the near window (see resolve.ts) they
 * still count as document-level evidence; the bound keeps a megabyte-long block with one acronym cheap.
 */
export const CUE_RADIUS = 600;
/** How far around an acronym stopwords are counted for the language guess: a paragraph is plenty. */
export const LANGUAGE_RADIUS = 400;
/** Words read per block for the language guess; about two sentences tell the language apart. */
const LANGUAGE_WORDS = 60;

/** Shared empty list for blocks without hits (never mutated: typed read-only). */
const NONE: readonly never[] = [];

/**
 * Per block of text (e.g. a paragraph): candidates, acronym definitions and cue counts; cheap when
 * there are no candidates (one regex pass, one small object).
 */
export function analyzeBlock(text: string): BlockAnalysis {
  const scan = scanCandidates(text);
  if (scan === null) return { text, longForms: NONE, acronyms: NONE, cues: null, langCounts: null };
  const longForms = findLongForms(text, scan.windows);
  if (scan.acronyms.length === 0) return { text, longForms, acronyms: NONE, cues: null, langCounts: null };
  const acronyms: AcronymHit[] = scan.acronyms.map((c) => {
    const definition = findDefinition(text, c, longForms);
    return definition ? { ...c, definition } : { ...c };
  });
  const cues: CueHit[] = [];
  const langCounts: LangCounts = {};
  for (const [from, to] of rangesAround(acronyms, text.length, CUE_RADIUS, CUE_RADIUS))
    scanCues(text, from, to, cues);
  let words = 0;
  for (const [from, to] of rangesAround(acronyms, text.length, LANGUAGE_RADIUS, LANGUAGE_RADIUS)) {
    words += countStopwords(text, from, to, langCounts, LANGUAGE_WORDS - words);
    if (words >= LANGUAGE_WORDS) break;
  }
  return { text, longForms, acronyms, cues: finishCueHits(cues, longForms), langCounts };
}
