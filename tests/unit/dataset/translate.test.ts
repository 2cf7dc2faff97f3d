// @vitest-environment node
/** What a card fact must carry in French and Spanish, and what the rest of the dataset is spared. */
import { describe, expect, it } from 'vitest';
import type { TranslationTable } from '@/lib/dataset/displays';
import { translateFact } from '@/lib/dataset/translate';
import type { CompiledFact } from '@/lib/dataset/types';

const TABLE: TranslationTable = new Map([
  ['Geneva', { en: 'Geneva', fr: 'Genève', es: 'Ginebra' }],
  ['Switzerland', { en: 'Switzerland', fr: 'Suisse', es: 'Suiza' }],
]);

const FACT: CompiledFact = {
  id: 'org/headquarters',
  subject: 'org',
  property: 'headquarters',
  label: 'Headquarters',
  value: { type: 'place', place: 'Geneva', country: 'Switzerland' },
  display: 'Geneva, Switzerland',
  status: 'resolved',
  note: 'An editor settled it.',
  claims: [
    {
      id: 'hq.a',
      source: 'a',
      verdict: 'supports',
      display: 'Geneva, Switzerland',
      value: { type: 'place', place: 'Geneva', country: 'Switzerland' },
    },
    {
      id: 'hq.b',
      source: 'b',
      verdict: 'rejected',
      reason: 'outranked: a tier-1 source gives "Geneva, Switzerland"',
      display: 'Paris, France',
      value: { type: 'place', place: 'Paris', country: 'France' },
    },
  ],
};

describe('translating a fact the card shows', () => {
  it('writes values, rule sentences and claim values in French and Spanish where it can', () => {
    const { fact } = translateFact(FACT, TABLE, true, 'data/translations.json');
    expect(fact.displays).toEqual({ fr: 'Genève, Suisse', es: 'Ginebra, Suiza' });
    expect(fact.claims[1]?.reasonDisplays?.fr).toBe(
      'écarté : une source de niveau 1 donne « Genève, Suisse »',
    );
    expect(fact.claims[0]?.displays?.es).toBe('Ginebra, Suiza');
    expect(fact.claims[1]?.value).toEqual({ type: 'place', place: 'Paris', country: 'France' });
  });

  it('names every phrase, note and claim value left in English, as build problems', () => {
    const { issues } = translateFact(FACT, TABLE, true, 'data/translations.json');
    const messages = issues.map((i) => i.message).join('\n');
    expect(messages).toMatch(/no French and Spanish for "Paris"/);
    expect(messages).toMatch(/no French and Spanish for "France"/);
    expect(messages).toMatch(/no French and Spanish for the note "An editor settled it\."/);
    expect(issues.every((i) => i.id === 'org/headquarters' && i.field === 'displays')).toBe(true);
  });

  it('asks nothing of facts the card does not show, and drops their claims’ typed values', () => {
    const { fact, issues } = translateFact(FACT, TABLE, false, 'data/translations.json');
    expect(issues).toEqual([]);
    expect(fact.claims.every((c) => c.value === undefined)).toBe(true);
  });
});
