import { dateContains, parseDate } from './dates';
import type { DatasetIssue } from './errors';
import {
  type AsOfGroup,
  boundAddsNothing,
  groupByAsOf,
  isApproximate,
  isSingleSource,
  mergeTenure,
  type RuleClaim,
  type RuleDecision,
  type SettledGroup,
  type Settlement,
  settleGroup,
  undatedRule,
  unionRule,
} from './rules';
import type { ClaimRecord, PropertyRecord } from './schema';
import type { Alternative, CompiledClaim, CompiledFact, HistoryEntry, Status, Verdict } from './types';
import type { Model, TypedClaim, TypedDecision } from './validate';
import { displayValue, type Value } from './values';

const VERDICT_ORDER: Record<Verdict, number> = { supports: 0, superseded: 1, rejected: 2 };

/** The outcome of reconciling one fact: the fact, the decisions it used and any problem. */
export interface FactOutcome {
  /** The compiled fact, or null when no claim supports it. */
  fact: CompiledFact | null;
  /** Ids of the decisions that settled a conflict of this fact. */
  usedDecisions: string[];
  /** Problems (fact with no supporting claim). */
  issues: DatasetIssue[];
}

function toRuleClaim(model: Model, claim: TypedClaim): RuleClaim {
  const source = model.sources.get(claim.record.source)?.record;
  return {
    id: claim.record.id,
    value: claim.value,
    ...(claim.record.asOf ? { asOf: claim.record.asOf } : {}),
    tier: source?.tier ?? 4,
    family: source?.family ?? claim.record.source,
  };
}

function toRuleDecision(decision: TypedDecision): RuleDecision {
  const { id, note, reason, claimReasons } = decision.record;
  return { id, choose: decision.choose, note, reason, ...(claimReasons ? { claimReasons } : {}) };
}

function alternatives(settlement: Settlement): Alternative[] | undefined {
  return settlement.alternatives?.map((c) => ({
    value: c.value,
    display: displayValue(c.value),
    claims: c.claims.map((claim) => claim.id),
  }));
}

function outcomeFields(settlement: Settlement) {
  const alts = alternatives(settlement);
  return {
    value: settlement.value,
    display: displayValue(settlement.value),
    status: settlement.status,
    ...(settlement.note ? { note: settlement.note } : {}),
    ...(alts ? { alternatives: alts } : {}),
  };
}

/** The decision meant for a group: same subject and property and, over time, an as-of date overlapping it. */
function decisionFor(decisions: readonly TypedDecision[], group?: AsOfGroup): RuleDecision | undefined {
  const match = decisions.find((d) => {
    const asOf = d.record.asOf;
    if (!group) return asOf === undefined;
    return asOf !== undefined && (dateContains(asOf, group.asOf) || dateContains(group.asOf, asOf));
  });
  return match ? toRuleDecision(match) : undefined;
}

/** Worst status of several settlements: disputed over resolved over agreed. */
function worstStatus(settlements: readonly Settlement[]): Status {
  if (settlements.some((s) => s.status === 'disputed')) return 'disputed';
  return settlements.some((s) => s.status === 'resolved') ? 'resolved' : 'agreed';
}

/** Reconciles every claim about one subject's property into a compiled fact. */
export function reconcileFact(
  model: Model,
  subject: string,
  property: PropertyRecord,
  claims: readonly TypedClaim[],
  decisions: readonly TypedDecision[],
): FactOutcome {
  const id = `${subject}/${property.id}`;
  const verdicts = new Map<string, { verdict: Verdict; reason?: string }>();
  const mark = (list: readonly RuleClaim[], verdict: Verdict) => {
    for (const c of list) verdicts.set(c.id, { verdict });
  };
  const reject = (list: readonly { claim: RuleClaim; reason: string }[]) => {
    for (const { claim, reason } of list) verdicts.set(claim.id, { verdict: 'rejected', reason });
  };
  const ruleClaims = claims.map((c) => toRuleClaim(model, c));
  const used: string[] = [];
  const issues: DatasetIssue[] = [];
  let fields: Omit<CompiledFact, 'id' | 'subject' | 'property' | 'label' | 'claims'> | null = null;

  if (property.merge === 'union') {
    mark(ruleClaims, 'supports');
    const value: Value = { type: 'list', list: unionRule(ruleClaims) };
    fields = { value, display: displayValue(value), status: 'agreed' };
  } else if (!property.time) {
    const settlement = settleGroup(ruleClaims, decisionFor(decisions));
    if (settlement.decision) used.push(settlement.decision);
    mark(settlement.supports, 'supports');
    reject(settlement.rejected);
    fields = outcomeFields(settlement);
  } else {
    const { dated, rejected } = undatedRule(ruleClaims);
    reject(rejected);
    const groups: SettledGroup[] = groupByAsOf(dated).map((group) => {
      const settlement = settleGroup(group.claims, decisionFor(decisions, group));
      if (settlement.decision) used.push(settlement.decision);
      reject(settlement.rejected);
      return { asOf: group.asOf, settlement };
    });
    const claimById = new Map(claims.map((c) => [c.record.id, c.record]));
    const recordsOf = (list: readonly RuleClaim[]) => list.flatMap((c) => claimById.get(c.id) ?? []);
    const history: HistoryEntry[] =
      property.time === 'snapshot'
        ? snapshotHistory(groups, recordsOf, reject)
        : mergeTenure(groups).map((term, i, terms) => {
            const settlements = term.groups.map((g) => g.settlement);
            const next = terms[i + 1];
            const notes = settlements.flatMap((s) => (s.note ? [s.note] : []));
            const supports = settlements.flatMap((s) => recordsOf(s.supports));
            const ends = supports.flatMap((c) => (c.until ? [c.until] : [])).sort();
            const end = ends[0] !== undefined && (!next || ends[0] < next.asOf) ? ends[0] : next?.asOf;
            const titled = titleOf(supports, claims[0]?.file ?? '', id, issues);
            return {
              ...outcomeFields(term.groups[0].settlement),
              asOf: parseDate(term.asOf),
              ...(end ? { until: parseDate(end) } : {}),
              status: worstStatus(settlements),
              ...(notes.length > 0 ? { note: notes.join(' ') } : {}),
              claims: supports.map((c) => c.id),
              ...(isApproximate(recordsOf(term.groups[0].settlement.supports))
                ? { approximate: true as const }
                : {}),
              ...(titled ? { title: titled } : {}),
            };
          });
    history.forEach((entry, i) => {
      const current = i === history.length - 1;
      mark(
        ruleClaims.filter((c) => entry.claims.includes(c.id)),
        current ? 'supports' : 'superseded',
      );
    });
    const current = history.at(-1);
    if (current) {
      const { claims: _ids, until, confirmed, ...rest } = current;
      // Today's figure is dated by the latest source still giving it (175 in 2023, still 175 in 2024).
      if (confirmed) rest.asOf = confirmed;
      // A value that ended (a head who died in office) with no successor known is no current value.
      if (until)
        issues.push({
          file: claims[0]?.file ?? '',
          id,
          field: 'until',
          message: 'the latest value has ended and nothing follows it',
        });
      fields = { ...rest, time: property.time, history };
    }
  }

  if (fields && isSingleSource(ruleClaims.filter((c) => verdicts.get(c.id)?.verdict === 'supports'))) {
    fields = { ...fields, reliability: 'single-source' };
  }
  if (!fields || ![...verdicts.values()].some((x) => x.verdict !== 'rejected')) {
    const files = [...new Set(claims.map((c) => c.file))].join(', ');
    const message = 'fact with no supporting claim: every claim about it was rejected';
    issues.push({ file: files, id, field: 'claims', message });
    return { fact: null, usedDecisions: used, issues };
  }

  const compiledClaims: CompiledClaim[] = claims.map((c) => {
    const verdict = verdicts.get(c.record.id);
    // Every rule path gives each claim a verdict; a claim without one is a bug in the rules, not in the data.
    if (!verdict) throw new Error(`reconcile: claim ${c.record.id} of ${id} got no verdict`);
    const { evidence, note, asOf, source } = c.record;
    return {
      id: c.record.id,
      source,
      verdict: verdict.verdict,
      ...(verdict.reason ? { reason: verdict.reason } : {}),
      display: displayValue(c.value),
      value: c.value,
      ...(asOf ? { asOf: parseDate(asOf) } : {}),
      ...(evidence ? { evidence } : {}),
      ...(note ? { note } : {}),
    };
  });
  const tierOf = (claim: CompiledClaim) => model.sources.get(claim.source)?.record.tier ?? 4;
  compiledClaims.sort(
    (a, b) =>
      VERDICT_ORDER[a.verdict] - VERDICT_ORDER[b.verdict] ||
      (b.asOf?.date ?? '').localeCompare(a.asOf?.date ?? '') ||
      tierOf(a) - tierOf(b) ||
      a.id.localeCompare(b.id),
  );
  return {
    fact: { id, subject, property: property.id, label: property.label, ...fields, claims: compiledClaims },
    usedDecisions: used,
    issues,
  };
}

/** The title the supporting claims give a head; claims naming two different titles are a problem to fix. */
function titleOf(
  supports: readonly ClaimRecord[],
  file: string,
  id: string,
  issues: DatasetIssue[],
): string | undefined {
  const titles = [...new Set(supports.flatMap((c) => (c.title ? [c.title] : [])))];
  if (titles.length > 1) {
    const ids = supports.filter((c) => c.title).map((c) => c.id);
    const message = `claims ${ids.join(', ')} give one term different titles: ${titles.join(' vs ')}`;
    issues.push({ file, id, field: 'title', message });
  }
  return titles[0];
}

/**
 * Snapshot history, oldest first: one entry per as-of group, except lower bounds that the previous figure
 * already meets (boundAddsNothing), whose claims are rejected with that reason, and repeats of the previous
 * figure, which confirm it (`confirmed`) instead of adding a point.
 */
function snapshotHistory(
  groups: readonly SettledGroup[],
  recordsOf: (list: readonly RuleClaim[]) => ClaimRecord[],
  reject: (list: readonly { claim: RuleClaim; reason: string }[]) => void,
): HistoryEntry[] {
  const history: HistoryEntry[] = [];
  for (const g of groups) {
    const previous = history.at(-1);
    if (boundAddsNothing(previous?.value, g.settlement.value) && previous) {
      const reason = `adds nothing to the series: ${quoteDisplay(g.settlement.value)} is already met by ${quoteDisplay(previous.value)} as of ${previous.asOf.date}`;
      reject(g.settlement.supports.map((claim) => ({ claim, reason })));
      continue;
    }
    const supports = recordsOf(g.settlement.supports);
    if (previous && displayValue(previous.value) === displayValue(g.settlement.value)) {
      // The same figure again is no new point: it confirms the previous one up to this date.
      previous.claims.push(...g.settlement.supports.map((c) => c.id));
      previous.confirmed = parseDate(g.asOf);
      continue;
    }
    history.push({
      ...outcomeFields(g.settlement),
      asOf: parseDate(g.asOf),
      claims: g.settlement.supports.map((c) => c.id),
      ...(isApproximate(supports) ? { approximate: true as const } : {}),
      ...(supports.length > 0 && supports.every((c) => c.projected) ? { projected: true as const } : {}),
    });
  }
  return history;
}

function quoteDisplay(value: Value): string {
  return `"${displayValue(value)}"`;
}
