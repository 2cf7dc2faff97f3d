import { describe, expect, it } from 'vitest';
import names from '@/data/compiled/names.json';
import { buildSearchEngine, foldTerm } from '@/lib/search/engine';
import { nameEntries } from '@/lib/search/names';
import type { Entry, FactEntry } from '@/lib/search/types';

const fact = (over: Partial<FactEntry>): FactEntry => ({
  kind: 'fact',
  id: 'fact:x',
  title: 'Headquarters',
  subject: 'IOM',
  value: 'Geneva, Switzerland',
  status: 'resolved',
  conflict: false,
  claims: [],
  ...over,
});

const entries: Entry[] = [
  ...nameEntries(names.names),
  fact({ id: 'fact:hq' }),
  fact({ id: 'fact:members', title: 'Member states', value: '175', asOf: '2023' }),
  {
    kind: 'event',
    id: 'event:un',
    title: 'IOM joins the United Nations system',
    date: '2016-09-19',
    sources: [],
  },
  {
    kind: 'source',
    id: 'source:iom-history',
    title: 'IOM history',
    url: 'https://www.iom.int/iom-history',
    facts: [],
  },
];
const engine = buildSearchEngine(entries);
const top = (q: string) => engine.search(q)[0]?.entry;

describe('search engine', () => {
  it('folds accents and case', () => {
    expect(foldTerm('Organización')).toBe('organizacion');
    expect(foldTerm('ÉVÉNEMENT')).toBe('evenement');
  });

  it('finds a name with typos in every word', () => {
    const hit = top('Comittee Europen');
    expect(hit?.kind).toBe('name');
    expect(hit && 'era' in hit && hit.era).toBe('ICEM');
  });

  it('finds accented names from unaccented queries', () => {
    const titles = engine.search('organizacion internacional').map((h) => h.entry.title);
    expect(titles[0]).toBe('Organización Internacional para las Migraciones');
  });

  it('ranks the name with a former acronym first', () => {
    expect(top('ICEM')?.title).toBe('Intergovernmental Committee for European Migration');
    expect(top('PICMME')?.title).toBe(
      'Provisional Intergovernmental Committee for the Movement of Migrants from Europe',
    );
    const cime = engine
      .search('CIME')
      .slice(0, 2)
      .map((h) => h.entry.title);
    expect(cime).toContain('Comité intergouvernemental pour les migrations européennes');
  });

  it('does not let short acronyms match fuzzily', () => {
    expect(
      engine
        .search('ICM')
        .every((h) => h.entry.kind !== 'name' || (h.entry as { era: string }).era !== 'IOM'),
    ).toBe(true);
  });

  it('completes prefixes as you type', () => {
    expect(top('Intergovernmental Committee for Mig')?.title).toBe(
      'Intergovernmental Committee for Migration',
    );
    expect(top('headq')?.id).toBe('fact:hq');
  });

  it('finds facts by value and events and sources by their words', () => {
    expect(top('Geneva')?.id).toBe('fact:hq');
    expect(top('United Nations system')?.id).toBe('event:un');
    expect(engine.search('iom.int').some((h) => h.entry.id === 'source:iom-history')).toBe(true);
  });

  it('falls back to any word when not every word matches', () => {
    expect(top('Geneva zzzzqqq')?.id).toBe('fact:hq');
  });

  it('returns nothing for an empty query and respects the limit', () => {
    expect(engine.search('   ')).toEqual([]);
    expect(engine.search('committee', 3)).toHaveLength(3);
  });

  it('looks entries up by id', () => {
    expect(engine.get('fact:hq')?.title).toBe('Headquarters');
    expect(engine.size).toBe(entries.length);
  });
});
