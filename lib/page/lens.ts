import type { Era, Mention } from '@/lib/mention';
import { type BlockRecord, BlockRecords, reusableByFirstNode, sameMentions } from './block-records';
import { type Block, locate } from './blocks';
import { ChangeCollector } from './changes';
import type { PageDetector } from './detector';
import { DetectorRun } from './detector-run';
import type { HighlightSink } from './highlighter';
import { type MentionEntry, MentionIndex, type MentionRegistry } from './mention-index';
import { ScanTask } from './scan';
import { PAGE_CHANGES, type ScanRoot, ShadowRoots } from './shadow-roots';
import { createYield, MUTATION_FLUSH_DELAY_MS, type YieldFn } from './slices';
import { snippetOf } from './snippet';
import { noWorkYet, STOPPED, type WorkFigures, WorkMeter } from './work-meter';

/**
 * Most mentions painted on one page. Past about a thousand the page is an index or a data dump where
 * marks no longer help reading; the cap also bounds paint and hit-test work (the benchmark measures
 * page mutations with 1,000 highlights). Mentions past the cap are still found, counted and listed.
 */
export const MAX_HIGHLIGHTS = 1000;

/**
 * When a page changes so much that a full rescan is due (hundreds of regions, or text straight in
 * <body>), wait until it has been quiet this long (ms), so a page that keeps rebuilding itself is
 * scanned once it settles rather than after every burst...
 */
export const FULL_RESCAN_QUIET_MS = 400;
/** ...but no longer than this (ms) after the first such burst, so busy pages still get scanned. */
export const FULL_RESCAN_MAX_WAIT_MS = 3000;

/**
 * What the lens's MutationObserver watches on the document element and on every shadow root (the
 * benchmark gives its floor observer the same).
 */
export const LENS_OBSERVER_OPTIONS: MutationObserverInit = PAGE_CHANGES;

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

/** Figures about the lens's work, for tests and the benchmark (milliseconds from `performance.now()`). */
export interface LensStats extends WorkFigures {
  /** When `start()` ran. */
  startedAt: number;
  /** When the first mention was painted, or null. */
  firstHighlightAt: number | null;
  /** When the first full scan finished, or null. */
  firstScanDoneAt: number | null;
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
  private readonly records = new BlockRecords<A>();
  private readonly changes = new ChangeCollector();
  private readonly meter: WorkMeter;
  private readonly detector: DetectorRun<A>;
  private readonly yieldToMain: YieldFn;
  private readonly makeRange: (init: StaticRangeInit) => AbstractRange;
  private eras: Readonly<Record<Era, boolean>> | undefined;
  private observer: MutationObserver | null = null;
  /** The page's shadow roots met so far, each observed like the document. */
  private shadows: ShadowRoots | null = null;
  private abort: AbortController | null = null;
  private pendingFull = false;
  private readonly pendingRegions = new Set<ScanRoot>();
  private pendingCommit = false;
  private running: Promise<void> | null = null;
  private flushTimer: ReturnType<typeof setTimeout> | undefined;
  private fullTimer: ReturnType<typeof setTimeout> | undefined;
  private fullFirstAskedAt = 0;
  /** True when the records or the eras changed, so mentions must be decided again. */
  private needsResolve = true;
  /** The title the last decision used (it is part of the detector's context). */
  private resolvedTitle: string | null = null;
  /** The URL the last decision used (the site is part of the detector's context). */
  private resolvedUrl: string | null = null;

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
      ...noWorkYet(),
      fullScans: 0,
      regionScans: 0,
      mutationRecords: 0,
      pieces: 0,
      walked: 0,
    };
    this.meter = new WorkMeter(this.stats, () => this.now(), this.yieldToMain);
    this.detector = new DetectorRun(deps.detector, this.meter);
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
    const observer = new win.MutationObserver((records) => this.onMutations(records));
    this.observer = observer;
    observer.observe(doc.documentElement, PAGE_CHANGES);
    this.shadows = new ShadowRoots({
      win,
      observe: (root) => observer.observe(root, PAGE_CHANGES),
      onLateRoot: (root) => {
        // A custom element upgraded after it was read: its new shadow tree is a region of its own.
        if (!this.pendingFull && this.fullTimer === undefined) this.pendingRegions.add(root);
        this.pendingCommit = true;
        this.kick();
      },
    });
    this.requestFullScan();
  }

  /** Stops observing and unpaints everything; the lens can be started again. */
  stop(): void {
    this.abort?.abort();
    this.abort = null;
    this.observer?.disconnect(); // the document and every shadow root
    this.observer = null;
    this.shadows?.dispose();
    this.shadows = null;
    clearTimeout(this.flushTimer);
    clearTimeout(this.fullTimer);
    this.flushTimer = undefined;
    this.fullTimer = undefined;
    this.pendingFull = false;
    this.pendingRegions.clear();
    this.pendingCommit = false;
    this.running = null;
    this.changes.clear();
    this.records.clear();
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

  private onMutations(records: MutationRecord[]): void {
    const started = this.now();
    this.stats.mutationRecords += records.length;
    // Unpaint mentions whose text just changed, before the next frame shows a stale mark. (Removed
    // nodes are not painted anyway, and the rescan of their parent's block replaces their records.)
    this.changes.add(records, this.records.size > 0 ? this.onTextChanged : undefined);
    if (this.flushTimer === undefined) {
      this.flushTimer = setTimeout(() => this.flush(), MUTATION_FLUSH_DELAY_MS);
    }
    this.meter.record(this.now() - started, 'observe');
  }

  private readonly onTextChanged = (node: Node) => this.touched(node);

  /** A text node of the page changed: its record needs checking, its mentions go now. */
  private touched(node: Node): void {
    if (this.records.touched(node) === undefined) return;
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
    this.meter.record(this.now() - started, 'flush');
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
      let roots: ScanRoot[];
      let scope: Set<BlockRecord<A>>;
      if (this.pendingFull) {
        this.pendingFull = false;
        this.pendingRegions.clear();
        this.stats.fullScans++;
        roots = body && this.deps.doc.designMode !== 'on' ? [body] : [];
        scope = this.records.takeAll();
      } else if (this.pendingRegions.size > 0) {
        roots = [...this.pendingRegions].filter((r) => r.isConnected);
        this.pendingRegions.clear();
        this.stats.regionScans += roots.length;
        scope = this.records.takeInside(new Set(roots));
      } else if (this.pendingCommit) {
        // Changes already queued are scanned first, so one commit covers them all.
        this.pendingCommit = false;
        if (
          !(await this.detector.analyze(
            this.records.all().filter((r) => r.analysis === null),
            signal,
          ))
        )
          return;
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

  /** Scans `roots` into records, reusing records of `scope` whose blocks did not change. */
  private async scan(roots: ScanRoot[], scope: Set<BlockRecord<A>>, signal: AbortSignal): Promise<boolean> {
    const { detector } = this.deps;
    const reusable = reusableByFirstNode(scope);
    const task = new ScanTask(
      roots,
      {
        hasCandidate: detector.hasCandidate,
        block: (block) => {
          if (!detector.hasCandidate(block.text)) return;
          if (!this.records.admit(block, reusable)) return;
          this.detector.startLoading();
          this.needsResolve = true;
        },
        shadows: this.shadows ?? undefined,
      },
      () => this.now(),
    );
    const completed = await this.meter.run(task, 'scan', signal);
    this.stats.pieces += task.counts.pieces;
    this.stats.walked += task.counts.walked;
    if (!completed) return false;
    for (const record of reusable.values()) this.retire(record);
    if (reusable.size > 0) this.needsResolve = true;
    return true;
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
          if (this.records.isDirty(record)) continue;
          record.mentions = next;
          record.entries = next.map((m) => this.addEntry(record.block, m));
          if (this.now() >= deadline) break;
        }
        return i >= changes.length;
      },
    };
    const done = await this.meter.run(apply, 'paint', signal);
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
    if (this.records.settle((record) => this.retire(record))) this.needsResolve = true;
    const title = doc.title;
    const url = doc.URL;
    if (!this.needsResolve && title === this.resolvedTitle && url === this.resolvedUrl) {
      this.meter.record(this.now() - started, 'resolve');
      return null;
    }
    this.needsResolve = false;
    this.resolvedTitle = title;
    this.resolvedUrl = url;
    // Records still waiting for their analysis (none, as `analyze` just ran) wait for the next commit.
    const list = this.records.all().filter((r) => r.analysis !== null);
    this.meter.record(this.now() - started, 'resolve');
    const resolved = await this.detector.resolve(
      list.map((r) => r.analysis as A),
      { title, url },
      signal,
    );
    if (resolved === STOPPED) return STOPPED;
    const eras = this.eras;
    const changes: [BlockRecord<A>, Mention[]][] = [];
    list.forEach((record, i) => {
      // Text that changed during the decision waits for the next one (the change asked for it).
      if (this.records.isDirty(record)) return;
      const found = resolved[i] ?? [];
      const next = eras ? found.filter((m) => eras[m.name]) : found;
      const intact = record.entries.every((e) => this.index.get(e.id) === e);
      if (!intact || !sameMentions(record.mentions, next)) changes.push([record, next]);
    });
    return changes;
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
