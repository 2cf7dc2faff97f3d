import type { startHoverCards } from '@/lib/card/content';
import type { LensKit } from './kit';
import type { removeLeftovers, startPageGuard } from './page-guard';

/**
 * The kit the `page-lens.js` chunk hands to the content script: the lens's, plus hover cards, the page
 * guard and the removal of an older copy's leftovers (all only needed once a page has shown a candidate).
 */
export interface PageKit extends LensKit {
  startHoverCards: typeof startHoverCards;
  startPageGuard: typeof startPageGuard;
  removeLeftovers: typeof removeLeftovers;
}

/**
 * Name of the global through which `page-lens.js` hands over its kit (the content script's world only).
 * Here, beside the kit's type, rather than in kit.ts: the content script needs the name, and importing
 * kit.ts would bring the settings modules' top-level code into what every page loads.
 */
export const KIT_GLOBAL = 'iomLensKit';
