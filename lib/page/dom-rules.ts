/**
 * Which parts of a page are read, and how elements shape blocks of text. Decisions use tag names and
 * attributes only: computed styles would force style recalculation on every page we visit.
 */

/** Elements whose text is never scanned or highlighted: code, scripts, form fields and non-HTML content. */
const SKIPPED = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'textarea',
  'input',
  'select',
  'option',
  'optgroup',
  'datalist',
  'code',
  'pre',
  'kbd',
  'samp',
  // Not rendered as page text, or rendered where ::highlight() does not paint.
  'svg',
  'math',
  'iframe',
  'object',
  'embed',
  'canvas',
  'video',
  'audio',
  'head',
  'title',
]);

/** Prefix of every element the extension adds to pages (its UI hosts). */
export const OWN_ELEMENT_PREFIX = 'iom-lens-';

/**
 * Elements laid out as blocks by default: text never runs across their edges, so each starts and ends
 * a block of text. Custom elements (names with a hyphen) count as blocks too: they are mostly layout
 * wrappers, and gluing the text of two of them would create words that are not on the page.
 */
const BLOCKS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'button',
  'caption',
  'center',
  'dd',
  'details',
  'dialog',
  'dir',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'html',
  'legend',
  'li',
  'main',
  'menu',
  'nav',
  'ol',
  'p',
  'pre',
  'search',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
]);

/**
 * Blocks that usually hold other blocks: the cheap pre-scan walks into them instead of reading their
 * whole text at once, so one read never covers a large part of the page. Other blocks (p, h1, dt…)
 * are read whole with `textContent`, which is far cheaper than visiting their nodes from script.
 */
const CONTAINERS = new Set([
  'html',
  'body',
  'div',
  'section',
  'article',
  'main',
  'aside',
  'header',
  'footer',
  'nav',
  'ul',
  'ol',
  'dl',
  'menu',
  'table',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'td',
  'th',
  'li',
  'form',
  'fieldset',
  'figure',
  'details',
  'dialog',
  'blockquote',
  'center',
  'search',
  'hgroup',
  'address',
]);

/** True for elements the extension itself adds (`iom-lens-*`). */
export function isOwnElement(el: Element): boolean {
  return el.localName.startsWith(OWN_ELEMENT_PREFIX);
}

/** True when the element's own value says it is editable (`contenteditable` other than "false"). */
function isEditingHost(el: Element): boolean {
  const value = el.getAttribute('contenteditable');
  return value !== null && value.toLowerCase() !== 'false';
}

/** True when the element and everything inside it are left alone: skipped tags, editors, our own UI. */
export function isSkipped(el: Element): boolean {
  const name = el.localName;
  return SKIPPED.has(name) || name.startsWith(OWN_ELEMENT_PREFIX) || isEditingHost(el);
}

/** True when the element starts and ends blocks of text. */
export function isBlock(el: Element): boolean {
  const name = el.localName;
  return BLOCKS.has(name) || name.includes('-');
}

/** True when the pre-scan should walk into the element rather than read its text whole. */
export function isContainer(el: Element): boolean {
  const name = el.localName;
  return CONTAINERS.has(name) || name.includes('-');
}

/** True when the element is a line break: it separates words but does not end a block. */
export function isLineBreak(el: Element): boolean {
  return el.localName === 'br';
}

/**
 * True when `node` is inside a part of the page that is never scanned (or is one), looking up to the
 * document root. Also true for nodes outside the document's body, such as the head.
 */
export function isInSkippedRegion(node: Node, body: Element): boolean {
  let el: Element | null = node.nodeType === 1 ? (node as Element) : node.parentElement;
  for (; el !== null; el = el.parentElement) {
    if (el === body) return false;
    if (isSkipped(el)) return true;
  }
  return true;
}
