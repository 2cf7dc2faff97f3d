// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { detect } from '@/lib/detect';

/** The acronyms the detector accepts in a text. */
const accepted = (text: string) =>
  detect(text)
    .filter((m) => m.kind === 'acronym')
    .map((m) => m.surface);

/**
 * Each rule added for the organization's own vocabulary, speakers and citations, and the new languages,
 * with the look-alike sentence built the same way that it must not flip. Sentences written for this test.
 */
describe("the organization's own vocabulary, speakers and citations, each beside its look-alike", () => {
  it.each([
    [
      'governance',
      'The IOM Standing Committee on Programmes and Finance met.',
      'The IOM Council of Ministers approved the ferry budget in Douglas.',
    ],
    [
      'member states and funding',
      'Member States of IOM pledged voluntary contributions to the appeal.',
      'Member of the IOM panel on nutrition during pregnancy.',
    ],
    [
      'field offices and camps',
      'IOM opened a field office near the camps for displaced families.',
      'IOM opened a field office for the TT races in Douglas.',
    ],
    [
      'according to',
      'According to IOM, arrivals rose by a third this year.',
      'According to the IOM, pregnant women should gain less weight.',
    ],
    [
      'estimates',
      'IOM estimates that 300 people went missing at sea.',
      'IOM estimates that hospital errors kill thousands of patients.',
    ],
    [
      'possessive post',
      "IOM's chief of mission met the minister.",
      'The latest ICM poll for the Guardian puts Labour ahead.',
    ],
    [
      'spokesperson',
      'The spokesperson for IOM said the transport loans would be repaid.',
      'The spokesperson for ICM said the poll had a margin of error of three points.',
    ],
    [
      'director at',
      'Director of operations at the IOM, she oversaw the evacuations.',
      'Director of nursing at the IOM, she oversaw the report on hospital safety.',
    ],
    [
      'transport by the committee',
      'ICEM transported 40,000 refugees to Australia in 1956.',
      'The ICEM congress of chemical workers met in Durban.',
    ],
    [
      'German citation',
      'Laut IOM kamen in diesem Jahr mehr Migranten an.',
      'Laut IOM sollten Schwangere weniger zunehmen.',
    ],
    [
      'Polish citation',
      'Według IOM liczba migrantów wzrosła.',
      'Według IOM operacje chirurgiczne są bezpieczne.',
    ],
    [
      'Hungarian postposition',
      'Az IOM szerint a menekültek száma nőtt.',
      'Az IOM szerint a kórházi hibák száma nőtt.',
    ],
    [
      'Italian citation',
      "Secondo l'OIM, gli arrivi sono aumentati.",
      "L'OIM (Oracle Identity Manager) gestisce gli utenti.",
    ],
    [
      'Portuguese citation',
      'Segundo a OIM, os migrantes chegaram ao porto.',
      'Segundo o IOM, a cirurgia correu bem.',
    ],
    ['Arabic citation', 'بحسب IOM فإن عدد المهاجرين ارتفع.', 'IOM hospital staff met on Monday.'],
  ])('%s', (_rule, own, lookAlike) => {
    expect(accepted(own)).toHaveLength(1);
    expect(accepted(lookAlike)).toEqual([]);
  });

  it.each([
    ['Czech', 'IOM pomáhá uprchlíkům najít ubytování.'],
    ['Slovak', 'IOM pomáha utečencom na hranici.'],
    ['Croatian', 'IOM je pomogao izbjeglicama u prihvatnom centru.'],
    ['Serbian', 'IOM obezbeđuje smeštaj za izbeglice.'],
    ['Slovene', 'IOM je beguncem zagotovil prevoz.'],
    ['Romanian', 'OIM a ajutat refugiații să ajungă în siguranță.'],
    ['Ukrainian', 'МОМ допомагає біженцям на кордоні.'],
  ])('takes the acronym beside the %s word for refugees', (_lang, text) => {
    expect(accepted(text)).toHaveLength(1);
  });

  it('does not read "begun" or a bare acronym in those languages as a refugee cue', () => {
    expect(accepted('The work has begun on the IOM campus.')).toEqual([]);
    expect(accepted('Pacient byl převezen do nemocnice IOM.')).toEqual([]);
  });

  it('takes the Russian acronym with a citation and Russian migration words', () => {
    expect(accepted('По данным МОМ, число мигрантов выросло.')).toEqual(['МОМ']);
  });

  it('still asks ICM for evidence of the organization beyond migration words', () => {
    // Bare ICM may be a French migration institute; the midwives' council stays out as well.
    expect(accepted('ICM resettled refugees from Indochina in 1982.')).toEqual([]);
    expect(accepted('The ICM council of midwives met in Prague.')).toEqual([]);
  });
});
