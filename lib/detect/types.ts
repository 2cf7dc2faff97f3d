import type { Era, MentionKind } from '@/lib/mention';

/** A long name (form, variant or alias) found in a block; always accepted. */
export interface LongFormHit {
  /** Offset of the first character in the block. */
  start: number;
  /** Offset just past the last character in the block. */
  end: number;
  /** The era whose name this is. */
  era: Era;
  /** Id of the name in the names timeline. */
  nameId: string;
  /** Language of the matched form. */
  lang: string;
  /** Long name or alias. */
  kind: Exclude<MentionKind, 'acronym'>;
  /** Confidence of the match (lower for aliases written in lower case). */
  confidence: number;
}

/** What a parenthesised definition around an acronym says it stands for. */
export interface Definition {
  /** 'own' when the expansion is one of the organization's names, 'foreign' when it is something else. */
  meaning: 'own' | 'foreign';
  /** The expansion as written (trimmed), for explanations and debugging. */
  expansion: string;
  /** Language of the organization's long name, when the expansion is one. */
  lang?: string;
}

/** An acronym candidate (token boundaries already checked) found in a block. */
export interface AcronymHit {
  /** Offset of the first character in the block. */
  start: number;
  /** Offset just past the last character in the block. */
  end: number;
  /** The acronym as written, e.g. IOM, OIM, CIME. */
  acronym: string;
  /** Present when the acronym is defined right here: `Long Form (ACR)` or `ACR (Long Form)`. */
  definition?: Definition;
}

/** A cue word or look-alike expansion found in a block. */
export interface CueHit {
  /** Index of the cue in the compiled cue table. */
  cue: number;
  /** Offset of the match in the block. */
  start: number;
  /** Offset just past the match in the block. */
  end: number;
}

/** Everything the detector needs to know about one block of text to decide its candidates later. */
export interface BlockAnalysis {
  /** The block's text; offsets of hits and mentions refer to it. */
  readonly text: string;
  /** Long names and aliases found in the block (accepted as they are). */
  readonly longForms: readonly LongFormHit[];
  /** Acronym candidates awaiting a decision. */
  readonly acronyms: readonly AcronymHit[];
  /** Cue hits around the acronyms, or null when the block has no acronym to decide (computed later if needed). */
  readonly cues: readonly CueHit[] | null;
  /** Stopword counts per language around the acronyms, or null when there are none. */
  readonly langCounts: Readonly<Record<string, number>> | null;
}

/** Document-level context the caller knows about. */
export interface DocumentContext {
  /** The page or document title: its cues and names count for every block. */
  title?: string;
  /** The page's URL: a site of data/sites.json raises the prior of bare acronyms (see sites.ts). */
  url?: string;
}
