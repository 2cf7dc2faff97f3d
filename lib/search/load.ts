import { buildSearchEngine } from './engine';
import type { Entry, SearchEngine } from './types';

/**
 * The dataset as search entries. Imported dynamically by the popup, so the dataset and MiniSearch
 * stay out of the bundle that renders the popup's first frame.
 */
export async function loadSearchEntries(): Promise<Entry[]> {
  const [{ nameEntries }, names] = await Promise.all([
    import('./names'),
    import('@/data/compiled/names.json'),
  ]);
  return nameEntries(names.default.names);
}

/** Loads the dataset and builds the search engine over it. */
export async function loadSearchEngine(): Promise<SearchEngine> {
  return buildSearchEngine(await loadSearchEntries());
}
