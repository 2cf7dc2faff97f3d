/** Small in-memory datasets for the build's tests: a valid one, and helpers to break it one way at a time. */
import { compileDataset } from '@/lib/dataset/compile';
import { DatasetBuildError, type DatasetIssue } from '@/lib/dataset/errors';
import type { DataFile, DatasetInputs } from '@/lib/dataset/validate';

/** File name of the fixture seed document. */
export const SEED_FILE = '000_0123456789abcdef.txt';

/** The fixture seed document. */
export const SEEDS: ReadonlyMap<string, string> = new Map([
  [SEED_FILE, 'The Agency was founded on 5 December 1951\nin Brussels. It had 12 members in 1960.'],
]);

type Rec = Record<string, unknown>;

/** Raw records of a valid fixture dataset; tests copy and change them. */
export interface FixtureRecords {
  sources: Rec[];
  subjects: Rec[];
  properties: Rec[];
  names: Rec[];
  decisions: Rec[];
  claims: Rec[];
  moreClaims: Rec[];
  /** data/translations.json records, when a test needs them. */
  translations?: Rec[];
}

/** A valid fixture: one organization, one name, dated and undated properties, a seed and two other sources. */
export function fixtureRecords(): FixtureRecords {
  return {
    sources: [
      {
        id: 'seed',
        seed: SEED_FILE,
        title: 'Seed',
        kind: 'blog',
        tier: 4,
        tierReason: 'Test seed.',
        era: 'undated',
      },
      {
        id: 'official',
        title: 'Official',
        kind: 'official-site',
        tier: 1,
        tierReason: 'Own site.',
        date: '2024',
      },
      { id: 'wiki', title: 'Wiki', kind: 'encyclopedia', tier: 3, tierReason: 'Mirror.', date: '2021' },
    ],
    subjects: [{ id: 'org', kind: 'organization', label: 'The Agency' }],
    properties: [
      { id: 'name-en', label: 'Name in English', type: 'name' },
      { id: 'renamed', label: 'Renamed', type: 'date', event: 'Renamed {subject}' },
      { id: 'founded', label: 'Founded', type: 'date', event: 'Founded' },
      { id: 'member-states', label: 'Member states', type: 'number', time: 'snapshot' },
    ],
    names: [{ id: 'ag', era: 'AG', fromFact: 'ag/renamed', variants: [], aliases: [] }],
    decisions: [],
    claims: [
      {
        id: 'ag.name',
        subject: 'ag',
        property: 'name-en',
        value: { name: 'The Agency', acronym: 'AG' },
        source: 'official',
      },
      {
        id: 'ag.renamed',
        subject: 'ag',
        property: 'renamed',
        value: { date: '1951-12-05' },
        source: 'official',
      },
      {
        id: 'founded.seed',
        subject: 'org',
        property: 'founded',
        value: { date: '1951-12-05' },
        source: 'seed',
        evidence: 'founded on 5 December 1951 in Brussels',
      },
      {
        id: 'founded.official',
        subject: 'org',
        property: 'founded',
        value: { date: '1951' },
        source: 'official',
      },
      {
        id: 'members.1960',
        subject: 'org',
        property: 'member-states',
        asOf: '1960',
        value: { number: 12 },
        source: 'seed',
        evidence: 'It had 12 members in 1960.',
      },
    ],
    moreClaims: [
      {
        id: 'members.2021',
        subject: 'org',
        property: 'member-states',
        asOf: '2021',
        value: { number: 50 },
        source: 'wiki',
      },
    ],
  };
}

/** Wraps fixture records into the files compileDataset reads. */
export function toInputs(r: FixtureRecords): DatasetInputs {
  const file = (path: string, key: string, records: Rec[]): DataFile => ({
    file: path,
    data: { [key]: records },
  });
  return {
    sources: file('data/sources.json', 'sources', r.sources),
    subjects: file('data/subjects.json', 'subjects', r.subjects),
    properties: file('data/properties.json', 'properties', r.properties),
    names: file('data/names.json', 'names', r.names),
    decisions: file('data/decisions.json', 'decisions', r.decisions),
    claims: [
      file('data/claims/a.json', 'claims', r.claims),
      file('data/claims/b.json', 'claims', r.moreClaims),
    ],
    ...(r.translations
      ? { translations: file('data/translations.json', 'translations', r.translations) }
      : {}),
  };
}

/** The valid fixture with one change applied to its records. */
export function fixtureWith(change: (r: FixtureRecords) => void): DatasetInputs {
  const records = fixtureRecords();
  change(records);
  return toInputs(records);
}

/** The issues compileDataset throws for these inputs (fails the test if it does not throw). */
export function issuesOf(inputs: DatasetInputs): readonly DatasetIssue[] {
  try {
    compileDataset(inputs, SEEDS);
  } catch (error) {
    if (error instanceof DatasetBuildError) return error.issues;
    throw error;
  }
  throw new Error('expected the build to fail');
}
