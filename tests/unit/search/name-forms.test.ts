import { describe, expect, it } from 'vitest';
import names from '@/data/compiled/names.json';
import { buildSearchEngine, officialFirst } from '@/lib/search/engine';
import { nameEntries } from '@/lib/search/names';
import type { Entry, NameEntry, SearchHit } from '@/lib/search/types';

const entries = nameEntries(names.names);
const engine = buildSearchEngine(entries);
const titles = (q: string, n = 2) =>
  engine
    .search(q)
    .slice(0, n)
    .map((h) => h.entry.title);
const named = (title: string) => entries.find((e) => e.title === title) as NameEntry;

describe('name variants and misnomers in the search', () => {
  it('tells a misnomer from another spelling, with the dataset’s note on why it exists', () => {
    expect(named('Intergovernmental Committee on European Migration')).toMatchObject({
      form: 'misnomer',
      note: expect.stringMatching(/back-translation/),
      official: { title: 'Intergovernmental Committee for European Migration', acronym: 'ICEM' },
    });
    expect(named('International Organisation for Migration')).toMatchObject({
      form: 'variant',
      note: expect.stringMatching(/British/),
      official: { acronym: 'IOM' },
    });
    expect(named('Intergovernmental Committee for European Migration').form).toBe('official');
    expect(named('Intergovernmental Committee for European Migration').official).toBeUndefined();
  });

  it('points a variant to the official name in its own language', () => {
    expect(named('Organisation internationale des migrations').official).toMatchObject({
      title: 'Organisation internationale pour les migrations',
      acronym: 'OIM',
    });
  });

  it('lists the official name before a misnomer or variant the query matches better', () => {
    expect(titles('Intergovernmental Committee on European Migration')).toEqual([
      'Intergovernmental Committee for European Migration',
      'Intergovernmental Committee on European Migration',
    ]);
    expect(titles('International Organization of Migrants')).toEqual([
      'International Organization for Migration',
      'International Organization of Migrants',
    ]);
    expect(titles('UN Migration Agency')).toEqual([
      'International Organization for Migration',
      'UN Migration Agency',
    ]);
  });

  it('ranks a misnomer below the official name when both match', () => {
    const hits = engine.search('Intergovernmental Committee Migration', 50).map((h) => h.entry as NameEntry);
    const misnomer = hits.findIndex((e) => e.title === 'Intergovernmental Committee on Migration');
    const official = hits.findIndex((e) => e.title === 'Intergovernmental Committee for Migration');
    expect(official).toBeGreaterThanOrEqual(0);
    expect(official).toBeLessThan(misnomer);
  });

  it('brings the official name up once, ahead of every form of it found', () => {
    const byId = new Map<string, Entry>(entries.map((e) => [e.id, e]));
    const hit = (title: string, score: number): SearchHit => ({ entry: named(title), score });
    const ordered = officialFirst(
      [
        hit('Intergovernmental Committee on European Migration', 9),
        hit('Intergovernmental Committee on Migration in Europe', 8),
        hit('Intergovernmental Committee for European Migration', 1),
      ],
      byId,
    ).map((h) => h.entry.title);
    expect(ordered).toEqual([
      'Intergovernmental Committee for European Migration',
      'Intergovernmental Committee on European Migration',
      'Intergovernmental Committee on Migration in Europe',
    ]);
  });
});
