import type { Era } from '@/lib/settings';

/** A mention as the detector reports it (offsets into one block's text). */
export interface DetectedMention {
  /** UTF-16 offset of the first character in the block's text. */
  start: number;
  /** UTF-16 offset just past the last character. */
  end: number;
  /** The text as written. */
  surface: string;
  /** Which name of the organization it is. */
  name: Era;
  /** Id of the name in the names timeline. */
  nameId: string;
  /** Language of the form. */
  lang: string;
  /** Acronym, long name or alias. */
  kind: 'acronym' | 'long' | 'alias';
  /** Confidence, 0..1. */
  confidence: number;
}

/**
 * The detector functions the page scanner uses, passed in so tests can use a small fake and the
 * content script the real detector (lib/detect). `A` is the detector's per-block analysis.
 */
export interface PageDetector<A = unknown> {
  /** Cheapest correct pre-check: false means the text cannot contain a mention. */
  hasCandidate(text: string): boolean;
  /** Analyses one block of text (cheap when it has no candidate). */
  analyzeBlock(text: string): A;
  /** Decides every block's mentions with the whole document as context; one list per block. */
  resolveDocument(blocks: readonly A[], context?: { title?: string }): DetectedMention[][];
}
