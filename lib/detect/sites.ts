import sitesFile from '@/data/sites.json';

/**
 * Page context: sites whose pages use the acronyms only for the organization (data/sites.json, one
 * reason per entry). On their pages a bare acronym starts with a bonus; on the organization's own
 * sites the page itself is evidence that the organization is present. A negative bonus marks sites whose
 * pages use the letters for something else (the Isle of Man's own .im domain).
 */

/** One site of the list. */
export interface SiteEntry {
  /** Host name, or a country-code domain such as "im"; its subdomains count too. */
  host: string;
  /** Added to a bare acronym's prior on the site's pages; negative for sites of another meaning. */
  bonus: number;
  /** The site is the organization's own: its pages count as evidence of the organization. */
  organization: boolean;
  /** Acronyms the bonus applies to; null for all. */
  acronyms: ReadonlySet<string> | null;
}

let sites: SiteEntry[] | undefined;

/** Validates data/sites.json at the boundary: a bad entry is an error naming its index and field. */
export function parseSites(file: unknown): SiteEntry[] {
  const list = (file as { sites?: unknown }).sites;
  if (!Array.isArray(list)) throw new Error('data/sites.json: "sites" must be an array');
  return list.map((raw: unknown, i) => {
    const e = raw as Record<string, unknown>;
    const where = `data/sites.json: sites[${i}]`;
    if (typeof e.host !== 'string' || !/^(?:[a-z0-9-]+\.)*[a-z]{2,}$/.test(e.host))
      throw new Error(`${where}.host must be a lower-case host name`);
    if (typeof e.bonus !== 'number' || e.bonus === 0 || !(Math.abs(e.bonus) <= 3))
      throw new Error(`${where}.bonus must be a non-zero number in [-3, 3]`);
    if (typeof e.reason !== 'string' || e.reason.trim().length < 10)
      throw new Error(`${where}.reason must say why the site is listed`);
    if (e.organization !== undefined && typeof e.organization !== 'boolean')
      throw new Error(`${where}.organization must be true or false`);
    if (e.organization === true && e.bonus < 0)
      throw new Error(`${where}: the organization's own site cannot have a negative bonus`);
    if (
      e.acronyms !== undefined &&
      !(Array.isArray(e.acronyms) && e.acronyms.every((a) => typeof a === 'string'))
    )
      throw new Error(`${where}.acronyms must be a list of acronyms`);
    return {
      host: e.host,
      bonus: e.bonus,
      organization: e.organization === true,
      acronyms: e.acronyms ? new Set(e.acronyms as string[]) : null,
    };
  });
}

/** The host of a page URL, lower-cased; null when the URL is missing or not absolute. */
function hostOf(url: string | undefined): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname.toLowerCase().replace(/\.$/, '');
  } catch {
    return null;
  }
}

/**
 * The listed site a page URL belongs to (its host or a subdomain of it), or null. The most specific
 * entry wins: a listed host inside a listed country-code domain keeps its own entry.
 */
export function siteOf(url: string | undefined, list?: readonly SiteEntry[]): SiteEntry | null {
  const host = hostOf(url);
  if (!host) return null;
  sites ??= parseSites(sitesFile);
  const matches = (list ?? sites).filter((s) => host === s.host || host.endsWith(`.${s.host}`));
  return matches.reduce<SiteEntry | null>(
    (best, s) => (!best || s.host.length > best.host.length ? s : best),
    null,
  );
}

/** The site's bonus for an acronym (0 off the list or for acronyms the entry leaves out). */
export function siteBonus(site: SiteEntry | null, acronym: string): number {
  if (!site || (site.acronyms && !site.acronyms.has(acronym))) return 0;
  return site.bonus;
}
