import { Kind, kindOf } from './dom-rules';
import { UNDEFINED_ELEMENTS } from './shadow-roots';

/**
 * Finding, without visiting every element from script, the elements of a page whose shadow roots a scan
 * would read: custom elements, and containers without child elements (lib/page/scan.ts). On a small page
 * without a candidate in its light DOM this is all the candidate watch still does after one `textContent`,
 * and a script loop over every element cost more than that read: each element touched from an extension's
 * world first gets a wrapper there (about 5 ms of thread time on the bench's 100 KB page of 909 elements,
 * docs/content-script.md). A selector lets the browser do the looking, and only matches get wrappers.
 */

/**
 * The containers that may carry a shadow root: those `attachShadow` accepts (the DOM standard's list, less
 * `body`, which is where the search starts, and the blocks the scan reads whole). Other containers (lists,
 * tables, forms) can never be hosts, so they are not asked.
 */
const HOST_CONTAINERS = [
  'article',
  'aside',
  'blockquote',
  'div',
  'footer',
  'header',
  'main',
  'nav',
  'section',
];

/**
 * Every HTML element name, current and obsolete, plus the SVG and MathML roots: an element whose name is
 * not here is a custom element (or an unknown tag, filtered out after). CSS cannot match "a name with a
 * hyphen", so custom elements are matched as "none of these". The most frequent names on news pages come
 * first: the engine tries the list in order for each element, and this list is most of the selector's
 * cost (about 0.3 ms on the bench's 100 KB page with the common names first, 0.5 ms in alphabetical order).
 * A name missing here costs only a wrapper for each such element on the page.
 */
const KNOWN_ELEMENTS = [
  'div span a p li img ul i b strong em br h2 h3 section article svg button input label option td tr',
  'nav header footer time figure picture source h1 h4 ol form meta link script style noscript iframe',
  'abbr acronym address applet area aside audio base basefont bdi bdo bgsound big blink blockquote body',
  'canvas caption center cite code col colgroup data datalist dd del details dfn dialog dir dl dt embed',
  'fieldset figcaption font frame frameset h5 h6 head hgroup hr html image ins isindex kbd keygen legend',
  'listing main map mark marquee menu menuitem meter multicol nextid nobr noembed noframes object',
  'optgroup output param plaintext pre progress q rb rp rt rtc ruby s samp search select selectedcontent',
  'slot small spacer strike sub summary sup table tbody template textarea tfoot th thead title track tt',
  'u var video wbr xmp math',
].join(' ');

const KNOWN_OUTSIDE_SVG_AND_MATHML = `:not(:is(${KNOWN_ELEMENTS.split(' ').join(',')}, svg *, math *))`;
const LEAF_HOST_CONTAINERS = `:is(${HOST_CONTAINERS.join(',')}):not(:has(> *))`;

/**
 * Leaf host containers, and elements of no known name outside SVG and MathML (whose own element names,
 * some hyphenated, are never custom elements).
 */
export const SHADOW_HOST_SELECTOR = `${LEAF_HOST_CONTAINERS}, ${KNOWN_OUTSIDE_SVG_AND_MATHML}`;

/** The same, less the custom elements not defined yet (`pageShadowHostCandidates` asks only so many). */
export const DEFINED_SHADOW_HOST_SELECTOR = `${LEAF_HOST_CONTAINERS}, :defined${KNOWN_OUTSIDE_SVG_AND_MATHML}`;

/**
 * Custom elements not defined yet that a search asks for a root, at most: a page may hold thousands that
 * never will be (MathJax's `mjx-*` markup: 1,121 on the saved `mathjax` page, where asking each one cost
 * 8–23 ms against 1 ms for everything else). Such an element holds a root only if the page attached one
 * without defining it (declarative shadow DOM before the definition loads, or a script's `attachShadow`);
 * the rest are counted (`ShadowRoots.laterUnder`), and their region is searched again once that count
 * moves, as it does when they are defined.
 */
export const MAX_UNDEFINED_ASKED = 200;

const HTML_NAMESPACE = 'http://www.w3.org/1999/xhtml';

/**
 * True for an element a scan asks for its shadow root: a custom element (an HTML element with a hyphen in
 * its name; SVG's `font-face` is not one), or a container without child elements.
 */
export function isAskedHost(el: Element): boolean {
  if (el.localName.includes('-')) return el.namespaceURI === HTML_NAMESPACE;
  return el.firstElementChild === null && kindOf(el) === Kind.Container;
}

/**
 * The elements under `root` (an element or a shadow root) that a scan would ask for a shadow root, in
 * document order, or more (a caller asks each one anyway). By the selector where the engine has it (`:has`:
 * Chromium 105, Firefox 121, Safari 15.4); else by visiting every element.
 */
export function shadowHostCandidates(root: Element | ShadowRoot, selector = SHADOW_HOST_SELECTOR): Element[] {
  let matched: NodeListOf<Element>;
  try {
    matched = root.querySelectorAll(selector);
  } catch {
    // An engine without `:has`: every element (a shadow root has no getElementsByTagName).
    const all = 'getElementsByTagName' in root ? root.getElementsByTagName('*') : root.querySelectorAll('*');
    return [...all].filter(isAskedHost);
  }
  return [...matched].filter(isAskedHost);
}

/** What a whole page's search finds: the hosts to ask, and how many custom elements are not defined yet. */
export interface PageHosts {
  hosts: Element[];
  /** Custom elements not defined yet under the root, asked or not (for `ShadowRoots.laterUnder`). */
  notDefined: number;
}

/**
 * The same for a whole page (or a large region): the elements `shadowHostCandidates` finds, less the custom
 * elements not defined yet beyond the first MAX_UNDEFINED_ASKED, which come last. A small region is
 * cheaper to search in one query; a page of MathJax is not.
 */
export function pageShadowHostCandidates(root: Element | ShadowRoot): PageHosts {
  const hosts = shadowHostCandidates(root, DEFINED_SHADOW_HOST_SELECTOR);
  // Items of a NodeList are wrapped for script one by one, as they are read: only those asked cost.
  const notDefined = root.querySelectorAll(UNDEFINED_ELEMENTS);
  const asked = Math.min(notDefined.length, MAX_UNDEFINED_ASKED);
  for (let i = 0; i < asked; i++) {
    const el = notDefined[i] as Element;
    // Custom elements only (a DOM without `:defined`, such as the unit tests', matches every element).
    if (el.localName.includes('-') && isAskedHost(el)) hosts.push(el);
  }
  return { hosts, notDefined: notDefined.length };
}
