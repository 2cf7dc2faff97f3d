import type { DateValue } from './dates';
import type { Value } from './values';

/** How a fact was settled. */
export type Status = 'agreed' | 'resolved' | 'disputed';

/** What reconciliation concluded about one claim. */
export type Verdict = 'supports' | 'superseded' | 'rejected';

/** A source document as compiled. */
export interface CompiledSource {
  /** Stable id claims cite. */
  id: string;
  /** Title for people. */
  title: string;
  /** Kind of document (official-site, treaty-text, encyclopedia, blog, …). */
  kind: string;
  /** Reliability tier: 1 primary/official … 4 unreliable. */
  tier: 1 | 2 | 3 | 4;
  /** Why it has that tier, in one line. */
  tierReason: string;
  /** Where to read it. */
  url?: string;
  /** When it was written or captured. */
  date?: DateValue;
  /** Period it was written in, when no date is known. */
  era?: string;
  /** File name in the seed set, for seed documents. */
  seed?: string;
}

/** One claim as it ends up under a fact. */
export interface CompiledClaim {
  /** Claim id from data/claims. */
  id: string;
  /** Source id. */
  source: string;
  /** Reconciliation outcome for this claim. */
  verdict: Verdict;
  /** Why it was rejected (only for rejected claims). */
  reason?: string;
  /** The claimed value, written for people. */
  display: string;
  /** The date the claim speaks of. */
  asOf?: DateValue;
  /** Verbatim phrase of the seed document making the claim. */
  evidence?: string;
  /** How the claim was read from its source, when that needs saying. */
  note?: string;
  /**
   * The claimed value, typed, for facts the card shows (properties marked translated): the card formats
   * numbers and dates in the reader's language from it.
   */
  value?: Value;
  /** The claimed value in French and Spanish, for text values of facts the card shows. */
  displays?: Displays;
  /** `reason` in French and Spanish, for facts the card shows. */
  reasonDisplays?: Displays;
}

/** Languages besides English whose cards get translated text values. */
export type DisplayLang = 'fr' | 'es';

/** A text value written for people in French and Spanish; numbers and dates are formatted from `value` instead. */
export type Displays = Partial<Record<DisplayLang, string>>;

/** A competing value of a disputed fact or history entry. */
export interface Alternative {
  /** The competing value. */
  value: Value;
  /** The value written for people. */
  display: string;
  /** Ids of the claims giving it. */
  claims: string[];
}

/** One dated value of a property that changes over time. */
export interface HistoryEntry {
  /** The value at that time (the leading one when disputed). */
  value: Value;
  /** The value written for people. */
  display: string;
  /** As-of date (snapshot) or start date (tenure). */
  asOf: DateValue;
  /** End of a tenure: the next entry's start. */
  until?: DateValue;
  /** How this entry was settled. */
  status: Status;
  /** Why, for resolved and disputed entries. */
  note?: string;
  /** `note` in French and Spanish (values in it written for that language), for facts the card shows. */
  noteDisplays?: Displays;
  /** Competing values, for disputed entries. */
  alternatives?: Alternative[];
  /** Ids of the claims supporting this entry. */
  claims: string[];
  /** The asOf is an inference (e.g. first date a source attests the person in office), not a known start: "about <year>". */
  approximate?: true;
  /** The value written in French and Spanish, for text values (places, roles, statuses). */
  displays?: Displays;
  /** The figure is a projection as reported, not an outturn: the card says "projected". */
  projected?: true;
  /** Snapshots: the latest date a source still gives the same figure (175 in 2023, still 175 in 2024). */
  confirmed?: DateValue;
  /** The office's title in that era in English (Director in the ICEM era, Director General later), for heads. */
  title?: string;
  /** That title in French and Spanish. */
  titleDisplays?: Displays;
}

/** A reconciled fact: one property of one subject. */
export interface CompiledFact {
  /** subject/property. */
  id: string;
  /** Subject id: org, a name id (icem), or a programme (programme:dtm). */
  subject: string;
  /** Property id (founded, member-states, …). */
  property: string;
  /** Property label for people. */
  label: string;
  /** The current value (the leading one when disputed). */
  value: Value;
  /** The value written for people. */
  display: string;
  /** Date of the current value, for properties that change over time (snapshots: the latest date a source gives it). */
  asOf?: DateValue;
  /** snapshot: asOf is the date of a figure; tenure: asOf is when the current value began. */
  time?: 'snapshot' | 'tenure';
  /** How the current value was settled. */
  status: Status;
  /** Why, for resolved and disputed facts. */
  note?: string;
  /** `note` in French and Spanish (values in it written for that language), for facts the card shows. */
  noteDisplays?: Displays;
  /** Competing values, for disputed facts. */
  alternatives?: Alternative[];
  /** Every dated value, oldest first (the last one is current); only for properties that change over time. */
  history?: HistoryEntry[];
  /** Every claim about this property, with its verdict. */
  claims: CompiledClaim[];
  /** The asOf is an inference, not a known date: the card writes "about <year>". */
  approximate?: true;
  /** The value written in French and Spanish, for text values (places, roles, statuses). */
  displays?: Displays;
  /** The only support is one low-tier source without independent corroboration: "single source, unverified". */
  reliability?: 'single-source';
  /** The figure is a projection as reported, not an outturn: the card says "projected". */
  projected?: true;
  /** The current holder's title (Director General), for heads; history entries give it per era. */
  title?: string;
  /** That title in French and Spanish. */
  titleDisplays?: Displays;
}

/** A written form of a name. */
export interface NameForm {
  /** Two-letter language code. */
  lang: string;
  /** The name as written. */
  name: string;
  /** Acronym used with it. */
  acronym?: string;
}

/** One name in the timeline of the organization's names. */
export interface CompiledName {
  /** picmme, icem, icm, iom. */
  id: string;
  /** PICMME, ICEM, ICM, IOM. */
  era: string;
  /** English acronym. */
  acronym: string;
  /** English name. */
  name: string;
  /** When the name took effect. */
  from: DateValue | null;
  /** When the next name took effect; null for the current name. */
  to: DateValue | null;
  /** Official forms, English first. */
  forms: NameForm[];
  /** Spellings real documents use that are not the official name (detectable, rejected as facts). */
  variants: (NameForm & {
    /** Why the variant exists. */
    note: string;
    sources?: string[];
    /** A wrong name (a back-translation, a garbled expansion), not merely another spelling of the right one. */
    misnomer?: true;
  })[];
  /** Other names used for the organization, with the date they came into use. */
  aliases: (NameForm & { from: DateValue; sources: string[] })[];
  /** Sources supporting the English name and its dates. */
  sources: string[];
}

/** Something facts are about. */
export interface CompiledSubject {
  /** Subject id. */
  id: string;
  /** organization, name or programme. */
  kind: 'organization' | 'name' | 'programme';
  /** Label for people. */
  label: string;
}

/** A dated event for the popup's timeline. */
export interface TimelineEvent {
  /** When it happened. */
  date: DateValue;
  /** What happened, for people. */
  label: string;
  /** Subject id. */
  subject: string;
  /** Fact the event comes from. */
  fact: string;
}

/** Counts printed by the build and shown by `npm run facts`. */
export interface DatasetStats {
  /** Number of sources. */
  sources: number;
  /** Number of claims. */
  claims: number;
  /** Number of facts. */
  facts: number;
  /** Facts per status of their current value. */
  status: Record<Status, number>;
  /** Dated values (history entries) per status, for properties that change over time. */
  history: Record<Status, number>;
  /** Claims per verdict. */
  verdicts: Record<Verdict, number>;
}

/** The compiled dataset the extension bundles (data/compiled/dataset.json). */
export interface CompiledDataset {
  /** Shape version; bumped when consumers must change. */
  version: 1;
  /** Counts, for reports. */
  stats: DatasetStats;
  /** Every source. */
  sources: CompiledSource[];
  /** Names timeline, oldest first. */
  names: CompiledName[];
  /** Every subject. */
  subjects: CompiledSubject[];
  /** Every fact. */
  facts: CompiledFact[];
  /** Dated events, oldest first. */
  timeline: TimelineEvent[];
}
