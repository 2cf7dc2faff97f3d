/**
 * The card's host: an `iom-lens-card` element with an open shadow root, holding the card's styles
 * and a positioned frame the card renders into. Appended to <html>, not <body>: a transformed or
 * filtered body would otherwise become the containing block of the fixed-position card.
 */
import { CARD_ELEMENT_NAME } from '@/lib/card/contract';

/** The host and the nodes inside it. */
export interface CardHost {
  /** The custom element in the page. */
  host: HTMLElement;
  /** Its open shadow root. */
  shadow: ShadowRoot;
  /** The fixed-position box the card renders into. */
  frame: HTMLDivElement;
  /** Removes everything. */
  remove(): void;
}

/**
 * Creates the host with `css` in its shadow root. Constructed stylesheets first: page CSPs without
 * 'unsafe-inline' do not govern them; a <style> element is the fallback where adopting fails (some
 * content-script worlds cannot hand their sheets to the page's nodes).
 */
export function createCardHost(doc: Document, css: string): CardHost {
  // Not a registered custom element: content scripts have no `customElements` in Chromium. An unknown
  // element with a valid custom-element name can still carry a shadow root.
  const host = doc.createElement(CARD_ELEMENT_NAME);
  const shadow = host.attachShadow({ mode: 'open' });
  if (!adoptStyles(doc, shadow, css)) {
    const style = doc.createElement('style');
    style.textContent = css;
    shadow.append(style);
  }
  const frame = doc.createElement('div');
  frame.className = 'frame';
  shadow.append(frame);
  (doc.documentElement ?? doc).append(host);
  return { host, shadow, frame, remove: () => host.remove() };
}

function adoptStyles(doc: Document, shadow: ShadowRoot, css: string): boolean {
  try {
    const Sheet = doc.defaultView?.CSSStyleSheet;
    if (!Sheet || !('adoptedStyleSheets' in shadow)) return false;
    const sheet = new Sheet();
    sheet.replaceSync(css);
    shadow.adoptedStyleSheets = [sheet];
    return shadow.adoptedStyleSheets.length === 1;
  } catch {
    return false;
  }
}
