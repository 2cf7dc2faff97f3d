// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { compareDates, dateContains, formatDate, isIsoDate, parseDate } from '@/lib/dataset/dates';
import { displayValue, implies, normalizeText, toValue } from '@/lib/dataset/values';

describe('dates', () => {
  it('accepts year, month and day precision and real calendar dates only', () => {
    expect(['1951', '1952-10', '1989-11-14', '2024-02-29'].every(isIsoDate)).toBe(true);
    expect(['51', '1952-13', '2023-02-29', '1989-11-31', '5 Dec 1951', '1952-1'].some(isIsoDate)).toBe(false);
  });

  it('derives the precision from the form of the date', () => {
    expect(parseDate('1952-10')).toEqual({ date: '1952-10', precision: 'month' });
    expect(() => parseDate('1952-00')).toThrow(/malformed date/);
  });

  it('knows a period contains the dates inside it and sorts it first', () => {
    expect(dateContains('2016', '2016-09-19')).toBe(true);
    expect(dateContains('2016-09', '2016-10')).toBe(false);
    expect(['2016-09-19', '2016', '2014'].sort(compareDates)).toEqual(['2014', '2016', '2016-09-19']);
  });

  it('writes dates for people at their precision', () => {
    expect(formatDate('1952')).toBe('1952');
    expect(formatDate('1952-10')).toBe('October 1952');
    expect(formatDate({ date: '1989-11-14', precision: 'day' })).toBe('14 November 1989');
  });
});

describe('values', () => {
  it('compares phrases without case, accents or punctuation', () => {
    expect(normalizeText('Organización  Internacional, para')).toBe('organizacion internacional para');
  });

  it('writes values for people', () => {
    expect(displayValue(toValue({ number: 1_675_000_000, unit: 'USD' }))).toBe('US$1.675 billion');
    expect(displayValue(toValue({ number: 19000, qualifier: 'nearly' }))).toBe('nearly 19,000');
    expect(displayValue(toValue({ number: 1_000_000, qualifier: 'nearly' }))).toBe('nearly 1 million');
    expect(displayValue(toValue({ number: 8e8, unit: 'USD', measure: 'expenditure' }))).toBe(
      'US$800 million (expenditure)',
    );
    expect(displayValue(toValue({ person: 'Amy E. Pope', country: 'United States' }))).toBe(
      'Amy E. Pope (United States)',
    );
    expect(displayValue(toValue({ place: 'Geneva', country: 'Switzerland' }))).toBe('Geneva, Switzerland');
    expect(displayValue(toValue({ name: 'Intergovernmental Committee for Migration', acronym: 'ICM' }))).toBe(
      'Intergovernmental Committee for Migration (ICM)',
    );
    expect(displayValue(toValue({ list: ['English', 'French'] }))).toBe('English; French');
  });

  it('treats a coarser or partial claim as implied by a more precise value', () => {
    const v = (raw: Record<string, unknown>) => toValue(raw);
    expect(implies(v({ date: '1952-10' }), v({ date: '1952' }))).toBe(true);
    expect(implies(v({ date: '1952' }), v({ date: '1952-10' }))).toBe(false);
    expect(implies(v({ number: 171 }), v({ number: 100, qualifier: 'over' }))).toBe(true);
    expect(implies(v({ number: 8400, qualifier: 'over' }), v({ number: 8400, qualifier: 'about' }))).toBe(
      true,
    );
    // "nearly a billion" is below it, "over a billion" above: the same figure, opposite claims.
    expect(implies(v({ number: 1e9, qualifier: 'over' }), v({ number: 1e9, qualifier: 'nearly' }))).toBe(
      false,
    );
    expect(implies(v({ number: 1e9, qualifier: 'nearly' }), v({ number: 1e9, qualifier: 'over' }))).toBe(
      false,
    );
    expect(implies(v({ number: 1e9, measure: 'expenditure' }), v({ number: 1e9, measure: 'budget' }))).toBe(
      false,
    );
    expect(
      implies(v({ person: 'António Vitorino', country: 'Portugal' }), v({ person: 'Antonio Vitorino' })),
    ).toBe(true);
    expect(implies(v({ person: 'Amy E. Pope' }), v({ person: 'Amy Pope' }))).toBe(true);
    expect(implies(v({ list: ['Belgium', 'United States'] }), v({ list: ['Belgium'] }))).toBe(true);
    expect(implies(v({ place: 'Venice', country: 'Italy' }), v({ place: 'Venice' }))).toBe(true);
    expect(
      implies(
        v({ name: 'Intergovernmental Committee for Migration' }),
        v({ name: 'Intergovernmental Committee on Migration' }),
      ),
    ).toBe(false);
    expect(implies(v({ text: 'related organization of the UN' }), v({ text: 'contact organization' }))).toBe(
      false,
    );
  });
});
