import { type Block, BlockBuilder, walkInto } from './blocks';
import { isEditingHost, Kind, kindOf } from './dom-rules';
import type { ScanRoot, ShadowFinder } from './shadow-roots';
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
  /**
   * Follows shadow roots: each block or container entered is asked for one, and a root found is read
   * after the scan's other roots. Without it the scan reads the light DOM only.
   */
  shadows?: ShadowFinder;
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

/**
 * Largest container read whole when its previous sibling of the same tag had at most this much text,
 * in characters: such a read takes well under a millisecond (textContent runs at about 8 ns per
 * character here), so it cannot stretch a slice.
 */
export const WHOLE_READ_MAX_CHARS = 65_536;

/** A container being walked by the pre-scan, with the run of inline content collected so far. */
interface Frame {
  /** The container (or a shadow root, read as one). */
  el: Element | ShadowRoot;
  /** Characters of text read inside it so far: its size, for its next sibling of the same kind. */
  chars: number;
  /** Tag of the last container child visited, and its size in characters (-1 when not known). */
  lastTag: string;
  lastChars: number;
  /** Next child to visit, or null once all are visited. */
  next: Node | null;
  /** Text of the current run of inline content. */
  run: string;
  /** First node of the current run, or null when there is no run. */
  first: Node | null;
  /** Last node of the current run. */
  last: Node | null;
}

/**
 * A resumable scan of `roots` (block or container elements, or shadow roots; their subtrees are read,
 * and with `sink.shadows` the shadow roots met in them too).
 */
export class ScanTask implements SlicedTask {
  /** What the scan has done so far. */
  readonly counts: ScanCounts = { pieces: 0, walked: 0, blocks: 0 };
  private readonly stack: Frame[] = [];
  /** The roots, then the shadow roots met on the way. */
  private readonly roots: ScanRoot[];
  private rootIndex = 0;
  private readonly builder: BlockBuilder;
  /** The longest time between two clock reads so far, in ms. */
  private longestRun = 0;

  constructor(
    roots: readonly ScanRoot[],
    private readonly sink: ScanSink,
    private readonly now: () => number,
    /** Ends the scan early when it returns true (checked with the clock, every few steps). */
    private readonly enough?: () => boolean,
  ) {
    this.roots = [...roots];
    this.builder = new BlockBuilder((block) => {
      this.counts.blocks++;
      sink.block(block);
    });
  }

  step(deadline: number): boolean {
    const { stack } = this;
    let at = this.now();
    for (let steps = 1; ; steps++) {
      if (steps % STEPS_PER_CLOCK_READ === 0) {
        if (this.enough?.()) return true;
        // Stop rather than start a run of steps that may not end in time: the longest run so far is
        // the guess (a run that walks a paragraph of a thousand tiny nodes takes a few ms).
        const now = this.now();
        this.longestRun = Math.max(this.longestRun, now - at);
        at = now;
        if (now + this.longestRun >= deadline) return false;
      }
      const frame = stack[stack.length - 1];
      if (frame === undefined) {
        const root = this.roots[this.rootIndex++];
        if (root === undefined) return true;
        if (root.nodeType === 11) this.push(root as ShadowRoot);
        else this.enter(root as Element);
        continue;
      }
      const node = frame.next;
      if (node === null) {
        this.flush(frame);
        stack.pop();
        const parent = stack[stack.length - 1];
        if (parent) {
          parent.chars += frame.chars;
          parent.lastTag = frame.el.nodeName;
          parent.lastChars = frame.chars;
        }
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
    const parent = this.stack[this.stack.length - 1];
    const { shadows } = this.sink;
    if (kind === Kind.Container && el.firstElementChild !== null) {
      // Containers are few, so checking for an editor here is cheap, and it spares reading one whole.
      if (isEditingHost(el)) return;
      const name = el.nodeName;
      // A custom element's shadow tree is read once the roots before it are done. Other containers with
      // child elements are not asked: a host's content is in its shadow tree, and asking every container
      // cost up to a tenth of a read on pages of nested divs (docs/content-script.md).
      if (shadows && name.includes('-')) this.follow(el, shadows);
      // A container like its previous sibling (the next section, card or list item), which was small, is
      // read whole first: one read instead of one per child, and a walk into it only on a hit. Not on a
      // page with shadow roots: a host inside would go unseen (its shadow text is not in textContent).
      if (
        !shadows?.any &&
        parent &&
        parent.lastTag === name &&
        parent.lastChars >= 0 &&
        parent.lastChars <= WHOLE_READ_MAX_CHARS
      ) {
        const text = el.textContent ?? '';
        this.counts.pieces++;
        parent.lastChars = text.length;
        if (!this.sink.hasCandidate(text)) {
          parent.chars += text.length;
          return;
        }
      }
      this.push(el);
      return;
    }
    // A container without child elements (custom or not) may be a host: read whole below, and followed.
    if (shadows && kind === Kind.Container) this.follow(el, shadows);
    this.counts.pieces++;
    const text = el.textContent ?? '';
    if (parent) parent.chars += text.length;
    if (this.sink.hasCandidate(text)) {
      this.counts.walked++;
      walkInto(this.builder, el);
      this.builder.end();
    }
  }

  /** Reads the shadow root of `el`, if it has one, after the roots before it. */
  private follow(el: Element, shadows: ShadowFinder): void {
    const root = shadows.rootOf(el);
    if (root !== null && !isEditingHost(el)) this.roots.push(root);
  }

  /** Starts walking the children of a container or a shadow root. */
  private push(el: Element | ShadowRoot): void {
    this.stack.push({
      el,
      chars: 0,
      lastTag: '',
      lastChars: -1,
      next: el.firstChild,
      run: '',
      first: null,
      last: null,
    });
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
    frame.chars += run.length;
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
