import { buildSearchEngine } from './engine';
import type { SearchEngine } from './types';

/**
 * Loads the dataset and builds the search engine. Imported dynamically by the popup, so the dataset
 * and MiniSearch stay out of the bundle that renders the popup's first frame.
 */
export async function loadSearchEngine(): Promise<SearchEngine> {
  const [{ nameEntries }, names] = await Promise.all([import('./names'), import('@/data/compiled/names.json')]);
  return buildSearchEngine(nameEntries(names.default.names));
}
