/**
 * The page side of IOM Lens: finds mentions in live pages, paints them with the CSS Custom Highlight
 * API without touching the page's nodes, keeps up with page changes, and exposes the mentions to the
 * hover card and the popup. Framework-free; the DOM comes in as parameters. See docs/content-script.md.
 */
export { type Block, BlockBuilder, LINE_BREAK, locate, OBJECT_MARK, walkInto } from './blocks';
export { type ChangeBatch, ChangeCollector, MAX_REGIONS_PER_BATCH, regionOf } from './changes';
export { type ContentLens, type ContentLensDeps, type SettingsSource, startContentLens } from './controller';
export {
  DECIDER_GLOBAL,
  eagerDetector,
  type MentionDecider,
  type PageDetector,
} from './detector';
export { isBlock, isContainer, isSkipped, OWN_ELEMENT_PREFIX } from './dom-rules';
export {
  createHighlighter,
  createMemorySink,
  HIGHLIGHT_NAME,
  type Highlighter,
  type HighlightSink,
  highlightCss,
  supportsHighlights,
} from './highlighter';
export { type LensKit, lensKit } from './kit';
export { type LensDeps, type LensStats, MAX_HIGHLIGHTS, PageLens } from './lens';
export { type MentionEntry, MentionIndex, type MentionRegistry } from './mention-index';
export { KIT_GLOBAL, type PageKit } from './page-kit';
export { buildReport, REPORT_DEBOUNCE_MS, Reporter } from './report';
export { revealMention } from './reveal';
export { type ScanCounts, ScanTask } from './scan';
export { createYield, runSliced, SLICE_BUDGET_MS, type SlicedTask } from './slices';
export { snippetOf } from './snippet';
export { type UrlWatch, watchUrl } from './url-watch';
export { type SlicePhase, type WorkFigures, WorkMeter } from './work-meter';
