import { parseDate } from './dates';
import { DatasetBuildError, type DatasetIssue } from './errors';
import { compileNames } from './names';
import { reconcileFact } from './reconcile';
import { translateFact } from './translate';
import type {
  CompiledDataset,
  CompiledFact,
  CompiledSource,
  CompiledSubject,
  DatasetStats,
  TimelineEvent,
} from './types';
import { type DatasetInputs, type Model, type SeedTexts, type TypedClaim, validateInputs } from './validate';

/** A compiled dataset plus what the build should tell the person running it. */
export interface CompileResult {
  /** The dataset. */
  dataset: CompiledDataset;
  /** Notices (e.g. evidence not verified because the seeds are absent). */
  notices: string[];
}

function compileSources(model: Model): CompiledSource[] {
  return [...model.sources.values()].map(({ record }) => {
    const { date, family: _family, checked: _checked, ...rest } = record;
    return { ...rest, ...(date ? { date: parseDate(date) } : {}) };
  });
}

function fill(template: string, subject: string, value: string): string {
  return template.replaceAll('{subject}', subject).replaceAll('{value}', value);
}

function timelineOf(
  model: Model,
  facts: readonly CompiledFact[],
  labels: Map<string, string>,
): TimelineEvent[] {
  const events: TimelineEvent[] = [];
  for (const fact of facts) {
    const template = model.properties.get(fact.property)?.record.event;
    if (!template) continue;
    const subject = labels.get(fact.subject) ?? fact.subject;
    if (fact.time === 'tenure') {
      for (const entry of fact.history ?? []) {
        events.push({
          date: entry.asOf,
          label: fill(template, subject, entry.display),
          subject: fact.subject,
          fact: fact.id,
        });
      }
    } else if (!fact.time && fact.value.type === 'date') {
      const { date, precision } = fact.value;
      events.push({
        date: { date, precision },
        label: fill(template, subject, fact.display),
        subject: fact.subject,
        fact: fact.id,
      });
    }
  }
  return events.sort((a, b) => a.date.date.localeCompare(b.date.date) || a.label.localeCompare(b.label));
}

function statsOf(sources: number, facts: readonly CompiledFact[]): DatasetStats {
  const stats: DatasetStats = {
    sources,
    claims: 0,
    facts: facts.length,
    status: { agreed: 0, resolved: 0, disputed: 0 },
    history: { agreed: 0, resolved: 0, disputed: 0 },
    verdicts: { supports: 0, superseded: 0, rejected: 0 },
  };
  for (const fact of facts) {
    stats.status[fact.status] += 1;
    for (const entry of fact.history ?? []) stats.history[entry.status] += 1;
    for (const claim of fact.claims) {
      stats.claims += 1;
      stats.verdicts[claim.verdict] += 1;
    }
  }
  return stats;
}

/**
 * Validates the data, reconciles every fact and builds the names timeline and event timeline.
 * Throws DatasetBuildError listing every problem (file, record id, field) when the data is not sound.
 */
export function compileDataset(inputs: DatasetInputs, seeds: SeedTexts): CompileResult {
  const { model, issues, notices } = validateInputs(inputs, seeds);
  if (issues.length > 0) throw new DatasetBuildError(issues);

  // The organization first, then its names oldest first, then programmes.
  const ofKind = (kind: string) => model.subjects.filter((s) => s.record.kind === kind);
  const subjectOrder = [...ofKind('organization'), ...model.names, ...ofKind('programme')].map(
    (s) => s.record.id,
  );
  const byFact = new Map<string, TypedClaim[]>();
  for (const claim of model.claims) {
    const key = `${claim.record.subject}/${claim.record.property}`;
    byFact.set(key, [...(byFact.get(key) ?? []), claim]);
  }
  const facts: CompiledFact[] = [];
  const used = new Set<string>();
  const problems: DatasetIssue[] = [];
  for (const subject of subjectOrder) {
    for (const { record: property } of model.properties.values()) {
      const claims = byFact.get(`${subject}/${property.id}`);
      if (!claims) continue;
      const decisions = model.decisions.filter(
        (d) => d.record.subject === subject && d.record.property === property.id,
      );
      const outcome = reconcileFact(model, subject, property, claims, decisions);
      for (const id of outcome.usedDecisions) used.add(id);
      problems.push(...outcome.issues);
      if (!outcome.fact) continue;
      const file = inputs.translations?.file ?? 'data/translations.json';
      const translated = translateFact(outcome.fact, model.translations, property.translated === true, file);
      problems.push(...translated.issues);
      facts.push(translated.fact);
    }
  }
  for (const { file, record } of model.decisions) {
    if (used.has(record.id)) continue;
    const target = `${record.subject}/${record.property}${record.asOf ? ` as of ${record.asOf}` : ''}`;
    const message = `editorial decision matches no conflict: no competing values of ${target} that its chosen value names`;
    problems.push({ file, id: record.id, field: 'choose', message });
  }
  const factById = new Map(facts.map((f) => [f.id, f]));
  const { names, issues: nameIssues } = compileNames(model, factById);
  problems.push(...nameIssues);
  if (problems.length > 0) throw new DatasetBuildError(problems);

  const subjects: CompiledSubject[] = subjectOrder.map((id) => {
    const name = names.find((n) => n.id === id);
    if (name) return { id, kind: 'name', label: `${name.name} (${name.acronym})` };
    const subject = model.subjects.find((s) => s.record.id === id)?.record;
    return { id, kind: subject?.kind ?? 'organization', label: subject?.label ?? id };
  });
  const labels = new Map(subjects.map((s) => [s.id, s.label]));
  const sources = compileSources(model);
  const dataset: CompiledDataset = {
    version: 1,
    stats: statsOf(sources.length, facts),
    sources,
    names,
    subjects,
    facts,
    timeline: timelineOf(model, facts, labels),
  };
  return { dataset, notices };
}
