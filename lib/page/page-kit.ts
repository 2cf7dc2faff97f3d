import type { startHoverCards } from '@/lib/card/content';
import type { LensKit } from './kit';
import type { startPageGuard } from './page-guard';

/** The kit the `page-lens.js` chunk hands to the content script: the lens's, plus hover cards and page guard. */
export interface PageKit extends LensKit {
  startHoverCards: typeof startHoverCards;
  startPageGuard: typeof startPageGuard;
}
