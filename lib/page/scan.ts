import { type Block, BlockBuilder, walkInto } from './blocks';
import { isEditingHost, Kind, kindOf } from './dom-rules';
import { type SlicedTask, STEPS_PER_CLOCK_READ } from './slices';

/**
 * The scan of one or more regions of a page, in two passes fused into one walk:
 *
 * 1. A pre-scan walks container elements (body, div, section, li…) from script and reads everything
 *    else whole with `textContent`, which costs little more than `body.textContent` itself, and asks
 *    the detector's `hasCandidate` about each piece: a paragraph, or a run of inline content between
 *    two block edges. Script, style and the other skipped elements are never read.
 * 2. Only pieces that may hold a mention are walked node by node into blocks (see blocks.ts).
 *
 * Why the pre-scan cannot miss a mention: `hasCandidate` looks for plain substrings (acronyms and
 * migration stems) that contain no whitespace and no separator. Every such substring in a block is
 * made of adjacent text nodes with nothing skipped between them, and `textContent` joins those same
 * nodes in the same order, so the piece read by the pre-scan contains it too. The reverse does not
 * hold (`textContent` also includes skipped descendants and glues words across line breaks), which
 * only costs a walk that finds nothing.
 */

/** What a scan reports to its owner. */
export interface ScanSink {
  /** Cheapest correct pre-check: false means the text cannot contain a mention. */
  hasCandidate(text: string): boolean;
  /** Receives every block of the pieces that may hold a mention, in document order. */
  block(block: Block): void;
}

/** Counters for tests and the benchmark. */
export interface ScanCounts {
  /** Pieces of text the pre-scan tested. */
  pieces: number;
  /** Pieces that may hold a mention and were walked node by node. */
  walked: number;
  /** Blocks produced by those walks. */
  blocks: number;
}

/** A container being walked by the pre-scan, with the run of inline content collected so far. */
interface Frame {
  /** Next child to visit, or null once all are visited. */
  next: Node | null;
  /** Text of the current run of inline content. */
  run: string;
  /** First node of the current run, or null when there is no run. */
  first: Node | null;
  /** Last node of the current run. */
  last: Node | null;
}

/** A resumable scan of `roots` (block or container elements; their subtrees are read). */
export class ScanTask implements SlicedTask {
  /** What the scan has done so far. */
  readonly counts: ScanCounts = { pieces: 0, walked: 0, blocks: 0 };
  private readonly stack: Frame[] = [];
  private rootIndex = 0;
  private readonly builder: BlockBuilder;

  constructor(
    private readonly roots: readonly Element[],
    private readonly sink: ScanSink,
    private readonly now: () => number,
  ) {
    this.builder = new BlockBuilder((block) => {
      this.counts.blocks++;
      sink.block(block);
    });
  }

  step(deadline: number): boolean {
    const { stack } = this;
    for (let steps = 1; ; steps++) {
      if (steps % STEPS_PER_CLOCK_READ === 0 && this.now() >= deadline) return false;
      const frame = stack[stack.length - 1];
      if (frame === undefined) {
        const root = this.roots[this.rootIndex++];
        if (root === undefined) return true;
        this.enter(root);
        continue;
      }
      const node = frame.next;
      if (node === null) {
        this.flush(frame);
        stack.pop();
        continue;
      }
      frame.next = node.nextSibling;
      const type = node.nodeType;
      if (type === 3) {
        this.extend(frame, node, (node as Text).data);
      } else if (type === 1) {
        // Tag names only here: the node-by-node walk that follows a hit checks editing hosts again.
        const el = node as Element;
        const kind = kindOf(el);
        if (kind === Kind.Inline) this.extend(frame, el, el.textContent ?? '');
        else if (kind === Kind.Block || kind === Kind.Container) {
          this.flush(frame);
          this.enter(el, kind);
        } else if (kind === Kind.SkippedBlock) this.flush(frame);
        // A skipped inline element (code in a sentence) and a line break stay inside the run.
        else this.extend(frame, el, '');
      }
    }
  }

  /** Starts on a block element: walks into containers, reads others whole. */
  private enter(el: Element, kind: Kind = kindOf(el)): void {
    if (kind === Kind.Skipped || kind === Kind.SkippedBlock) return;
    if (kind === Kind.Container && el.firstElementChild !== null) {
      // Containers are few, so checking for an editor here is cheap, and it spares reading one whole.
      if (isEditingHost(el)) return;
      this.stack.push({ next: el.firstChild, run: '', first: null, last: null });
      return;
    }
    this.counts.pieces++;
    if (this.sink.hasCandidate(el.textContent ?? '')) {
      this.counts.walked++;
      walkInto(this.builder, el);
      this.builder.end();
    }
  }

  /** Adds a node of inline content to the frame's run. */
  private extend(frame: Frame, node: Node, text: string): void {
    if (frame.first === null) frame.first = node;
    frame.last = node;
    if (text !== '') frame.run += text;
  }

  /** Ends the frame's run of inline content: tests it, and walks it when it may hold a mention. */
  private flush(frame: Frame): void {
    const { first, last, run } = frame;
    frame.first = null;
    frame.last = null;
    frame.run = '';
    // The shortest candidate has two characters (移民), so shorter runs (a blank line) cannot hold one.
    if (first === null || run.length < 2) return;
    this.counts.pieces++;
    if (!this.sink.hasCandidate(run)) return;
    this.counts.walked++;
    const { builder } = this;
    builder.end();
    // The run's nodes are siblings; one removed by the page meanwhile ends the walk early, and the
    // mutation observer rescans the region anyway.
    for (let node: Node | null = first; node !== null; node = node.nextSibling) {
      walkInto(builder, node);
      if (node === last) break;
    }
    builder.end();
  }
}
