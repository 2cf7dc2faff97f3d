/**
 * What the popup's search finds: entries built once from the compiled dataset, each complete enough
 * for its detail view, so the UI never reads the raw dataset.
 */

/** The kinds of things the search covers. */
export type EntryKind = 'name' | 'fact' | 'event' | 'source';

/** A source document as entries cite it. */
export interface SourceRef {
  /** Dataset id of the source. */
  id: string;
  /** Its title. */
  title: string;
  /** Where to read it, when it is online. */
  url?: string;
  /** Its date (YYYY, YYYY-MM or YYYY-MM-DD). */
  date?: string;
  /** Reliability tier: 1 primary or official … 4 unreliable. */
  tier?: number;
}

/** One dated value of a fact that changes over time. */
export interface FactHistoryEntry {
  /** The value then, ready to display. */
  value: string;
  /** Its as-of date (ISO, any precision). */
  asOf: string;
  /** How it was settled: agreed, resolved or disputed. */
  status: string;
  /** Why, for resolved and disputed values. */
  note?: string;
}

/** What one source said about a fact and what the reconciliation made of it. */
export interface ClaimView {
  /** The claim's id in the dataset, when it has one. */
  id?: string;
  /** The source. */
  source: SourceRef;
  /** The verdict on this claim (e.g. accepted, rejected, outdated), as the dataset words it. */
  verdict: string;
  /** The value this source gave, when it differs from the fact's. */
  value?: string;
  /** The date the claim speaks of, when it has one. */
  asOf?: string;
  /** Why the verdict, when the dataset says. */
  reason?: string;
}

/** The kinds of name forms, official first. */
export type NameForm = 'official' | 'variant' | 'misnomer' | 'alias';

/** One name of the organization, in one language. */
export interface NameEntry {
  kind: 'name';
  /** Unique entry id. */
  id: string;
  /** The name as written. */
  title: string;
  /** Its acronym, if it has one. */
  acronym?: string;
  /** Two-letter language code. */
  lang: string;
  /** The era of the name (PICMME, ICEM, ICM, IOM). */
  era: string;
  /** The era's full English name, when this entry is another form of it. */
  eraName: string;
  /** When the name came into use (ISO date, any precision). */
  from: string;
  /** When it went out of use; null while current. */
  to: string | null;
  /** The organization's name today, with its acronym. */
  current: string;
  /**
   * What kind of form this is: the official form, another spelling of it (variant), a wrong name some
   * documents use (misnomer), or another name in use (alias, e.g. "UN Migration").
   */
  form: NameForm;
  /** Why a variant or misnomer exists, where the dataset says. */
  note?: string;
  /**
   * For any form but the official one: the entry of the official name it stands for (in the same
   * language when the dataset has one, else English), which the search lists before it.
   */
  official?: { id: string; title: string; acronym?: string };
}

/** One reconciled fact. */
export interface FactEntry {
  kind: 'fact';
  /** Unique entry id. */
  id: string;
  /** The property's label (e.g. "Headquarters"). */
  title: string;
  /** What the fact is about (e.g. "IOM"). */
  subject: string;
  /** The value, ready to display. */
  value: string;
  /** When the value held (ISO date, any precision), for values that change over time. */
  asOf?: string;
  /** The reconciliation's status, e.g. resolved or disputed. */
  status: string;
  /** True when the sources disagree (resolved with a reason, or disputed). */
  conflict: boolean;
  /** The conflict note or the reason for the choice. */
  note?: string;
  /** Competing values, when the sources disagree and none could be preferred. */
  alternatives?: string[];
  /** Earlier dated values, oldest first, for facts that change over time. */
  history?: FactHistoryEntry[];
  /** The sources behind the fact, with their verdicts. */
  claims: ClaimView[];
}

/** A dated event in the organization's history. */
export interface EventEntry {
  kind: 'event';
  /** Unique entry id. */
  id: string;
  /** What happened. */
  title: string;
  /** When (ISO date, any precision). */
  date: string;
  /** The sources for it. */
  sources: SourceRef[];
  /** The fact the event comes from, if any, to show its sources and verdicts. */
  factId?: string;
}

/** A source document. */
export interface SourceEntry {
  kind: 'source';
  /** Unique entry id. */
  id: string;
  /** The title. */
  title: string;
  /** Where to read it. */
  url?: string;
  /** Its date or era. */
  date?: string;
  /** The kind of document (official-site, news…), as the dataset names it. */
  sourceKind?: string;
  /** Reliability tier: 1 primary or official … 4 unreliable. */
  tier?: number;
  /** Why the source has that tier. */
  tierReason?: string;
  /** The facts it is cited for: entry ids and titles. */
  facts: { id: string; title: string }[];
}

/** Anything the search can find. */
export type Entry = NameEntry | FactEntry | EventEntry | SourceEntry;

/** One search result. */
export interface SearchHit {
  /** The entry found. */
  entry: Entry;
  /** Relevance (higher is better); only the order matters. */
  score: number;
}

/** A ready search over the dataset. */
export interface SearchEngine {
  /** Results for `query`, best first, at most `limit`. */
  search(query: string, limit?: number): SearchHit[];
  /** An entry by id (to follow links between entries). */
  get(id: string): Entry | undefined;
  /** How many entries the index holds. */
  readonly size: number;
}

/** The search engine's state in the popup: it loads lazily, after the popup's first render. */
export type EngineState =
  | { kind: 'loading' }
  | { kind: 'failed'; reason: string }
  | { kind: 'ready'; engine: SearchEngine };
