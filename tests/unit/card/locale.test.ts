import { describe, expect, it } from 'vitest';
import datasetJson from '@/data/compiled/dataset.json';
import { type CardDataset, createCardModel, type ReaderContext } from '@/lib/card/model';
import type { CompiledDataset } from '@/lib/dataset/types';
import {
  cardProse,
  cardTexts,
  englishIn,
  englishOnlyWords,
  markedEnglish,
  type TranslatedLang,
} from '../../support/english-words';

const real = datasetJson as unknown as CompiledDataset;

/** Moments the cards are checked at: undated (era or today) and dates across the history. */
const DATES = [null, '1952-03', '1955', '1975-06-12', '1985', '1993', '2010-03', '2017', '2022', '2024-06'];
const LANGS: TranslatedLang[] = ['fr', 'es'];

function englishInCard(data: CompiledDataset, nameId: string, lang: TranslatedLang, date: string | null) {
  const context: ReaderContext = date ? { pageDate: { date, origin: 'given' } } : {};
  const name = data.names.find((n) => n.id === nameId);
  const model = (l: string) =>
    createCardModel(data as CardDataset, { surface: name?.acronym ?? nameId, nameId, lang: l }, context);
  const english = model('en');
  const englishOnly = englishOnlyWords(data, lang, [...cardTexts(english), ...cardProse(english)]);
  const card = model(lang);
  return [
    ...englishIn([...cardTexts(card), ...cardProse(card)], englishOnly),
    ...markedEnglish(card).map((text) => `"${text}" left in English`),
  ];
}

describe('cards in French and Spanish', () => {
  for (const lang of LANGS) {
    it(`write no English value in ${lang}, for every name at every moment`, () => {
      const found = real.names.flatMap((name) =>
        DATES.flatMap((date) =>
          englishInCard(real, name.id, lang, date).map((w) => `${name.era} ${date ?? 'undated'}: ${w}`),
        ),
      );
      expect(found).toEqual([]);
    });
  }

  it('catch a text value or a reason the dataset has no French for (the check can fail)', () => {
    const untranslated: CompiledDataset = {
      ...real,
      facts: real.facts.map((f) =>
        f.property === 'un-relationship'
          ? { ...f, displays: undefined, history: f.history?.map((h) => ({ ...h, displays: undefined })) }
          : f,
      ),
    };
    expect(englishInCard(untranslated, 'iom', 'fr', null).join(' ')).toMatch(
      /"related" in "related organization/,
    );
    expect(englishInCard(untranslated, 'icem', 'es', '1975').join(' ')).toMatch(
      /"outside" in "outside the United/,
    );
    const noReasons: CompiledDataset = {
      ...real,
      facts: real.facts.map((f) =>
        f.property === 'member-states'
          ? { ...f, claims: f.claims.map((c) => ({ ...c, reasonDisplays: undefined })) }
          : f,
      ),
    };
    expect(englishInCard(noReasons, 'iom', 'fr', '2022').join(' ')).toMatch(
      /"outranked: .*" left in English/,
    );
  });
});
