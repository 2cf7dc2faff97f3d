/**
 * The page lens's memory of the page: one record per block of text that may hold mentions, with the
 * detector's analysis and the block's current mentions, and which records page changes touched since
 * they were last decided.
 */
import type { Mention } from '@/lib/mention';
import { type Block, isBlockCurrent } from './blocks';
import type { MentionEntry } from './mention-index';

/** A block that may hold mentions, with the detector's analysis and its current mentions. */
export interface BlockRecord<A> {
  block: Block;
  /** The detector's analysis, or null until the deciding half of the detector has run on it. */
  analysis: A | null;
  /** The block's mentions as last decided (offsets into the block's text). */
  mentions: Mention[];
  /** Their entries in the page's mention index. */
  entries: MentionEntry[];
}

/** The records of a page, by block and by text node. */
export class BlockRecords<A> {
  private records = new Set<BlockRecord<A>>();
  /** The record each text node of a record belongs to: page changes mark records to check. */
  private recordOf = new WeakMap<Node, BlockRecord<A>>();
  /** Records whose text changed or lost a node since the last decision. */
  private readonly dirty = new Set<BlockRecord<A>>();
  /** The records of `records` whose text lies in a shadow tree, which a walk of the light DOM does not enter. */
  private readonly shadowed = new Set<BlockRecord<A>>();
  /** Every record ever made for text in a shadow tree. */
  private readonly inShadow = new WeakSet<BlockRecord<A>>();

  /** Number of records. */
  get size(): number {
    return this.records.size;
  }

  /** The records, in the order they were added. */
  all(): BlockRecord<A>[] {
    return [...this.records];
  }

  /** Records whose text changed since the last decision (`settle` forgets them). */
  isDirty(record: BlockRecord<A>): boolean {
    return this.dirty.has(record);
  }

  /** A text node of the page changed: marks its record dirty and returns it, if it has one. */
  touched(node: Node): BlockRecord<A> | undefined {
    const record = this.recordOf.get(node);
    if (record !== undefined) this.dirty.add(record);
    return record;
  }

  /** Removes and returns every record (a full scan reuses the unchanged ones). */
  takeAll(): Set<BlockRecord<A>> {
    const all = this.records;
    this.records = new Set();
    this.shadowed.clear();
    return all;
  }

  /**
   * Removes and returns the records whose first node lies inside one of `roots` (block elements or shadow
   * roots), shadow trees of hosts inside them included: a rescan of a region reads those again.
   */
  takeInside(roots: Set<Node>): Set<BlockRecord<A>> {
    const inside = this.findByWalking(roots) ?? this.findByClimbing(roots, this.records);
    for (const record of inside) this.remove(record);
    return inside;
  }

  /**
   * The records inside `roots`, found from the regions' side: their text nodes, each looked up by node,
   * and a climb from the few records in shadow trees. A rescan after a page change is mostly of small
   * regions (a list item, a ticker) on a page with a thousand records, where climbing from every record
   * cost a millisecond per rescan. Null when the regions hold more text nodes than there are records: a
   * climb from each record is then cheaper.
   */
  private findByWalking(roots: Set<Node>): Set<BlockRecord<A>> | null {
    const inside = new Set<BlockRecord<A>>();
    let budget = this.records.size;
    for (const root of roots) {
      const doc = root.ownerDocument;
      if (doc === null) return null;
      const walker = doc.createTreeWalker(root, SHOW_TEXT);
      for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
        if (--budget < 0) return null;
        const record = this.recordOf.get(node);
        if (record?.block.nodes[0] === node && this.records.has(record)) inside.add(record);
      }
    }
    for (const record of this.findByClimbing(roots, this.shadowed)) inside.add(record);
    return inside;
  }

  /** The records of `among` whose first node lies inside one of `roots`, shadow trees of hosts included. */
  private findByClimbing(roots: Set<Node>, among: Iterable<BlockRecord<A>>): Set<BlockRecord<A>> {
    const inside = new Set<BlockRecord<A>>();
    for (const record of among) {
      // Climbing from the record costs its depth; asking every root `contains` would cost roots × depth.
      for (let at: Node | null = (record.block.nodes[0] as Text).parentNode; at !== null; at = upFrom(at)) {
        if (!roots.has(at)) continue;
        inside.add(record);
        break;
      }
    }
    return inside;
  }

  private add(record: BlockRecord<A>): void {
    this.records.add(record);
    if (this.inShadow.has(record)) this.shadowed.add(record);
  }

  private remove(record: BlockRecord<A>): void {
    this.records.delete(record);
    this.shadowed.delete(record);
  }

  /**
   * Takes `block` in: its record from `reusable` (records taken out for a rescan, by first text node)
   * when the block did not change, else a new record. True when the record is new.
   */
  admit(block: Block, reusable: Map<Text, BlockRecord<A>>): boolean {
    const first = block.nodes[0] as Text;
    const old = reusable.get(first);
    if (old && sameBlock(old.block, block)) {
      reusable.delete(first);
      this.add(old);
      return false;
    }
    const record: BlockRecord<A> = { block, analysis: null, mentions: [], entries: [] };
    for (const node of block.nodes) this.recordOf.set(node, record);
    if (first.getRootNode() !== first.ownerDocument) this.inShadow.add(record);
    this.add(record);
    return true;
  }

  /**
   * Drops the records whose text changed or left the document, calling `onDrop` for each, and forgets
   * which records were dirty. True when any was dropped.
   */
  settle(onDrop: (record: BlockRecord<A>) => void): boolean {
    let dropped = false;
    for (const record of this.records) {
      // A record no page change touched is current as long as it is still in the document.
      const current = this.dirty.has(record)
        ? isBlockCurrent(record.block)
        : (record.block.nodes[0] as Text).isConnected;
      if (!current) {
        this.remove(record);
        onDrop(record);
        dropped = true;
      }
    }
    this.dirty.clear();
    return dropped;
  }

  /** Forgets everything. */
  clear(): void {
    this.records = new Set();
    this.shadowed.clear();
    this.recordOf = new WeakMap();
    this.dirty.clear();
  }
}

/**
 * `NodeFilter.SHOW_TEXT`, spelled out as in frame-gate.ts: lib/page takes no DOM globals, only the nodes
 * it is given.
 */
const SHOW_TEXT = 0x4;

/** The parent of `node`, or the host of the shadow root `node` is. */
function upFrom(node: Node): Node | null {
  return node.parentNode ?? (node as Partial<ShadowRoot>).host ?? null;
}

/** The records of `scope` by their block's first text node, for `admit`. */
export function reusableByFirstNode<A>(scope: Iterable<BlockRecord<A>>): Map<Text, BlockRecord<A>> {
  const reusable = new Map<Text, BlockRecord<A>>();
  for (const record of scope) reusable.set(record.block.nodes[0] as Text, record);
  return reusable;
}

function sameBlock(a: Block, b: Block): boolean {
  if (a.text !== b.text || a.nodes.length !== b.nodes.length) return false;
  return a.nodes.every((node, i) => node === b.nodes[i]);
}

/** True when two decisions found the same mentions (same places, names and confidences). */
export function sameMentions(a: readonly Mention[], b: readonly Mention[]): boolean {
  if (a.length !== b.length) return false;
  return a.every((m, i) => {
    const n = b[i] as Mention;
    return m.start === n.start && m.end === n.end && m.name === n.name && m.confidence === n.confidence;
  });
}
