import type { HighlightStyle } from '@/lib/settings';
import { OWN_ELEMENT_PREFIX } from './dom-rules';
import { isShadowRoot } from './shadow-roots';

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
  /** Number of ranges added (to be painted). */
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
 * How far beyond the viewport mentions are painted, as an IntersectionObserver rootMargin: a quarter of
 * a viewport above and below, so marks are in place before they scroll into view. Chromium re-validates
 * every registered range on each frame in which the page's DOM changed (about 5 µs per range per frame
 * here), so painting only what is near the viewport keeps busy pages fast; a wider margin paints more
 * ranges for no visible gain.
 */
export const PAINT_MARGIN = '25% 0px';

/**
 * A sink that passes on only the ranges near the viewport: `add` and `delete` say which ranges should
 * be painted, and an IntersectionObserver on each range's element moves them in and out of `target`.
 * Where IntersectionObserver is missing (unit tests), every range is painted.
 */
export function createViewportSink(win: typeof globalThis, target: HighlightSink): HighlightSink {
  const Observer = (win as { IntersectionObserver?: typeof IntersectionObserver }).IntersectionObserver;
  if (typeof Observer !== 'function') return target;
  const wanted = new Set<AbstractRange>();
  const byElement = new Map<Element, Set<AbstractRange>>();
  const elementOf = new Map<AbstractRange, Element>();
  const near = new Set<Element>();
  let observer: IntersectionObserver | null = null;
  // Created on the first range: pages without mentions never get one.
  const observe = (el: Element) => {
    observer ??= new Observer(onIntersection, { rootMargin: PAINT_MARGIN });
    observer.observe(el); // reports the element's current state asynchronously
  };
  const onIntersection = (entries: IntersectionObserverEntry[]) => {
    for (const entry of entries) {
      const ranges = byElement.get(entry.target);
      if (!ranges) continue;
      if (entry.isIntersecting) near.add(entry.target);
      else near.delete(entry.target);
      for (const range of ranges) {
        if (entry.isIntersecting) target.add(range);
        else target.delete(range);
      }
    }
  };
  return {
    add(range) {
      wanted.add(range);
      const el = range.startContainer.parentElement;
      if (el === null) return target.add(range);
      elementOf.set(range, el);
      let ranges = byElement.get(el);
      if (!ranges) {
        ranges = new Set();
        byElement.set(el, ranges);
        observe(el);
      }
      ranges.add(range);
      if (near.has(el)) target.add(range);
    },
    delete(range) {
      wanted.delete(range);
      target.delete(range);
      const el = elementOf.get(range);
      if (el === undefined) return;
      elementOf.delete(range);
      const ranges = byElement.get(el);
      ranges?.delete(range);
      if (ranges && ranges.size === 0) {
        byElement.delete(el);
        near.delete(el);
        observer?.unobserve(el);
      }
    },
    clear() {
      observer?.disconnect();
      observer = null;
      wanted.clear();
      byElement.clear();
      elementOf.clear();
      near.clear();
      target.clear();
    },
    get size() {
      return wanted.size;
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
