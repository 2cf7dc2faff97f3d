import { analyzeBlock } from './block';
import { scanCandidates } from './candidates';
import { prepareCueSteps } from './cues';
import { prepareLongForms } from './long-forms';
import { resolveDocument } from './resolve';
import type { Steps } from './steps';

/** Sentences written for the warm-up, each reaching parts of the analysis the ones before did not. */
const LONG_NAME = 'International Organization for Migration';
const ACRONYM = 'IOM staff helped refugees';
const SAMPLE =
  'The International Organization for Migration (IOM), once ICEM and ICM, helped refugees from Geneva in 1956.';

/**
 * Does once, in steps, what the first analysis of a page would otherwise do in one go: build the cue
 * table and the name tables, and compile the regular expressions (an engine compiles one on its first
 * run). The first analysis took 15–25 ms in one piece; each step here takes a few. The page lens runs
 * them in slices before the page's first block. Nothing is returned or kept.
 */
export function* warmUpSteps(): Steps<void> {
  yield* prepareCueSteps();
  yield;
  scanCandidates(`${ACRONYM} and ICEM`);
  yield;
  prepareLongForms();
  yield;
  analyzeBlock(LONG_NAME);
  yield;
  analyzeBlock(ACRONYM);
  yield;
  const sample = analyzeBlock(SAMPLE);
  yield;
  resolveDocument([sample], { title: ACRONYM });
}
