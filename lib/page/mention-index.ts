import type { Mention, MentionSnippet } from '@/lib/mention';
import { compareComposed, isShadowRoot } from './shadow-roots';

/**
 * One mention on the page, as the hover card and the popup see it: the detector's mention with a place
 * on the page instead of offsets into a block's text.
 */
export interface MentionEntry extends Readonly<Omit<Mention, 'start' | 'end'>> {
  /** Stable id on this page: unchanged while the mention stays as it is ('reveal-mention' takes it). */
  readonly id: number;
  /** Where the mention is; never updated by the browser, so the index replaces it when the page changes. */
  readonly range: AbstractRange;
  /** The text nodes the range covers, first to last. */
  readonly nodes: readonly Text[];
  /** The mention in a short piece of the surrounding text. */
  readonly snippet: MentionSnippet;
  /** True when the mention is painted (the per-page cap leaves the rest unpainted but counted). */
  readonly highlighted: boolean;
}

/** The read side of the index: what other features (hover card, popup report) use. */
export interface MentionRegistry {
  /** Number of mentions on the page. */
  readonly size: number;
  /** Number of mentions painted. */
  readonly highlightedCount: number;
  /** The mention with this id, if it still exists. */
  get(id: number): MentionEntry | undefined;
  /**
   * The mentions in document order (across shadow roots: a shadow tree's mentions where its host is);
   * with `filter`, only those it keeps. Filter here rather than after:
   * ordering costs a DOM comparison per step, seconds for 100,000 mentions when only the painted few
   * (at most the cap) are wanted.
   */
  entries(filter?: (entry: MentionEntry) => boolean): MentionEntry[];
  /** The mention covering `offset` in text node `node` (a caret position), if any. */
  at(node: Node, offset: number): MentionEntry | undefined;
  /** Calls `listener` after each change; returns the function that stops it. */
  onChange(listener: () => void): () => void;
  /** The shadow roots that hold mentions (hit-testing must name them to see inside). */
  shadowRoots(): ShadowRoot[];
}

/** A mention to add: everything but the id and the highlighted flag. */
export type NewMention = Omit<MentionEntry, 'id' | 'highlighted'>;

/** Mutable entry kept inside the index. */
type Entry = { -readonly [K in keyof MentionEntry]: MentionEntry[K] };

/**
 * The page's mentions: ids, ranges, and a per-node lookup for hit-testing. Only its owner (the page
 * lens) adds and removes; everyone else reads through MentionRegistry.
 */
export class MentionIndex implements MentionRegistry {
  private readonly byId = new Map<number, Entry>();
  /**
   * The shadow root of each entry (by id) that starts in one, looked up once; the rest are in the document.
   * Kept for those entries only: a weak map holding every entry of a page of 100,000 mentions made the
   * browser's garbage collections longer than a slice.
   */
  private readonly rootOf = new Map<number, ShadowRoot>();
  /** Mentions per shadow root. */
  private readonly inShadow = new Map<ShadowRoot, number>();
  private byNode = new WeakMap<Node, Entry[]>();
  private readonly listeners = new Set<() => void>();
  private nextId = 1;
  private painted = 0;

  /** @param cap most mentions painted at once; the rest are kept and counted */
  constructor(private readonly cap: number) {}

  get size(): number {
    return this.byId.size;
  }

  get highlightedCount(): number {
    return this.painted;
  }

  get(id: number): MentionEntry | undefined {
    return this.byId.get(id);
  }

  entries(filter?: (entry: MentionEntry) => boolean): MentionEntry[] {
    const all: MentionEntry[] = [...this.byId.values()];
    const { rootOf } = this;
    return (filter ? all.filter(filter) : all).sort((a, b) => {
      const na = a.range.startContainer;
      const nb = b.range.startContainer;
      if (na === nb) return a.range.startOffset - b.range.startOffset;
      const ra = rootOf.get(a.id);
      const rb = rootOf.get(b.id);
      // Both in the document, or in one shadow tree: the DOM's own order.
      if (ra === rb) return na.compareDocumentPosition(nb) & 4 ? -1 : 1;
      return compareComposed(na, nb, ra ?? na.getRootNode(), rb ?? nb.getRootNode());
    });
  }

  shadowRoots(): ShadowRoot[] {
    return [...this.inShadow.keys()];
  }

  at(node: Node, offset: number): MentionEntry | undefined {
    for (const entry of this.byNode.get(node) ?? []) {
      const { range } = entry;
      const afterStart = node !== range.startContainer || offset >= range.startOffset;
      const beforeEnd = node !== range.endContainer || offset < range.endOffset;
      if (afterStart && beforeEnd) return entry;
    }
    return undefined;
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Adds a mention; it is painted while fewer than `cap` are. Returns the entry. */
  add(mention: NewMention): MentionEntry {
    const entry: Entry = { ...mention, id: this.nextId++, highlighted: this.painted < this.cap };
    if (entry.highlighted) this.painted++;
    this.byId.set(entry.id, entry);
    const root = entry.range.startContainer.getRootNode();
    if (isShadowRoot(root)) {
      this.rootOf.set(entry.id, root);
      this.inShadow.set(root, (this.inShadow.get(root) ?? 0) + 1);
    }
    for (const node of entry.nodes) {
      const list = this.byNode.get(node);
      if (list) list.push(entry);
      else this.byNode.set(node, [entry]);
    }
    return entry;
  }

  /**
   * Removes a mention. When it was painted, the first unpainted mention (in insertion order) takes its
   * place and is returned, so the caller can paint it.
   */
  remove(entry: MentionEntry): MentionEntry | undefined {
    const own = this.byId.get(entry.id);
    if (own === undefined) return undefined;
    this.byId.delete(own.id);
    const root = this.rootOf.get(own.id);
    if (root !== undefined) {
      this.rootOf.delete(own.id);
      const left = (this.inShadow.get(root) ?? 1) - 1;
      if (left > 0) this.inShadow.set(root, left);
      else this.inShadow.delete(root);
    }
    for (const node of own.nodes) {
      const list = this.byNode.get(node);
      if (!list) continue;
      const i = list.indexOf(own);
      if (i >= 0) list.splice(i, 1);
      if (list.length === 0) this.byNode.delete(node);
    }
    if (!own.highlighted) return undefined;
    this.painted--;
    for (const next of this.byId.values()) {
      if (next.highlighted) continue;
      next.highlighted = true;
      this.painted++;
      return next;
    }
    return undefined;
  }

  /** The mentions that cover `node`. */
  covering(node: Node): readonly MentionEntry[] {
    return this.byNode.get(node) ?? [];
  }

  /** Removes every mention. */
  clear(): void {
    this.byId.clear();
    this.byNode = new WeakMap();
    this.rootOf.clear();
    this.inShadow.clear();
    this.painted = 0;
  }

  /** Tells listeners that a batch of changes is complete. */
  notify(): void {
    for (const listener of this.listeners) listener();
  }
}
