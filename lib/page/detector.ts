import type { Mention } from '@/lib/mention';

/** What the detector knows of the page besides its text: its title and its URL (the site is evidence). */
export interface PageContext {
  /** The document's title. */
  title?: string;
  /** The page's URL. */
  url?: string;
}

/** The deciding half of the detector: heavier (cue lexicons, definitions), so loaded on first need. */
export interface MentionDecider<A = unknown> {
  /** Analyses one block of text. */
  analyzeBlock(text: string): A;
  /** Decides every block's mentions with the whole document as context; one list per block. */
  resolveDocument(blocks: readonly A[], context?: PageContext): Mention[][];
  /**
   * The same decision in small steps (a generator that yields between them), so that a long page's
   * decision can be spread over several slices. Without it the lens decides in one call.
   */
  resolveDocumentSteps?(blocks: readonly A[], context?: PageContext): Generator<void, Mention[][], void>;
  /**
   * Prepares the detector in steps of a few milliseconds (tables, regular expressions), which the first
   * analysis would otherwise do in one long piece. Optional; the lens runs it once, before analysing.
   */
  warmUpSteps?(): Generator<void, void, void>;
}

/**
 * The detector as the page lens uses it: the cheap pre-check, always at hand, and the deciding half,
 * loaded when the page first shows a candidate (most pages never do). `A` is the per-block analysis.
 */
export interface PageDetector<A = unknown> {
  /** Cheapest correct pre-check: false means the text cannot contain a mention. */
  hasCandidate(text: string): boolean;
  /** Loads the deciding half (called once, on the first block that has a candidate). */
  load(): Promise<MentionDecider<A>>;
}

/**
 * Name of the global through which the lazily loaded detector script hands over its functions. It is
 * set in the content script's own world (isolated world / sandbox), which pages cannot see.
 */
export const DECIDER_GLOBAL = 'iomLensDecider';

/** A detector whose deciding half is already loaded (tests, Node tools). */
export function eagerDetector<A>(
  detector: MentionDecider<A> & Pick<PageDetector<A>, 'hasCandidate'>,
): PageDetector<A> {
  const { resolveDocumentSteps, warmUpSteps } = detector;
  const decider: MentionDecider<A> = {
    analyzeBlock: (text) => detector.analyzeBlock(text),
    resolveDocument: (blocks, context) => detector.resolveDocument(blocks, context),
    ...(resolveDocumentSteps && { resolveDocumentSteps: resolveDocumentSteps.bind(detector) }),
    ...(warmUpSteps && { warmUpSteps: warmUpSteps.bind(detector) }),
  };
  return { hasCandidate: (text) => detector.hasCandidate(text), load: () => Promise.resolve(decider) };
}
