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
    return all;
  }

  /**
   * Removes and returns the records whose first node lies inside one of `roots` (block elements or shadow
   * roots), shadow trees of hosts inside them included: a rescan of a region reads those again.
   */
  takeInside(roots: Set<Node>): Set<BlockRecord<A>> {
    const inside = new Set<BlockRecord<A>>();
    for (const record of this.records) {
      // Climbing from the record costs its depth; asking every root `contains` would cost roots × depth.
      for (let at: Node | null = (record.block.nodes[0] as Text).parentNode; at !== null; at = upFrom(at)) {
        if (!roots.has(at)) continue;
        inside.add(record);
        this.records.delete(record);
        break;
      }
    }
    return inside;
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
      this.records.add(old);
      return false;
    }
    const record: BlockRecord<A> = { block, analysis: null, mentions: [], entries: [] };
    for (const node of block.nodes) this.recordOf.set(node, record);
    this.records.add(record);
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
        this.records.delete(record);
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
    this.recordOf = new WeakMap();
    this.dirty.clear();
  }
}

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
