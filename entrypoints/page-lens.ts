import { startHoverCards } from '@/lib/card/content';
import { lensKit } from '@/lib/page/kit';
import { startPageGuard } from '@/lib/page/page-guard';
import { KIT_GLOBAL, type PageKit } from '@/lib/page/page-kit';

/**
 * What only pages that have shown a candidate need: the lens, the highlighter, the hover-card controller
 * and the page guard, kept out of the content script that every page loads. The content script imports
 * this file at a page's first candidate (docs/adr/005-candidate-watch.md), and it hands its kit over
 * through a global of the content script's own world.
 */
export default defineUnlistedScript(() => {
  const kit: PageKit = { ...lensKit, startHoverCards, startPageGuard };
  (globalThis as Record<string, unknown>)[KIT_GLOBAL] = kit;
});
