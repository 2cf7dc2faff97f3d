import { translationKey } from './displays';
import type { DatasetIssue } from './errors';
import {
  type Checked,
  type ClaimRecord,
  ClaimSchema,
  checkFile,
  checkValue,
  type DecisionRecord,
  DecisionSchema,
  type NameRecord,
  NameSchema,
  type PropertyRecord,
  PropertySchema,
  type SourceRecord,
  SourceSchema,
  type SubjectRecord,
  SubjectSchema,
  type TranslationRecord,
  TranslationSchema,
} from './schema';
import { toValue, type Value } from './values';

/** One data file: its path (for messages) and its parsed JSON. */
export interface DataFile {
  /** Path relative to the project root, e.g. data/claims/un.json. */
  file: string;
  /** Parsed JSON content. */
  data: unknown;
}

/** Everything the dataset is compiled from; tests pass small in-memory fixtures. */
export interface DatasetInputs {
  /** data/sources.json */
  sources: DataFile;
  /** data/subjects.json */
  subjects: DataFile;
  /** data/properties.json */
  properties: DataFile;
  /** data/names.json */
  names: DataFile;
  /** data/decisions.json */
  decisions: DataFile;
  /** data/claims/*.json */
  claims: DataFile[];
  /** data/translations.json: French and Spanish for the dataset's English phrases (optional in fixtures). */
  translations?: DataFile;
}

/** Seed documents by file name, or null when ../shared/seeds is not there. */
export type SeedTexts = ReadonlyMap<string, string> | null;

/** A record with the file it came from. */
export interface Located<T> {
  /** Data file path. */
  file: string;
  /** The record. */
  record: T;
}

/** A claim whose value is typed. */
export interface TypedClaim extends Located<ClaimRecord> {
  /** Typed value. */
  value: Value;
}

/** A decision whose chosen value is typed. */
export interface TypedDecision extends Located<DecisionRecord> {
  /** Typed chosen value. */
  choose: Value;
}

/** Validated, cross-checked data ready for reconciliation. */
export interface Model {
  /** Sources by id. */
  sources: Map<string, Located<SourceRecord>>;
  /** Subjects (organization, programmes) in file order. */
  subjects: Located<SubjectRecord>[];
  /** Properties by id, in file order. */
  properties: Map<string, Located<PropertyRecord>>;
  /** Names, oldest first. */
  names: Located<NameRecord>[];
  /** Decisions. */
  decisions: TypedDecision[];
  /** Claims in file order. */
  claims: TypedClaim[];
  /** French and Spanish by English phrase. */
  translations: Map<string, TranslationRecord>;
}

/** Collapses runs of white space so a phrase cut across a line break still matches. */
function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function duplicates<T extends { id: string }>(kind: string, items: Located<T>[]): DatasetIssue[] {
  const seen = new Map<string, string>();
  const issues: DatasetIssue[] = [];
  for (const { file, record } of items) {
    const first = seen.get(record.id);
    if (first === undefined) seen.set(record.id, file);
    else
      issues.push({
        file,
        id: record.id,
        field: 'id',
        message: `duplicate ${kind} id (first defined in ${first})`,
      });
  }
  return issues;
}

function merge<T>(parts: Checked<T>[]): Checked<T> {
  return { records: parts.flatMap((p) => p.records), issues: parts.flatMap((p) => p.issues) };
}

/** Problems with a claim's until, approximate, projected and title fields: each fits only some properties. */
function claimFlagIssues(
  file: string,
  record: ClaimRecord,
  property: PropertyRecord,
  value: Value | undefined,
): DatasetIssue[] {
  const issues: DatasetIssue[] = [];
  const at = (field: string, message: string) => issues.push({ file, id: record.id, field, message });
  if (record.until !== undefined) {
    if (property.time !== 'tenure')
      at('until', `an end date fits tenure properties; "${property.id}" is not one`);
    else if (record.asOf === undefined || record.until <= record.asOf)
      at('until', `the end date must come after the claim's as-of date (${record.asOf ?? 'none'})`);
  }
  if (record.approximate && record.asOf === undefined)
    at('approximate', 'only an as-of date can be approximate, and the claim has none');
  if (record.projected && value && value.type !== 'number')
    at('projected', `only figures can be projections; this is a ${value.type} value`);
  if (record.title !== undefined && (property.time !== 'tenure' || property.type !== 'person'))
    at(
      'title',
      `a title fits the holders of an office (tenure properties of persons); "${property.id}" is not one`,
    );
  return issues;
}

/**
 * Rule: one history holds one measure. Every figure of a property of one subject counts the same thing
 * (expenditure and budget are different facts), so a change in the series is a change in the world.
 */
function measureIssues(claims: readonly TypedClaim[]): DatasetIssue[] {
  const first = new Map<string, TypedClaim>();
  const issues: DatasetIssue[] = [];
  for (const claim of claims) {
    if (claim.value.type !== 'number') continue;
    const key = `${claim.record.subject}/${claim.record.property}`;
    const seen = first.get(key);
    if (!seen) {
      first.set(key, claim);
      continue;
    }
    const measure = (c: TypedClaim) => (c.value.type === 'number' ? (c.value.measure ?? '(none)') : '');
    const unit = (c: TypedClaim) => (c.value.type === 'number' ? (c.value.unit ?? '(none)') : '');
    if (measure(claim) !== measure(seen) || unit(claim) !== unit(seen)) {
      const message = `measure "${measure(claim)}" (unit ${unit(claim)}) differs from "${measure(seen)}" (unit ${unit(seen)}) of claim "${seen.record.id}": one history holds one measure; give the other measure its own property`;
      issues.push({ file: claim.file, id: claim.record.id, field: 'value.measure', message });
    }
  }
  return issues;
}

/** Validates every file and every cross-reference; returns the model, the problems and notices. */
export function validateInputs(
  inputs: DatasetInputs,
  seeds: SeedTexts,
): { model: Model; issues: DatasetIssue[]; notices: string[] } {
  const sources = checkFile(inputs.sources.file, inputs.sources.data, 'sources', SourceSchema);
  const subjects = checkFile(inputs.subjects.file, inputs.subjects.data, 'subjects', SubjectSchema);
  const properties = checkFile(inputs.properties.file, inputs.properties.data, 'properties', PropertySchema);
  const names = checkFile(inputs.names.file, inputs.names.data, 'names', NameSchema);
  const decisions = checkFile(inputs.decisions.file, inputs.decisions.data, 'decisions', DecisionSchema);
  const claims = merge(inputs.claims.map((f) => checkFile(f.file, f.data, 'claims', ClaimSchema)));
  const translations = inputs.translations
    ? checkFile(inputs.translations.file, inputs.translations.data, 'translations', TranslationSchema)
    : { records: [], issues: [] };
  const issues: DatasetIssue[] = [
    ...[sources, subjects, properties, names, decisions, claims, translations].flatMap((c) => c.issues),
    ...duplicates(
      'translation',
      translations.records.map(({ file, record }) => ({
        file,
        record: { id: translationKey(record.en, record.of) },
      })),
    ),
    ...duplicates('source', sources.records),
    ...duplicates<{ id: string }>('subject', [...subjects.records, ...names.records]),
    ...duplicates('property', properties.records),
    ...duplicates('decision', decisions.records),
    ...duplicates('claim', claims.records),
  ];
  const notices: string[] = [];
  if (seeds === null) {
    notices.push(
      'Notice: ../shared/seeds not found: evidence phrases were NOT verified against the seed documents.',
    );
  }

  const model: Model = {
    sources: new Map(sources.records.map((s) => [s.record.id, s])),
    subjects: subjects.records,
    properties: new Map(properties.records.map((p) => [p.record.id, p])),
    names: names.records,
    decisions: [],
    claims: [],
    translations: new Map(
      translations.records.map((t) => [translationKey(t.record.en, t.record.of), t.record]),
    ),
  };
  const subjectIds = new Set([...subjects.records, ...names.records].map((s) => s.record.id));
  const cited = new Set<string>();
  const cite = (file: string, id: string, field: string, source: string) => {
    cited.add(source);
    if (!model.sources.has(source)) issues.push({ file, id, field, message: `unknown source "${source}"` });
  };

  for (const { file, record } of properties.records) {
    if (record.merge === 'union' && (record.type !== 'list' || record.time)) {
      issues.push({ file, id: record.id, field: 'merge', message: 'union properties hold undated lists' });
    }
  }

  // Checks a typed value against its schema and its property's type; returns it when usable.
  const typed = (
    file: string,
    id: string,
    field: string,
    raw: Record<string, unknown>,
    property?: string,
  ) => {
    const problems = checkValue(file, id, field, raw);
    issues.push(...problems);
    if (problems.length > 0) return undefined;
    const value = toValue(raw);
    const expected = property ? model.properties.get(property)?.record.type : undefined;
    if (expected && value.type !== expected) {
      issues.push({
        file,
        id,
        field,
        message: `a ${value.type} value, but property "${property}" holds ${expected} values`,
      });
      return undefined;
    }
    return value;
  };
  const checkTarget = (file: string, id: string, subject: string, property: string) => {
    if (!subjectIds.has(subject))
      issues.push({ file, id, field: 'subject', message: `unknown subject "${subject}"` });
    if (!model.properties.has(property)) {
      issues.push({ file, id, field: 'property', message: `unknown property "${property}"` });
    }
  };

  for (const { file, record } of claims.records) {
    checkTarget(file, record.id, record.subject, record.property);
    cite(file, record.id, 'source', record.source);
    const property = model.properties.get(record.property)?.record;
    if (record.asOf !== undefined && property && !property.time) {
      const message = `as-of date given, but property "${record.property}" does not change over time`;
      issues.push({ file, id: record.id, field: 'asOf', message });
    }
    const seed = model.sources.get(record.source)?.record.seed;
    if (seed && record.evidence === undefined) {
      issues.push({
        file,
        id: record.id,
        field: 'evidence',
        message: `claims from seed ${seed} need an evidence phrase`,
      });
    } else if (!seed && record.evidence !== undefined && model.sources.has(record.source)) {
      const message = `evidence phrases are checked against seed documents; source "${record.source}" is not one`;
      issues.push({ file, id: record.id, field: 'evidence', message });
    } else if (seed && record.evidence !== undefined && seeds !== null) {
      const text = seeds.get(seed);
      if (text === undefined) {
        issues.push({ file, id: record.id, field: 'source', message: `seed document ${seed} not found` });
      } else if (!squash(text).includes(squash(record.evidence))) {
        const message = `evidence phrase "${record.evidence}" not found in seed document ${seed}`;
        issues.push({ file, id: record.id, field: 'evidence', message });
      }
    }
    const value = typed(file, record.id, 'value', record.value, record.property);
    if (property) issues.push(...claimFlagIssues(file, record, property, value));
    if (value) model.claims.push({ file, record, value });
  }
  issues.push(...measureIssues(model.claims));

  for (const { file, record } of decisions.records) {
    checkTarget(file, record.id, record.subject, record.property);
    record.sources.forEach((s, i) => {
      cite(file, record.id, `sources.${i}`, s);
    });
    const choose = typed(file, record.id, 'choose', record.choose, record.property);
    if (choose) model.decisions.push({ file, record, choose });
  }

  for (const { file, record } of names.records) {
    record.variants.forEach((variant, i) => {
      variant.sources?.forEach((s, j) => {
        cite(file, record.id, `variants.${i}.sources.${j}`, s);
      });
    });
    record.aliases.forEach((alias, i) => {
      alias.sources.forEach((s, j) => {
        cite(file, record.id, `aliases.${i}.sources.${j}`, s);
      });
    });
  }

  // An unused source is only worth reporting when no invalid record (which may cite it) hides the truth.
  for (const { file, record } of issues.length === 0 ? sources.records : []) {
    if (!cited.has(record.id)) {
      issues.push({
        file,
        id: record.id,
        field: 'id',
        message: 'source cited by no claim, decision or name',
      });
    }
  }
  return { model, issues, notices };
}
