/**
 * The reader's moment as the card UI sees it on a live page: the page's date, found on the first card
 * (the card UI loads on the first hover, so pages without mentions never look) and again only when the
 * page's address changes (a single-page site moving to another article).
 */
import { findPageDate, type PageDate } from '@/lib/page-date';
import type { ReaderContext } from './moment';

/** Returns the reader's context for `doc`, reading the page's date at most once per address. */
export function pageReaderContext(
  doc: Document,
  usePageDate: () => boolean = () => true,
): () => ReaderContext {
  let url: string | null = null;
  let found: PageDate | null = null;
  return () => {
    const use = usePageDate();
    if (!use) return { usePageDate: false };
    const here = doc.location?.href ?? doc.URL;
    if (here !== url) {
      url = here;
      found = findPageDate(doc, here);
    }
    return { pageDate: found, usePageDate: true };
  };
}
