import { startHoverCards } from '@/lib/card/content';
import {
  analyzeBlock,
  type BlockAnalysis,
  resolveDocument,
  resolveDocumentSteps,
  warmUpSteps,
} from '@/lib/detect';
import { DECIDER_GLOBAL, type MentionDecider } from '@/lib/page/detector';
import { lensKit } from '@/lib/page/kit';
import { removeLeftovers, startPageGuard } from '@/lib/page/page-guard';
import { KIT_GLOBAL, type PageKit } from '@/lib/page/page-kit';

/**
 * What only pages that have shown a candidate need: the lens, the highlighter, the hover-card controller,
 * the page guard and the deciding half of the detector (cue lexicons, definitions, scoring), kept out of
 * the content script that every page loads. The content script imports this file at a page's first
 * candidate (docs/adr/005-candidate-watch.md), and it hands its kit and the detector over through globals
 * of the content script's own world. One chunk rather than two: the lens needs the detector on every page
 * it starts on, and a second import was a second fetch, compile and module evaluation on the way to the
 * first highlight (docs/content-script.md).
 */
export default defineUnlistedScript(() => {
  const kit: PageKit = { ...lensKit, startHoverCards, startPageGuard, removeLeftovers };
  const decider: MentionDecider<BlockAnalysis> = {
    analyzeBlock,
    resolveDocument,
    resolveDocumentSteps,
    warmUpSteps,
  };
  (globalThis as Record<string, unknown>)[KIT_GLOBAL] = kit;
  (globalThis as Record<string, unknown>)[DECIDER_GLOBAL] = decider;
});
