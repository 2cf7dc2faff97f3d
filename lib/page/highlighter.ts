import type { HighlightStyle } from '@/lib/settings';
import { OWN_ELEMENT_PREFIX } from './dom-rules';
import type { HighlightSink } from './highlight-sink';
import { isShadowRoot } from './shadow-roots';
import { createViewportSink } from './viewport-sink';

export type { HighlightSink } from './highlight-sink';

/**
 * Painting with the CSS Custom Highlight API: one named Highlight over StaticRanges and one <style>
 * element with its ::highlight() rule. The page's nodes are never touched; StaticRanges (unlike live
 * Ranges) cost the page nothing when it mutates (see docs/adr/003-highlight-api.md).
 */

/** Name of the one highlight the extension registers (`::highlight(iom-lens-mention)`). */
export const HIGHLIGHT_NAME = `${OWN_ELEMENT_PREFIX}mention`;

/** Marks the style element as ours, so our own mutation records can be told apart. */
export const STYLE_ATTRIBUTE = 'data-iom-lens';

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

/** Runs `fn` once `doc` has a <head> (documents may lack one for a while); returns the cancel function. */
function whenHead(doc: Document, win: typeof globalThis, fn: (head: HTMLHeadElement) => void): () => void {
  if (doc.head) {
    fn(doc.head);
    return () => {};
  }
  const observer = new win.MutationObserver(() => {
    if (!doc.head) return;
    observer.disconnect();
    fn(doc.head);
  });
  observer.observe(doc, { childList: true, subtree: true });
  return () => observer.disconnect();
}

/**
 * Registers the highlight in `doc`. The style element (the one element added outside our UI hosts) goes
 * into `<head>` only when the first mention is painted: while a stylesheet has a `::highlight()` rule,
 * every style pass of the page costs more (about +30 % on a 5 MB page here), so pages without mentions
 * must not carry one. Adding it later costs one style recalculation, on pages with mentions only.
 * The document's stylesheets do not style shadow trees, so a shadow root gets a copy of the style element
 * (appended after its own children; no text of the page is touched) when a mention in it is first painted;
 * the copies stay until `dispose()`, which removes them with the rest.
 * Without the Highlight API, mentions are still found and reported.
 */
export function createHighlighter(doc: Document, win: typeof globalThis, style: HighlightStyle): Highlighter {
  const api = highlightApi(win);
  const painted = api ? api.create() : createMemorySink();
  const styleEl = doc.createElement('style');
  styleEl.setAttribute(STYLE_ATTRIBUTE, '');
  styleEl.textContent = highlightCss(style);
  let cancelWait: (() => void) | null = null;
  /** The style's copy in each shadow root holding a painted mention. */
  const rootStyles = new Map<ShadowRoot, HTMLStyleElement>();
  const styleRootOf = (range: AbstractRange) => {
    const root = range.startContainer.getRootNode();
    if (!isShadowRoot(root) || rootStyles.has(root)) return;
    const copy = styleEl.cloneNode(true) as HTMLStyleElement;
    rootStyles.set(root, copy);
    root.append(copy);
  };
  const target: HighlightSink = {
    add(range) {
      cancelWait ??= whenHead(doc, win, (head) => head.append(styleEl));
      styleRootOf(range);
      painted.add(range);
    },
    delete: (range) => painted.delete(range),
    clear: () => painted.clear(),
    get size() {
      return painted.size;
    },
  };
  const sink = createViewportSink(win, target);
  const ensureRegistered = () => {
    if (api && api.registry.get(HIGHLIGHT_NAME) !== painted) api.registry.set(HIGHLIGHT_NAME, painted);
  };
  ensureRegistered();
  return {
    sink,
    setStyle(next) {
      const css = highlightCss(next);
      for (const el of [styleEl, ...rootStyles.values()]) if (el.textContent !== css) el.textContent = css;
    },
    ensureRegistered,
    dispose() {
      cancelWait?.();
      sink.clear();
      if (api && api.registry.get(HIGHLIGHT_NAME) === painted) api.registry.delete(HIGHLIGHT_NAME);
      styleEl.remove();
      for (const el of rootStyles.values()) el.remove();
      rootStyles.clear();
    },
  };
}
