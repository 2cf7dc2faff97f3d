import { describe, expect, it } from 'vitest';
import { CARD_ROWS, createCardModel } from '@/lib/card/model';
import type { CardCell, CardModel } from '@/lib/card/types';
import { DATASET, without } from './fixtures';

/** A row's value for all time, else its value today. */
const cellOf = (m: CardModel, id: string): CardCell | undefined => {
  const row = m.rows.find((r) => r.id === id);
  return row?.value ?? row?.today;
};

describe('card model', () => {
  it('describes a current-name mention with the name it stands for and no "today" name', () => {
    const m = createCardModel(DATASET, { surface: 'IOM', nameId: 'iom', lang: 'en' });
    expect(m.lang).toBe('en');
    expect(m.isCurrent).toBe(true);
    expect(m.name).toMatchObject({
      era: 'IOM',
      acronym: 'IOM',
      name: 'International Organization for Migration',
      fromYear: '1989',
      toYear: null,
    });
    expect(m.current.id).toBe('iom');
  });

  it('describes a former name with its years and the current name', () => {
    const m = createCardModel(DATASET, { surface: 'ICEM', nameId: 'icem', lang: 'en' });
    expect(m.isCurrent).toBe(false);
    expect(m.name).toMatchObject({
      era: 'ICEM',
      name: 'Intergovernmental Committee for European Migration',
      fromYear: '1952',
      toYear: '1980',
    });
    expect(m.current).toMatchObject({ acronym: 'IOM', name: 'International Organization for Migration' });
    expect(m.timeline.map((n) => n.era)).toEqual(['PICMME', 'ICEM', 'ICM', 'IOM']);
  });

  it('lists the key facts in order and leaves out missing and unsourced ones', () => {
    const m = createCardModel(DATASET, { surface: 'IOM', nameId: 'iom', lang: 'en' });
    expect(m.rows.map((f) => f.id)).toEqual(['founded', 'headquarters', 'un', 'members', 'head', 'budget']);
    const fewer = createCardModel(without('headquarters', 'budget'), {
      surface: 'IOM',
      nameId: 'iom',
      lang: 'en',
    });
    expect(fewer.rows.map((f) => f.id)).toEqual(['founded', 'un', 'members', 'head']);
    expect(CARD_ROWS.map((r) => r.id)).toContain('staff'); // staff is a row: left out above only for lack of a source
  });

  it('combines a fact with its companion and both of their sources', () => {
    const m = createCardModel(DATASET, { surface: 'IOM', nameId: 'iom', lang: 'en' });
    const founded = cellOf(m, 'founded');
    expect(founded?.value).toBe('Dec 5, 1951, Brussels, Belgium');
    expect(founded?.sources.map((s) => s.title)).toEqual(['IOM Constitution', 'IOM website']);
    const un = cellOf(m, 'un');
    expect(un).toMatchObject({
      value: 'related organization of the UN',
      asOf: '2016-09-19',
      asOfText: 'since Sep 19, 2016',
    });
  });

  it('dates what changes over time: as of a snapshot, since a tenure began', () => {
    const m = createCardModel(DATASET, { surface: 'IOM', nameId: 'iom', lang: 'en' });
    expect(cellOf(m, 'members')).toMatchObject({
      value: '175',
      asOf: '2024',
      asOfText: 'as of 2024',
    });
    expect(cellOf(m, 'head')).toMatchObject({
      value: 'Amy E. Pope',
      asOf: '2023-10-01',
      asOfText: 'since Oct 1, 2023',
    });
  });

  it('counts only the sources of the current value of a changing fact', () => {
    const m = createCardModel(DATASET, { surface: 'IOM', nameId: 'iom', lang: 'en' });
    expect(cellOf(m, 'members')?.sources.map((s) => s.id)).toEqual(['iom-site']);
  });

  it('carries every competing claim with its verdict and reason when sources disagreed', () => {
    const m = createCardModel(DATASET, { surface: 'IOM', nameId: 'iom', lang: 'en' });
    const un = cellOf(m, 'un');
    expect(un?.status).toBe('resolved');
    expect(un?.conflicts.map((c) => c.property)).toEqual(['un-relationship', 'un-related-since']);
    const since = un?.conflicts[1];
    expect(since?.note).toBe('Agreement signed on 19 September 2016.');
    expect(since?.claims.map(({ id: _id, ...claim }) => claim)).toEqual([
      {
        value: '19 September 2016',
        source: { id: 'un-press', title: 'UN press release' },
        verdict: 'supports',
      },
      {
        value: '1956',
        source: { id: 'blog', title: 'Anonymous blog' },
        verdict: 'rejected',
        reason: 'no source supports a UN link in 1956',
      },
    ]);
    const budget = cellOf(m, 'budget');
    expect(budget?.status).toBe('disputed');
    expect(budget?.conflicts[0]?.alternatives).toEqual([{ value: 'US$3 billion', sources: [] }]);
    expect(cellOf(m, 'headquarters')?.conflicts).toEqual([]);
  });

  it('formats money and hedged figures in the card language', () => {
    const en = createCardModel(DATASET, { surface: 'IOM', nameId: 'iom', lang: 'en' });
    expect(cellOf(en, 'budget')?.value).toBe('over US$3.4 billion');
    const fr = createCardModel(DATASET, { surface: 'OIM', nameId: 'iom', lang: 'fr' });
    expect(cellOf(fr, 'budget')?.value).toBe('plus de 3,4 Md$ US');
    const es = createCardModel(DATASET, { surface: 'OIM', nameId: 'iom', lang: 'es' });
    expect(cellOf(es, 'budget')?.value).toBe('más de US$ 3,4 mil millones');
  });

  it('speaks French or Spanish for mentions in those languages, English otherwise', () => {
    const fr = createCardModel(DATASET, { surface: 'CIME', nameId: 'icem', lang: 'fr' });
    expect(fr.lang).toBe('fr');
    expect(fr.name).toMatchObject({
      acronym: 'CIME',
      name: 'Comité intergouvernemental pour les migrations européennes',
    });
    expect(fr.current).toMatchObject({
      acronym: 'OIM',
      name: 'Organisation internationale pour les migrations',
    });
    expect(cellOf(fr, 'founded')?.value).toBe('5 déc. 1951, Bruxelles, Belgique');
    const es = createCardModel(DATASET, { surface: 'OIM', nameId: 'iom', lang: 'es-419' });
    expect(es.lang).toBe('es');
    expect(es.name.name).toBe('Organización Internacional para las Migraciones');
    const de = createCardModel(DATASET, { surface: 'IOM', nameId: 'iom', lang: 'de' });
    expect(de.lang).toBe('en');
    expect(de.name.name).toBe('International Organization for Migration');
  });

  it('says what the heading does not: the full name under an acronym, the acronym under a full name', () => {
    const of = (surface: string, nameId = 'icem', lang = 'en') =>
      createCardModel(DATASET, { surface, nameId, lang }).stoodFor;
    expect(of('ICEM')).toBe('Intergovernmental Committee for European Migration');
    expect(of('Intergovernmental Committee for European Migration')).toBe('ICEM');
    expect(of('CIME', 'icem', 'fr')).toBe('Comité intergouvernemental pour les migrations européennes');
    expect(of('comite intergouvernemental pour les migrations europeennes', 'icem', 'fr')).toBe('CIME');
    expect(of('Intergovernmental Committee on European Migration')).toBe(
      'Intergovernmental Committee for European Migration (ICEM)',
    );
    expect(of('UN Migration', 'iom')).toBe('International Organization for Migration (IOM)');
  });

  it('searches for the name in the card language and tidies the surface', () => {
    const m = createCardModel(DATASET, {
      surface: ' Intergovernmental\n Committee  for European Migration ',
      nameId: 'icem',
      lang: 'en',
    });
    expect(m.surface).toBe('Intergovernmental Committee for European Migration');
    expect(m.query).toBe('Intergovernmental Committee for European Migration');
  });

  it('names the mention and the known ids when a name id is not in the dataset', () => {
    expect(() => createCardModel(DATASET, { surface: 'XYZ', nameId: 'xyz', lang: 'en' })).toThrow(
      /"XYZ" has name id "xyz".*picmme, icem, icm, iom/,
    );
  });
});
