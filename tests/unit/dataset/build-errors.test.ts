// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { compileDataset } from '@/lib/dataset/compile';
import { DatasetBuildError, type DatasetIssue } from '@/lib/dataset/errors';
import type { DatasetInputs } from '@/lib/dataset/validate';
import { fixtureRecords, fixtureWith, issuesOf, SEEDS, toInputs } from './fixtures';

/** The one issue for these inputs, and that the thrown message names its file, record and field. */
function onlyIssue(inputs: DatasetInputs): DatasetIssue {
  const issues = issuesOf(inputs);
  expect(issues).toHaveLength(1);
  const [issue] = issues;
  if (!issue) throw new Error('no issue');
  expect(new DatasetBuildError(issues).message).toContain(
    `${issue.file}: record "${issue.id}", field "${issue.field}"`,
  );
  return issue;
}

describe('compileDataset on valid data', () => {
  it('compiles the fixture without issues', () => {
    const { dataset, notices } = compileDataset(toInputs(fixtureRecords()), SEEDS);
    expect(notices).toEqual([]);
    expect(dataset.facts.map((f) => f.id)).toEqual([
      'org/founded',
      'org/member-states',
      'ag/name-en',
      'ag/renamed',
    ]);
  });

  it('still builds without the seed documents, with a notice that evidence was not verified', () => {
    const inputs = fixtureWith((r) => {
      const claim = r.claims.find((c) => c.id === 'founded.seed');
      if (claim) claim.evidence = 'a phrase no seed contains';
    });
    const { notices } = compileDataset(inputs, null);
    expect(notices.join('\n')).toMatch(/NOT verified/);
  });
});

describe('compileDataset on bad data', () => {
  it('names the file, claim and field of an unknown source', () => {
    const issue = onlyIssue(
      fixtureWith((r) => {
        r.moreClaims.push({
          id: 'x',
          subject: 'org',
          property: 'founded',
          value: { date: '1951' },
          source: 'nope',
        });
      }),
    );
    expect(issue).toMatchObject({ file: 'data/claims/b.json', id: 'x', field: 'source' });
    expect(issue.message).toMatch(/unknown source "nope"/);
  });

  it('names the claim whose evidence phrase is not in its seed document', () => {
    const issue = onlyIssue(
      fixtureWith((r) => {
        const claim = r.claims.find((c) => c.id === 'founded.seed');
        if (claim) claim.evidence = 'founded on 6 December 1951';
      }),
    );
    expect(issue).toMatchObject({ file: 'data/claims/a.json', id: 'founded.seed', field: 'evidence' });
    expect(issue.message).toMatch(/not found in seed document 000_0123456789abcdef\.txt/);
  });

  it('finds evidence cut across a line break of the seed', () => {
    const { dataset } = compileDataset(toInputs(fixtureRecords()), SEEDS);
    const founded = dataset.facts.find((f) => f.id === 'org/founded');
    expect(founded?.claims.find((c) => c.id === 'founded.seed')?.verdict).toBe('supports');
  });

  it('rejects evidence phrases longer than twelve words', () => {
    const issue = onlyIssue(
      fixtureWith((r) => {
        const claim = r.claims.find((c) => c.id === 'founded.seed');
        if (claim) claim.evidence = 'The Agency was founded on 5 December 1951 in Brussels. It had 12';
      }),
    );
    expect(issue).toMatchObject({ id: 'founded.seed', field: 'evidence' });
    expect(issue.message).toMatch(/at most 12 words/);
  });

  it('names the field of a malformed date in a value', () => {
    const issue = onlyIssue(
      fixtureWith((r) => {
        const claim = r.claims.find((c) => c.id === 'founded.official');
        if (claim) claim.value = { date: '1951-02-30' };
      }),
    );
    expect(issue).toMatchObject({ file: 'data/claims/a.json', id: 'founded.official', field: 'value.date' });
    expect(issue.message).toMatch(/malformed date/);
  });

  it('names the field of a malformed as-of date', () => {
    const issue = onlyIssue(
      fixtureWith((r) => {
        const claim = r.moreClaims[0];
        if (claim) claim.asOf = '5 Dec 2021';
      }),
    );
    expect(issue).toMatchObject({ file: 'data/claims/b.json', id: 'members.2021', field: 'asOf' });
    expect(issue.message).toMatch(/malformed date/);
  });

  it('names the file of a claim id already used in another file', () => {
    const issue = onlyIssue(
      fixtureWith((r) => {
        r.moreClaims.push({
          id: 'founded.official',
          subject: 'org',
          property: 'founded',
          value: { date: '1951' },
          source: 'wiki',
        });
      }),
    );
    expect(issue).toMatchObject({ file: 'data/claims/b.json', id: 'founded.official', field: 'id' });
    expect(issue.message).toMatch(/duplicate claim id \(first defined in data\/claims\/a\.json\)/);
  });

  it('reports duplicate source ids', () => {
    const issue = onlyIssue(
      fixtureWith((r) => {
        r.sources.push({
          id: 'wiki',
          title: 'Again',
          kind: 'news',
          tier: 2,
          tierReason: 'Copy.',
          date: '2020',
        });
      }),
    );
    expect(issue).toMatchObject({ file: 'data/sources.json', id: 'wiki', field: 'id' });
  });

  it('reports a fact whose every claim is rejected', () => {
    const issue = onlyIssue(
      fixtureWith((r) => {
        r.properties.push({ id: 'staff', label: 'Staff', type: 'number', time: 'snapshot' });
        r.moreClaims.push({
          id: 'staff.undated',
          subject: 'org',
          property: 'staff',
          value: { number: 9 },
          source: 'wiki',
        });
      }),
    );
    expect(issue).toMatchObject({ file: 'data/claims/b.json', id: 'org/staff', field: 'claims' });
    expect(issue.message).toMatch(/no supporting claim/);
  });

  it('reports an editorial decision that matches no conflict', () => {
    const decision = {
      id: 'd-founded',
      subject: 'org',
      property: 'founded',
      choose: { date: '1951-12-05' },
      note: 'Settles nothing: the claims agree.',
      reason: 'n/a',
      sources: ['official'],
    };
    const issue = onlyIssue(
      fixtureWith((r) => {
        r.decisions.push(decision);
      }),
    );
    expect(issue).toMatchObject({ file: 'data/decisions.json', id: 'd-founded', field: 'choose' });
    expect(issue.message).toMatch(/matches no conflict/);
  });

  it('reports a decision whose chosen value is none of the competing values', () => {
    const issues = issuesOf(
      fixtureWith((r) => {
        r.moreClaims.push({
          id: 'founded.wiki',
          subject: 'org',
          property: 'founded',
          value: { date: '1952' },
          source: 'wiki',
        });
        r.decisions.push({
          id: 'd-founded',
          subject: 'org',
          property: 'founded',
          choose: { date: '1960' },
          note: 'Picks a value nobody gives.',
          reason: 'n/a',
          sources: ['official'],
        });
      }),
    );
    expect(issues.map((i) => `${i.id}:${i.field}`)).toEqual(['d-founded:choose']);
  });

  it('reports a value whose type does not match its property', () => {
    const issue = onlyIssue(
      fixtureWith((r) => {
        const claim = r.moreClaims[0];
        if (claim) claim.value = { text: 'fifty' };
      }),
    );
    expect(issue).toMatchObject({ id: 'members.2021', field: 'value' });
    expect(issue.message).toMatch(/property "member-states" holds number values/);
  });

  it('reports unknown subjects and properties', () => {
    const issues = issuesOf(
      fixtureWith((r) => {
        r.moreClaims.push({
          id: 'y',
          subject: 'nobody',
          property: 'nothing',
          value: { text: 'x' },
          source: 'wiki',
        });
      }),
    );
    expect(issues.map((i) => i.field).sort()).toEqual(['property', 'subject']);
  });

  it('requires evidence for seed claims and refuses it for other sources', () => {
    const issues = issuesOf(
      fixtureWith((r) => {
        const seedClaim = r.claims.find((c) => c.id === 'founded.seed');
        if (seedClaim) delete seedClaim.evidence;
        const other = r.claims.find((c) => c.id === 'founded.official');
        if (other) other.evidence = 'founded';
      }),
    );
    expect(issues.map((i) => `${i.id}:${i.field}`).sort()).toEqual([
      'founded.official:evidence',
      'founded.seed:evidence',
    ]);
  });

  it('refuses an as-of date on a property that does not change over time', () => {
    const issue = onlyIssue(
      fixtureWith((r) => {
        const claim = r.claims.find((c) => c.id === 'founded.official');
        if (claim) claim.asOf = '2000';
      }),
    );
    expect(issue).toMatchObject({ id: 'founded.official', field: 'asOf' });
  });

  it('reports a source no record cites', () => {
    const issue = onlyIssue(
      fixtureWith((r) => {
        r.sources.push({
          id: 'orphan',
          title: 'Orphan',
          kind: 'news',
          tier: 2,
          tierReason: 'Unused.',
          date: '2020',
        });
      }),
    );
    expect(issue).toMatchObject({ file: 'data/sources.json', id: 'orphan', field: 'id' });
  });

  it('reports a file without its records array', () => {
    const inputs = toInputs(fixtureRecords());
    inputs.decisions = { file: 'data/decisions.json', data: { decision: [] } };
    const issue = onlyIssue(inputs);
    expect(issue).toMatchObject({ file: 'data/decisions.json', field: 'decisions' });
  });

  it('lists every problem at once, not just the first', () => {
    const issues = issuesOf(
      fixtureWith((r) => {
        r.moreClaims.push({
          id: 'x',
          subject: 'org',
          property: 'founded',
          value: { date: '1951' },
          source: 'nope',
        });
        r.moreClaims.push({
          id: 'z',
          subject: 'org',
          property: 'founded',
          value: { date: '19511' },
          source: 'wiki',
        });
      }),
    );
    expect(issues.map((i) => `${i.id}:${i.field}`).sort()).toEqual(['x:source', 'z:value.date']);
  });
});
