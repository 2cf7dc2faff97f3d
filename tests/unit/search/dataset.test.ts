import { describe, expect, it } from 'vitest';
import dataset from '@/data/compiled/dataset.json';
import type { CompiledDataset } from '@/lib/dataset/types';
import { entriesFromDataset } from '@/lib/search/dataset';
import { buildSearchEngine } from '@/lib/search/engine';
import type { Entry, FactEntry, SourceEntry } from '@/lib/search/types';

const data = dataset as unknown as CompiledDataset;
const entries = entriesFromDataset(data);
const engine = buildSearchEngine(entries);
const ofKind = <K extends Entry['kind']>(kind: K) =>
  entries.filter((e) => e.kind === kind) as Extract<Entry, { kind: K }>[];
const top = (q: string) => engine.search(q)[0]?.entry;

describe('search entries from the compiled dataset', () => {
  it('covers every name form, fact, timeline event and source', () => {
    const forms = data.names.reduce(
      (n, name) => n + name.forms.length + name.variants.length + name.aliases.length,
      0,
    );
    expect(ofKind('name')).toHaveLength(forms);
    expect(ofKind('fact')).toHaveLength(data.facts.length);
    expect(ofKind('event')).toHaveLength(data.timeline.length);
    expect(ofKind('source')).toHaveLength(data.sources.length);
    expect(new Set(entries.map((e) => e.id)).size).toBe(entries.length);
  });

  it('gives every fact its sources by title, with their verdicts, supporting ones first', () => {
    for (const fact of ofKind('fact')) {
      expect(fact.claims.length, fact.id).toBeGreaterThan(0);
      for (const claim of fact.claims)
        expect(claim.source.title, `${fact.id} ${claim.source.id}`).not.toBe(claim.source.id);
      const order = fact.claims.map((c) => ['supports', 'superseded', 'rejected'].indexOf(c.verdict));
      expect(order, fact.id).toEqual([...order].sort((a, b) => a - b));
    }
  });

  it('marks resolved facts as conflicts with their note', () => {
    const resolved = ofKind('fact').filter((f) => f.status === 'resolved');
    expect(resolved.length).toBeGreaterThan(0);
    for (const fact of resolved) {
      expect(fact.conflict).toBe(true);
      expect(fact.note).toBeTruthy();
    }
  });

  it('keeps as-of dates and earlier values of facts that change over time', () => {
    const members = ofKind('fact').find((f) => f.id === 'fact:org/member-states') as FactEntry;
    expect(members.asOf).toMatch(/^\d{4}/);
    expect(members.history?.length).toBeGreaterThan(3);
    expect(members.history?.some((h) => h.value === members.value && h.asOf === members.asOf)).toBe(false);
  });

  it('links events to their fact and sources to the facts they are cited for', () => {
    for (const event of ofKind('event')) {
      if (event.factId) expect(engine.get(event.factId)?.kind, event.id).toBe('fact');
    }
    const cited = ofKind('source').filter((s: SourceEntry) => s.facts.length > 0);
    expect(cited.length).toBeGreaterThan(data.sources.length / 2);
    for (const s of cited) for (const f of s.facts) expect(engine.get(f.id)?.kind).toBe('fact');
  });
});

describe('search over the whole dataset', () => {
  it('finds names through typos, missing accents and former acronyms', () => {
    expect(top('Comittee Europen')?.title).toBe('Intergovernmental Committee for European Migration');
    expect(top('organizacion internacional')?.title).toBe('Organización Internacional para las Migraciones');
    expect(top('ICEM')?.title).toBe('Intergovernmental Committee for European Migration');
    expect(top('PICMME')?.kind).toBe('name');
    expect(top('comite intergouvernemental migrations europeennes')?.title).toBe(
      'Comité intergouvernemental pour les migrations européennes',
    );
  });

  it('finds facts, events and sources by their words', () => {
    expect(top('headquarters')?.id).toBe('fact:org/headquarters');
    expect(top('member states')?.id).toBe('fact:org/member-states');
    expect(top('director general')?.id).toBe('fact:org/director-general');
    expect(engine.search('Brussels conference').some((h) => h.entry.kind === 'event')).toBe(true);
    expect(engine.search('Wikipedia').some((h) => h.entry.kind === 'source')).toBe(true);
    expect(top('UN')?.id).toBe('fact:org/un-relationship'); // "un" is no stop word: it is the United Nations
  });

  it('puts the organization names before facts for a bare acronym', () => {
    const kinds = engine.search('IOM', 5).map((h) => h.entry.kind);
    expect(kinds[0]).toBe('name');
  });
});
