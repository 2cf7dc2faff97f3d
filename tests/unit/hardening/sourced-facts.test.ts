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

/** Ids of the sources whose claims back a fact's shown value (its latest dated value, if it changes). */
function backing(fact: CompiledFact): Set<string> {
  const latest = fact.history?.at(-1);
  const claims = latest
    ? fact.claims.filter((c) => latest.claims.includes(c.id))
    : fact.claims.filter((c) => c.verdict === 'supports');
  return new Set(claims.map((c) => c.source).filter((id) => sourceIds.has(id)));
}

const LANGUAGES = ['en', 'fr', 'es', 'de', 'ar', 'zh'];

describe('card model', () => {
  const organization = dataset.facts.filter((f) => f.subject === 'org');
  for (const name of dataset.names) {
    for (const lang of LANGUAGES) {
      it(`shows only sourced facts for ${name.era} in ${lang}`, () => {
        const model = createCardModel(dataset, { surface: name.acronym, nameId: name.id, lang });
        expect(model.facts.length).toBeGreaterThan(3);
        for (const row of model.facts) {
          const spec = CARD_ROWS.find((r) => r.id === row.id);
          const facts = organization.filter(
            (f) => f.property === spec?.property || f.property === spec?.with,
          );
          const allowed = new Set(facts.flatMap((f) => [...backing(f)]));
          expect(row.sources.length, `row ${row.id}`).toBeGreaterThan(0);
          for (const source of row.sources) expect(allowed, `row ${row.id}`).toContain(source.id);
          for (const conflict of row.conflicts) {
            for (const alternative of conflict.alternatives) {
              expect(alternative.sources.length, `${row.id}: "${alternative.value}"`).toBeGreaterThan(0);
            }
            for (const claim of conflict.claims) expect(sourceIds).toContain(claim.source.id);
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
    expect(model.facts.map((r) => r.id)).not.toContain('headquarters');
    expect(
      createCardModel(dataset, { surface: 'IOM', nameId: 'iom', lang: 'en' }).facts.map((r) => r.id),
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
