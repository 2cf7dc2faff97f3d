import { describe, expect, it } from 'vitest';
import names from '@/data/compiled/names.json';
import { formatIsoDate } from '@/lib/i18n/dates';
import { eraLabels } from '@/lib/i18n/eras';
import { ERAS } from '@/lib/settings';

describe('formatIsoDate', () => {
  it('formats a date at the precision it has, in the UI language', () => {
    expect(formatIsoDate('1951-12-05', 'en')).toBe('Dec 5, 1951');
    expect(formatIsoDate('1951-12-05', 'fr')).toBe('5 déc. 1951');
    expect(formatIsoDate('1952-10', 'es')).toBe('octubre de 1952');
    expect(formatIsoDate('1989', 'fr')).toBe('1989');
  });

  it('leaves text that is not an ISO date alone', () => {
    expect(formatIsoDate('after 2016', 'en')).toBe('after 2016');
  });

  it('never moves a date to a neighbouring day, whatever the time zone', () => {
    expect(formatIsoDate('2016-09-19', 'en')).toBe('Sep 19, 2016');
  });
});

describe('eraLabels', () => {
  it('names every era in the UI language with its years, falling back to English', () => {
    const fr = eraLabels(names.names, ERAS, 'fr');
    expect(fr.map((e) => e.era)).toEqual(['PICMME', 'ICEM', 'ICM', 'IOM']);
    expect(fr[1]).toEqual({
      era: 'ICEM',
      acronym: 'CIME',
      name: 'Comité intergouvernemental pour les migrations européennes',
      from: '1952',
      to: '1980',
    });
    expect(fr[0]?.acronym).toBe('PICMME'); // no French acronym: the English one
    expect(fr[3]?.to).toBeNull();
  });
});
