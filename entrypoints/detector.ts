import {
  analyzeBlock,
  type BlockAnalysis,
  resolveDocument,
  resolveDocumentSteps,
  warmUpSteps,
} from '@/lib/detect';
import { DECIDER_GLOBAL, type MentionDecider } from '@/lib/page/detector';

/**
 * The deciding half of the detector (cue lexicons, definitions, scoring), kept out of the content
 * script that every page gets: the content script imports this file on the first page text that may
 * mention the organization, and it hands its functions over through a global of the content script's
 * own world. See docs/adr/003-highlight-api.md.
 */
export default defineUnlistedScript(() => {
  const decider: MentionDecider<BlockAnalysis> = {
    analyzeBlock,
    resolveDocument,
    resolveDocumentSteps,
    warmUpSteps,
  };
  (globalThis as Record<string, unknown>)[DECIDER_GLOBAL] = decider;
});
