import { buildSearchEngine } from './engine';
import type { Entry, SearchEngine } from './types';

/**
 * The dataset as search entries. Imported dynamically by the popup, so the dataset (data/compiled,
 * about 175 KB) and MiniSearch stay out of the bundle that renders the popup's first frame.
 */
export async function loadSearchEntries(): Promise<Entry[]> {
  const [{ entriesFromDataset }, dataset] = await Promise.all([
    import('./dataset'),
    import('@/data/compiled/dataset.json'),
  ]);
  return entriesFromDataset(dataset.default as Parameters<typeof entriesFromDataset>[0]);
}

/** Loads the dataset and builds the search engine over it. */
export async function loadSearchEngine(): Promise<SearchEngine> {
  return buildSearchEngine(await loadSearchEntries());
}
