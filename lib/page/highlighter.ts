import type { HighlightStyle } from '@/lib/settings';
import { OWN_ELEMENT_PREFIX } from './dom-rules';

/**
 * Painting with the CSS Custom Highlight API: one named Highlight over StaticRanges and one <style>
 * element with its ::highlight() rule. The page's nodes are never touched; StaticRanges (unlike live
 * Ranges) cost the page nothing when it mutates (see docs/adr/003-highlight-api.md).
 */

/** Name of the one highlight the extension registers (`::highlight(iom-lens-mention)`). */
export const HIGHLIGHT_NAME = `${OWN_ELEMENT_PREFIX}mention`;

/** Marks the style element as ours, so our own mutation records can be told apart. */
export const STYLE_ATTRIBUTE = 'data-iom-lens';

/** Where painted ranges go: the real Highlight in browsers, a plain set in unit tests. */
export interface HighlightSink {
  /** Paints a range. */
  add(range: AbstractRange): void;
  /** Stops painting a range. */
  delete(range: AbstractRange): void;
  /** Stops painting everything. */
  clear(): void;
  /** Number of ranges painted. */
  readonly size: number;
}

/** A painter bound to one document. */
export interface Highlighter {
  /** The painted ranges. */
  readonly sink: HighlightSink;
  /** Switches the look of the marks. */
  setStyle(style: HighlightStyle): void;
  /** Registers the highlight again if the page removed it from `CSS.highlights`. */
  ensureRegistered(): void;
  /** Removes the highlight and the style element. */
  dispose(): void;
}

/**
 * The mark for each style, readable on light and dark pages alike: a mid-blue underline (3:1 or more
 * against both white and black) or a translucent amber background that keeps light and dark text
 * legible. In forced-colors mode the system's own highlight colours are used.
 */
export function highlightCss(style: HighlightStyle): string {
  const selector = `::highlight(${HIGHLIGHT_NAME})`;
  if (style === 'none') return '';
  const mark =
    style === 'underline'
      ? 'text-decoration: underline dotted 2px #2f7fd8;'
      : 'background-color: rgb(255 190 0 / 0.38);';
  const forced =
    style === 'underline' ? 'text-decoration-color: LinkText;' : 'background-color: Mark; color: MarkText;';
  return `${selector} { ${mark} }\n@media (forced-colors: active) { ${selector} { ${forced} } }`;
}

/** The page's `CSS.highlights` and `Highlight` where the browser has them. */
interface HighlightApi {
  registry: Map<string, unknown>;
  create: () => HighlightSink;
}

function highlightApi(win: typeof globalThis): HighlightApi | null {
  const css = (win as { CSS?: { highlights?: Map<string, unknown> } }).CSS;
  const Ctor = (win as { Highlight?: new () => HighlightSink }).Highlight;
  if (!css?.highlights || typeof Ctor !== 'function') return null;
  return { registry: css.highlights, create: () => new Ctor() };
}

/** True when the browser can paint highlights. */
export function supportsHighlights(win: typeof globalThis): boolean {
  return highlightApi(win) !== null;
}

/** A sink that only remembers ranges, for browsers without the Highlight API and for tests. */
export function createMemorySink(): HighlightSink & { ranges: Set<AbstractRange> } {
  const ranges = new Set<AbstractRange>();
  return {
    ranges,
    add: (range) => void ranges.add(range),
    delete: (range) => void ranges.delete(range),
    clear: () => ranges.clear(),
    get size() {
      return ranges.size;
    },
  };
}

/**
 * Registers the highlight in `doc` and adds the style element to its head (the one element added
 * outside our UI hosts). Without the Highlight API, mentions are still found and reported.
 */
export function createHighlighter(doc: Document, win: typeof globalThis, style: HighlightStyle): Highlighter {
  const api = highlightApi(win);
  const sink = api ? api.create() : createMemorySink();
  const styleEl = doc.createElement('style');
  styleEl.setAttribute(STYLE_ATTRIBUTE, '');
  styleEl.textContent = highlightCss(style);
  (doc.head ?? doc.documentElement).append(styleEl);
  const ensureRegistered = () => {
    if (api && api.registry.get(HIGHLIGHT_NAME) !== sink) api.registry.set(HIGHLIGHT_NAME, sink);
  };
  ensureRegistered();
  return {
    sink,
    setStyle(next) {
      const css = highlightCss(next);
      if (styleEl.textContent !== css) styleEl.textContent = css;
    },
    ensureRegistered,
    dispose() {
      sink.clear();
      if (api && api.registry.get(HIGHLIGHT_NAME) === sink) api.registry.delete(HIGHLIGHT_NAME);
      styleEl.remove();
    },
  };
}
