/**
 * The lens's work on the page's main thread, run in slices and measured: every job of the lens (scan,
 * detector, paint) goes through one meter, which yields between slices, stops when the lens stops, and
 * keeps the figures the tests and the benchmark read.
 */
import { runSliced, type SlicedTask, type YieldFn } from './slices';

/** Kinds of work the lens does on the page's main thread. */
export type SlicePhase = 'scan' | 'prepare' | 'analyze' | 'resolve' | 'paint' | 'flush' | 'observe';

/** Figures about the time the lens's work took (milliseconds from `performance.now()`). */
export interface WorkFigures {
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
}

/** Figures before any work. */
export function noWorkYet(): WorkFigures {
  return {
    slices: 0,
    longestSliceMs: 0,
    longestSlicePhase: null,
    phaseMs: { scan: 0, prepare: 0, analyze: 0, resolve: 0, paint: 0, flush: 0, observe: 0 },
    workMs: 0,
  };
}

/** What a sliced job resolves with when the lens stopped while it ran. */
export const STOPPED = Symbol('stopped');

/** Runs the lens's jobs in slices on the page's clock and records how long each slice took. */
export class WorkMeter {
  /**
   * @param figures where the figures go (the lens's statistics)
   * @param now the page's monotonic clock, in milliseconds
   * @param yieldToMain gives the main thread back between slices
   */
  constructor(
    private readonly figures: WorkFigures,
    readonly now: () => number,
    private readonly yieldToMain: YieldFn,
  ) {}

  /** Counts `ms` of work doing `phase` as one slice. */
  record(ms: number, phase: SlicePhase): void {
    const figures = this.figures;
    figures.slices++;
    figures.workMs += ms;
    figures.phaseMs[phase] += ms;
    if (ms > figures.longestSliceMs) {
      figures.longestSliceMs = ms;
      figures.longestSlicePhase = phase;
    }
  }

  /**
   * Runs `task` in slices, each counted as `phase`; true once it finished, false when `signal` aborted.
   * `budgetMs` is the slice length (SLICE_BUDGET_MS by default).
   */
  run(task: SlicedTask, phase: SlicePhase, signal: AbortSignal, budgetMs?: number): Promise<boolean> {
    return runSliced(task, {
      now: this.now,
      yieldToMain: this.yieldToMain,
      signal,
      budgetMs,
      onSlice: (ms) => this.record(ms, phase),
    });
  }

  /**
   * Runs `advance` (one step of a job; true once the job is done) in slices, reading the clock every
   * `stepsPerClockRead` steps. A slice ends early rather than start a run of steps it may not finish in
   * time: the longest run between two clock reads so far is kept as the estimate of the next one (warm-up
   * steps take up to ~5 ms each; starting one at 7 ms made a 12 ms slice). A `budgetMs` of 0 runs one step
   * per slice.
   */
  runSteps(
    advance: () => boolean,
    stepsPerClockRead: number,
    phase: SlicePhase,
    signal: AbortSignal,
    budgetMs?: number,
  ): Promise<boolean> {
    let longest = 0;
    const task = {
      step: (deadline: number) => {
        let at = this.now();
        for (let n = 1; ; n++) {
          if (advance()) return true;
          if (n % stepsPerClockRead !== 0) continue;
          const now = this.now();
          longest = Math.max(longest, now - at);
          at = now;
          if (now + longest >= deadline) return false;
        }
      },
    };
    return this.run(task, phase, signal, budgetMs);
  }

  /**
   * Runs a generator of steps (the detector's warm-up and decision) with `runSteps`; resolves with its
   * result, or STOPPED when `signal` aborted first.
   */
  async runGenerator<R>(
    steps: Generator<void, R, void>,
    stepsPerClockRead: number,
    phase: SlicePhase,
    signal: AbortSignal,
    budgetMs?: number,
  ): Promise<R | typeof STOPPED> {
    let result: { value: R } | undefined;
    const advance = () => {
      const next = steps.next();
      if (next.done) result = { value: next.value };
      return next.done === true;
    };
    const done = await this.runSteps(advance, stepsPerClockRead, phase, signal, budgetMs);
    return done && result ? result.value : STOPPED;
  }
}
