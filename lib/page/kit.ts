import { isActiveOn } from '@/lib/settings/host-patterns';
import { createSettingsReader } from '@/lib/settings/reader';
import { createHighlighter } from './highlighter';
import { type LensDeps, PageLens } from './lens';
import { revealMention } from './reveal';

/**
 * What runs only on pages that have shown a candidate: the lens, the highlighter, revealing a mention and
 * reading the settings (their validation and the host-pattern rules).
 * The content script that every page loads carries none of it; at the first candidate it imports the
 * `page-lens.js` chunk (entrypoints/page-lens.ts), which hands this kit over through a global of the
 * content script's own world. Tests pass `lensKit` directly.
 */
export interface LensKit {
  /** A lens over the page (not started). */
  createLens<A>(deps: LensDeps<A>): PageLens<A>;
  /** The painter of one document. */
  createHighlighter: typeof createHighlighter;
  /** Scrolls a mention into view and selects it. */
  revealMention: typeof revealMention;
  /** True when the settings let IOM Lens run on a URL (pause, allow and deny lists). */
  isActiveOn: typeof isActiveOn;
  /** The content script's read-only view of the settings (validation and migration included). */
  createSettingsReader: typeof createSettingsReader;
}

/** The kit, for the chunk to hand over and for tests. */
export const lensKit: LensKit = {
  createLens: (deps) => new PageLens(deps),
  createHighlighter,
  revealMention,
  isActiveOn,
  createSettingsReader,
};
