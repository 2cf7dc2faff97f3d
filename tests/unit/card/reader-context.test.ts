import { describe, expect, it } from 'vitest';
import { pageReaderContext, sameOriginTopDocument } from '@/lib/card/reader-context';

/** A page whose head dates it, at an address that can change (a single-page site). */
function page(html: string, url: string) {
  document.head.innerHTML = html;
  window.history.replaceState(null, '', url);
  return document;
}

describe('the reader’s context on a live page', () => {
  it('gives the page’s date with where it was read, and reads it again only when the address changes', () => {
    const doc = page(
      '<meta property="article:published_time" content="2010-03-04T10:00:00Z">',
      '/news/earthquake',
    );
    const context = pageReaderContext(doc);
    expect(context()).toEqual({ pageDate: { date: '2010-03-04', origin: 'meta' }, usePageDate: true });
    // Same address: the head is not read again (a changed tag is not seen until the address changes).
    doc.head.innerHTML = '<meta property="article:published_time" content="1975-06-12">';
    expect(context().pageDate?.date).toBe('2010-03-04');
    window.history.replaceState(null, '', '/news/archive-1975');
    expect(context().pageDate?.date).toBe('1975-06-12');
  });

  it('says an undated page has no date', () => {
    const context = pageReaderContext(page('<title>No date</title>', '/about'));
    expect(context()).toEqual({ pageDate: null, usePageDate: true });
  });

  it('does not look for the date while the option is off, and follows the option as it changes', () => {
    let use = false;
    const doc = page('<meta name="date" content="1999-05-01">', '/story');
    const context = pageReaderContext(doc, () => use);
    expect(context()).toEqual({ usePageDate: false });
    use = true;
    expect(context().pageDate).toEqual({ date: '1999-05-01', origin: 'meta' });
  });

  it('gives a frame without a date of its own the date of the same-origin page around it, and its own first', () => {
    const outer = document.implementation.createHTMLDocument('Newspaper');
    outer.head.innerHTML = '<meta property="article:published_time" content="2015-09-02T08:00:00Z">';
    const frame = page('<title>Liveblog</title>', '/live');
    expect(
      pageReaderContext(
        frame,
        () => true,
        () => outer,
      )().pageDate?.date,
    ).toBe('2015-09-02');
    // A page of another origin (or the top-level page itself) lends nothing.
    expect(
      pageReaderContext(
        frame,
        () => true,
        () => null,
      )().pageDate,
    ).toBeNull();
    const dated = page('<meta name="date" content="1999-05-01">', '/live-dated');
    expect(
      pageReaderContext(
        dated,
        () => true,
        () => outer,
      )().pageDate?.date,
    ).toBe('1999-05-01');
  });

  it('finds no page around the top-level page', () => {
    expect(sameOriginTopDocument(document)).toBeNull();
  });
});
