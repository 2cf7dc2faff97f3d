import type { DateValue } from '@/lib/dataset/dates';
import type { CompiledClaim, CompiledDataset, CompiledFact, CompiledSource } from '@/lib/dataset/types';
import { nameEntries } from './names';
import type { ClaimView, Entry, EventEntry, FactEntry, SourceEntry, SourceRef } from './types';

/** Order claims are listed in: what the fact rests on first, then what was set aside. */
const VERDICT_ORDER: Record<string, number> = { supports: 0, superseded: 1, rejected: 2 };

/**
 * Every searchable entry of the compiled dataset: the names of every era and language, the facts
 * with their sources and verdicts, the timeline's events and the sources themselves.
 */
export function entriesFromDataset(dataset: CompiledDataset): Entry[] {
  const sources = new Map(dataset.sources.map((s) => [s.id, s]));
  const subjects = new Map(dataset.subjects.map((s) => [s.id, subjectLabel(dataset, s.id, s.label)]));
  const facts = dataset.facts.map((fact) =>
    factEntry(fact, sources, subjects.get(fact.subject) ?? fact.subject),
  );
  const factTitles = new Map(facts.map((f) => [f.id, `${f.title} (${f.subject})`]));
  const events: EventEntry[] = dataset.timeline.map((event, i) => {
    const fact = dataset.facts.find((f) => f.id === event.fact);
    return {
      kind: 'event',
      id: `event:${i}`,
      title: event.label,
      date: event.date.date,
      sources: fact ? supportingSources(fact.claims, sources) : [],
      factId: fact ? factId(fact.id) : undefined,
    };
  });
  const citedBy = new Map<string, Set<string>>();
  for (const fact of dataset.facts) {
    for (const claim of fact.claims) {
      const set = citedBy.get(claim.source) ?? new Set<string>();
      set.add(factId(fact.id));
      citedBy.set(claim.source, set);
    }
  }
  const sourceEntries: SourceEntry[] = dataset.sources.map((source) => ({
    kind: 'source',
    id: `source:${source.id}`,
    title: source.title,
    url: source.url,
    date: source.date?.date ?? source.era,
    sourceKind: source.kind,
    tier: source.tier,
    tierReason: source.tierReason,
    facts: [...(citedBy.get(source.id) ?? [])].map((id) => ({ id, title: factTitles.get(id) ?? id })),
  }));
  const names = nameEntries(
    dataset.names.map((n) => ({
      ...n,
      from: n.from ?? { date: '' },
      aliases: n.aliases.map((a) => ({ ...a })),
    })),
  );
  return [...names, ...facts, ...events, ...sourceEntries];
}

/** Entry id of a fact. */
function factId(id: string): string {
  return `fact:${id}`;
}

/** A short subject label: the current acronym for the organization, the acronym for a name's era. */
function subjectLabel(dataset: CompiledDataset, id: string, label: string): string {
  if (id === 'org') return dataset.names.find((n) => n.to === null)?.acronym ?? label;
  const name = dataset.names.find((n) => n.id === id);
  return name ? name.acronym : label;
}

function date(value: DateValue | undefined): string | undefined {
  return value?.date;
}

function sourceRef(source: CompiledSource | undefined, id: string): SourceRef {
  if (!source) return { id, title: id };
  return { id, title: source.title, url: source.url, date: source.date?.date, tier: source.tier };
}

function supportingSources(
  claims: readonly CompiledClaim[],
  sources: Map<string, CompiledSource>,
): SourceRef[] {
  const ids = [...new Set(claims.filter((c) => c.verdict === 'supports').map((c) => c.source))];
  return ids.map((id) => sourceRef(sources.get(id), id));
}

function factEntry(fact: CompiledFact, sources: Map<string, CompiledSource>, subject: string): FactEntry {
  const claims: ClaimView[] = [...fact.claims]
    .sort((a, b) => (VERDICT_ORDER[a.verdict] ?? 9) - (VERDICT_ORDER[b.verdict] ?? 9))
    .map((claim) => ({
      id: claim.id,
      source: sourceRef(sources.get(claim.source), claim.source),
      verdict: claim.verdict,
      value: claim.display !== fact.display ? claim.display : undefined,
      asOf: date(claim.asOf),
      reason: claim.reason ?? claim.note,
    }));
  const history = fact.history?.slice(0, -1).map((h) => ({
    value: h.display,
    asOf: h.asOf.date,
    status: h.status,
    note: h.note,
  }));
  return {
    kind: 'fact',
    id: factId(fact.id),
    title: fact.label,
    subject,
    value: fact.display,
    asOf: date(fact.asOf),
    status: fact.status,
    conflict: fact.status !== 'agreed',
    note: fact.note,
    alternatives: fact.alternatives?.map((a) => a.display),
    history: history && history.length > 0 ? history : undefined,
    claims,
  };
}
