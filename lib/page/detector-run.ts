/**
 * Running the detector for the page lens: loads its deciding half on first need, warms it up once,
 * analyses blocks and decides the whole page's mentions, all in slices through the work meter.
 */
import type { Mention } from '@/lib/mention';
import type { BlockRecord } from './block-records';
import type { MentionDecider, PageDetector } from './detector';
import { STEPS_PER_CLOCK_READ } from './slices';
import { STOPPED, type WorkMeter } from './work-meter';

/** The warm-up's slice length: 0 runs each of its steps in a slice of its own. */
export const WARM_UP_SLICE_BUDGET_MS = 0;

/** What the detector's document-wide decision knows of the page, as the detector declares it. */
export type DocumentContext = NonNullable<Parameters<MentionDecider['resolveDocument']>[1]>;

/** The detector's side of the lens: one per lens, kept across scans (the deciding half loads once). */
export class DetectorRun<A> {
  private decider: Promise<MentionDecider<A> | null> | null = null;
  private loaded: MentionDecider<A> | null = null;
  /** Whether the detector's warm-up steps have run (once per page: they prepare module-level tables). */
  private warmedUp = false;

  constructor(
    private readonly detector: PageDetector<A>,
    private readonly meter: WorkMeter,
  ) {}

  /** Starts loading the deciding half of the detector, once. */
  startLoading(): void {
    this.decider ??= this.detector.load().then(
      (decider) => {
        this.loaded = decider;
        return decider;
      },
      (error: unknown) => {
        // Seen when the extension was updated under the page: nothing more can be decided here.
        console.warn('[iom-lens] could not load the detector', error);
        return null;
      },
    );
  }

  /**
   * Runs the per-block analysis on the records of `pending` that have none yet, in slices. False when
   * stopped or when the detector could not load.
   */
  async analyze(pending: readonly BlockRecord<A>[], signal: AbortSignal): Promise<boolean> {
    if (pending.length === 0) return true;
    this.startLoading();
    const decider = await this.decider;
    if (decider === null || signal.aborted) return false;
    if (!this.warmedUp && decider.warmUpSteps) {
      // One step per slice: they take 0.2–7 ms each in Chromium, so two in one slice made slices of 12 ms,
      // and a dozen yields cost the first highlight little.
      const warm = await this.meter.runGenerator(
        decider.warmUpSteps(),
        1,
        'prepare',
        signal,
        WARM_UP_SLICE_BUDGET_MS,
      );
      if (warm === STOPPED) return false;
      this.warmedUp = true;
    }
    let i = 0;
    const advance = () => {
      const record = pending[i++] as BlockRecord<A>;
      record.analysis ??= decider.analyzeBlock(record.block.text);
      return i >= pending.length;
    };
    // Clock read after every analysis: one block can take milliseconds.
    return this.meter.runSteps(advance, 1, 'analyze', signal);
  }

  /**
   * The detector's document-wide decision, in slices when the detector offers steps: on a long page
   * with many candidates one call would be a task of tens of milliseconds. `context` goes to the
   * detector as it is (the page's title and whatever else its document rules read).
   */
  async resolve(
    analyses: A[],
    context: DocumentContext,
    signal: AbortSignal,
  ): Promise<Mention[][] | typeof STOPPED> {
    const decider = this.loaded;
    if (analyses.length === 0 || !decider) return [];
    if (!decider.resolveDocumentSteps) {
      const started = this.meter.now();
      const resolved = decider.resolveDocument(analyses, context);
      this.meter.record(this.meter.now() - started, 'resolve');
      return resolved;
    }
    return this.meter.runGenerator(
      decider.resolveDocumentSteps(analyses, context),
      STEPS_PER_CLOCK_READ,
      'resolve',
      signal,
    );
  }
}
