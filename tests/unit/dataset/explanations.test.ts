// @vitest-environment node
/** French and Spanish for why claims were rejected and how conflicts were settled. */
import { describe, expect, it } from 'vitest';
import type { TranslationTable } from '@/lib/dataset/displays';
import { explanationDisplays, quotableValues, writeValueIn } from '@/lib/dataset/explanations';
import type { Value } from '@/lib/dataset/values';
import { realDataset } from './real';

const TABLE: TranslationTable = new Map([
  ['Geneva', { en: 'Geneva', fr: 'Genève', es: 'Ginebra' }],
  ['Switzerland', { en: 'Switzerland', fr: 'Suisse', es: 'Suiza' }],
  [
    'A hand-written note.',
    { en: 'A hand-written note.', fr: 'Une note écrite à la main.', es: 'Una nota escrita a mano.' },
  ],
]);
const NBSP = /[\u00a0\u202f]/g;
const n = (number: number, qualifier?: 'over' | 'about' | 'nearly'): Value => ({
  type: 'number',
  number,
  ...(qualifier ? { qualifier } : {}),
});

describe('values inside explanations', () => {
  it('writes figures and dates with the language’s own conventions', () => {
    expect(writeValueIn(n(5400, 'about'), 'fr', TABLE)?.replace(NBSP, ' ')).toBe('environ 5 400');
    expect(writeValueIn(n(150, 'over'), 'es', TABLE)).toBe('más de 150');
    expect(writeValueIn({ type: 'date', date: '1951-12-06', precision: 'day' }, 'es', TABLE)).toBe(
      '6 de diciembre de 1951',
    );
    expect(writeValueIn({ type: 'date', date: '1952-10', precision: 'month' }, 'fr', TABLE)).toBe(
      'octobre 1952',
    );
    expect(writeValueIn({ type: 'place', place: 'Geneva', country: 'Switzerland' }, 'fr', TABLE)).toBe(
      'Genève, Suisse',
    );
  });

  it('gives up on text it has no translation for instead of leaving English in', () => {
    expect(writeValueIn({ type: 'text', text: 'somewhere else' }, 'fr', TABLE)).toBeUndefined();
  });
});

describe('explanations in French and Spanish', () => {
  const values = quotableValues([n(174), n(150, 'over'), n(170), { type: 'text', text: 'somewhere else' }]);

  it('translates the rules’ sentences with the values they quote written again', () => {
    expect(explanationDisplays('outranked: a tier-1 source gives "174"', values, TABLE)).toEqual({
      fr: 'écarté : une source de niveau 1 donne « 174 »',
      es: 'descartado: una fuente de nivel 1 da «174»',
    });
    expect(
      explanationDisplays(
        'adds nothing to the series: "over 150" is already met by "170" as of 2017-10',
        values,
        TABLE,
      )?.es,
    ).toBe('no añade nada a la serie: «más de 150» ya se cumple con «170» a fecha de octubre de 2017');
  });

  it('takes hand-written notes whole from the translations', () => {
    expect(explanationDisplays('A hand-written note.', values, TABLE)?.fr).toBe('Une note écrite à la main.');
  });

  it('gives nothing for an unknown sentence or a quoted value it cannot write', () => {
    expect(explanationDisplays('some new rule said so', values, TABLE)).toBeUndefined();
    expect(
      explanationDisplays('outranked: a tier-2 source gives "somewhere else"', values, TABLE),
    ).toBeUndefined();
  });
});

describe('the real dataset', () => {
  it('says in French and Spanish why every claim the card may list was rejected and how each conflict was settled', () => {
    const cardFacts = [
      'founded',
      'headquarters',
      'un-relationship',
      'un-related-since',
      'member-states',
      'director-general',
      'budget',
      'staff',
    ];
    for (const property of cardFacts) {
      const fact = realDataset().facts.find((f) => f.id === `org/${property}`);
      expect(fact, property).toBeDefined();
      for (const item of [fact, ...(fact?.history ?? [])])
        if (item?.note)
          expect(item.noteDisplays?.fr && item.noteDisplays.es, `${property}: ${item.note}`).toBeTruthy();
      for (const claim of fact?.claims ?? []) {
        if (claim.reason) expect(claim.reasonDisplays?.es, `${claim.id}: ${claim.reason}`).toBeTruthy();
        expect(claim.value, claim.id).toBeDefined();
      }
    }
  });
});
