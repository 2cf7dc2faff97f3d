/**
 * When a page was written, from what the page says about itself: publishing metadata in the head,
 * structured data, a dated byline, or a date in its URL. Pure and synchronous: the card UI calls it once
 * per page, on the first card (pages without mentions never run it).
 */

/** Where a page's date was read from, most trustworthy first. */
export type PageDateOrigin = 'meta' | 'json-ld' | 'time' | 'url';

/** A page's date at the precision it was given (YYYY-MM-DD, YYYY-MM). */
export interface PageDate {
  /** ISO date cut at its precision. */
  date: string;
  /** What gave it. */
  origin: PageDateOrigin;
}

/** The part of a document the finder reads (a Document, or a parsed fragment in tests). */
export type DateSource = Pick<ParentNode, 'querySelectorAll'>;

/** Oldest date believed: earlier "dates" are placeholders (0001-01-01, 1899-12-30 spreadsheet epochs) or typos. */
export const EARLIEST_PAGE_YEAR = 1900;

/**
 * Meta tags naming when a page was published, by the name or property they carry (lower case): Open
 * Graph article tags (WordPress, Arc), their `og:` spelling, the plain and Dublin Core `date`.
 */
const PUBLISHED_META = ['article:published_time', 'og:published_time', 'date', 'dc.date', 'dc.date.issued'];

/** `<time datetime>` elements that date the page itself rather than something it talks about. */
const BYLINE_TIME =
  'article header time[datetime], main header time[datetime], body > header time[datetime], ' +
  '[class*="byline" i] time[datetime], [class*="dateline" i] time[datetime], ' +
  '[itemprop="datePublished"][datetime], [itemprop="datePublished"][content]';

/** A leading ISO date (with or without a time after it): 1975-06-12T08:00:00Z, 2010-03-04, 2010-03, 1975. */
const ISO_START = /^\s*(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?![\d])/;

/** A date in a URL path: /1975/06/12/ or /2010/03/ (segments), or /2010-03-04-title (one segment). */
const URL_SEGMENTS = /\/((?:19|20)\d{2})\/(\d{2})(?:\/(\d{2}))?(?=\/|$)/;
const URL_DASHED = /\/((?:19|20)\d{2})-(\d{2})(?:-(\d{2}))?(?=[-/_.]|$)/;

/**
 * The page's date: the first of meta tags, JSON-LD `datePublished` (also inside `@graph`), a dated
 * byline, the URL path that gives a real calendar date between 1900 and `today`. Null when none does.
 */
export function findPageDate(doc: DateSource, url: string, today: Date = new Date()): PageDate | null {
  const accept = (found: string | null, origin: PageDateOrigin): PageDate | null => {
    const date = found && plausible(found, today) ? found : null;
    return date ? { date, origin } : null;
  };
  for (const content of metaDates(doc)) {
    const found = accept(isoDateIn(content), 'meta');
    if (found) return found;
  }
  for (const value of jsonLdDates(doc)) {
    const found = accept(isoDateIn(value), 'json-ld');
    if (found) return found;
  }
  for (const el of Array.from(doc.querySelectorAll(BYLINE_TIME))) {
    const found = accept(isoDateIn(el.getAttribute('datetime') ?? el.getAttribute('content') ?? ''), 'time');
    if (found) return found;
  }
  return accept(urlDate(url), 'url');
}

function metaDates(doc: DateSource): string[] {
  const byKey = new Map<string, string>();
  for (const meta of Array.from(doc.querySelectorAll('meta[content]'))) {
    const key = (meta.getAttribute('property') ?? meta.getAttribute('name') ?? '').trim().toLowerCase();
    const content = meta.getAttribute('content');
    if (content && PUBLISHED_META.includes(key) && !byKey.has(key)) byKey.set(key, content);
  }
  return PUBLISHED_META.flatMap((key) => byKey.get(key) ?? []);
}

/** `datePublished` of each top-level JSON-LD item and of each item of a `@graph`, in document order. */
function jsonLdDates(doc: DateSource): string[] {
  const dates: string[] = [];
  for (const script of Array.from(doc.querySelectorAll('script[type="application/ld+json" i]'))) {
    let data: unknown;
    try {
      data = JSON.parse(script.textContent ?? '');
    } catch {
      continue; // a broken block on someone's page is theirs to fix; the next one may be fine
    }
    for (const item of items(data)) {
      const graph = (item as { '@graph'?: unknown })['@graph'];
      for (const inner of [item, ...items(graph)]) {
        const published = (inner as { datePublished?: unknown }).datePublished;
        if (typeof published === 'string') dates.push(published);
      }
    }
  }
  return dates;
}

function items(data: unknown): object[] {
  const list = Array.isArray(data) ? data : [data];
  return list.filter((x): x is object => typeof x === 'object' && x !== null);
}

/** The calendar date an ISO date-time starts with (YYYY-MM-DD or YYYY-MM), if it names a real date. */
function isoDateIn(text: string): string | null {
  const m = ISO_START.exec(text);
  if (!m) return null;
  return m[2] === undefined ? (m[1] ?? null) : calendarDate(m[1], m[2], m[3]);
}

function urlDate(url: string): string | null {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return null;
  }
  const m = URL_SEGMENTS.exec(path) ?? URL_DASHED.exec(path);
  return m ? calendarDate(m[1], m[2], m[3]) : null;
}

function calendarDate(year?: string, month?: string, day?: string): string | null {
  if (!year || !month) return null;
  const y = Number(year);
  const mo = Number(month);
  if (mo < 1 || mo > 12) return null;
  if (day === undefined) return `${year}-${month}`;
  const d = Number(day);
  const days = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  return d >= 1 && d <= days ? `${year}-${month}-${day}` : null;
}

/** Between 1900 and `today` (a month-precise date of this month counts as not in the future). */
function plausible(date: string, today: Date): boolean {
  if (Number(date.slice(0, 4)) < EARLIEST_PAGE_YEAR) return false;
  const now = today.toISOString().slice(0, date.length);
  return date <= now;
}
