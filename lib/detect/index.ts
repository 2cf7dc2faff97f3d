/**
 * The mention detector: finds the International Organization for Migration and its former names
 * (PICMME, ICEM, ICM) in text, in several languages, and leaves the look-alikes alone.
 * Pure and framework-free; see docs/detector.md.
 */

import type { Mention } from '@/lib/mention';
import { analyzeBlock } from './block';
import { resolveDocument } from './resolve';
import type { DocumentContext } from './types';

export type { Era, Mention, MentionKind } from '@/lib/mention';
export { analyzeBlock } from './block';
export { hasCandidate } from './candidates';
export { explainDocument, explainDocumentSteps, resolveDocument, resolveDocumentSteps } from './resolve';
export type { AcronymHit, BlockAnalysis, DocumentContext, LongFormHit } from './types';
export { warmUpSteps } from './warm-up';

/** One text = one document: finds and decides every mention in it. */
export function detect(text: string, context?: DocumentContext): Mention[] {
  return resolveDocument([analyzeBlock(text)], context)[0] ?? [];
}
