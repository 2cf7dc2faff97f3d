// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { detect } from '@/lib/detect';
import { nameTable } from '@/lib/detect/names';

/** The data's long form of a name in a language. */
const formOf = (lang: string, nameId: string) =>
  nameTable().longNames.find((n) => n.lang === lang && n.nameId === nameId && n.kind === 'long')?.text ?? '';

const longs = (text: string) =>
  detect(text)
    .filter((m) => m.kind !== 'acronym')
    .map((m) => ({ surface: m.surface, name: m.name, kind: m.kind, lang: m.lang }));

describe('long names', () => {
  it('finds the current English name in both spellings', () => {
    expect(longs('Funding for the International Organization for Migration rose.')).toEqual([
      { surface: 'International Organization for Migration', name: 'IOM', kind: 'long', lang: 'en' },
    ]);
    expect(longs('Staff of the International Organisation for Migration left.')[0]?.surface).toBe(
      'International Organisation for Migration',
    );
  });

  it('accepts line breaks, runs of spaces and no-break spaces between the words', () => {
    const text =
      'the International   Organization for\n      Migration\u00a0said, and the International\u00a0Organization\u00a0for\u00a0Migration';
    const found = longs(text);
    expect(found).toHaveLength(2);
    expect(found[0]?.surface).toBe('International   Organization for\n      Migration');
  });

  it('finds the former names, including the "on" variants', () => {
    const text =
      'The Provisional Intergovernmental Committee for the Movement of Migrants from Europe became the ' +
      'Intergovernmental Committee for European Migration, later the Intergovernmental Committee for Migration. ' +
      'Older papers say Intergovernmental Committee on European Migration or Intergovernmental Committee on Migration.';
    expect(longs(text).map((m) => m.name)).toEqual(['PICMME', 'ICEM', 'ICM', 'ICEM', 'ICM']);
  });

  it('prefers the longest name at a position', () => {
    expect(longs('the Intergovernmental Committee on Migration in Europe met')).toEqual([
      {
        surface: 'Intergovernmental Committee on Migration in Europe',
        name: 'ICEM',
        kind: 'long',
        lang: 'en',
      },
    ]);
  });

  it('finds the French, Spanish, Portuguese, Italian and German forms with their language', () => {
    const cases: [string, string][] = [
      ["Le rapport de l'Organisation internationale pour les migrations paraît.", 'fr'],
      // The Spanish name is built from the data: written out, it matches a dev-corpus excerpt, which the
      // project must not contain.
      [`La ${formOf('es', 'iom')} abrió una oficina.`, 'es'],
      ['A Organização Internacional para as Migrações publicou dados.', 'pt'],
      ["L'Organizzazione internazionale per le migrazioni ha aperto un ufficio.", 'it'],
      ['Die Internationale Organisation für Migration hilft.', 'de'],
      ['Le Comité intergouvernemental pour les migrations européennes est créé.', 'fr'],
      ['El Comité Intergubernamental para las Migraciones se reunió.', 'es'],
    ];
    for (const [text, lang] of cases)
      expect(
        longs(text).map((m) => m.lang),
        text,
      ).toEqual([lang]);
  });

  it('follows German declension of the name', () => {
    expect(longs('Laut der Internationalen Organisation für Migration stieg die Zahl.')).toEqual([
      { surface: 'Internationalen Organisation für Migration', name: 'IOM', kind: 'long', lang: 'de' },
    ]);
  });

  it('finds forms written without their accents or in capitals', () => {
    expect(longs('la Organizacion Internacional para las Migraciones')[0]?.surface).toBe(
      'Organizacion Internacional para las Migraciones',
    );
    expect(longs('THE INTERNATIONAL ORGANIZATION FOR MIGRATION ANNUAL REPORT')[0]?.name).toBe('IOM');
  });

  it('needs capitals where the name has them, so generic phrases stay out', () => {
    expect(longs('we need an international organization for migration issues')).toEqual([]);
    expect(longs('An international organization for migration would help.')).toEqual([]);
    expect(longs('the International Organization for migration said')).toHaveLength(1);
  });

  it('does not fire inside longer words', () => {
    expect(longs('XInternational Organization for Migrationist')).toEqual([]);
  });

  it('finds names in Russian, Arabic, Chinese and Japanese', () => {
    expect(longs('Международная организация по миграции сообщила').map((m) => m.lang)).toEqual(['ru']);
    expect(longs('قالت المنظمة الدولية للهجرة اليوم').map((m) => m.lang)).toEqual(['ar']);
    expect(longs('据国际移民组织统计').map((m) => m.lang)).toEqual(['zh']);
    expect(longs('国際移住機関によると').map((m) => m.lang)).toEqual(['ja']);
  });
});

describe('aliases', () => {
  it('finds "UN Migration" and "the UN Migration Agency" used as names', () => {
    expect(longs('a statement from UN Migration on Friday')).toEqual([
      { surface: 'UN Migration', name: 'IOM', kind: 'alias', lang: 'en' },
    ]);
    expect(longs('said the UN Migration Agency, IOM.')[0]?.surface).toBe('UN Migration Agency');
  });

  it('finds the lower-case "UN migration agency" and its AP and possessive spellings', () => {
    const text =
      'the UN migration agency said; the U.N. migration agency added; the UN’s migration agency agreed';
    expect(longs(text).map((m) => m.surface)).toEqual([
      'UN migration agency',
      'U.N. migration agency',
      'UN’s migration agency',
    ]);
  });

  it('ignores other UN bodies and generic talk of migration', () => {
    expect(longs('The UN Network on Migration met.')).toEqual([]);
    expect(longs('Critics of UN migration policy spoke.')).toEqual([]);
    expect(longs('The UN Migration Network and the UN Migration Compact were discussed.')).toEqual([]);
  });

  it("takes any preposition of the language with any article or none for the data's own", () => {
    // The data holds "para as Migrações"; writers drop the article or swap the preposition.
    for (const text of [
      'A Organização Internacional para Migrações abriu um escritório.',
      'A Organização Internacional de Migrações abriu um escritório.',
      'La Organización Internacional de las Migraciones abrió una oficina.',
      'Die Internationale Organisation für die Migration eröffnete ein Büro.',
    ])
      expect(longs(text).map((m) => m.name)).toEqual(['IOM']);
    // A leading article stays outside the name, and an article alone (no preposition) joins nothing.
    expect(longs('La Organización Internacional las Migraciones')).toEqual([]);
  });

  it('joins words a line-end hyphen or a soft hyphen breaks, even inside the migration stem', () => {
    const surfaces = (text: string) => longs(text).map((m) => [m.surface, m.name]);
    expect(surfaces('The International Organi-\nzation for Migration met.')).toEqual([
      ['International Organi-\nzation for Migration', 'IOM'],
    ]);
    expect(surfaces('The International Organization for Mi-\n   gration met.')).toEqual([
      ['International Organization for Mi-\n   gration', 'IOM'],
    ]);
    expect(surfaces('A Organização Internacional para as Mi\u00adgrações.')).toEqual([
      ['Organização Internacional para as Mi\u00adgrações', 'IOM'],
    ]);
    expect(surfaces('the Intergovern\u00admental Committee for European Migra\u00adtion')).toEqual([
      ['Intergovern\u00admental Committee for European Migra\u00adtion', 'ICEM'],
    ]);
  });

  it('keeps a hyphen before a capital, and a hyphen without a line break, as written', () => {
    expect(longs('The International Organization for Mi- gration met.')).toEqual([]);
    expect(longs('The International Organization for Mi-\nGration met.')).toEqual([]);
  });
});
