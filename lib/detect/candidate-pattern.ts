import compiled from '@/data/compiled/acronyms.json';
import { hasBrokenStem } from './word-breaks';

/**
 * The pre-check every page runs, kept apart from the rest of the detector so the content script that
 * every page loads carries the finished pattern (data/compiled/acronyms.json, written by data:build),
 * not the names timeline and the tables built from it.
 */

/**
 * The one case-sensitive regular expression every text goes through: the organization's acronyms
 * (group 1, longest first) or a migration stem (see candidate-source.ts, which data:build runs). Plain
 * literal alternatives keep V8 on its fast path (GB/s here).
 */
export const CANDIDATE_SOURCE: string = compiled.pattern;

let testRe: RegExp | undefined;

/**
 * Cheapest correct pre-check: false means the text cannot contain a mention. A long name whose stem a
 * word break splits ("Mi-\ngration") is a candidate too; most texts hold no break and stop at one test.
 */
export function hasCandidate(text: string): boolean {
  testRe ??= new RegExp(CANDIDATE_SOURCE);
  return testRe.test(text) || hasBrokenStem(text);
}
