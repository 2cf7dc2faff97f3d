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
}

/** What the sources said about one part of a fact row, when they disagreed. */
export interface CardConflict {
  /** The fact it is about (its property id), for rows combining two facts. */
  property: string;
  /** Resolved (settled, with the reason in `note`) or disputed (competing values stand). */
  status: Exclude<Status, 'agreed'>;
  /** Why: the rule or editorial decision, or what is unsettled. */
  note?: string;
  /** Competing values of a disputed fact, each with its sources. */
  alternatives: { value: string; sources: CardSource[] }[];
  /** Every non-superseded claim with its verdict (superseded claims are older values, not conflicts). */
  claims: CardClaim[];
}

/** Row ids of the card's key facts, in display order; each has a label `card_fact_<id>`. */
export type CardRowId = 'founded' | 'headquarters' | 'un' | 'members' | 'head' | 'budget' | 'staff';

/** One line of key facts. */
export interface CardFactRow {
  /** Which row (picks its label). */
  id: CardRowId;
  /** The value, formatted in the card's language. */
  value: string;
  /** When the value holds: "as of" a snapshot date, or "since" the start of a tenure. */
  asOf?: { kind: 'snapshot' | 'tenure'; date: string };
  /** The least settled status of the facts the row shows. */
  status: Status;
  /** One entry per fact of the row whose sources disagreed. */
  conflicts: CardConflict[];
  /** Distinct sources supporting the row's values. Never empty: rows without a source are not shown. */
  sources: CardSource[];
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
  /** Key facts that have a source, in display order; missing ones are left out. */
  facts: CardFactRow[];
  /** Every name, oldest first. */
  timeline: CardName[];
  /** What "Open in search" searches for. */
  query: string;
}
