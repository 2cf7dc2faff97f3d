/**
 * A small in-memory dataset in the compiled shape, for the card's model and component tests: the real
 * names timeline and a handful of facts covering every case the card handles (agreed, resolved,
 * disputed, snapshot and tenure values, money, a fact without sources).
 */
import compiledNames from '@/data/compiled/names.json';
import type { CardDataset } from '@/lib/card/model';
import type { CompiledClaim, CompiledFact, CompiledName } from '@/lib/dataset/types';
import type { Value } from '@/lib/dataset/values';

export const NAMES = (compiledNames as { names: Omit<CompiledName, 'sources'>[] }).names.map((n) => ({
  ...n,
  sources: [],
})) as CompiledName[];

export const SOURCES: CardDataset['sources'] = [
  { id: 'constitution', title: 'IOM Constitution', kind: 'treaty-text', tier: 1, tierReason: 'Treaty text.' },
  { id: 'iom-site', title: 'IOM website', kind: 'official-site', tier: 1, tierReason: 'Official.' },
  { id: 'un-press', title: 'UN press release', kind: 'un-document', tier: 1, tierReason: 'Official.' },
  { id: 'blog', title: 'Anonymous blog', kind: 'blog', tier: 4, tierReason: 'No sources.' },
  {
    id: 'encyclopedia',
    title: 'Encyclopedia mirror',
    kind: 'encyclopedia',
    tier: 3,
    tierReason: 'Tertiary.',
  },
];

let claimNumber = 0;
/** A claim by `source` with a verdict. */
export function claim(
  source: string,
  verdict: CompiledClaim['verdict'],
  display: string,
  reason?: string,
): CompiledClaim {
  claimNumber += 1;
  return { id: `c${claimNumber}`, source, verdict, display, ...(reason ? { reason } : {}) };
}

/** A fact about the organization. */
export function fact(
  property: string,
  value: Value,
  display: string,
  claims: CompiledClaim[],
  extra: Partial<CompiledFact> = {},
): CompiledFact {
  return {
    id: `org/${property}`,
    subject: 'org',
    property,
    label: property,
    value,
    display,
    status: 'agreed',
    claims,
    ...extra,
  };
}

export const FACTS: CompiledFact[] = [
  fact('founded', { type: 'date', date: '1951-12-05', precision: 'day' }, '5 December 1951', [
    claim('constitution', 'supports', '5 December 1951'),
    claim('iom-site', 'supports', '5 December 1951'),
  ]),
  fact(
    'founding-place',
    { type: 'place', place: 'Brussels', country: 'Belgium' },
    'Brussels, Belgium',
    [claim('iom-site', 'supports', 'Brussels')],
    { displays: { fr: 'Bruxelles, Belgique', es: 'Bruselas, Bélgica' } },
  ),
  fact('headquarters', { type: 'place', place: 'Geneva', country: 'Switzerland' }, 'Geneva, Switzerland', [
    claim('iom-site', 'supports', 'Geneva'),
    claim('encyclopedia', 'supports', 'Geneva'),
  ]),
  fact(
    'un-relationship',
    { type: 'text', text: 'related organization of the UN' },
    'related organization of the UN',
    [
      claim('un-press', 'supports', 'related organization'),
      claim(
        'encyclopedia',
        'rejected',
        'UN contact organization',
        'a literal translation; the UN term is "related organization"',
      ),
    ],
    { status: 'resolved', note: 'The UN and IOM call it a related organization.' },
  ),
  fact(
    'un-related-since',
    { type: 'date', date: '2016-09-19', precision: 'day' },
    '19 September 2016',
    [
      claim('un-press', 'supports', '19 September 2016'),
      claim('blog', 'rejected', '1956', 'no source supports a UN link in 1956'),
    ],
    { status: 'resolved', note: 'Agreement signed on 19 September 2016.' },
  ),
  fact(
    'member-states',
    { type: 'number', number: 175 },
    '175',
    [claim('encyclopedia', 'superseded', '146'), claim('iom-site', 'supports', '175')],
    {
      asOf: { date: '2024', precision: 'year' },
      time: 'snapshot',
      history: [
        {
          value: { type: 'number', number: 146 },
          display: '146',
          asOf: { date: '2011-12', precision: 'month' },
          status: 'agreed',
          claims: ['c-old'],
        },
        {
          value: { type: 'number', number: 175 },
          display: '175',
          asOf: { date: '2024', precision: 'year' },
          status: 'agreed',
          claims: [],
        },
      ],
    },
  ),
  fact(
    'director-general',
    { type: 'person', person: 'Amy E. Pope' },
    'Amy E. Pope',
    [claim('iom-site', 'supports', 'Amy E. Pope')],
    { asOf: { date: '2023-10-01', precision: 'day' }, time: 'tenure' },
  ),
  fact(
    'budget',
    { type: 'number', number: 3_400_000_000, unit: 'USD', qualifier: 'over' },
    'over US$3.4 billion',
    [
      claim('iom-site', 'supports', 'over US$3.4 billion'),
      claim('encyclopedia', 'supports', 'US$3.0 billion'),
    ],
    {
      asOf: { date: '2023', precision: 'year' },
      time: 'snapshot',
      status: 'disputed',
      note: 'Sources measure different things.',
      alternatives: [
        { value: { type: 'number', number: 3e9, unit: 'USD' }, display: 'US$3 billion', claims: [] },
      ],
    },
  ),
  // Staff has a value but no source left standing: the card must leave it out.
  fact('staff', { type: 'number', number: 22_000 }, '22,000', [
    claim('blog', 'rejected', '22,000', 'no source'),
  ]),
];

// The member-states history's latest entry lists the supporting claim ids.
{
  const members = FACTS.find((f) => f.property === 'member-states');
  const supporting = members?.claims.find((c) => c.verdict === 'supports');
  const latest = members?.history?.at(-1);
  if (latest && supporting) latest.claims = [supporting.id];
}

/** The dataset the card tests use. */
export const DATASET: CardDataset = {
  names: NAMES,
  sources: SOURCES,
  facts: FACTS,
  subjects: [{ id: 'org', kind: 'organization', label: 'IOM' }],
};

/** The dataset with some facts taken out. */
export function without(...properties: string[]): CardDataset {
  return { ...DATASET, facts: FACTS.filter((f) => !properties.includes(f.property)) };
}
