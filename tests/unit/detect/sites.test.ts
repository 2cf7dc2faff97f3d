// @vitest-environment node
import { describe, expect, it } from 'vitest';
import sitesFile from '@/data/sites.json';
import { detect } from '@/lib/detect';
import { parseSites, siteBonus, siteOf } from '@/lib/detect/sites';

const acronyms = (text: string, url?: string) =>
  detect(text, url === undefined ? {} : { url })
    .filter((m) => m.kind === 'acronym')
    .map((m) => m.surface);

describe('page context: the site list', () => {
  it('reads data/sites.json, every entry with a reason', () => {
    const sites = parseSites(sitesFile);
    expect(sites.map((s) => s.host)).toContain('iom.int');
    expect(sites.filter((s) => s.organization).map((s) => s.host)).toEqual([
      'iom.int',
      'migrationdataportal.org',
    ]);
  });

  it('names the entry and the field that is wrong', () => {
    const good = { host: 'example.org', bonus: 1, reason: 'A reason long enough.' };
    expect(() => parseSites({})).toThrow('data/sites.json: "sites" must be an array');
    expect(() => parseSites({ sites: [good, { ...good, host: 'Example.ORG' }] })).toThrow(
      'data/sites.json: sites[1].host must be a lower-case host name',
    );
    expect(() => parseSites({ sites: [{ ...good, bonus: 9 }] })).toThrow(
      'sites[0].bonus must be a non-zero number in [-3, 3]',
    );
    expect(() => parseSites({ sites: [{ ...good, bonus: -1, organization: true }] })).toThrow(
      "sites[0]: the organization's own site cannot have a negative bonus",
    );
    expect(() => parseSites({ sites: [{ ...good, reason: '' }] })).toThrow('sites[0].reason must say why');
    expect(() => parseSites({ sites: [{ ...good, acronyms: 'IOM' }] })).toThrow(
      'sites[0].acronyms must be a list',
    );
  });

  it('matches the host and its subdomains, never a host that merely ends in the same letters', () => {
    expect(siteOf('https://www.iom.int/news/x')?.host).toBe('iom.int');
    expect(siteOf('https://kenya.iom.int/')?.host).toBe('iom.int');
    expect(siteOf('https://IOM.INT./about')?.host).toBe('iom.int');
    expect(siteOf('https://notiom.int/')).toBeNull();
    expect(siteOf('https://iom.int.example.com/')).toBeNull();
    expect(siteOf('/news/x')).toBeNull();
    expect(siteOf(undefined)).toBeNull();
  });

  it('lets the most specific entry win, so a country-code domain does not swallow a listed host in it', () => {
    const list = parseSites({
      sites: [
        { host: 'im', bonus: -2, reason: 'A country-code domain of another meaning.' },
        { host: 'desk.example.im', bonus: 1, reason: 'A listed host inside that domain.' },
      ],
    });
    expect(siteOf('https://www.gov.im/news', list)?.host).toBe('im');
    expect(siteOf('https://a.desk.example.im/news', list)?.host).toBe('desk.example.im');
    expect(siteOf('https://www.gov.im/news')?.bonus).toBeLessThan(0);
  });

  it('gives UN-system sites their bonus only for the acronyms they list', () => {
    const un = siteOf('https://news.un.org/en/story');
    expect(siteBonus(un, 'IOM')).toBeGreaterThan(0);
    expect(siteBonus(un, 'ICM')).toBe(0);
    expect(siteBonus(siteOf('https://www.iom.int/'), 'ICEM')).toBeGreaterThan(0);
    expect(siteBonus(null, 'IOM')).toBe(0);
  });
});

describe('page context: the site as evidence', () => {
  const plain = 'IOM handed over the new water points to the community.';

  it("takes a bare acronym on the organization's own and on UN-system pages, not elsewhere", () => {
    expect(acronyms(plain)).toEqual([]);
    expect(acronyms(plain, 'https://www.iom.int/news/water')).toEqual(['IOM']);
    expect(acronyms(plain, 'https://news.un.org/en/story/2024/01/1')).toEqual(['IOM']);
    expect(acronyms(plain, 'https://www.example.com/news')).toEqual([]);
  });

  it("takes the former names on the organization's history pages", () => {
    expect(acronyms('ICEM opened a new office.', 'https://www.iom.int/iom-history')).toEqual(['ICEM']);
    expect(acronyms('ICEM opened a new office.')).toEqual([]);
  });

  it("lowers a bare IOM on the Isle of Man's own domain, where the letters mean the island", () => {
    const said = 'IOM said the timetable would change next month.';
    expect(acronyms(said)).toEqual(['IOM']);
    expect(acronyms(said, 'https://www.gov.im/news/timetable')).toEqual([]);
    // A long name with its own definition still stands there.
    expect(
      acronyms(
        'The International Organization for Migration (IOM) opened a desk.',
        'https://www.gov.im/news',
      ),
    ).toEqual(['IOM']);
  });

  it('still lets a look-alike defined on the page, or its own strong words, win', () => {
    expect(acronyms('Ferries to the Isle of Man (IOM) leave daily.', 'https://www.iom.int/news/x')).toEqual(
      [],
    );
    expect(acronyms('The latest ICM poll puts Labour ahead.', 'https://news.un.org/en/story')).toEqual([]);
  });
});
