import { isBlock, isInSkippedRegion, isOwnElement, isSkipped } from './dom-rules';
import { STYLE_ATTRIBUTE } from './highlighter';
import { isShadowRoot, type ScanRoot } from './shadow-roots';

/**
 * Turns batches of MutationRecords into the regions of the page to scan again: the nearest block
 * around each change, or the added block itself when a whole block was inserted between other blocks
 * (the common case of lists, feeds and single-page apps, which would otherwise rescan their container).
 */

/**
 * Most regions rescanned one by one per batch: past this many, regions are merged into their common
 * ancestors (one rescan of a list beats hundreds of rescans of its items, and keeps the overlap
 * checks short).
 */
export const MAX_REGIONS_PER_BATCH = 200;

/**
 * Records between two flushes past which each childList record is only noted by its parent, without
 * looking at its nodes and siblings: a page rebuilding itself should not pay per node for our sake.
 */
export const BURST_RECORDS = 500;

/**
 * Blocks inserted into one parent between two flushes past which the parent is rescanned as a whole:
 * rescanning a list once costs less than looking at each of its new items as it comes.
 */
export const MAX_INSERTS_PER_PARENT = 8;

/** What a batch of changes asks for. */
export interface ChangeBatch {
  /** Block elements and shadow roots to rescan, none inside another of the same tree. */
  regions: ScanRoot[];
  /** True when the whole page should be rescanned instead. */
  full: boolean;
}

/** True for nodes the extension added (UI hosts, its style element). */
export function isOwnNode(node: Node): boolean {
  if (node.nodeType !== 1) return false;
  const el = node as Element;
  return isOwnElement(el) || (el.localName === 'style' && el.hasAttribute(STYLE_ATTRIBUTE));
}

/** True for a node that never joins text on its sides into a block: a block or skipped element, a comment, blank text. */
function isBlockBoundary(node: Node | null): boolean {
  if (node === null) return true;
  if (node.nodeType === 1) return isBlock(node as Element) || isSkipped(node as Element);
  if (node.nodeType === 3) return (node as Text).data.trim() === '';
  return node.nodeType === 8;
}

function allMatch(list: NodeList, test: (node: Node) => boolean): boolean {
  for (let i = 0; i < list.length; i++) if (!test(list[i] as Node)) return false;
  return true;
}

/** Collects changes between two flushes. */
export class ChangeCollector {
  private readonly targets = new Set<Node>();
  private readonly inserted = new Set<Element>();
  /** Blocks inserted into each parent since the last flush. */
  private readonly insertsInto = new Map<Node, number>();
  /** True when something other than our UI was added to <html> itself (a new body). */
  private topChanged = false;
  /** Records seen since the last `take()`. */
  records = 0;

  /**
   * Notes a batch of records, and tells `onTextChanged` of each text node whose data changed (in the same
   * pass: the observer's callback runs on every page change, and each record read costs there).
   */
  add(records: readonly MutationRecord[], onTextChanged?: (node: Node) => void): void {
    this.records += records.length;
    for (const record of records) {
      if (record.type === 'characterData') {
        const target = record.target;
        this.targets.add(target);
        onTextChanged?.(target);
      } else if (record.type === 'attributes') {
        // contenteditable switched: the element itself may now be skipped, so start from its parent.
        this.targets.add(record.target.parentNode ?? record.target);
      } else {
        this.addChildList(record);
      }
    }
  }

  private addChildList(record: MutationRecord): void {
    const target = record.target;
    // Nothing more to learn about a parent already due for a rescan. (Kept cheap: pages can make
    // thousands of changes in one task, and this runs for each.)
    if (this.targets.has(target)) return;
    const { addedNodes, removedNodes } = record;
    // Our own style element going into a shadow root (the highlighter's) changes no text.
    if (removedNodes.length === 0 && addedNodes.length > 0 && allMatch(addedNodes, isOwnNode)) return;
    if ((target as Element).localName === 'html') {
      // Our UI hosts live here; anything else added here (a new <body>) calls for a full rescan.
      if (!allMatch(addedNodes, isOwnNode)) this.topChanged = true;
      return;
    }
    if (this.records > BURST_RECORDS) {
      this.targets.add(target);
      return;
    }
    // Whole blocks inserted or removed between blocks leave the text around them as it was.
    const isolated =
      isBlockBoundary(record.previousSibling) &&
      isBlockBoundary(record.nextSibling) &&
      allMatch(addedNodes, isBlockBoundary) &&
      allMatch(removedNodes, isBlockBoundary);
    if (!isolated) {
      this.targets.add(target);
      return;
    }
    for (let i = 0; i < addedNodes.length; i++) {
      const node = addedNodes[i] as Node;
      if (node.nodeType === 1 && !isSkipped(node as Element)) this.inserted.add(node as Element);
    }
    // A list receiving many items: one rescan of the list from here on, and no look at each next item.
    const inserts = (this.insertsInto.get(target) ?? 0) + 1;
    this.insertsInto.set(target, inserts);
    if (inserts > MAX_INSERTS_PER_PARENT) this.targets.add(target);
  }

  /** Forgets everything collected. */
  clear(): void {
    this.targets.clear();
    this.inserted.clear();
    this.insertsInto.clear();
    this.topChanged = false;
    this.records = 0;
  }

  /** True when nothing is waiting. */
  get empty(): boolean {
    return this.targets.size === 0 && this.inserted.size === 0 && !this.topChanged;
  }

  /** Returns the regions to rescan for everything collected, and forgets it. */
  take(body: Element): ChangeBatch {
    const found = new Set<ScanRoot>();
    let full = false;
    for (const target of this.targets) {
      const region = regionOf(target, body);
      if (region === body) full = true;
      else if (region !== null) found.add(region);
    }
    for (const el of this.inserted) {
      if (el.isConnected && regionOf(el, body) !== null) found.add(el);
    }
    if (this.topChanged) full = true;
    this.clear();
    if (full) return { regions: [], full: true };
    // Many small regions (a feed adding hundreds of items) become their common ancestors, level by
    // level, so one rescan covers them; only when that reaches the body is the whole page rescanned.
    let regions = outermost(found);
    while (regions.length > MAX_REGIONS_PER_BATCH) {
      const up = new Set<ScanRoot>();
      for (const region of regions) {
        // A shadow root stays as it is; a block climbs to the block or shadow root around it.
        const parent = isShadowRoot(region) ? null : region.parentNode;
        const next = parent === null ? region : regionOf(parent, body);
        if (next === body) return { regions: [], full: true };
        if (next !== null) up.add(next);
      }
      // Hundreds of shadow roots changed at once: they cannot merge, so the whole page is read again.
      if (up.size >= regions.length) return { regions: [], full: true };
      regions = outermost(up);
    }
    return { regions, full: false };
  }
}

/**
 * The nearest block element around `node` (itself included) that is scanned, or null when `node` is
 * in a skipped region, outside `body` or no longer in the document. May return `body` itself. In a
 * shadow tree: the nearest block inside that tree, or its shadow root, when the host is read.
 */
export function regionOf(node: Node, body: Element): ScanRoot | null {
  let el: Element | null = node.nodeType === 1 ? (node as Element) : node.parentElement;
  let top: Node = node;
  let region: Element | null = null;
  for (; el !== null; top = el, el = el.parentElement) {
    if (isSkipped(el)) return null;
    if (region === null && isBlock(el)) region = el;
    if (el === body) return region ?? body;
  }
  const root = isShadowRoot(top) ? top : top.parentNode;
  if (isShadowRoot(root) && !isInSkippedRegion(root.host, body)) return region ?? root;
  return null;
}

/** Drops regions that lie inside another region of the set (of the same tree). */
function outermost(regions: Set<ScanRoot>): ScanRoot[] {
  const out: ScanRoot[] = [];
  for (const region of regions) {
    let inner = false;
    for (let up = region.parentElement; up !== null && !inner; up = up.parentElement) inner = regions.has(up);
    if (!inner) out.push(region);
  }
  return out;
}
