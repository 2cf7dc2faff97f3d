import { isBlock, isBlockKind, isEditingHost, Kind, kindOf } from './dom-rules';

/**
 * A run of page text the detector reads as one string: text nodes between two block edges, joined.
 * "International Organization for<br>Migration" split over inline elements becomes one text, and
 * every offset in it maps back to a (text node, offset) pair.
 */
export interface Block {
  /** The text nodes, in document order. */
  readonly nodes: readonly Text[];
  /** Offset in `text` where each node's data starts (same length as `nodes`). */
  readonly starts: readonly number[];
  /** Each node's data when it was read (same length as `nodes`): tells a changed node apart. */
  readonly data: readonly string[];
  /** The nodes' data joined, with separators where line breaks and skipped elements sit. */
  readonly text: string;
}

/** Stands for a `<br>`: whitespace to the detector, so long names may run across it. */
export const LINE_BREAK = '\n';

/**
 * Stands for a skipped inline element (code, an input…): not a word character, so acronyms next to it
 * keep their token boundaries, and not whitespace, so no long name is matched across it.
 */
export const OBJECT_MARK = '\ufffc';

/** Collects text nodes into blocks as a walk meets them; `end()` closes the current block. */
export class BlockBuilder {
  private nodes: Text[] = [];
  private starts: number[] = [];
  private data: string[] = [];
  private parts: string[] = [];
  private length = 0;
  private pendingSeparator = '';

  /** @param emit receives each finished block that has at least one text node */
  constructor(private readonly emit: (block: Block) => void) {}

  /** Appends a text node's data to the current block. */
  text(node: Text): void {
    const data = node.data;
    if (data.length === 0) return;
    if (this.pendingSeparator !== '' && this.nodes.length > 0) {
      this.parts.push(this.pendingSeparator);
      this.length += this.pendingSeparator.length;
    }
    this.pendingSeparator = '';
    this.nodes.push(node);
    this.starts.push(this.length);
    this.data.push(data);
    this.parts.push(data);
    this.length += data.length;
  }

  /** Puts a separator before the next text of this block (collapsed with other pending ones). */
  separate(separator: string): void {
    if (this.pendingSeparator === '' || separator === OBJECT_MARK) this.pendingSeparator = separator;
  }

  /** Ends the current block at a block edge. */
  end(): void {
    this.pendingSeparator = '';
    if (this.nodes.length === 0) return;
    const block: Block = {
      nodes: this.nodes,
      starts: this.starts,
      data: this.data,
      text: this.parts.join(''),
    };
    this.nodes = [];
    this.starts = [];
    this.data = [];
    this.parts = [];
    this.length = 0;
    this.emit(block);
  }
}

/**
 * Walks `node` and its subtree into `builder`: skipped elements are left out (a separator stands in
 * for inline ones), line breaks become separators, block elements end blocks on both sides.
 * Iterative, so deep pages cannot overflow the stack.
 */
export function walkInto(builder: BlockBuilder, root: Node): void {
  let node: Node | null = root;
  while (node !== null) {
    let descend = false;
    if (node.nodeType === 3) {
      builder.text(node as Text);
    } else if (node.nodeType === 1) {
      const el = node as Element;
      const kind = kindOf(el);
      if (kind === Kind.LineBreak) builder.separate(LINE_BREAK);
      else if (kind === Kind.SkippedBlock) builder.end();
      else if (kind === Kind.Skipped) builder.separate(OBJECT_MARK);
      else if (isEditingHost(el)) {
        if (isBlockKind(kind)) builder.end();
        else builder.separate(OBJECT_MARK);
      } else {
        if (kind !== Kind.Inline) builder.end();
        descend = el.firstChild !== null;
      }
    }
    if (descend) {
      node = node.firstChild;
      continue;
    }
    // Leave finished subtrees, closing blocks at the edges of block elements on the way up.
    while (node !== null && node !== root && node.nextSibling === null) {
      node = node.parentNode;
      if (node !== null && node.nodeType === 1 && isBlock(node as Element)) builder.end();
    }
    if (node === null || node === root) break;
    node = node.nextSibling;
  }
  if (root.nodeType === 1 && isBlock(root as Element) && root.firstChild !== null) builder.end();
}

/** A position inside a text node. */
export interface TextPoint {
  /** The text node. */
  node: Text;
  /** UTF-16 offset in its data. */
  offset: number;
  /** Index of the node in the block. */
  index: number;
}

/**
 * Maps a block offset to a text node position. An offset inside a separator maps to the end of the
 * node before it when `side` is 'end' (a mention's end) and to the start of the next node otherwise.
 */
export function locate(block: Block, offset: number, side: 'start' | 'end'): TextPoint {
  const { starts, nodes } = block;
  let lo = 0;
  let hi = starts.length - 1;
  // Last node whose start is at or before the offset (for an end: strictly before, so a mention
  // ending exactly where a node starts ends in the node before).
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    const s = starts[mid] as number;
    if (side === 'end' ? s < offset : s <= offset) lo = mid;
    else hi = mid - 1;
  }
  const node = nodes[lo] as Text;
  const start = starts[lo] as number;
  const within = offset - start;
  if (within <= node.data.length) return { node, offset: Math.max(0, within), index: lo };
  // The offset lies in the separator after this node.
  if (side === 'end' || lo === nodes.length - 1) return { node, offset: node.data.length, index: lo };
  return { node: nodes[lo + 1] as Text, offset: 0, index: lo + 1 };
}

/** True when every node of the block is still in the document with the data it had when read. */
export function isBlockCurrent(block: Block): boolean {
  const { nodes, data } = block;
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i] as Text;
    if (!node.isConnected || node.data !== data[i]) return false;
  }
  return true;
}
