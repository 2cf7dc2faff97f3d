/**
 * Reconciliation rules. Each is a small pure function over claims that are already typed; reconcile.ts
 * chains them. The order of the chain is the policy (docs/adr/002-reconciliation.md):
 * editorial decision, then source tier, then agreement between independent sources, else disputed.
 */
import { compareDates, dateContains } from './dates';
import type { Status } from './types';
import { displayValue, implies, normalizeText, specificity, type Value } from './values';

/** A claim as the rules see it. */
export interface RuleClaim {
  /** Claim id. */
  id: string;
  /** Typed value. */
  value: Value;
  /** ISO as-of date, if the claim has one. */
  asOf?: string;
  /** Tier of its source (1 best). */
  tier: number;
  /** Independence group: sources of one family (mirrors of one text, one publisher) count once. */
  family: string;
}

/** Claims asserting one value; the first, most specific claim is its representative. */
export interface Cluster {
  /** The value the cluster asserts (its most specific form). */
  value: Value;
  /** Claims asserting it, representative first. */
  claims: RuleClaim[];
}

/** An editorial decision as the rules see it. */
export interface RuleDecision {
  /** Decision id. */
  id: string;
  /** The value that wins. */
  choose: Value;
  /** Sentence explaining the decision, shown on the fact. */
  note: string;
  /** Default reason given to every rejected claim. */
  reason: string;
  /** Reasons for particular claims, by claim id. */
  claimReasons?: Record<string, string>;
}

/** The outcome of settling one group of claims. */
export interface Settlement {
  /** agreed, resolved or disputed. */
  status: Status;
  /** Which rule settled it. */
  rule: 'agreement-of-all' | 'decision' | 'tier' | 'independent-agreement' | 'disputed';
  /** The winning (or, when disputed, leading) value. */
  value: Value;
  /** Sentence saying why, for resolved and disputed outcomes. */
  note?: string;
  /** Claims consistent with the outcome. */
  supports: RuleClaim[];
  /** Claims the outcome rejects, with the reason. */
  rejected: { claim: RuleClaim; reason: string }[];
  /** Competing clusters, when disputed. */
  alternatives?: Cluster[];
  /** Decision used, if any. */
  decision?: string;
}

/** Claims grouped by the date they speak of. */
export interface AsOfGroup {
  /** The most precise as-of date of the group. */
  asOf: string;
  /** Claims in the group. */
  claims: RuleClaim[];
}

const byTierThenId = (a: RuleClaim, b: RuleClaim) => a.tier - b.tier || a.id.localeCompare(b.id);

function quote(value: Value): string {
  return `"${displayValue(value)}"`;
}

function bestTier(cluster: Cluster): number {
  return Math.min(...cluster.claims.map((c) => c.tier));
}

function independentCount(cluster: Cluster): number {
  return new Set(cluster.claims.map((c) => c.family)).size;
}

/**
 * Groups claims by value. The most specific claims found clusters; a less specific claim joins the one
 * cluster whose value implies it (1952 joins 1952-10). A claim implied by several clusters is neutral:
 * it takes no side and supports whichever value wins.
 */
export function clusterClaims(claims: readonly RuleClaim[]): { clusters: Cluster[]; neutral: RuleClaim[] } {
  const ordered = [...claims].sort(
    (a, b) => specificity(b.value) - specificity(a.value) || byTierThenId(a, b),
  );
  const clusters: Cluster[] = [];
  const neutral: RuleClaim[] = [];
  for (const claim of ordered) {
    const matches = clusters.filter((c) => implies(c.value, claim.value));
    if (matches.length === 0) clusters.push({ value: claim.value, claims: [claim] });
    else if (matches.length === 1) matches[0]?.claims.push(claim);
    else neutral.push(claim);
  }
  return { clusters, neutral };
}

function settled(
  rule: Settlement['rule'],
  winner: Cluster,
  losers: readonly Cluster[],
  reasonFor: (claim: RuleClaim) => string,
  note?: string,
): Settlement {
  return {
    status: rule === 'agreement-of-all' ? 'agreed' : 'resolved',
    rule,
    value: winner.value,
    ...(note ? { note } : {}),
    supports: [...winner.claims],
    rejected: losers.flatMap((c) => c.claims.map((claim) => ({ claim, reason: reasonFor(claim) }))),
  };
}

/** Rule: when every claim asserts the same value, the fact is agreed. */
export function agreementOfAllRule(clusters: readonly Cluster[]): Settlement | null {
  const [only] = clusters;
  return clusters.length === 1 && only ? settled('agreement-of-all', only, [], () => '') : null;
}

/** True when a decision's chosen value names this cluster's value. */
export function decisionMatches(decision: RuleDecision, cluster: Cluster): boolean {
  return implies(cluster.value, decision.choose) || implies(decision.choose, cluster.value);
}

/** Rule: an editorial decision settles a conflict it names; the other values are rejected with its reasons. */
export function decisionRule(
  clusters: readonly Cluster[],
  decision: RuleDecision | undefined,
): Settlement | null {
  if (!decision || clusters.length < 2) return null;
  const winners = clusters.filter((c) => decisionMatches(decision, c));
  const [winner] = winners;
  if (winners.length !== 1 || !winner) return null;
  const losers = clusters.filter((c) => c !== winner);
  const reasonFor = (claim: RuleClaim) => decision.claimReasons?.[claim.id] ?? decision.reason;
  return { ...settled('decision', winner, losers, reasonFor, decision.note), decision: decision.id };
}

/** Rule: a value given by a higher-tier source outranks values whose best source has a lower tier. */
export function tierRule(clusters: readonly Cluster[]): Settlement | null {
  if (clusters.length < 2) return null;
  const tiers = clusters.map(bestTier);
  const top = Math.min(...tiers);
  const winners = clusters.filter((_, i) => tiers[i] === top);
  const [winner] = winners;
  if (winners.length !== 1 || !winner) return null;
  const losers = clusters.filter((c) => c !== winner);
  const runnerUp = Math.min(...losers.map(bestTier));
  const note = `Settled by source tier: ${quote(winner.value)} comes from a tier-${top} source; the other values' best source is tier ${runnerUp}.`;
  return settled(
    'tier',
    winner,
    losers,
    () => `outranked: a tier-${top} source gives ${quote(winner.value)}`,
    note,
  );
}

/** Rule: among values of the best tier, the one more independent sources give wins. */
export function independentAgreementRule(clusters: readonly Cluster[]): Settlement | null {
  if (clusters.length < 2) return null;
  const top = Math.min(...clusters.map(bestTier));
  const contenders = clusters.filter((c) => bestTier(c) === top);
  const counts = contenders.map(independentCount);
  const most = Math.max(...counts);
  const winners = contenders.filter((_, i) => counts[i] === most);
  const [winner] = winners;
  if (winners.length !== 1 || !winner) return null;
  const losers = clusters.filter((c) => c !== winner);
  const others = contenders
    .filter((c) => c !== winner)
    .map((c) => `${independentCount(c)} for ${quote(c.value)}`);
  const note = `Settled by agreement: ${most} independent sources of tier ${top} give ${quote(winner.value)}, against ${others.join(', ') || 'none of that tier'}.`;
  const reason = `fewer independent sources agree; ${most} give ${quote(winner.value)}`;
  return settled('independent-agreement', winner, losers, () => reason, note);
}

/** Rule of last resort: the values stay side by side, the best-supported first, and nothing is rejected. */
export function disputeRule(clusters: readonly Cluster[]): Settlement {
  const ranked = [...clusters].sort(
    (a, b) => bestTier(a) - bestTier(b) || independentCount(b) - independentCount(a),
  );
  const [lead] = ranked;
  if (!lead) throw new Error('disputeRule needs at least one cluster');
  const parts = ranked.map((c) => `${quote(c.value)} (best source tier ${bestTier(c)})`);
  return {
    status: 'disputed',
    rule: 'disputed',
    value: lead.value,
    note: `Sources of equal standing disagree: ${parts.join(' vs ')}.`,
    supports: ranked.flatMap((c) => c.claims),
    rejected: [],
    alternatives: ranked,
  };
}

/** Settles one group of claims: agreement, then decision, tier, independent agreement, else disputed. */
export function settleGroup(claims: readonly RuleClaim[], decision?: RuleDecision): Settlement {
  const { clusters, neutral } = clusterClaims(claims);
  const outcome =
    agreementOfAllRule(clusters) ??
    decisionRule(clusters, decision) ??
    tierRule(clusters) ??
    independentAgreementRule(clusters) ??
    disputeRule(clusters);
  // Neutral claims take no side: they support the outcome when the winning value implies them.
  for (const claim of neutral) {
    if (outcome.status === 'disputed' || implies(outcome.value, claim.value)) outcome.supports.push(claim);
    else outcome.rejected.push({ claim, reason: `does not match the settled value ${quote(outcome.value)}` });
  }
  return outcome;
}

/** Rule: a claim about something that changes over time needs an as-of date; undated ones are rejected. */
export function undatedRule(claims: readonly RuleClaim[]): {
  dated: RuleClaim[];
  rejected: { claim: RuleClaim; reason: string }[];
} {
  const reason = 'undated figure for a value that changes over time: it cannot be placed in the history';
  return {
    dated: claims.filter((c) => c.asOf !== undefined),
    rejected: claims.filter((c) => c.asOf === undefined).map((claim) => ({ claim, reason })),
  };
}

/**
 * Rule: claims about the same moment compete; others do not. A coarse as-of date (2016) joins the one
 * group whose date it contains (2016-09-19); when it contains several, it stands alone. Oldest first.
 */
export function groupByAsOf(claims: readonly RuleClaim[]): AsOfGroup[] {
  const dates = [...new Set(claims.map((c) => c.asOf ?? ''))].filter(Boolean);
  dates.sort((a, b) => b.length - a.length || compareDates(a, b));
  const keyOf = new Map<string, string>();
  const keys: string[] = [];
  for (const date of dates) {
    const containing = keys.filter((key) => dateContains(date, key));
    const [only] = containing;
    if (containing.length === 1 && only) keyOf.set(date, only);
    else {
      keys.push(date);
      keyOf.set(date, date);
    }
  }
  keys.sort(compareDates);
  return keys.map((asOf) => ({ asOf, claims: claims.filter((c) => c.asOf && keyOf.get(c.asOf) === asOf) }));
}

/** A settled as-of group. */
export interface SettledGroup {
  /** As-of date of the group. */
  asOf: string;
  /** Its settlement. */
  settlement: Settlement;
}

/** A run of consecutive settled groups holding one value: a head's term, a status. */
export interface Term {
  /** Start: the earliest group's date. */
  asOf: string;
  /** Groups in the run, oldest first (never empty). */
  groups: [SettledGroup, ...SettledGroup[]];
}

/**
 * Rule for tenure properties (heads, statuses): consecutive dates holding the same value are one term
 * that starts at the earliest of them; a term ends where the next begins.
 */
export function mergeTenure(groups: readonly SettledGroup[]): Term[] {
  const terms: Term[] = [];
  for (const group of groups) {
    const last = terms.at(-1);
    const lastValue = last?.groups[0]?.settlement.value;
    const value = group.settlement.value;
    if (last && lastValue && (implies(lastValue, value) || implies(value, lastValue)))
      last.groups.push(group);
    else terms.push({ asOf: group.asOf, groups: [group] });
  }
  return terms;
}

/**
 * Rule for union properties (areas of work): every source adds its items to one list, best tier first;
 * an item another item already says in full ("promote orderly migration" in "… for the benefit of all") is dropped.
 */
export function unionRule(claims: readonly RuleClaim[]): string[] {
  const byKey = new Map<string, string>();
  for (const claim of [...claims].sort((a, b) => a.tier - b.tier)) {
    if (claim.value.type !== 'list') continue;
    for (const item of claim.value.list) {
      const key = normalizeText(item);
      if (!byKey.has(key)) byKey.set(key, item);
    }
  }
  const keys = [...byKey.keys()];
  const said = (key: string) => keys.some((other) => other !== key && ` ${other} `.includes(` ${key} `));
  return keys.filter((key) => !said(key)).map((key) => byKey.get(key) ?? key);
}

/** Worst tier that still counts as a reliable source on its own: tertiary (3) and unreliable (4) sources do not. */
export const LOWEST_CORROBORATING_TIER = 2;

/**
 * Rule: a value whose supporting claims all come from one family of tertiary or unreliable sources
 * (one seed, one Wikipedia text and its mirrors) is single-source and unverified, however many copies agree.
 */
export function isSingleSource(supports: readonly Pick<RuleClaim, 'tier' | 'family'>[]): boolean {
  if (supports.length === 0) return false;
  const families = new Set(supports.map((c) => c.family));
  const best = Math.min(...supports.map((c) => c.tier));
  return families.size === 1 && best > LOWEST_CORROBORATING_TIER;
}

/**
 * Rule: in a series of figures, a lower bound ("over 150") that the previous figure already meets (170)
 * is no new data point: it is boilerplate that says less than what was known, not a fall.
 * Equal bounds repeated ("over 100", then "over 100") add nothing either.
 */
export function boundAddsNothing(previous: Value | undefined, value: Value): boolean {
  if (!previous || value.type !== 'number' || value.qualifier !== 'over') return false;
  return implies(previous, value);
}

/**
 * Rule: a date is approximate when every claim dated at it is (each only attests the value then, or
 * leaves the year unverified); one claim giving it as a known date makes it known.
 */
export function isApproximate(claimsAtDate: readonly { approximate?: true }[]): boolean {
  return claimsAtDate.length > 0 && claimsAtDate.every((c) => c.approximate === true);
}
