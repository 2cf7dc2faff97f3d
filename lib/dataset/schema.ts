import * as v from 'valibot';
import { isIsoDate } from './dates';
import type { DatasetIssue } from './errors';
import { VALUE_TYPES } from './values';

/** Longest evidence phrase, in words: enough to find the statement, too short to copy a document. */
export const MAX_EVIDENCE_WORDS = 12;

const DATE_MESSAGE = 'malformed date: write YYYY, YYYY-MM or YYYY-MM-DD with a real calendar date';
const IsoDate = v.pipe(v.string(), v.check(isIsoDate, DATE_MESSAGE));
const Id = v.pipe(
  v.string(),
  v.regex(/^[a-z0-9][a-z0-9.:-]*$/, 'ids use lowercase letters, digits, ".", ":" and "-"'),
);
const Text = v.pipe(v.string(), v.trim(), v.nonEmpty('must not be empty'));
const Words = (max: number) =>
  v.pipe(
    Text,
    v.check((s) => s.split(/\s+/).length <= max, `must be at most ${max} words`),
  );

/** Kinds of source document. */
export const SOURCE_KINDS = [
  'official-site',
  'treaty-text',
  'un-document',
  'government-record',
  'archive',
  'academic',
  'news',
  'encyclopedia',
  'aggregator',
  'blog',
] as const;

/** A document facts are taken from. */
export const SourceSchema = v.pipe(
  v.strictObject({
    id: Id,
    title: Text,
    kind: v.picklist(SOURCE_KINDS),
    /** 1 primary/official, 2 reliable secondary, 3 tertiary (encyclopedias, mirrors), 4 unreliable. */
    tier: v.picklist([1, 2, 3, 4]),
    tierReason: Words(25),
    url: v.optional(v.pipe(v.string(), v.url('must be a URL'))),
    date: v.optional(IsoDate),
    era: v.optional(Text),
    seed: v.optional(v.pipe(v.string(), v.regex(/^\d{3}_[0-9a-f]{16}\.txt$/, 'must be a seed file name'))),
    family: v.optional(Id),
    /**
     * For a URL that is not in the reference sheet (../shared/reference/iom-facts.md, whose URLs its
     * compiler checked): how this one was checked and what it says, so a reviewer can redo it.
     */
    checked: v.optional(Text),
  }),
  v.forward(
    v.check((s) => s.date !== undefined || s.era !== undefined, 'give a date or an era'),
    ['date'],
  ),
);

/** One statement a source makes about a subject's property. */
export const ClaimSchema = v.strictObject({
  id: Id,
  subject: Id,
  property: Id,
  value: v.record(v.string(), v.unknown()),
  asOf: v.optional(IsoDate),
  source: Id,
  evidence: v.optional(Words(MAX_EVIDENCE_WORDS)),
  note: v.optional(Text),
  /** Tenure properties: the source says the value ended on this date (a head who died in office). */
  until: v.optional(IsoDate),
  /** The as-of date is an inference (first date the source attests it, or a year it leaves unverified), not a known start. */
  approximate: v.optional(v.literal(true)),
  /** The figure is a projection as the source reports it, not an outturn. */
  projected: v.optional(v.literal(true)),
  /** Heads: the office's title as the source gives it for that time (Director, Director General). */
  title: v.optional(Text),
});

const Hedge = v.optional(v.picklist(['over', 'about', 'nearly']));
const ValueSchemas = {
  date: v.strictObject({ date: IsoDate }),
  number: v.strictObject({
    number: v.pipe(v.number(), v.finite(), v.minValue(0)),
    unit: v.optional(v.picklist(['USD'])),
    qualifier: Hedge,
    measure: v.optional(Text),
  }),
  text: v.strictObject({ text: Text }),
  list: v.strictObject({ list: v.pipe(v.array(Text), v.minLength(1, 'must list at least one item')) }),
  person: v.strictObject({ person: Text, country: v.optional(Text) }),
  place: v.strictObject({ place: Text, country: v.optional(Text) }),
  name: v.strictObject({ name: Text, acronym: v.optional(Text) }),
} as const;

/** An editorial decision settling one known conflict. */
export const DecisionSchema = v.strictObject({
  id: Id,
  subject: Id,
  property: Id,
  asOf: v.optional(IsoDate),
  choose: v.record(v.string(), v.unknown()),
  note: Text,
  reason: Text,
  claimReasons: v.optional(v.record(Id, Text)),
  sources: v.pipe(v.array(Id), v.minLength(1, 'cite at least one source')),
});

/** What a property is: its label, value type and how it behaves over time. */
export const PropertySchema = v.strictObject({
  id: Id,
  label: Text,
  type: v.picklist(VALUE_TYPES),
  /** snapshot: figures as of dates (latest is current); tenure: a value held from a date until replaced. */
  time: v.optional(v.picklist(['snapshot', 'tenure'])),
  /** union: every source adds items to one list (areas of work) instead of competing. */
  merge: v.optional(v.literal('union')),
  /** Timeline label for date facts and tenure starts; {subject} and {value} are filled in. */
  event: v.optional(Text),
  /** Its text values must have French and Spanish in data/translations.json (cards show them). */
  translated: v.optional(v.literal(true)),
});

/** Something facts are about other than a name: the organization, a programme. */
export const SubjectSchema = v.strictObject({
  id: Id,
  kind: v.picklist(['organization', 'programme']),
  label: Text,
});

const Lang = v.pipe(v.string(), v.regex(/^[a-z]{2}$/, 'must be a two-letter language code'));

/** One name of the organization in the names source file; the rest comes from claims. */
export const NameSchema = v.strictObject({
  id: Id,
  era: Text,
  /** Fact whose date the name took effect on (org/founded, icem/renamed, …). */
  fromFact: v.pipe(v.string(), v.regex(/^[a-z0-9:-]+\/[a-z0-9-]+$/, 'must be a fact id subject/property')),
  variants: v.array(
    v.strictObject({
      lang: Lang,
      name: Text,
      note: Text,
      sources: v.optional(v.array(Id)),
      /** A wrong name (a back-translation, a garbled expansion), not merely another spelling of the right one. */
      misnomer: v.optional(v.literal(true)),
    }),
  ),
  aliases: v.array(
    v.strictObject({
      lang: Lang,
      name: Text,
      from: IsoDate,
      sources: v.pipe(v.array(Id), v.minLength(1, 'cite at least one source')),
    }),
  ),
});

/** French and Spanish for an English phrase the dataset writes (a place, a country, a status, a title). */
export const TranslationSchema = v.strictObject({
  en: Text,
  /** Only for this person (a title's grammatical gender: Directrice générale). */
  of: v.optional(Text),
  fr: Text,
  es: Text,
});

/** Source records. */
export type SourceRecord = v.InferOutput<typeof SourceSchema>;
/** Claim records (value still raw). */
export type ClaimRecord = v.InferOutput<typeof ClaimSchema>;
/** Decision records (choose still raw). */
export type DecisionRecord = v.InferOutput<typeof DecisionSchema>;
/** Property records. */
export type PropertyRecord = v.InferOutput<typeof PropertySchema>;
/** Subject records. */
export type SubjectRecord = v.InferOutput<typeof SubjectSchema>;
/** Name records. */
export type NameRecord = v.InferOutput<typeof NameSchema>;
/** Translation records. */
export type TranslationRecord = v.InferOutput<typeof TranslationSchema>;

function issuesOf(file: string, id: string, prefix: string, issues: v.BaseIssue<unknown>[]): DatasetIssue[] {
  return issues.map((issue) => {
    const path = (issue.path ?? []).map((p) => String(p.key));
    const field = [prefix, ...path].filter(Boolean).join('.') || '(record)';
    return { file, id, field, message: issue.message };
  });
}

/** Validates a raw typed value ({ date } or { number } or …) against the schema of its kind. */
export function checkValue(
  file: string,
  id: string,
  field: string,
  raw: Record<string, unknown>,
): DatasetIssue[] {
  const kinds = VALUE_TYPES.filter((k) => k in raw);
  if (kinds.length !== 1) {
    const message = `must have exactly one of the keys ${VALUE_TYPES.join(', ')}`;
    return [{ file, id, field, message }];
  }
  const kind = kinds[0] as keyof typeof ValueSchemas;
  const result = v.safeParse(ValueSchemas[kind], raw);
  return result.success ? [] : issuesOf(file, id, field, result.issues);
}

/** Records of one data file that passed their schema, plus the problems of those that did not. */
export interface Checked<T> {
  /** Valid records with the file they came from. */
  records: { file: string; record: T }[];
  /** Problems found. */
  issues: DatasetIssue[];
}

/** Validates a data file `{ "<key>": [records] }` record by record, so one bad record hides no other. */
export function checkFile<T>(
  file: string,
  data: unknown,
  key: string,
  schema: v.GenericSchema<unknown, T>,
): Checked<T> {
  const out: Checked<T> = { records: [], issues: [] };
  const list = typeof data === 'object' && data !== null ? (data as Record<string, unknown>)[key] : undefined;
  if (!Array.isArray(list)) {
    out.issues.push({ file, id: '(file)', field: key, message: `expected an object with a "${key}" array` });
    return out;
  }
  list.forEach((raw, index) => {
    const rawId = typeof raw === 'object' && raw !== null ? (raw as { id?: unknown }).id : undefined;
    const id = typeof rawId === 'string' ? rawId : `#${index}`;
    const result = v.safeParse(schema, raw);
    if (result.success) out.records.push({ file, record: result.output });
    else out.issues.push(...issuesOf(file, id, '', result.issues));
  });
  return out;
}
