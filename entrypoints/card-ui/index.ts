import dataset from '@/data/compiled/dataset.json';
import { CARD_UI_GLOBAL, type CardUiGlobal } from '@/lib/card/contract';
import type { CardDataset } from '@/lib/card/model';
import { createCardView } from './view';

/**
 * The hover card UI: Preact, the card components, placement and the dataset, loaded by the content
 * script on the first hover only (lib/card/loader.ts). Registers its view factory on the content
 * script world's global.
 */
export default defineUnlistedScript(() => {
  (globalThis as CardUiGlobal)[CARD_UI_GLOBAL] = (deps) => createCardView(dataset as CardDataset, deps);
});
