import { composedParent } from './shadow-roots';

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

/** Elements laid out as blocks by default: text never runs across their edges. */
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

/** How an element shapes the text around it (one lookup per element: the scan's hot path). */
export const Kind = {
  /** Phrasing content: its text joins the text around it. */
  Inline: 0,
  /** A block that the pre-scan reads whole (p, h1, dt…). */
  Block: 1,
  /** A block that the pre-scan walks into (div, section, li…). */
  Container: 2,
  /** Never read; stands in the text as a mark (code, input…). */
  Skipped: 3,
  /** Never read, and laid out as a block (pre). */
  SkippedBlock: 4,
  /** `<br>`: a line break inside the block. */
  LineBreak: 5,
} as const;

/** One of the kinds above. */
export type Kind = (typeof Kind)[keyof typeof Kind];

const KINDS = new Map<string, Kind>();
for (const name of BLOCKS) KINDS.set(name, Kind.Block);
for (const name of CONTAINERS) KINDS.set(name, Kind.Container);
for (const name of SKIPPED) KINDS.set(name, BLOCKS.has(name) ? Kind.SkippedBlock : Kind.Skipped);
KINDS.set('br', Kind.LineBreak);

/** The element's kind by its tag name alone (editing hosts are found by `isSkipped`). */
export function kindOf(el: Element): Kind {
  const name = el.localName;
  const kind = KINDS.get(name);
  if (kind !== undefined) return kind;
  if (!name.includes('-')) return Kind.Inline;
  return name.startsWith(OWN_ELEMENT_PREFIX) ? Kind.SkippedBlock : Kind.Container;
}

/** True for elements the extension itself adds (`iom-lens-*`). */
export function isOwnElement(el: Element): boolean {
  return el.localName.startsWith(OWN_ELEMENT_PREFIX);
}

/** True when the element's own value says it is editable (`contenteditable` other than "false"). */
export function isEditingHost(el: Element): boolean {
  const value = el.getAttribute('contenteditable');
  return value !== null && value.toLowerCase() !== 'false';
}

/** True for the skipped kinds. */
export function isSkippedKind(kind: Kind): boolean {
  return kind === Kind.Skipped || kind === Kind.SkippedBlock;
}

/** True for the kinds that start and end blocks of text. */
export function isBlockKind(kind: Kind): boolean {
  return kind === Kind.Block || kind === Kind.Container || kind === Kind.SkippedBlock;
}

/** True when the element and everything inside it are left alone: skipped tags, editors, our own UI. */
export function isSkipped(el: Element): boolean {
  return isSkippedKind(kindOf(el)) || isEditingHost(el);
}

/**
 * True when the element starts and ends blocks of text. Custom elements (names with a hyphen) count as
 * blocks: they are mostly layout wrappers, and gluing the text of two of them would create words that
 * are not on the page.
 */
export function isBlock(el: Element): boolean {
  return isBlockKind(kindOf(el));
}

/** True when the pre-scan should walk into the element rather than read its text whole. */
export function isContainer(el: Element): boolean {
  return kindOf(el) === Kind.Container;
}

/** True when the element is a line break: it separates words but does not end a block. */
export function isLineBreak(el: Element): boolean {
  return el.localName === 'br';
}

/**
 * True when `node` is inside a part of the page that is never scanned (or is one), looking up to the
 * document root, through the hosts of shadow trees. Also true for nodes outside the document's body,
 * such as the head.
 */
export function isInSkippedRegion(node: Node, body: Element): boolean {
  let el: Element | null = node.nodeType === 1 ? (node as Element) : composedParent(node);
  for (; el !== null; el = composedParent(el)) {
    if (el === body) return false;
    if (isSkipped(el)) return true;
  }
  return true;
}
