import { describe, expect, it } from 'vitest';
import datasetJson from '@/data/compiled/dataset.json';
import { CARD_ROWS, createCardModel } from '@/lib/card/model';
import type { CompiledDataset, CompiledFact } from '@/lib/dataset/types';
import { entriesFromDataset } from '@/lib/search/dataset';
import { buildSearchEngine } from '@/lib/search/engine';

// The promise behind every card and every search result: no fact is shown without at least one source
// that supports it. Checked over the real compiled dataset, for every name in every card language, and
// for every entry and result of the popup's search.

const dataset = datasetJson as unknown as CompiledDataset;
const sourceIds = new Set(dataset.sources.map((s) => s.id));

/** Ids of the sources whose claims back any dated value of a fact (rejected claims never do). */
function backing(fact: CompiledFact): Set<string> {
  const cited = new Set([...(fact.history ?? []).flatMap((e) => e.claims)]);
  const claims = fact.claims.filter(
    (c) => c.verdict !== 'rejected' && (c.verdict === 'supports' || cited.has(c.id)),
  );
  return new Set(claims.map((c) => c.source).filter((id) => sourceIds.has(id)));
}

const LANGUAGES = ['en', 'fr', 'es', 'de', 'ar', 'zh'];
/** Page dates the card is checked at: none (the era or today), and a few moments of the history. */
const DATES = [null, '1953', '1975-06-12', '1985', '2010-03-04', '2020'];

describe('card model', () => {
  const organization = dataset.facts.filter((f) => f.subject === 'org');
  for (const name of dataset.names) {
    for (const lang of LANGUAGES) {
      it(`shows only sourced facts for ${name.era} in ${lang}, at every moment`, () => {
        for (const date of DATES) {
          const model = createCardModel(
            dataset,
            { surface: name.acronym, nameId: name.id, lang },
            date ? { pageDate: { date, origin: 'given' } } : {},
          );
          expect(model.rows.length).toBeGreaterThan(3);
          for (const row of model.rows) {
            const spec = CARD_ROWS.find((r) => r.id === row.id);
            const facts = organization.filter(
              (f) => f.property === spec?.property || f.property === spec?.with,
            );
            const allowed =
              row.id === 'name'
                ? new Set(dataset.names.flatMap((n) => n.sources))
                : new Set(facts.flatMap((f) => [...backing(f)]));
            for (const cell of [row.value, row.then, row.today]) {
              if (!cell) continue;
              const where = `${date ?? 'undated'} row ${row.id}: ${cell.value}`;
              if (cell.unknown) {
                expect(cell.sources, where).toEqual([]);
                continue;
              }
              expect(cell.sources.length, where).toBeGreaterThan(0);
              for (const source of cell.sources) expect(allowed, where).toContain(source.id);
              for (const conflict of cell.conflicts) {
                for (const alternative of conflict.alternatives) {
                  expect(alternative.sources.length, `${where}: "${alternative.value}"`).toBeGreaterThan(0);
                }
                for (const claim of conflict.claims) expect(sourceIds).toContain(claim.source.id);
              }
            }
          }
        }
      });
    }
  }

  it('leaves out a key fact whose sources were all set aside, instead of showing it bare', () => {
    const broken = structuredClone(dataset);
    const headquarters = broken.facts.find((f) => f.id === 'org/headquarters');
    if (!headquarters) throw new Error('no org/headquarters fact');
    headquarters.claims = headquarters.claims.map((c) => ({ ...c, source: 'unlisted-source' }));
    const model = createCardModel(broken, { surface: 'IOM', nameId: 'iom', lang: 'en' });
    expect(model.rows.map((r) => r.id)).not.toContain('headquarters');
    expect(
      createCardModel(dataset, { surface: 'IOM', nameId: 'iom', lang: 'en' }).rows.map((r) => r.id),
    ).toContain('headquarters');
  });
});

describe('popup search', () => {
  const entries = entriesFromDataset(dataset);
  const engine = buildSearchEngine(entries);
  const facts = new Map(dataset.facts.map((f) => [`fact:${f.id}`, f]));

  it('gives every fact entry a supporting claim of a listed source, and every dated value one too', () => {
    const factEntries = entries.filter((e) => e.kind === 'fact');
    expect(factEntries).toHaveLength(dataset.facts.length);
    for (const entry of factEntries) {
      const supporting = entry.claims.filter((c) => c.verdict === 'supports' && sourceIds.has(c.source.id));
      expect(supporting.length, entry.id).toBeGreaterThan(0);
      const fact = facts.get(entry.id);
      for (const dated of fact?.history ?? []) {
        const cited =
          fact?.claims.filter((c) => dated.claims.includes(c.id) && sourceIds.has(c.source)) ?? [];
        expect(cited.length, `${entry.id} as of ${dated.asOf.date}`).toBeGreaterThan(0);
      }
    }
  });

  it('gives every timeline event and every name a source', () => {
    for (const entry of entries.filter((e) => e.kind === 'event')) {
      expect(entry.sources.length, entry.title).toBeGreaterThan(0);
    }
    for (const name of dataset.names)
      expect(
        name.sources.filter((id) => sourceIds.has(id)),
        name.id,
      ).not.toEqual([]);
  });

  it('returns results with sources for what people search', () => {
    const queries = [
      'IOM',
      'budget',
      'Geneva',
      'ICEM',
      'director general',
      'member states',
      'founded',
      'staff',
      'organizacion',
      'Comite intergouvernemental',
    ];
    let checked = 0;
    for (const query of queries) {
      const hits = engine.search(query, 20);
      expect(hits.length, query).toBeGreaterThan(0);
      for (const { entry } of hits) {
        if (entry.kind === 'fact') {
          expect(
            entry.claims.some((c) => c.verdict === 'supports' && sourceIds.has(c.source.id)),
            entry.id,
          ).toBe(true);
          checked++;
        } else if (entry.kind === 'event') {
          expect(entry.sources.length, entry.id).toBeGreaterThan(0);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(20);
  });
});
