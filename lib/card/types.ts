/**
 * The card's model: everything the card components render, already chosen and formatted for one
 * mention in one language. Built by lib/card/model.ts from the compiled dataset; the components never
 * see the dataset.
 */
import type { Status, Verdict } from '@/lib/dataset/types';
import type { UiLanguage } from '@/lib/i18n';
import type { Mention } from '@/lib/mention';

/**
 * The mention a card is about: the fields of the page's mention registry the card reads (its language
 * picks the card's language).
 */
export type CardMention = Pick<Mention, 'surface' | 'nameId' | 'lang'>;

/** One of the organization's names, in the card's language. */
export interface CardName {
  /** Id in the names timeline. */
  id: string;
  /** English acronym, which names the era (PICMME, ICEM, ICM, IOM). */
  era: string;
  /** Acronym in the card's language (CIME for ICEM in French), else the English one. */
  acronym: string;
  /** Full name in the card's language, else the English one. */
  name: string;
  /** Year the name took effect, if known. */
  fromYear: string | null;
  /** Year the next name took effect; null for the current name. */
  toYear: string | null;
}

/** A source behind a fact. */
export interface CardSource {
  /** Source id in the dataset. */
  id: string;
  /** Title for people. */
  title: string;
}

/** One claim about a fact whose sources disagree, as the conflict details list it. */
export interface CardClaim {
  /** Claim id in the dataset. */
  id: string;
  /** The value the source claims, written for people. */
  value: string;
  /** The source making the claim. */
  source: CardSource;
  /** What reconciliation concluded about it. */
  verdict: Verdict;
  /** Why it was rejected, for rejected claims. */
  reason?: string;
  /** `en` when `value` is the dataset's English (no words in the card's language): the view marks it. */
  valueLang?: 'en';
  /** `en` when `reason` is the dataset's English. */
  reasonLang?: 'en';
}

/** What the sources said about one part of a fact row, when they disagreed. */
export interface CardConflict {
  /** The fact it is about (its property id), for rows combining two facts. */
  property: string;
  /** Resolved (settled, with the reason in `note`) or disputed (competing values stand). */
  status: Exclude<Status, 'agreed'>;
  /** Why: the rule or editorial decision, or what is unsettled. */
  note?: string;
  /** `en` when `note` is the dataset's English (no words in the card's language): the view marks it. */
  noteLang?: 'en';
  /** Competing values of a disputed fact, each with its sources. */
  alternatives: { value: string; sources: CardSource[] }[];
  /** Every non-superseded claim with its verdict (superseded claims are older values, not conflicts). */
  claims: CardClaim[];
}

/** Row ids of the card's facts, in display order; each has a label `card_fact_<id>`. */
export type CardRowId = 'name' | 'founded' | 'headquarters' | 'un' | 'members' | 'head' | 'budget' | 'staff';

/** How sure a value is, beyond its status: each mark is written beside the value. */
export type CardMark = 'approximate' | 'projected' | 'single-source';

/** A source whose claim was rejected: listed with why, never counted as support. */
export interface CardRejected {
  /** The source. */
  source: CardSource;
  /** What it claimed, written for people. */
  value: string;
  /** Why it was rejected. */
  reason: string;
  /** `en` when `reason` is the dataset's English (no words in the card's language). */
  reasonLang?: 'en';
}

/** One value of a row at one moment (then, today, or for all time), with what supports it. */
export interface CardCell {
  /** The value, formatted in the card's language ("not known for 1975" when `unknown`). */
  value: string;
  /** The dataset date the value holds from or as of (YYYY[-MM[-DD]]), null when undated or unknown. */
  asOf: string | null;
  /** That date for people: "since 1969", "as of Apr 1953", "since about 1955", "1952–1980". */
  asOfText?: string;
  /** True when the dataset has no value for the moment asked (the value then says so). */
  unknown?: true;
  /** Marks to write beside the value. */
  marks: CardMark[];
  /** The least settled status of the values shown. */
  status: Status;
  /** One entry per value shown whose sources disagreed. */
  conflicts: CardConflict[];
  /** Distinct sources supporting the values shown (supporting claims only). */
  sources: CardSource[];
  /** Sources whose claims about these values were rejected, with why. */
  rejected: CardRejected[];
}

/** One row of facts: a value that does not change, or its value then and today. */
export interface CardRow {
  /** Which row (picks its label). */
  id: CardRowId;
  /** For facts that do not change over time (founding, headquarters). */
  value?: CardCell;
  /** The value at the card's moment: the page's date, or the span of the name's era. */
  then?: CardCell;
  /** The current value, always dated. */
  today?: CardCell;
}

/** The moment the card answers for, and where it came from. */
export interface CardAsOf {
  /** `page`: the page's own date; `era`: the former name's era (undated page); `today`: neither. */
  origin: 'page' | 'era' | 'today';
  /** The date used (YYYY[-MM[-DD]]): the page's date, the era's start; null for today. */
  date: string | null;
  /** End of the era, for `era`. */
  until?: string;
  /** Where the page's date was read (meta, json-ld, time, url), for `page`. */
  via?: string;
  /** For people: "as of the page's date, Jun 12, 1975", "as of the ICEM era, 1952–1980". */
  text: string;
  /** The page's year or the era's years: what "not known for …" and the "Then" heading speak of. */
  label: string;
}

/** A small chart of a figure over time, with the card's moment marked. */
export interface CardChart {
  /** Which row's figure. */
  id: 'members' | 'budget';
  /** Its caption, in the card's language ("Member states over time"). */
  title: string;
  /** The dated figures, oldest first (year fraction for the x axis is computed by the view). */
  points: { date: string; value: number }[];
  /** The moment marked: a date, or an era's span. */
  mark: { from: string; to?: string } | null;
  /** The same numbers in words: the chart's text alternative. */
  text: string;
}

/** Everything the card shows for one mention. */
export interface CardModel {
  /** Language of the card's strings and formats. */
  lang: UiLanguage;
  /** The mention as written on the page. */
  surface: string;
  /** The name the mention refers to. */
  name: CardName;
  /** True when that name is the organization's current one. */
  isCurrent: boolean;
  /**
   * How the summary names the mention's name, without repeating what the heading shows: the full name
   * under an acronym, the acronym under a full name, both under any other spelling.
   */
  stoodFor: string;
  /** The organization's current name (the same as `name` when `isCurrent`). */
  current: CardName;
  /** The moment the card answers for. */
  asOf: CardAsOf;
  /** Facts that have a source (or say they are not known then), in display order. */
  rows: CardRow[];
  /** Member states, then budget, over time with the moment marked: those whose series allow a line. */
  charts: CardChart[];
  /** Every name, oldest first. */
  timeline: CardName[];
  /** What "Open in search" searches for. */
  query: string;
}
