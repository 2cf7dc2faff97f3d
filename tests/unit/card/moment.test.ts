import { describe, expect, it } from 'vitest';
import datasetJson from '@/data/compiled/dataset.json';
import { type CardDataset, createCardModel, type ReaderContext } from '@/lib/card/model';
import { SNAPSHOT_MAX_AGE_YEARS } from '@/lib/card/rows';
import type { CardModel } from '@/lib/card/types';
import { claim, DATASET, FACTS, fact } from './fixtures';

const real = datasetJson as unknown as CardDataset;

const dated = (date: string): ReaderContext => ({ pageDate: { date, origin: 'json-ld' } });
const card = (surface: string, nameId: string, context: ReaderContext = {}, lang = 'en', data = real) =>
  createCardModel(data, { surface, nameId, lang }, context);
const row = (m: CardModel, id: string) => m.rows.find((r) => r.id === id);
const chartOf = (m: CardModel, id: string) => m.charts.find((c) => c.id === id);

describe('the card at the reader’s moment', () => {
  it('answers a page dated 1975 with the head of that time, and today’s head as today', () => {
    const m = card('ICEM', 'icem', dated('1975-06-12'));
    expect(m.asOf).toMatchObject({ origin: 'page', date: '1975-06-12', via: 'json-ld' });
    expect(m.asOf.text).toBe('as of the page’s date, Jun 12, 1975');
    expect(row(m, 'head')?.then).toMatchObject({
      value: 'John F. Thomas (United States), Director',
      asOf: '1969',
    });
    expect(row(m, 'head')?.today?.value).toBe('Amy E. Pope (United States), Director General');
    expect(row(m, 'head')?.today?.asOfText).toBe('since Oct 1, 2023');
    expect(row(m, 'name')?.then?.value).toBe('Intergovernmental Committee for European Migration (ICEM)');
    expect(row(m, 'name')?.today?.value).toBe('International Organization for Migration (IOM)');
  });

  it('takes the latest figure on or before the date, with its own as-of date', () => {
    const m = card('IOM', 'iom', dated('2010-03-04'));
    expect(row(m, 'members')?.then).toMatchObject({
      value: '125',
      asOf: '2008-06',
      asOfText: 'as of June 2008',
    });
    expect(row(m, 'head')?.then?.value).toBe('William Lacy Swing (United States), Director General');
    expect(row(m, 'name')).toBeUndefined(); // IOM then and today: the heading says so once
    expect(row(card('IOM', 'iom', dated('1975')), 'name')?.then?.value).toBe(
      'Intergovernmental Committee for European Migration (ICEM)',
    );
  });

  it('dates a figure by its latest confirmation on or before the date (175 in 2023, still 175 in 2024)', () => {
    expect(row(card('IOM', 'iom'), 'members')?.today).toMatchObject({ value: '175', asOf: '2024' });
    expect(row(card('IOM', 'iom', dated('2023-06')), 'members')?.then).toMatchObject({
      value: '175',
      asOf: '2023',
    });
    expect(row(card('IOM', 'iom', dated('2024-06')), 'members')?.then?.asOfText).toBe('as of 2024');
  });

  it('names a head with the title of the time, in the card’s language, and leaves out a title without one', () => {
    expect(row(card('ICEM', 'icem', dated('1965'), 'fr'), 'head')?.then?.value).toBe(
      'Bastiaan W. Haveman (Pays-Bas), Directeur',
    );
    expect(row(card('OIM', 'iom', {}, 'es'), 'head')?.today?.value).toBe(
      'Amy E. Pope (Estados Unidos), Directora General',
    );
    const untranslated = {
      ...real,
      facts: real.facts.map((f) =>
        f.property === 'director-general' ? { ...f, titleDisplays: undefined, history: undefined } : f,
      ),
    };
    expect(row(card('OIM', 'iom', {}, 'fr', untranslated), 'head')?.today?.value).toBe(
      'Amy E. Pope (États-Unis)',
    );
  });

  it(`says "not known for 1975" rather than fall back on today, also for a figure over ${SNAPSHOT_MAX_AGE_YEARS} years old`, () => {
    const m = card('ICEM', 'icem', dated('1975'));
    expect(row(m, 'budget')?.then).toMatchObject({ value: 'not known for 1975', unknown: true, sources: [] });
    // The last count before 1975 is from 1953: it says nothing about 1975.
    expect(row(m, 'members')?.then?.value).toBe('not known for 1975');
    expect(row(m, 'budget')?.today?.unknown).toBeUndefined();
  });

  it('gives an undated page with a former name that name’s era: first and last head, first and last count', () => {
    const m = card('ICM', 'icm');
    expect(m.asOf).toMatchObject({ origin: 'era', date: '1980', until: '1989-11-14' });
    expect(m.asOf.text).toBe('as of the ICM years, 1980–1989');
    expect(row(m, 'head')?.then).toMatchObject({
      value: 'James L. Carlin (United States) → James N. Purcell Jr. (United States), Director General',
      asOfText: '1980–1989',
    });
    const icem = card('ICEM', 'icem');
    expect(row(icem, 'members')?.then?.value).toBe('20 (October 1952) → 22 (April 1953)');
    expect(row(icem, 'budget')?.then?.value).toMatch(
      /^US\$[\d.]+ million \(1954\) → US\$[\d.]+ million \(1958, projected\)$/,
    );
  });

  it('shows only today’s values, under no "then", for the current name on an undated page', () => {
    const m = card('IOM', 'iom');
    expect(m.asOf).toMatchObject({ origin: 'today', date: null });
    expect(m.rows.some((r) => r.then)).toBe(false);
    expect(row(m, 'name')).toBeUndefined();
    for (const r of m.rows.filter((r) => r.today)) expect(r.today?.asOfText, r.id).toBeTruthy();
  });

  it('never shows a current value unlabelled under a former name: every current value is "today"', () => {
    for (const context of [{}, dated('1960'), dated('2001-05')]) {
      const m = card('PICMME', 'picmme', context);
      for (const r of m.rows) {
        if (r.value) expect(['founded', 'headquarters'], r.id).toContain(r.id);
        if (r.today) expect(r.today.asOfText, r.id).toBeTruthy();
      }
    }
  });

  it('ignores the page’s date when the option is off (the era still answers for a former name)', () => {
    const m = card('ICEM', 'icem', { ...dated('1975'), usePageDate: false });
    expect(m.asOf.origin).toBe('era');
    expect(card('IOM', 'iom', { ...dated('1975'), usePageDate: false }).asOf.origin).toBe('today');
  });

  it('writes "about" for an inferred start, "projected" and "single source, unverified" as marks', () => {
    const head = fact(
      'director-general',
      { type: 'person', person: 'Harold H. Tittmann Jr.' },
      'Harold H. Tittmann Jr.',
      [claim('iom-site', 'supports', 'Tittmann')],
      { asOf: { date: '1955', precision: 'year' }, time: 'tenure', approximate: true },
    );
    const budget = fact(
      'budget',
      { type: 'number', number: 2.89e9, unit: 'USD' },
      'US$2.89 billion',
      [claim('iom-site', 'supports', 'US$2.89 billion')],
      {
        asOf: { date: '2025', precision: 'year' },
        time: 'snapshot',
        projected: true,
        reliability: 'single-source',
      },
    );
    const data = {
      ...DATASET,
      facts: [...FACTS.filter((f) => !['director-general', 'budget'].includes(f.property)), head, budget],
    };
    const m = card('IOM', 'iom', {}, 'en', data);
    expect(row(m, 'head')?.today).toMatchObject({ asOfText: 'since about 1955', marks: ['approximate'] });
    expect(row(m, 'budget')?.today?.marks).toEqual(['projected', 'single-source']);
  });

  it('counts supporting sources only and lists rejected ones with why', () => {
    const m = card('IOM', 'iom', {}, 'en', DATASET);
    const un = row(m, 'un')?.today;
    expect(un?.sources.map((s) => s.id)).toEqual(['un-press']);
    expect(un?.rejected).toEqual([
      {
        source: { id: 'encyclopedia', title: 'Encyclopedia mirror' },
        value: 'UN contact organization',
        reason: 'a literal translation; the UN term is "related organization"',
      },
      {
        source: { id: 'blog', title: 'Anonymous blog' },
        value: '1956',
        reason: 'no source supports a UN link in 1956',
      },
    ]);
  });

  it('charts member states with the page’s date or the era marked, and says the same numbers in words', () => {
    const m = card('ICEM', 'icem', dated('1975'));
    const members = chartOf(m, 'members');
    expect(members?.title).toBe('Member states over time');
    expect(members?.mark).toEqual({ from: '1975' });
    expect(members?.points[0]).toEqual({ date: '1951-12', value: 15 });
    expect(members?.text).toMatch(
      /^Member states: 15 \(December 1951\), 20 \(October 1952\), .* Marked: 1975\.$/,
    );
    for (const p of members?.points ?? [])
      expect(members?.text).toContain(`${p.value.toLocaleString('en-US')} (`);
    expect(chartOf(card('ICM', 'icm'), 'members')?.mark).toEqual({ from: '1980', to: '1989-11-14' });
    expect(chartOf(card('IOM', 'iom'), 'members')?.mark).toBeNull();
  });

  it('charts the budget where its series allows: not before it began; "projected" said in words', () => {
    const first = real.facts.find((f) => f.property === 'budget')?.history?.[0]?.asOf.date ?? '';
    expect(first > '1952-11', 'the budget series begins after Nov 1952').toBe(true);
    expect(card('ICEM', 'icem', dated('1952-11')).charts.map((c) => c.id)).toEqual(['members']);
    const m = card('IOM', 'iom', dated('2010-03-04'));
    expect(m.charts.map((c) => c.id)).toEqual(['members', 'budget']);
    const budget = chartOf(m, 'budget');
    expect(budget?.points.at(-1)).toEqual({ date: '2025', value: 2.89e9 });
    expect(budget?.text).toMatch(
      /^Budget: .*nearly US\$800 million \(June 2008\), US\$1\.5 billion \(2010\), .* US\$2\.89 billion \(2025, projected\)\. Marked: Mar 4, 2010\.$/,
    );
    const fr = chartOf(card('OIM', 'iom', {}, 'fr'), 'budget');
    expect(fr?.title).toBe('Budget au fil du temps');
    expect(fr?.text).toMatch(/2,89 Md\$ US \(2025, prévision\)\.$/);
  });
});
