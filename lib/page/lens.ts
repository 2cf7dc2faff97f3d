import type { Era, Mention } from '@/lib/mention';
import { type Block, isBlockCurrent, locate } from './blocks';
import { ChangeCollector } from './changes';
import type { MentionDecider, PageDetector } from './detector';
import type { HighlightSink } from './highlighter';
import { type MentionEntry, MentionIndex, type MentionRegistry } from './mention-index';
import { ScanTask } from './scan';
import {
  createYield,
  MUTATION_FLUSH_DELAY_MS,
  runSliced,
  STEPS_PER_CLOCK_READ,
  type YieldFn,
} from './slices';
import { snippetOf } from './snippet';

/**
 * Most mentions painted on one page. Past about a thousand the page is an index or a data dump where
 * marks no longer help reading; the cap also bounds paint and hit-test work (the benchmark measures
 * page mutations with 1,000 highlights). Mentions past the cap are still found, counted and listed.
 */
export const MAX_HIGHLIGHTS = 1000;

/** What a sliced step returns when the lens stopped while it ran. */
const STOPPED = Symbol('stopped');

/**
 * When a page changes so much that a full rescan is due (hundreds of regions, or text straight in
 * <body>), wait until it has been quiet this long (ms), so a page that keeps rebuilding itself is
 * scanned once it settles rather than after every burst...
 */
export const FULL_RESCAN_QUIET_MS = 400;
/** ...but no longer than this (ms) after the first such burst, so busy pages still get scanned. */
export const FULL_RESCAN_MAX_WAIT_MS = 3000;

/** What the lens needs from the page and the extension; all parameters so tests can drive it. */
export interface LensDeps<A> {
  /** The page's document. */
  doc: Document;
  /** The window the DOM classes come from (MutationObserver, StaticRange, performance). */
  win: typeof globalThis;
  /** The detector functions. */
  detector: PageDetector<A>;
  /** Where painted ranges go. */
  sink: HighlightSink;
  /** Called after each commit, e.g. to register the highlight again if the page removed it. */
  afterCommit?: () => void;
  /** Creates the range of a mention (StaticRange in browsers; tests may pass plain objects). */
  makeRange?: (init: StaticRangeInit) => AbstractRange;
  /** Gives the main thread back between slices. */
  yieldToMain?: YieldFn;
  /** Eras to report; all when omitted. */
  eras?: Readonly<Record<Era, boolean>>;
  /** Called whenever the set of mentions changed. */
  onChange?: () => void;
  /** Called after each batch of page changes (e.g. to notice a single-page-app navigation). */
  onPageChange?: () => void;
}

/** Kinds of work the lens does on the page's main thread. */
export type SlicePhase = 'scan' | 'prepare' | 'analyze' | 'resolve' | 'paint' | 'flush' | 'observe';

/** Figures about the lens's work, for tests and the benchmark (milliseconds from `performance.now()`). */
export interface LensStats {
  /** When `start()` ran. */
  startedAt: number;
  /** When the first mention was painted, or null. */
  firstHighlightAt: number | null;
  /** When the first full scan finished, or null. */
  firstScanDoneAt: number | null;
  /** Slices of work run so far (scans and the commits that follow them). */
  slices: number;
  /** The longest slice so far. */
  longestSliceMs: number;
  /** What the longest slice was doing. */
  longestSlicePhase: SlicePhase | null;
  /** Time spent per kind of work. */
  phaseMs: Record<SlicePhase, number>;
  /** Time spent in slices and mutation callbacks, in total. */
  workMs: number;
  /** Full scans started. */
  fullScans: number;
  /** Regions rescanned after page changes. */
  regionScans: number;
  /** Mutation records received. */
  mutationRecords: number;
  /** Pieces of text the pre-scan tested, and how many it walked node by node. */
  pieces: number;
  walked: number;
}

/** A block that may hold mentions, with the detector's analysis and its current mentions. */
interface BlockRecord<A> {
  block: Block;
  /** The detector's analysis, or null until the deciding half of the detector has run on it. */
  analysis: A | null;
  mentions: Mention[];
  entries: MentionEntry[];
}

/**
 * Finds, paints and tracks the mentions of one page: scans in slices, keeps up with page changes
 * through a MutationObserver, and removes everything it added on `stop()`.
 */
export class PageLens<A = unknown> {
  /** The page's mentions. */
  readonly registry: MentionRegistry;
  /** Work figures. */
  readonly stats: LensStats;
  private readonly index = new MentionIndex(MAX_HIGHLIGHTS);
  private records = new Set<BlockRecord<A>>();
  private readonly changes = new ChangeCollector();
  private readonly yieldToMain: YieldFn;
  private readonly makeRange: (init: StaticRangeInit) => AbstractRange;
  private eras: Readonly<Record<Era, boolean>> | undefined;
  private observer: MutationObserver | null = null;
  private abort: AbortController | null = null;
  private pendingFull = false;
  private readonly pendingRegions = new Set<Element>();
  private pendingCommit = false;
  private running: Promise<void> | null = null;
  private flushTimer: ReturnType<typeof setTimeout> | undefined;
  private fullTimer: ReturnType<typeof setTimeout> | undefined;
  private fullFirstAskedAt = 0;
  private decider: Promise<MentionDecider<A> | null> | null = null;
  private loadedDecider: MentionDecider<A> | null = null;
  /** Whether the detector's warm-up steps have run (once per page: they prepare module-level tables). */
  private warmedUp = false;
  /** The record each text node of a record belongs to: page changes mark records to check. */
  private recordOf = new WeakMap<Node, BlockRecord<A>>();
  /** Records whose text changed or lost a node since the last commit. */
  private readonly dirty = new Set<BlockRecord<A>>();
  /** True when the records or the eras changed, so mentions must be decided again. */
  private needsResolve = true;
  /** The title the last decision used (it is part of the detector's context). */
  private resolvedTitle: string | null = null;

  constructor(private readonly deps: LensDeps<A>) {
    this.registry = this.index;
    this.eras = deps.eras;
    const { win } = deps;
    this.yieldToMain = deps.yieldToMain ?? createYield(win);
    this.makeRange = deps.makeRange ?? ((init) => new win.StaticRange(init));
    this.stats = {
      startedAt: 0,
      firstHighlightAt: null,
      firstScanDoneAt: null,
      slices: 0,
      longestSliceMs: 0,
      longestSlicePhase: null,
      phaseMs: { scan: 0, prepare: 0, analyze: 0, resolve: 0, paint: 0, flush: 0, observe: 0 },
      workMs: 0,
      fullScans: 0,
      regionScans: 0,
      mutationRecords: 0,
      pieces: 0,
      walked: 0,
    };
  }

  /** True while nothing is scheduled or running. */
  get idle(): boolean {
    return (
      this.running === null &&
      this.flushTimer === undefined &&
      this.fullTimer === undefined &&
      !this.pendingFull &&
      this.pendingRegions.size === 0
    );
  }

  /** Starts observing the page and scans it. */
  start(): void {
    if (this.abort) return;
    this.abort = new AbortController();
    this.stats.startedAt = this.now();
    const { win, doc } = this.deps;
    this.observer = new win.MutationObserver((records) => this.onMutations(records));
    this.observer.observe(doc.documentElement, {
      childList: true,
      characterData: true,
      subtree: true,
      attributes: true,
      attributeFilter: ['contenteditable'],
    });
    this.requestFullScan();
  }

  /** Stops observing and unpaints everything; the lens can be started again. */
  stop(): void {
    this.abort?.abort();
    this.abort = null;
    this.observer?.disconnect();
    this.observer = null;
    clearTimeout(this.flushTimer);
    clearTimeout(this.fullTimer);
    this.flushTimer = undefined;
    this.fullTimer = undefined;
    this.pendingFull = false;
    this.pendingRegions.clear();
    this.pendingCommit = false;
    this.running = null;
    this.changes.clear();
    this.records = new Set();
    this.recordOf = new WeakMap();
    this.dirty.clear();
    this.needsResolve = true;
    this.deps.sink.clear();
    this.index.clear();
    this.index.notify();
    this.deps.onChange?.();
  }

  /** Changes which eras are reported and painted (applied at the next commit, scheduled now). */
  setEras(eras: Readonly<Record<Era, boolean>>): void {
    const before = this.eras;
    this.eras = eras;
    // Any other setting changing (hover delay, style) calls this too: decide again only for a new choice.
    if (before && (Object.keys(eras) as Era[]).every((era) => eras[era] === before[era])) return;
    this.needsResolve = true;
    this.requestCommit();
  }

  /** Decides the mentions again without rescanning (after the title or the URL changed). */
  requestCommit(): void {
    if (!this.abort) return;
    this.pendingCommit = true;
    this.kick();
  }

  /** Scans the whole page again. */
  requestFullScan(): void {
    if (!this.abort) return;
    clearTimeout(this.fullTimer);
    this.fullTimer = undefined;
    this.pendingFull = true;
    this.pendingRegions.clear();
    this.kick();
  }

  /** Resolves once the lens has nothing scheduled (for tests and the benchmark). */
  async whenIdle(): Promise<void> {
    while (!this.idle) {
      if (this.running) await this.running;
      else await new Promise((resolve) => setTimeout(resolve, MUTATION_FLUSH_DELAY_MS));
    }
  }

  private now(): number {
    return this.deps.win.performance.now();
  }

  private recordSlice(ms: number, phase: SlicePhase): void {
    const { stats } = this;
    stats.slices++;
    stats.workMs += ms;
    stats.phaseMs[phase] += ms;
    if (ms > stats.longestSliceMs) {
      stats.longestSliceMs = ms;
      stats.longestSlicePhase = phase;
    }
  }

  private onMutations(records: MutationRecord[]): void {
    const started = this.now();
    this.stats.mutationRecords += records.length;
    // Unpaint mentions whose text just changed, before the next frame shows a stale mark. (Removed
    // nodes are not painted anyway, and the rescan of their parent's block replaces their records.)
    if (this.records.size > 0) {
      for (const record of records) if (record.type === 'characterData') this.touched(record.target);
    }
    this.changes.add(records);
    if (this.flushTimer === undefined) {
      this.flushTimer = setTimeout(() => this.flush(), MUTATION_FLUSH_DELAY_MS);
    }
    this.recordSlice(this.now() - started, 'observe');
  }

  /** A text node of the page changed: its record needs checking, its mentions go now. */
  private touched(node: Node): void {
    const record = this.recordOf.get(node);
    if (record === undefined) return;
    this.dirty.add(record);
    const covering = this.index.covering(node);
    if (covering.length === 0) return;
    for (const entry of [...covering]) this.removeEntry(entry);
    this.needsResolve = true;
  }

  private flush(): void {
    this.flushTimer = undefined;
    if (!this.abort) return;
    const body = this.deps.doc.body;
    if (body === null) return;
    const started = this.now();
    const batch = this.changes.take(body);
    if (batch.full) this.askFullRescan();
    else if (!this.pendingFull && this.fullTimer === undefined) {
      for (const region of batch.regions) this.pendingRegions.add(region);
    }
    // Even without regions to scan, removed blocks must leave the index.
    this.pendingCommit = true;
    this.deps.onPageChange?.();
    this.recordSlice(this.now() - started, 'flush');
    this.kick();
  }

  /** The coarse fallback: one debounced full rescan for pages that change wholesale. */
  private askFullRescan(): void {
    const now = this.now();
    if (this.fullTimer === undefined) this.fullFirstAskedAt = now;
    clearTimeout(this.fullTimer);
    const wait = Math.min(FULL_RESCAN_QUIET_MS, this.fullFirstAskedAt + FULL_RESCAN_MAX_WAIT_MS - now);
    this.pendingRegions.clear();
    this.fullTimer = setTimeout(() => this.requestFullScan(), Math.max(0, wait));
  }

  /** Starts the work loop unless it is running. */
  private kick(): void {
    if (this.running || !this.abort) return;
    const signal = this.abort.signal;
    this.running = this.work(signal).finally(() => {
      if (!signal.aborted) this.running = null;
    });
  }

  private async work(signal: AbortSignal): Promise<void> {
    // Start in a task of our own, never inside the caller's (a mutation callback, a settings event).
    await this.yieldToMain();
    while (!signal.aborted) {
      const body = this.deps.doc.body;
      let roots: Element[];
      let scope: Set<BlockRecord<A>>;
      if (this.pendingFull) {
        this.pendingFull = false;
        this.pendingRegions.clear();
        this.stats.fullScans++;
        roots = body && this.deps.doc.designMode !== 'on' ? [body] : [];
        scope = this.records;
        this.records = new Set();
      } else if (this.pendingRegions.size > 0) {
        roots = [...this.pendingRegions].filter((r) => r.isConnected);
        this.pendingRegions.clear();
        this.stats.regionScans += roots.length;
        scope = this.takeRecordsInside(new Set(roots));
      } else if (this.pendingCommit) {
        // Changes already queued are scanned first, so one commit covers them all.
        this.pendingCommit = false;
        if (!(await this.analyze(signal))) return;
        if (!(await this.commit(signal))) return;
        continue;
      } else {
        return;
      }
      const completed = await this.scan(roots, scope, signal);
      if (!completed) return;
      if (this.stats.firstScanDoneAt === null) this.stats.firstScanDoneAt = this.now();
      // Commit in a slice of its own: deciding and painting a thousand mentions takes a few ms.
      this.pendingCommit = true;
      await this.yieldToMain();
    }
  }

  /** Removes and returns the records whose first node lies inside one of `roots`. */
  private takeRecordsInside(roots: Set<Element>): Set<BlockRecord<A>> {
    const inside = new Set<BlockRecord<A>>();
    for (const record of this.records) {
      // Climbing from the record costs its depth; asking every root `contains` would cost roots × depth.
      for (let el = (record.block.nodes[0] as Text).parentElement; el !== null; el = el.parentElement) {
        if (!roots.has(el)) continue;
        inside.add(record);
        this.records.delete(record);
        break;
      }
    }
    return inside;
  }

  /** Scans `roots` into records, reusing records of `scope` whose blocks did not change. */
  private async scan(roots: Element[], scope: Set<BlockRecord<A>>, signal: AbortSignal): Promise<boolean> {
    const { detector } = this.deps;
    const reusable = new Map<Text, BlockRecord<A>>();
    for (const record of scope) reusable.set(record.block.nodes[0] as Text, record);
    const task = new ScanTask(
      roots,
      {
        hasCandidate: detector.hasCandidate,
        block: (block) => {
          if (!detector.hasCandidate(block.text)) return;
          const old = reusable.get(block.nodes[0] as Text);
          if (old && sameBlock(old.block, block)) {
            reusable.delete(block.nodes[0] as Text);
            this.records.add(old);
            return;
          }
          this.startLoading();
          const record: BlockRecord<A> = { block, analysis: null, mentions: [], entries: [] };
          for (const node of block.nodes) this.recordOf.set(node, record);
          this.records.add(record);
          this.needsResolve = true;
        },
      },
      () => this.now(),
    );
    const completed = await runSliced(task, {
      now: () => this.now(),
      yieldToMain: this.yieldToMain,
      signal,
      onSlice: (ms) => this.recordSlice(ms, 'scan'),
    });
    this.stats.pieces += task.counts.pieces;
    this.stats.walked += task.counts.walked;
    if (!completed) return false;
    for (const record of reusable.values()) this.retire(record);
    if (reusable.size > 0) this.needsResolve = true;
    return true;
  }

  /** Starts loading the deciding half of the detector, once. */
  private startLoading(): void {
    this.decider ??= this.deps.detector.load().then(
      (decider) => {
        this.loadedDecider = decider;
        return decider;
      },
      (error: unknown) => {
        // Seen when the extension was updated under the page: nothing more can be decided here.
        console.warn('[iom-lens] could not load the detector', error);
        return null;
      },
    );
  }

  /** Runs the detector's per-block analysis on new records, in slices; false when stopped. */
  private async analyze(signal: AbortSignal): Promise<boolean> {
    const pending = [...this.records].filter((r) => r.analysis === null);
    if (pending.length === 0) return true;
    this.startLoading();
    const decider = await this.decider;
    if (decider === null || signal.aborted) return false;
    if (!this.warmedUp && decider.warmUpSteps) {
      // Steps of a few ms each: check the clock after every one.
      const warm = await this.runSteps(decider.warmUpSteps(), 1, 'prepare', signal);
      if (warm === STOPPED) return false;
      this.warmedUp = true;
    }
    let i = 0;
    // The longest single analysis so far: a slice stops early rather than start one it may not finish in time.
    let longest = 0;
    const task = {
      step: (deadline: number) => {
        let at = this.now();
        while (i < pending.length) {
          const record = pending[i++] as BlockRecord<A>;
          record.analysis ??= decider.analyzeBlock(record.block.text);
          const now = this.now();
          longest = Math.max(longest, now - at);
          at = now;
          if (now + longest >= deadline) break;
        }
        return i >= pending.length;
      },
    };
    return runSliced(task, {
      now: () => this.now(),
      yieldToMain: this.yieldToMain,
      signal,
      onSlice: (ms) => this.recordSlice(ms, 'analyze'),
    });
  }

  /**
   * Decides all mentions with the whole page as context, then updates index and paint in slices.
   * Deciding is one call into the detector (document-level rules need every block at once); applying
   * its answer, a range and an entry per mention, is sliced. False when stopped.
   */
  private async commit(signal: AbortSignal): Promise<boolean> {
    const changes = await this.decide(signal);
    if (changes === STOPPED) return false;
    if (changes === null) return true;
    let i = 0;
    const apply = {
      step: (deadline: number) => {
        while (i < changes.length) {
          const [record, next] = changes[i++] as [BlockRecord<A>, Mention[]];
          this.retire(record);
          // Text that changed while this commit ran is decided again by the next one (already asked).
          if (this.dirty.has(record)) continue;
          record.mentions = next;
          record.entries = next.map((m) => this.addEntry(record.block, m));
          if (this.now() >= deadline) break;
        }
        return i >= changes.length;
      },
    };
    const done = await runSliced(apply, {
      now: () => this.now(),
      yieldToMain: this.yieldToMain,
      signal,
      onSlice: (ms) => this.recordSlice(ms, 'paint'),
    });
    if (!done) return false;
    if (this.stats.firstHighlightAt === null && this.index.highlightedCount > 0) {
      this.stats.firstHighlightAt = this.now();
    }
    this.deps.afterCommit?.();
    this.index.notify();
    this.deps.onChange?.();
    return true;
  }

  /**
   * Drops records whose text changed or left, and decides the mentions again when anything that
   * decides them changed. Returns the records whose mentions differ, with their new mentions, or null
   * when nothing changed.
   */
  private async decide(signal: AbortSignal): Promise<[BlockRecord<A>, Mention[]][] | null | typeof STOPPED> {
    const { doc } = this.deps;
    const started = this.now();
    for (const record of this.records) {
      // A record no page change touched is current as long as it is still in the document.
      const current = this.dirty.has(record)
        ? isBlockCurrent(record.block)
        : (record.block.nodes[0] as Text).isConnected;
      if (!current) {
        this.records.delete(record);
        this.retire(record);
        this.needsResolve = true;
      }
    }
    this.dirty.clear();
    const title = doc.title;
    if (!this.needsResolve && title === this.resolvedTitle) {
      this.recordSlice(this.now() - started, 'resolve');
      return null;
    }
    this.needsResolve = false;
    this.resolvedTitle = title;
    // Records still waiting for their analysis (none, as `analyze` just ran) wait for the next commit.
    const list = [...this.records].filter((r) => r.analysis !== null);
    this.recordSlice(this.now() - started, 'resolve');
    const resolved = await this.resolve(
      list.map((r) => r.analysis as A),
      title,
      signal,
    );
    if (resolved === STOPPED) return STOPPED;
    const eras = this.eras;
    const changes: [BlockRecord<A>, Mention[]][] = [];
    list.forEach((record, i) => {
      // Text that changed during the decision waits for the next one (the change asked for it).
      if (this.dirty.has(record)) return;
      const found = resolved[i] ?? [];
      const next = eras ? found.filter((m) => eras[m.name]) : found;
      const intact = record.entries.every((e) => this.index.get(e.id) === e);
      if (!intact || !sameMentions(record.mentions, next)) changes.push([record, next]);
    });
    return changes;
  }

  /**
   * The detector's document-wide decision, in slices when the detector offers steps: on a long page
   * with many candidates one call would be a task of tens of milliseconds.
   */
  private async resolve(
    analyses: A[],
    title: string,
    signal: AbortSignal,
  ): Promise<Mention[][] | typeof STOPPED> {
    const decider = this.loadedDecider;
    if (analyses.length === 0 || !decider) return [];
    if (!decider.resolveDocumentSteps) {
      const started = this.now();
      const resolved = decider.resolveDocument(analyses, { title });
      this.recordSlice(this.now() - started, 'resolve');
      return resolved;
    }
    return this.runSteps(
      decider.resolveDocumentSteps(analyses, { title }),
      STEPS_PER_CLOCK_READ,
      'resolve',
      signal,
    );
  }

  /**
   * Runs a stepwise computation of the detector in slices, reading the clock every `stepsPerClockRead`
   * steps; resolves with its result, or STOPPED when the lens stopped first.
   */
  private async runSteps<R>(
    steps: Generator<void, R, void>,
    stepsPerClockRead: number,
    phase: SlicePhase,
    signal: AbortSignal,
  ): Promise<R | typeof STOPPED> {
    let result: { value: R } | undefined;
    // The longest run between two clock reads so far: a slice stops early rather than start a run it may
    // not finish in time (warm-up steps take up to ~5 ms each; starting one at 7 ms made a 12 ms slice).
    let longest = 0;
    const task = {
      step: (deadline: number) => {
        let at = this.now();
        for (let n = 1; ; n++) {
          const next = steps.next();
          if (next.done) {
            result = { value: next.value };
            return true;
          }
          if (n % stepsPerClockRead !== 0) continue;
          const now = this.now();
          longest = Math.max(longest, now - at);
          at = now;
          if (now + longest >= deadline) return false;
        }
      },
    };
    const done = await runSliced(task, {
      now: () => this.now(),
      yieldToMain: this.yieldToMain,
      signal,
      onSlice: (ms) => this.recordSlice(ms, phase),
    });
    return done && result ? result.value : STOPPED;
  }

  private addEntry(block: Block, m: Mention): MentionEntry {
    const start = locate(block, m.start, 'start');
    const end = locate(block, m.end, 'end');
    const range = this.makeRange({
      startContainer: start.node,
      startOffset: start.offset,
      endContainer: end.node,
      endOffset: end.offset,
    });
    const entry = this.index.add({
      range,
      nodes: block.nodes.slice(start.index, end.index + 1),
      surface: m.surface,
      name: m.name,
      nameId: m.nameId,
      lang: m.lang,
      kind: m.kind,
      confidence: m.confidence,
      snippet: snippetOf(block.text, m.start, m.end),
    });
    if (entry.highlighted) this.deps.sink.add(range);
    return entry;
  }

  private retire(record: BlockRecord<A>): void {
    for (const entry of record.entries) this.removeEntry(entry);
    record.entries = [];
    record.mentions = [];
  }

  private removeEntry(entry: MentionEntry): void {
    if (this.index.get(entry.id) !== entry) return;
    const promoted = this.index.remove(entry);
    if (entry.highlighted) this.deps.sink.delete(entry.range);
    if (promoted) this.deps.sink.add(promoted.range);
  }
}

function sameBlock(a: Block, b: Block): boolean {
  if (a.text !== b.text || a.nodes.length !== b.nodes.length) return false;
  return a.nodes.every((node, i) => node === b.nodes[i]);
}

function sameMentions(a: readonly Mention[], b: readonly Mention[]): boolean {
  if (a.length !== b.length) return false;
  return a.every((m, i) => {
    const n = b[i] as Mention;
    return m.start === n.start && m.end === n.end && m.name === n.name && m.confidence === n.confidence;
  });
}
