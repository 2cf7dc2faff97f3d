// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { analyzeBlock, detect, explainDocument, resolveDocument } from '@/lib/detect';

const acronyms = (text: string, title?: string) =>
  detect(text, { title })
    .filter((m) => m.kind === 'acronym')
    .map((m) => m.surface);
const resolve = (blocks: string[], title?: string) => resolveDocument(blocks.map(analyzeBlock), { title });

describe('acronyms of the organization', () => {
  it('accepts IOM with migration cues around it, possessive and hyphenated forms included', () => {
    expect(acronyms('IOM’s teams registered displaced families.')).toEqual(['IOM']);
    expect(acronyms("IOM's convoy reached the refugee camp.")).toEqual(['IOM']);
    expect(acronyms('IOM-run reception centres hosted asylum seekers.')).toEqual(['IOM']);
  });

  it('rejects a bare acronym with no evidence either way', () => {
    // "IOM staff" would be evidence: the organization's own staff is a speaker pattern (speakers.ts).
    expect(acronyms('IOM met on Monday.')).toEqual([]);
  });

  it('accepts the former names with their cues', () => {
    expect(acronyms('ICEM shipped thousands of refugees from Trieste to Australia.')).toEqual(['ICEM']);
    expect(acronyms('PICMME was set up in Brussels.')).toEqual(['PICMME']);
  });

  it('takes a year of the committee era beside ICEM as evidence, and later years as none', () => {
    expect(acronyms('In 1957 ICEM took thousands of Hungarians from Austria to Canada.')).toEqual(['ICEM']);
    expect(acronyms('In 2005 ICEM met in Bangkok.')).toEqual([]);
    expect(acronyms('In 1957 IOM took thousands of Hungarians from Austria to Canada.')).toEqual([]);
  });

  it('accepts ICM and CIM only when the document shows the organization by other means', () => {
    expect(acronyms('ICM assisted refugees and migrants across Latin America.')).toEqual([]);
    expect(
      acronyms(
        'In 1980 the Intergovernmental Committee for Migration took over. ICM assisted refugees in Asia.',
      ),
    ).toEqual(['ICM']);
    expect(acronyms('Le CIM a aidé des réfugiés.')).toEqual([]);
    expect(acronyms('Le Comité intergouvernemental pour les migrations (CIM) a aidé des réfugiés.')).toEqual([
      'CIM',
    ]);
  });

  it('still rejects ICM with contrary cues when the organization is present', () => {
    expect(
      acronyms(
        'The International Organization for Migration published data. A new ICM poll shows Labour ahead.',
      ),
    ).toEqual([]);
  });

  it('accepts OIM after a feminine article in Romance-language text, and tags its language', () => {
    const cases: [string, string][] = [
      ['Selon l’OIM, les arrivées sont en hausse dans la région et les besoins restent élevés.', 'fr'],
      ['Según la OIM, los migrantes están en la frontera y muy cansados.', 'es'],
      ['Segundo a OIM, os migrantes não têm abrigo e foi pedido mais apoio.', 'pt'],
      ["Secondo l'OIM, i migranti sono arrivati nella notte e anche ieri.", 'it'],
    ];
    for (const [text, lang] of cases)
      expect(
        detect(text).map((m) => [m.surface, m.lang]),
        text,
      ).toEqual([['OIM', lang]]);
  });

  it('reads the language of short Romance sentences from a single function word', () => {
    expect(detect('A OIM Brasil lançou um projeto em Roraima.').map((m) => [m.surface, m.lang])).toEqual([
      ['OIM', 'pt'],
    ]);
    expect(detect('La OIM informó que el barco llegó.').map((m) => m.lang)).toEqual(['es']);
  });

  it('rejects OIM in English text without cues', () => {
    expect(acronyms('The OIM connector syncs accounts every night.')).toEqual([]);
  });

  it('accepts CIME in French text after a masculine article', () => {
    expect(acronyms('La France quitte le CIME et rejoint plus tard les efforts de réinstallation.')).toEqual([
      'CIME',
    ]);
  });

  it('tags IOM in German text as German', () => {
    expect(detect('Die IOM hilft Geflüchteten und Migranten in der Region.')[0]?.lang).toBe('de');
  });
});

describe('document-level rules', () => {
  it('lets a definition anywhere in the document decide the acronym everywhere', () => {
    const [first, second] = resolve([
      'The International Organization for Migration (IOM) opened an office.',
      'IOM staff arrived on Monday.',
    ]);
    expect(first?.map((m) => m.surface)).toEqual(['International Organization for Migration', 'IOM']);
    expect(second?.map((m) => [m.start, m.end, m.surface])).toEqual([[0, 3, 'IOM']]);
  });

  it('lets a foreign definition reject the acronym everywhere, cues or not', () => {
    const [, second] = resolve(['Flights to the Isle of Man (IOM) were cancelled.', 'IOM helped refugees.']);
    expect(second).toEqual([]);
  });

  it('reads a definition written after the acronym and one with spaces inside the brackets', () => {
    expect(acronyms('IOM (International Organization for Migration) staff arrived.')).toEqual(['IOM']);
    expect(acronyms('IOM (Isle of Man) ferries sail daily. IOM residents travel free.')).toEqual([]);
    expect(acronyms('The International Organization for Migration ( IOM ) opened an office.')).toEqual([
      'IOM',
    ]);
  });

  it('decides by the sentence when the document defines the acronym both ways, else by the nearest definition', () => {
    const text =
      'The Isle of Man (IOM) and the International Organization for Migration (IOM) signed a deal. ' +
      'IOM ferries left Douglas for the TT races. IOM teams then helped refugees and migrants. IOM staff came too.';
    const found = detect(text).filter((m) => m.kind === 'acronym');
    const starts = [...text.matchAll(/IOM/g)].map((m) => m.index);
    // Definitions: foreign at 0, own at 1. Sentences: Manx cues at 2, migration cues at 3, nothing at 4.
    expect(found.map((m) => m.start)).toEqual([starts[1], starts[3], starts[4]]);
  });

  it('treats a look-alike written out anywhere in the document as strong evidence against', () => {
    const sentence = 'The IOM released a report on migrants.';
    expect(acronyms(sentence)).toEqual(['IOM']);
    expect(resolve(['The Institute of Medicine is part of the National Academies.', sentence])[1]).toEqual(
      [],
    );
  });

  it('counts cues in the title for every block', () => {
    expect(acronyms('IOM staff arrived on Monday.', 'Migrants stranded at the border')).toEqual(['IOM']);
    expect(acronyms('IOM staff arrived on Monday.', 'Isle of Man TT races: road closures')).toEqual([]);
  });

  it('counts cues from other blocks, less than local ones', () => {
    const context = 'Thousands of migrants and refugees crossed the border; asylum requests rose sharply.';
    expect(resolve([context, 'IOM staff arrived on Monday.'])[1]?.map((m) => m.surface)).toEqual(['IOM']);
    expect(resolve(['Tynwald debated the budget.', 'IOM staff arrived on Monday.'])[1]).toEqual([]);
  });

  it('gives remaining acronyms a bonus once the organization is present in the document', () => {
    const alone = 'IOM met on Monday.';
    expect(
      resolve(['The International Organization for Migration opened an office.', alone])[1],
    ).toHaveLength(1);
    expect(resolve(['IOM registered displaced families and refugees at the border.', alone])[1]).toHaveLength(
      1,
    );
    expect(resolve(['The ministry opened an office.', alone])[1]).toEqual([]);
  });

  it('rejects an acronym inside a compound naming something else', () => {
    const { decisions } = explainDocument([
      analyzeBlock('ICEM CFD helped us model how refugees and migrants move.'),
    ]);
    expect(decisions.map((d) => [d.accepted, d.reason])).toEqual([[false, 'compound-look-alike']]);
  });

  it('costs nothing and returns empty lists when no block has a candidate', () => {
    expect(resolve(['Nothing here.', 'Nor here.'])).toEqual([[], []]);
    expect(resolve([])).toEqual([]);
  });
});

describe('mentions', () => {
  it('report span, surface, era, name id, language, kind and a confidence', () => {
    const [long, acronym] = detect('The International Organization for Migration (IOM) said.');
    expect(long).toEqual({
      start: 4,
      end: 44,
      surface: 'International Organization for Migration',
      name: 'IOM',
      nameId: 'iom',
      lang: 'en',
      kind: 'long',
      confidence: 0.99,
    });
    expect(acronym).toMatchObject({ start: 46, end: 49, surface: 'IOM', kind: 'acronym', nameId: 'iom' });
  });

  it('grade confidence: defined acronyms above bare ones, bare ones at least 0.5', () => {
    const defined = detect('The International Organization for Migration (IOM) said.')[1]?.confidence ?? 0;
    const bare = detect('IOM helped migrants.')[0]?.confidence ?? 0;
    const strong =
      detect('IOM helped migrants and refugees displaced by floods near Geneva.')[0]?.confidence ?? 0;
    expect(bare).toBeGreaterThanOrEqual(0.5);
    expect(strong).toBeGreaterThan(bare);
    expect(defined).toBeGreaterThan(bare);
    expect(Math.max(defined, strong)).toBeLessThanOrEqual(1);
  });

  it('reject an ambiguous acronym whose own sentence speaks of another meaning, even in a document about the organization', () => {
    const blocks = [
      'In 1980 the Intergovernmental Committee for European Migration became the Intergovernmental Committee for Migration, and ICM offices helped refugees resettle.',
      'The latest ICM opinion poll, carried out online over the weekend, puts the two largest parties level.',
      'Later ICM resettled refugees from Indochina.',
    ].map((t) => analyzeBlock(t));
    const { decisions } = explainDocument(blocks, {
      title: 'From a stop-gap committee to the UN migration agency',
    });
    expect(decisions.map((d) => [d.block, d.hit.acronym, d.accepted, d.reason])).toEqual([
      [0, 'ICM', true, 'score'],
      [1, 'ICM', false, 'other-meaning-in-sentence'],
      [2, 'ICM', true, 'score'],
    ]);
  });

  it('explain why each acronym was accepted or rejected', () => {
    const { decisions } = explainDocument([
      analyzeBlock('ICM polled voters.'),
      analyzeBlock('IOM helped migrants and refugees.'),
    ]);
    expect(decisions.map((d) => [d.hit.acronym, d.accepted, d.reason])).toEqual([
      ['ICM', false, 'needs-organization-evidence'],
      ['IOM', true, 'score'],
    ]);
  });
});
