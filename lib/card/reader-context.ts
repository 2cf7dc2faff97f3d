/**
 * The reader's moment as the card UI sees it on a live page: the page's date, found on the first card
 * (the card UI loads on the first hover, so pages without mentions never look) and again only when the
 * page's address changes (a single-page site moving to another article).
 */
import { findPageDate, type PageDate } from '@/lib/page-date';
import type { ReaderContext } from './moment';

/**
 * The top-level page's document when `doc` is a frame's and the page is of the same origin (a srcdoc or
 * same-site embed); null for the top-level page itself and for a frame of another site, whose page it
 * may not read.
 */
export function sameOriginTopDocument(doc: Document): Document | null {
  const win = doc.defaultView;
  if (!win || win.top === win || !win.top) return null;
  try {
    return win.top.document; // throws for a page of another origin
  } catch {
    return null;
  }
}

/**
 * Returns the reader's context for `doc`, reading the page's date at most once per address. A frame's
 * own date comes first; a frame without one takes the date of the top-level page around it when that
 * page is of the same origin (a liveblog embedded by its own newspaper is of the article's day).
 */
export function pageReaderContext(
  doc: Document,
  usePageDate: () => boolean = () => true,
  topDocument: (doc: Document) => Document | null = sameOriginTopDocument,
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
      const top = found ? null : topDocument(doc);
      if (top) found = findPageDate(top, top.location?.href ?? top.URL);
    }
    return { pageDate: found, usePageDate: true };
  };
}
