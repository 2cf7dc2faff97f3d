/**
 * Text in shadow trees: finding the shadow roots of a page, observing each one (a MutationObserver on the
 * document does not see inside them) and ordering nodes across them. The scan asks `rootOf` of each
 * element it enters (containers and blocks: custom elements are containers), so a page without shadow
 * roots pays one property read per container; see docs/content-script.md.
 *
 * There is no event for `attachShadow`. A root is noticed when the scan meets its host: at the first
 * read, when a page change rescans the region around it, or, for a custom element met before its
 * definition upgraded it, by a few re-checks of such elements later on (`RECHECK_DELAYS_MS`).
 */

/** Where a scan starts: a block of the document or of a shadow tree, or a whole shadow root. */
export type ScanRoot = Element | ShadowRoot;

/** What the lens and the candidate watch observe, in the document and in every shadow root alike. */
export const PAGE_CHANGES: MutationObserverInit = {
  childList: true,
  characterData: true,
  subtree: true,
  attributes: true,
  // An editor turned back into page text (contenteditable removed) is read again.
  attributeFilter: ['contenteditable'],
};

/**
 * After a read meets custom elements their definition has not upgraded yet (`:not(:defined)`), they are
 * looked at again this long after (ms): a definition loaded with the page's scripts usually upgrades
 * them within a second or two, and an upgrade that attaches a shadow root tells nobody.
 */
export const RECHECK_DELAYS_MS = [300, 1000, 3000] as const;

/**
 * Most custom elements waiting for a re-check at once: a page of thousands of undefined custom elements
 * gets the first ones re-checked (roots inside them are still found when the page changes around them).
 */
export const MAX_PENDING_HOSTS = 500;

/** True for a shadow root (a document fragment with a host). */
export function isShadowRoot(node: Node | null | undefined): node is ShadowRoot {
  return node != null && node.nodeType === 11 && (node as ShadowRoot).host != null;
}

/** The element above `node` in the composed tree: its parent element, or its shadow root's host. */
export function composedParent(node: Node): Element | null {
  if (isShadowRoot(node)) return node.host;
  const parent = node.parentElement;
  if (parent !== null) return parent;
  const up = node.parentNode;
  return isShadowRoot(up) ? up.host : null;
}

type ClosedRootReader = (el: Element) => ShadowRoot | null;

/**
 * The browser's extension-only way to a closed shadow root: `chrome.dom.openOrClosedShadowRoot`
 * (Chromium, content scripts included) or `Element.openOrClosedShadowRoot` (Firefox content scripts).
 * Null where neither exists (a page's own world, unit tests): closed roots are then left alone.
 */
let closedRootReader: ClosedRootReader | null | undefined;
function closedRoots(el: Element): ClosedRootReader | null {
  if (closedRootReader !== undefined) return closedRootReader;
  const dom = (globalThis as { chrome?: { dom?: { openOrClosedShadowRoot?: ClosedRootReader } } }).chrome
    ?.dom;
  const chromium = dom?.openOrClosedShadowRoot;
  if (typeof chromium === 'function') {
    // Asked once to see that it answers (test doubles of the extension API throw "not implemented").
    try {
      chromium.call(dom, el);
      closedRootReader = (host) => chromium.call(dom, host) ?? null;
    } catch {
      closedRootReader = null;
    }
  } else if ('openOrClosedShadowRoot' in el)
    closedRootReader = (host) =>
      (host as { openOrClosedShadowRoot?: ShadowRoot | null }).openOrClosedShadowRoot ?? null;
  else closedRootReader = null;
  return closedRootReader;
}

/**
 * The shadow root of `el`, open or closed where the browser lets extensions see closed ones. Closed
 * roots are looked for on custom elements only (names with a hyphen): that lookup is an extension API
 * call, too dear for every container of a page, and the standard elements that may host a root
 * (div, section, p…) almost always host open ones.
 */
export function shadowRootOf(el: Element): ShadowRoot | null {
  const open = el.shadowRoot;
  if (open) return open;
  // Asked of undefined custom elements too: a page's script may attach a closed root to one it never
  // defines (the searches bound how many of those are asked: shadow-hosts.ts).
  if (!el.localName.includes('-')) return null;
  return closedRoots(el)?.(el) ?? null;
}

/** What the scan asks of whoever follows shadow roots. */
export interface ShadowFinder {
  /** The shadow root of `el`, to be read, or null. */
  rootOf(el: Element): ShadowRoot | null;
  /** True once any shadow root was found on the page. */
  readonly any: boolean;
}

/** What a `ShadowRoots` needs from its owner. */
export interface ShadowRootsDeps {
  /** Timers come from here. */
  win: Pick<typeof globalThis, 'setTimeout' | 'clearTimeout'>;
  /** Starts observing a root met for the first time (the owner's observer, `PAGE_CHANGES`). */
  observe(root: ShadowRoot): void;
  /** A root found by a re-check: it has not been read yet. */
  onLateRoot(root: ShadowRoot): void;
  /**
   * The elements under a region that may host a shadow root, found by selector (shadow-hosts.ts); only
   * needed by owners that call `laterUnder`.
   */
  hostsIn?(region: Element | ShadowRoot): Iterable<Element>;
}

/** Custom elements not defined yet (they may be upgraded later and attach a root then). */
export const UNDEFINED_ELEMENTS = ':not(:defined)';

/** The shadow roots of one page as its reader (the lens or the candidate watch) found them. */
export class ShadowRoots implements ShadowFinder {
  private readonly known = new Set<ShadowRoot>();
  /** Custom elements not upgraded yet when met, to be looked at again. */
  private readonly pending = new Set<Element>();
  /** Regions searched by selector, with how many custom elements in them were not defined yet. */
  private readonly regions = new Map<Element | ShadowRoot, number>();
  private round = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private disposed = false;

  constructor(private readonly deps: ShadowRootsDeps) {}

  get any(): boolean {
    return this.known.size > 0;
  }

  /** Roots found so far. */
  get size(): number {
    return this.known.size;
  }

  rootOf(el: Element): ShadowRoot | null {
    const root = shadowRootOf(el);
    if (root !== null) this.found(root);
    else if (el.localName.includes('-')) this.later(el);
    return root;
  }

  /**
   * Notes how many custom elements under `region` are not defined yet, after a search by selector that
   * leaves them out (shadow-hosts.ts): a page may hold thousands that never will be (MathJax's `mjx-*`
   * markup), and meeting each one would cost a wrapper and a lookup. A re-check that counts a different
   * number searches the region again for roots not seen yet. `count` is that number as the search found it
   * (`pageShadowHostCandidates`), so the page is not queried a second time for it.
   */
  laterUnder(region: Element | ShadowRoot, count: number): void {
    if (this.disposed || !this.deps.hostsIn || this.regions.size >= MAX_PENDING_HOSTS) return;
    if (count === 0) return;
    this.regions.set(region, count);
    this.startRechecks();
  }

  /** Stops the re-checks and forgets every root (observers are the owner's to disconnect). */
  dispose(): void {
    this.disposed = true;
    clearTimeout(this.timer);
    this.timer = undefined;
    this.pending.clear();
    this.regions.clear();
    this.known.clear();
  }

  private found(root: ShadowRoot): void {
    if (this.known.has(root) || this.disposed) return;
    this.known.add(root);
    this.deps.observe(root);
  }

  private later(el: Element): void {
    if (this.disposed || this.pending.size >= MAX_PENDING_HOSTS || el.matches(':defined')) return;
    this.pending.add(el);
    this.startRechecks();
  }

  private startRechecks(): void {
    if (this.timer === undefined) {
      this.round = 0;
      this.schedule();
    }
  }

  private schedule(): void {
    const delay = RECHECK_DELAYS_MS[this.round];
    const previous = this.round > 0 ? (RECHECK_DELAYS_MS[this.round - 1] as number) : 0;
    if (delay === undefined) {
      this.timer = undefined;
      this.pending.clear(); // still not upgraded: left to the page's changes
      this.regions.clear();
      return;
    }
    this.timer = this.deps.win.setTimeout(() => this.recheck(), delay - previous);
  }

  private recheck(): void {
    for (const el of this.pending) {
      if (!el.isConnected) {
        this.pending.delete(el);
        continue;
      }
      const root = shadowRootOf(el);
      if (root === null && !el.matches(':defined')) continue;
      this.pending.delete(el); // upgraded, with or without a root
      if (root === null || this.known.has(root)) continue;
      this.found(root);
      this.deps.onLateRoot(root);
    }
    for (const [region, count] of this.regions) this.recheckRegion(region, count);
    this.round++;
    if ((this.pending.size === 0 && this.regions.size === 0) || this.disposed) this.timer = undefined;
    else this.schedule();
  }

  /** Counts a region's undefined custom elements again; when the number moved, looks for new roots there. */
  private recheckRegion(region: Element | ShadowRoot, count: number): void {
    const now = region.isConnected ? region.querySelectorAll(UNDEFINED_ELEMENTS).length : 0;
    if (now === 0) this.regions.delete(region);
    else this.regions.set(region, now);
    if (now === count || !region.isConnected) return;
    for (const el of this.deps.hostsIn?.(region) ?? []) {
      const root = shadowRootOf(el);
      if (root === null || this.known.has(root)) continue;
      this.found(root);
      this.deps.onLateRoot(root);
    }
  }
}

/** `node`, then the host of each shadow tree it is in, innermost first. */
function hostChain(node: Node): Node[] {
  const chain: Node[] = [];
  for (let at: Node | null = node; at !== null; ) {
    chain.push(at);
    const root = at.getRootNode();
    at = isShadowRoot(root) ? root.host : null;
  }
  return chain;
}

/**
 * Orders two nodes in the composed tree: a node in a shadow tree stands where its host is, before the
 * host's own children. Negative when `a` comes first. `rootA` and `rootB` are the nodes' roots
 * (`getRootNode()`), which callers sorting many nodes look up once.
 */
export function compareComposed(a: Node, b: Node, rootA: Node, rootB: Node): number {
  // DOCUMENT_POSITION_FOLLOWING (4): b comes after a.
  if (rootA === rootB) return a.compareDocumentPosition(b) & 4 ? -1 : 1;
  const chainB = hostChain(b);
  for (const x of hostChain(a)) {
    const root = x.getRootNode();
    for (const y of chainB) {
      if (y.getRootNode() !== root) continue;
      if (x === y) return x === a ? -1 : y === b ? 1 : 0; // one is the host of the other's tree
      return x.compareDocumentPosition(y) & 4 ? -1 : 1;
    }
  }
  return 0; // in no common tree (a detached part)
}
