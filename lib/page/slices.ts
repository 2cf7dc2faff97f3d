/**
 * Work in slices: long jobs run in pieces of at most SLICE_BUDGET_MS and give the main thread back in
 * between, so the page stays responsive while a large page is scanned.
 */

/**
 * Longest run of work between two yields, in milliseconds. 8 ms leaves half of a 60 Hz frame to the
 * page and the renderer, and stays under the 10 ms target even when the last step of a slice (one
 * read of a paragraph, one detector call) overshoots the check.
 */
export const SLICE_BUDGET_MS = 8;

/** How many steps run between two clock reads: reading the clock for every node would cost more than the nodes. */
export const STEPS_PER_CLOCK_READ = 16;

/**
 * Delay between a page change and its handling, in milliseconds: the lens's rescan and, on a page that
 * has shown no candidate yet, the candidate watch's test. Changes come in bursts (a framework rendering a
 * list, a feed loading); waiting this long joins a burst into one pass, and stays under the ~100 ms
 * within which a response feels immediate.
 */
export const MUTATION_FLUSH_DELAY_MS = 50;

/** Gives the main thread back and resumes in a later task. */
export type YieldFn = () => Promise<void>;

/** A job that advances until `deadline` (a `now()` value) and returns true once it is finished. */
export interface SlicedTask {
  /** Does some work; true when nothing is left. */
  step(deadline: number): boolean;
}

/** The minimal `scheduler` shape we use (not yet in TypeScript's DOM types). */
interface SchedulerLike {
  yield?: () => Promise<unknown>;
}

/**
 * The best way to yield in `win`: `scheduler.yield()` resumes ahead of other queued tasks where it
 * exists; otherwise a MessageChannel message, which unlike `setTimeout(0)` is never clamped to 4 ms.
 */
export function createYield(win: typeof globalThis): YieldFn {
  const scheduler = (win as { scheduler?: SchedulerLike }).scheduler;
  if (typeof scheduler?.yield === 'function') {
    const fn = scheduler.yield.bind(scheduler);
    return () => fn().then(() => undefined);
  }
  return () =>
    new Promise<void>((resolve) => {
      const channel = new win.MessageChannel();
      channel.port1.onmessage = () => {
        channel.port1.close();
        resolve();
      };
      channel.port2.postMessage(null);
    });
}

/** What `runSliced` needs from its surroundings (parameters so tests can run it on a fake clock). */
export interface SliceEnv {
  /** Milliseconds from a monotonic clock. */
  now: () => number;
  /** Gives the main thread back. */
  yieldToMain: YieldFn;
  /** Stops the job between slices. */
  signal?: AbortSignal;
  /** Slice length; SLICE_BUDGET_MS unless a test says otherwise. */
  budgetMs?: number;
  /** Told how long each slice ran, for statistics. */
  onSlice?: (ms: number) => void;
}

/** Runs `task` in slices until it finishes (true) or `signal` aborts (false). */
export async function runSliced(task: SlicedTask, env: SliceEnv): Promise<boolean> {
  const budget = env.budgetMs ?? SLICE_BUDGET_MS;
  for (;;) {
    if (env.signal?.aborted) return false;
    const start = env.now();
    const done = task.step(start + budget);
    env.onSlice?.(env.now() - start);
    if (done) return true;
    await env.yieldToMain();
  }
}
