// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  agreementOfAllRule,
  boundAddsNothing,
  clusterClaims,
  decisionRule,
  disputeRule,
  groupByAsOf,
  independentAgreementRule,
  isApproximate,
  isSingleSource,
  mergeTenure,
  type RuleClaim,
  type RuleDecision,
  type SettledGroup,
  settleGroup,
  tierRule,
  undatedRule,
  unionRule,
} from '@/lib/dataset/rules';
import { toValue } from '@/lib/dataset/values';

/** A claim for the rules: id, raw value, tier, and optionally family and as-of date. */
function claim(
  id: string,
  raw: Record<string, unknown>,
  tier = 1,
  extra: Partial<RuleClaim> = {},
): RuleClaim {
  return { id, value: toValue(raw), tier, family: id, ...extra };
}

const ids = (claims: readonly { id: string }[]) => claims.map((c) => c.id).sort();

describe('clusterClaims', () => {
  it('puts a coarse date in the cluster of the precise date it contains', () => {
    const { clusters, neutral } = clusterClaims([
      claim('a', { date: '1952' }),
      claim('b', { date: '1952-10' }),
    ]);
    expect(clusters).toHaveLength(1);
    expect(clusters[0]?.value).toMatchObject({ date: '1952-10' });
    expect(neutral).toEqual([]);
  });

  it('leaves a claim implied by two competing values neutral', () => {
    const { clusters, neutral } = clusterClaims([
      claim('a', { date: '1951-12-05' }),
      claim('b', { date: '1951-12-06' }),
      claim('c', { date: '1951' }),
    ]);
    expect(clusters).toHaveLength(2);
    expect(ids(neutral)).toEqual(['c']);
  });
});

describe('agreementOfAllRule', () => {
  it('agrees when every claim gives the same value', () => {
    const { clusters } = clusterClaims([claim('a', { text: 'Geneva' }), claim('b', { text: 'geneva' })]);
    expect(agreementOfAllRule(clusters)?.status).toBe('agreed');
  });

  it('does not apply to competing values', () => {
    const { clusters } = clusterClaims([claim('a', { text: 'Geneva' }), claim('b', { text: 'Bern' })]);
    expect(agreementOfAllRule(clusters)).toBeNull();
  });
});

describe('decisionRule', () => {
  const decision: RuleDecision = {
    id: 'd',
    choose: toValue({ date: '1989-11-14' }),
    note: 'In force on 14 November 1989.',
    reason: 'adoption, not entry into force',
    claimReasons: { special: 'a reason for this claim only' },
  };
  const claims = [
    claim('ok', { date: '1989-11-14' }),
    claim('old', { date: '1987-05' }),
    claim('special', { date: '1987' }),
  ];

  it('settles the conflict for the chosen value and rejects the others with its reasons', () => {
    const { clusters } = clusterClaims(claims);
    const outcome = decisionRule(clusters, decision);
    expect(outcome).toMatchObject({
      status: 'resolved',
      rule: 'decision',
      decision: 'd',
      note: decision.note,
    });
    expect(ids(outcome?.supports ?? [])).toEqual(['ok']);
    expect(outcome?.rejected.map((r) => [r.claim.id, r.reason]).sort()).toEqual([
      ['old', 'adoption, not entry into force'],
      ['special', 'a reason for this claim only'],
    ]);
  });

  it('does not apply when its chosen value is none of the competing values', () => {
    const { clusters } = clusterClaims(claims);
    expect(decisionRule(clusters, { ...decision, choose: toValue({ date: '2000' }) })).toBeNull();
  });

  it('outranks the tier rule when both could settle a conflict', () => {
    const outcome = settleGroup(
      [claim('low', { date: '1951-12-05' }, 4), claim('high', { date: '1951-12-06' }, 1)],
      {
        ...decision,
        choose: toValue({ date: '1951-12-05' }),
      },
    );
    expect(outcome.rule).toBe('decision');
    expect(ids(outcome.supports)).toEqual(['low']);
  });
});

describe('tierRule', () => {
  it('lets a higher-tier source outrank lower tiers', () => {
    const { clusters } = clusterClaims([claim('iom', { number: 174 }, 1), claim('wiki', { number: 173 }, 3)]);
    const outcome = tierRule(clusters);
    expect(outcome?.status).toBe('resolved');
    expect(outcome?.value).toMatchObject({ number: 174 });
    expect(outcome?.rejected[0]?.reason).toBe('outranked: a tier-1 source gives "174"');
    expect(outcome?.note).toMatch(/tier-1 source/);
  });

  it('does not apply when the competing values have sources of the same best tier', () => {
    const { clusters } = clusterClaims([claim('a', { number: 1 }, 2), claim('b', { number: 2 }, 2)]);
    expect(tierRule(clusters)).toBeNull();
  });
});

describe('independentAgreementRule', () => {
  it('lets the value more independent sources give win among equal tiers', () => {
    const { clusters } = clusterClaims([
      claim('a', { number: 8 }, 2),
      claim('b', { number: 8 }, 2),
      claim('c', { number: 9 }, 2),
    ]);
    const outcome = independentAgreementRule(clusters);
    expect(outcome?.value).toMatchObject({ number: 8 });
    expect(ids(outcome?.rejected.map((r) => r.claim) ?? [])).toEqual(['c']);
  });

  it('counts sources of one family once', () => {
    const { clusters } = clusterClaims([
      claim('mirror1', { number: 8 }, 3, { family: 'wikipedia' }),
      claim('mirror2', { number: 8 }, 3, { family: 'wikipedia' }),
      claim('other', { number: 9 }, 3, { family: 'other' }),
    ]);
    expect(independentAgreementRule(clusters)).toBeNull();
  });
});

describe('disputeRule', () => {
  it('keeps every competing value, rejects nothing and explains the disagreement', () => {
    const { clusters } = clusterClaims([claim('a', { number: 11500 }, 3), claim('b', { number: 13844 }, 3)]);
    const outcome = disputeRule(clusters);
    expect(outcome.status).toBe('disputed');
    expect(outcome.rejected).toEqual([]);
    expect(outcome.alternatives).toHaveLength(2);
    expect(outcome.note).toMatch(/disagree: "11,500" .* vs "13,844"/);
  });

  it('is what settleGroup falls back to', () => {
    expect(settleGroup([claim('a', { number: 1 }, 2), claim('b', { number: 2 }, 2)]).status).toBe('disputed');
  });
});

describe('settleGroup', () => {
  it('lets a claim implied by the winner support it even when it stayed neutral', () => {
    const outcome = settleGroup([
      claim('a', { date: '1951-12-05' }, 1),
      claim('b', { date: '1951-12-06' }, 3),
      claim('c', { date: '1951' }, 4),
    ]);
    expect(ids(outcome.supports)).toEqual(['a', 'c']);
    expect(ids(outcome.rejected.map((r) => r.claim))).toEqual(['b']);
  });
});

describe('undatedRule', () => {
  it('rejects claims without an as-of date, with a reason', () => {
    const { dated, rejected } = undatedRule([
      claim('a', { number: 1 }, 1, { asOf: '2020' }),
      claim('b', { number: 2 }),
    ]);
    expect(ids(dated)).toEqual(['a']);
    expect(rejected[0]?.reason).toMatch(/undated/);
  });
});

describe('groupByAsOf', () => {
  it('groups a coarse date with the one precise date it contains, oldest first', () => {
    const groups = groupByAsOf([
      claim('a', { number: 1 }, 1, { asOf: '2016' }),
      claim('b', { number: 1 }, 1, { asOf: '2016-09-19' }),
      claim('c', { number: 1 }, 1, { asOf: '2014' }),
    ]);
    expect(groups.map((g) => [g.asOf, ids(g.claims)])).toEqual([
      ['2014', ['c']],
      ['2016-09-19', ['a', 'b']],
    ]);
  });

  it('keeps a coarse date apart when it contains several precise ones', () => {
    const groups = groupByAsOf([
      claim('a', { number: 1 }, 1, { asOf: '2018' }),
      claim('b', { number: 2 }, 1, { asOf: '2018-06' }),
      claim('c', { number: 3 }, 1, { asOf: '2018-12' }),
    ]);
    expect(groups.map((g) => g.asOf)).toEqual(['2018', '2018-06', '2018-12']);
  });
});

describe('mergeTenure', () => {
  const group = (asOf: string, person: string): SettledGroup => ({
    asOf,
    settlement: settleGroup([claim(`${asOf}`, { person }, 1, { asOf })]),
  });

  it('makes one term of consecutive dates holding the same person, from the earliest', () => {
    const terms = mergeTenure([
      group('2008-10', 'William Lacy Swing'),
      group('2014', 'William Lacy Swing'),
      group('2018-10-01', 'António Vitorino'),
      group('2021', 'Antonio Vitorino'),
    ]);
    expect(terms.map((t) => [t.asOf, t.groups.length])).toEqual([
      ['2008-10', 2],
      ['2018-10-01', 2],
    ]);
  });
});

describe('unionRule', () => {
  it('merges every source’s items once, best tier first, dropping items another says in full', () => {
    const items = unionRule([
      claim('low', { list: ['promote humane and orderly migration', 'Labour migration'] }, 4),
      claim(
        'high',
        { list: ['labour migration', 'promote humane and orderly migration for the benefit of all'] },
        1,
      ),
    ]);
    expect(items).toEqual([
      'labour migration',
      'promote humane and orderly migration for the benefit of all',
    ]);
  });
});

describe('reliability and series rules', () => {
  it('calls a value single-source when only copies of one tertiary or unreliable text support it', () => {
    expect(isSingleSource([{ tier: 4, family: 'seed-000' }])).toBe(true);
    expect(
      isSingleSource([
        { tier: 3, family: 'wikipedia' },
        { tier: 3, family: 'wikipedia' },
      ]),
    ).toBe(true);
    expect(
      isSingleSource([
        { tier: 3, family: 'wikipedia' },
        { tier: 4, family: 'blog' },
      ]),
    ).toBe(false);
    expect(isSingleSource([{ tier: 2, family: 'ap' }])).toBe(false);
    expect(isSingleSource([])).toBe(false);
  });

  it('drops a lower bound that the previous figure meets, but not a real change or an exact figure', () => {
    const v = (raw: Record<string, unknown>) => toValue(raw);
    expect(boundAddsNothing(v({ number: 170 }), v({ number: 150, qualifier: 'over' }))).toBe(true);
    expect(
      boundAddsNothing(v({ number: 100, qualifier: 'over' }), v({ number: 100, qualifier: 'over' })),
    ).toBe(true);
    expect(
      boundAddsNothing(v({ number: 480, qualifier: 'over' }), v({ number: 400, qualifier: 'over' })),
    ).toBe(true);
    expect(
      boundAddsNothing(v({ number: 100, qualifier: 'over' }), v({ number: 150, qualifier: 'over' })),
    ).toBe(false);
    expect(boundAddsNothing(v({ number: 170 }), v({ number: 150 }))).toBe(false);
    expect(boundAddsNothing(undefined, v({ number: 150, qualifier: 'over' }))).toBe(false);
  });

  it('calls a date approximate only when every claim dated at it is', () => {
    expect(isApproximate([{ approximate: true }, { approximate: true }])).toBe(true);
    expect(isApproximate([{ approximate: true }, {}])).toBe(false);
    expect(isApproximate([])).toBe(false);
  });
});
