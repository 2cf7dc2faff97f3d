/**
 * What a mention of the organization is, for every part of the extension: the detector finds them, the
 * page lens keeps them, the popup lists them and the hover card explains them. Each part adds what it
 * needs (a range on the page, a piece of the surrounding text) to these fields rather than declaring
 * its own copy, so a field keeps one name from the detector to the popup.
 */

/** The organization's names by era, oldest first. */
export const ERAS = ['PICMME', 'ICEM', 'ICM', 'IOM'] as const;

/** The organization's name at a point in history: which of its four names a mention is. */
export type Era = (typeof ERAS)[number];

/** How a mention is written. */
export type MentionKind = 'acronym' | 'long' | 'alias';

/** Which of the organization's names a mention is, and in which language: what picks a card's content. */
export interface MentionName {
  /** Which name (era) of the organization this is. */
  name: Era;
  /** Id of the name in the names timeline: picmme, icem, icm or iom. */
  nameId: string;
  /** Language of the form (long forms) or of the acronym in its document (acronyms): en, fr, es, … */
  lang: string;
}

/** One accepted mention of the organization in a text. */
export interface Mention extends MentionName {
  /** UTF-16 code-unit offset of the first character. */
  start: number;
  /** UTF-16 code-unit offset just past the last character. */
  end: number;
  /** The text as written, `text.slice(start, end)`. */
  surface: string;
  /** Acronym, long name, or alias such as "UN Migration". */
  kind: MentionKind;
  /** How sure the detector is, 0..1; accepted mentions are at least 0.5. */
  confidence: number;
}

/**
 * A mention in a short piece of its surrounding text, whitespace collapsed, cut where the offsets are
 * known (so nothing has to find the mention in the piece again).
 */
export interface MentionSnippet {
  /** The text before the mention ("… " first where it was cut). */
  before: string;
  /** The mention, whitespace collapsed. */
  text: string;
  /** The text after the mention (" …" last where it was cut). */
  after: string;
}
