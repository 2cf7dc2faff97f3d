import { describe, expect, it } from 'vitest';
import { findPageDate } from '@/lib/page-date';

/** A fixed "today", so tests about the future do not age. */
const TODAY = new Date('2026-12-07T12:00:00Z');

/** Parses markup as a whole page (head and body), as the card reads the live document. */
function page(html: string): Document {
  return new DOMParser().parseFromString(`<!doctype html><html>${html}</html>`, 'text/html');
}

const find = (html: string, url = 'https://news.example.org/story') => findPageDate(page(html), url, TODAY);

describe('the page date', () => {
  it('reads a news article’s NewsArticle JSON-LD', () => {
    const doc = `<head><script type="application/ld+json">
      {"@context":"https://schema.org","@type":"NewsArticle","headline":"Migrants sail from Naples",
       "datePublished":"1975-06-12T08:30:00+02:00","dateModified":"2019-01-01T00:00:00Z"}
    </script></head><body><p>ICEM ships</p></body>`;
    expect(find(doc)).toEqual({ date: '1975-06-12', origin: 'json-ld' });
  });

  it('finds datePublished inside an @graph, as Yoast on WordPress writes it', () => {
    const doc = `<head><script type="application/ld+json">{"@context":"https://schema.org","@graph":[
      {"@type":"Organization","name":"Example Daily"},
      {"@type":"WebPage","@id":"https://example.org/x#webpage","datePublished":"2010-03-04T09:00:00+00:00"}
    ]}</script></head>`;
    expect(find(doc)).toEqual({ date: '2010-03-04', origin: 'json-ld' });
  });

  it('prefers the article:published_time meta tag (WordPress, Arc) over everything else', () => {
    const doc = `<head>
      <meta property="og:type" content="article">
      <meta property="article:modified_time" content="2024-05-01T10:00:00Z">
      <meta property="article:published_time" content="2010-03-04T15:20:00-05:00">
      <script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2011-01-01"}</script>
    </head><body><article><header><time datetime="2012-02-02">2 Feb 2012</time></header></article></body>`;
    expect(find(doc, 'https://example.org/2013/01/01/story/')).toEqual({
      date: '2010-03-04',
      origin: 'meta',
    });
  });

  it('reads og:published_time, name="date" and Dublin Core dates', () => {
    expect(find('<head><meta property="og:published_time" content="1999-07-01"></head>')?.date).toBe(
      '1999-07-01',
    );
    expect(find('<head><meta name="date" content="2004-11-30"></head>')?.date).toBe('2004-11-30');
    expect(find('<head><meta name="DC.date" content="1988-10"></head>')).toEqual({
      date: '1988-10',
      origin: 'meta',
    });
  });

  it('takes the <time datetime> of an article’s byline (a Next.js page without metadata)', () => {
    const doc = `<body><div id="__next"><main><article>
      <h1>Resettlement in the 1950s</h1>
      <div class="Byline_root__x1"><span>By A. Writer</span> <time datetime="2008-06-05T00:00:00.000Z">June 5, 2008</time></div>
      <p>In <time datetime="1956-11-04">November 1956</time> ICEM moved refugees from Hungary.</p>
    </article></main></div></body>`;
    expect(find(doc)).toEqual({ date: '2008-06-05', origin: 'time' });
  });

  it('ignores <time> elements in the body text: they date what the page talks about', () => {
    const doc =
      '<body><article><p>Founded on <time datetime="1951-12-05">5 Dec 1951</time>.</p></article></body>';
    expect(find(doc)).toBeNull();
  });

  it('falls back to a date in the URL path, segmented or dashed', () => {
    expect(find('<body></body>', 'https://archive.example.org/1975/06/12/migrants-arrive/')).toEqual({
      date: '1975-06-12',
      origin: 'url',
    });
    expect(find('<body></body>', 'https://example.org/news/2010-03-ministers-meet')?.date).toBe('2010-03');
    expect(find('<body></body>', 'https://example.org/blog/2010/03/')?.date).toBe('2010-03');
  });

  it('does not take a bare number in the URL for a year', () => {
    expect(find('<body></body>', 'https://example.org/items/1975/')).toBeNull();
    expect(find('<body></body>', 'https://example.org/story/20100304')).toBeNull();
  });

  it('skips future dates, dates before 1900 and impossible dates, and takes the next trustworthy one', () => {
    const doc = `<head>
      <meta property="article:published_time" content="2031-01-01T00:00:00Z">
      <meta name="date" content="0001-01-01">
      <script type="application/ld+json">{"@type":"Article","datePublished":"1975-02-30"}</script>
      <script type="application/ld+json">{"@type":"Article","datePublished":"1899-12-30"}</script>
    </head>`;
    expect(find(doc, 'https://example.org/1975/06/12/x')).toEqual({ date: '1975-06-12', origin: 'url' });
  });

  it('survives broken JSON-LD and reads the next block', () => {
    const doc = `<head><script type="application/ld+json">{"@type": "NewsArticle", </script>
      <script type="application/ld+json">[{"@type":"NewsArticle","datePublished":"1980-05-01"}]</script></head>`;
    expect(find(doc)).toEqual({ date: '1980-05-01', origin: 'json-ld' });
  });

  it('says nothing for an undated page', () => {
    expect(find('<head><title>ICM</title></head><body><p>ICM in Geneva</p></body>')).toBeNull();
  });

  it('accepts a date of this very month but not of tomorrow', () => {
    expect(find('<head><meta name="date" content="2026-12"></head>')?.date).toBe('2026-12');
    expect(find('<head><meta name="date" content="2026-12-08"></head>')).toBeNull();
  });
});
