/**
 * The Speedometer benchmark's pure parts (scripts/bench-speedometer.ts runs it): where the trimmed
 * Speedometer 3 of ../shared lives, the URL that starts it, reading its scores out of the page, the
 * statistics and the report. No browser here, so all of it is unit-tested.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import {
  type FloorTarget,
  type FloorVerdict,
  formatVerdict,
  judgeFloor,
  median,
  pairedExcess,
  quantile,
} from './report';

/** The suites the trimmed copy keeps (its ABOUT.md): a news site and two TodoMVC apps. */
export const SPEEDOMETER_SUITES = ['NewsSite-Next', 'TodoMVC-React-Complex-DOM', 'TodoMVC-WebComponents'];

/**
 * IOM Lens may cost at most 1% of the score (issue 15): these pages have no mention, which is what
 * almost every page is, so this is the extension's cost on busy real apps.
 */
export const SPEEDOMETER_TARGET = 0.99;

/** Speedometer wants a window at least this big (ABOUT.md); the suites' own frames are 800 × 600 inside it. */
export const SPEEDOMETER_WINDOW = { width: 1400, height: 1000 };

/** Where the copy lives: ../shared/benchmarks/speedometer beside the project; null when it is absent. */
export function speedometerDir(root: string): string | null {
  const dir = path.resolve(root, '..', 'shared', 'benchmarks', 'speedometer');
  return existsSync(path.join(dir, 'index.html')) ? dir : null;
}

/** The URL that runs `suites` for `iterations` iterations as soon as the page loads. */
export function speedometerUrl(origin: string, iterations: number, suites = SPEEDOMETER_SUITES): string {
  if (!Number.isInteger(iterations) || iterations < 1)
    throw new Error(`speedometer: iterations must be a whole number ≥ 1, not ${iterations}`);
  const query = new URLSearchParams({
    suites: suites.join(','),
    iterationCount: String(iterations),
    startAutomatically: 'true',
  });
  return `${origin}/index.html?${query}`;
}

/** The runner's state and results as the page holds them (`globalThis.benchmarkClient`). */
export const CLIENT_STATE = `(() => {
  const client = globalThis.benchmarkClient;
  return client ? JSON.stringify({ state: client._state, results: client._measuredValuesList }) : null;
})()`;

/** Each suite's time in one iteration (ms), by suite name. */
export type SuiteTimes = Record<string, number>;

/**
 * What one read of {@link CLIENT_STATE} says: still running, or done with one score per iteration and
 * each iteration's suite times.
 */
export type RunState = { done: false } | { done: true; scores: number[]; suites: SuiteTimes[] };

/**
 * Reads the runner's state (the JSON {@link CLIENT_STATE} returns). Done: one score per iteration;
 * an error state, a wrong number of iterations or a score that is not a positive number is an error
 * naming what was found.
 */
export function parseRunState(json: unknown, iterations: number): RunState {
  if (json === null || json === undefined) return { done: false }; // the runner has not started yet
  if (typeof json !== 'string')
    throw new Error(`speedometer: expected the runner's state as JSON, got ${typeof json}`);
  const { state, results } = JSON.parse(json) as { state?: unknown; results?: unknown };
  if (state === 'ERROR') throw new Error('speedometer: the runner stopped with an error (state ERROR)');
  if (state !== 'DONE') return { done: false };
  if (!Array.isArray(results))
    throw new Error('speedometer: the runner is DONE but benchmarkClient._measuredValuesList is not a list');
  if (results.length !== iterations)
    throw new Error(
      `speedometer: expected ${iterations} iteration results, the runner has ${results.length}`,
    );
  const scores = results.map((r: unknown, i) => {
    const score = (r as { score?: unknown } | null)?.score;
    if (typeof score !== 'number' || !Number.isFinite(score) || score <= 0)
      throw new Error(`speedometer: iteration ${i + 1} has no positive score (${JSON.stringify(score)})`);
    return score;
  });
  const suites = results.map((r: unknown) => {
    const tests = (r as { tests?: Record<string, { total?: unknown }> }).tests ?? {};
    const times: SuiteTimes = {};
    for (const [name, suite] of Object.entries(tests))
      if (typeof suite?.total === 'number' && Number.isFinite(suite.total)) times[name] = suite.total;
    return times;
  });
  return { done: true, scores, suites };
}

/** The content script's worlds the DevTools session saw, and the frames' URLs. */
export interface FrameObservation {
  /** Frame id → URL, from navigations. */
  frames: ReadonlyMap<string, string>;
  /** Frame ids in which an execution context with the extension's origin (its content script) was created. */
  contentScriptFrames: ReadonlySet<string>;
  /**
   * Frame id → what the extension's world held when asked a moment after it was created: 'content' (the
   * content script runs there), or the frame gate's state ('empty', 'tiny', …). Frames gone by then are absent.
   */
  gateStates?: ReadonlyMap<string, string>;
}

/** How many of the suites' app frames (URLs under /suites/) the content script ran in, of how many. */
export function suiteFrameCoverage(observed: FrameObservation): {
  ran: number;
  frames: number;
  asked: number;
  loaded: number;
} {
  const suiteFrames = [...observed.frames].filter(([, url]) => new URL(url).pathname.startsWith('/suites/'));
  const states = suiteFrames.flatMap(([id]) => {
    const state = observed.gateStates?.get(id);
    return state === undefined ? [] : [state];
  });
  return {
    frames: suiteFrames.length,
    ran: suiteFrames.filter(([id]) => observed.contentScriptFrames.has(id)).length,
    asked: states.length,
    loaded: states.filter((state) => state === 'content').length,
  };
}

/** A run's score as Speedometer itself reports it: the mean of its iterations' scores. */
export function runScore(iterations: readonly number[]): number {
  if (iterations.length === 0) throw new Error('speedometer: a run without iteration scores');
  return iterations.reduce((sum, score) => sum + score, 0) / iterations.length;
}

/**
 * Each browser's scores, one list per run (one run per round), one score per iteration. Runs, not
 * iterations, are the unit: a run starts in a new tab, its first iteration lands well below the later
 * ones (code compiled and warmed in a new renderer), and a median over all iterations together falls
 * between those two groups, where a small shift flips it (0.93 to 1.02 for the same build).
 */
export interface RunScores {
  withLens: readonly (readonly number[])[];
  without: readonly (readonly number[])[];
  /** The no-op content script in every frame. */
  noop?: readonly (readonly number[])[];
  /** The watch floor: the no-op + one read of the frame's text and a MutationObserver on it. */
  watch?: readonly (readonly number[])[];
}

/** One browser's run scores: their median and middle half. */
export interface ScoreSummary {
  median: number;
  /** First and third quartiles. */
  q1: number;
  q3: number;
  runs: number;
  iterations: number;
}

export function summarize(runs: readonly (readonly number[])[]): ScoreSummary {
  if (runs.length === 0) throw new Error('speedometer: no scores to summarize');
  const scores = runs.map(runScore);
  return {
    median: median(scores),
    q1: quantile(scores, 0.25),
    q3: quantile(scores, 0.75),
    runs: runs.length,
    iterations: runs.reduce((n, run) => n + run.length, 0),
  };
}

/** A browser's run scores over another's, round by round: the median ratio and its middle half. */
export interface PairedRatio {
  median: number;
  q1: number;
  q3: number;
}

/**
 * Each run's score over the score of `bases`' run in the same round. Pairing cancels the drift of a
 * shared machine between rounds, which comparing two medians does not.
 */
export function pairedRatio(
  costs: readonly (readonly number[])[],
  bases: readonly (readonly number[])[],
): PairedRatio {
  const excess = pairedExcess(costs.map(runScore), bases.map(runScore));
  return { median: excess.median + 1, q1: excess.q1 + 1, q3: excess.q3 + 1 };
}

const score = (s: ScoreSummary) =>
  `${s.median.toFixed(2)} (middle half ${s.q1.toFixed(2)}–${s.q3.toFixed(2)}; ${s.runs} runs, ${s.iterations} iterations)`;
const ratioWithSpread = (r: PairedRatio) =>
  `${r.median.toFixed(3)} (middle half ${r.q1.toFixed(3)}–${r.q3.toFixed(3)})`;

/** The verdict: IOM Lens's paired ratio to no extension against the target, with the watch floor's. */
function judgeSpeedometer(runs: RunScores): {
  ratio: PairedRatio;
  target: FloorTarget;
  verdict: FloorVerdict;
} {
  const ratio = pairedRatio(runs.withLens, runs.without);
  const floor = runs.watch ? pairedRatio(runs.watch, runs.without).median : Number.NaN;
  const target = {
    value: ratio.median,
    limit: SPEEDOMETER_TARGET,
    floor,
    atLeast: true,
    show: (v: number) => v.toFixed(3),
  };
  const met = ratio.median >= SPEEDOMETER_TARGET;
  return { ratio, target, verdict: runs.watch ? judgeFloor(target) : met ? 'met' : 'missed' };
}

/**
 * The report's lines: each browser's score, our paired ratio against the target with the floors' beside it,
 * and where the content script ran.
 */
export function formatSpeedometerReport(
  input: RunScores & { coverage: { ran: number; frames: number; asked?: number; loaded?: number } },
): string[] {
  const { ratio, target, verdict } = judgeSpeedometer(input);
  const { ran, frames } = input.coverage;
  const { noop, watch } = input;
  const against = (runs: readonly (readonly number[])[]) => ratioWithSpread(pairedRatio(runs, input.without));
  return [
    `No extension: ${score(summarize(input.without))}`,
    ...(noop
      ? [
          `No-op:        ${score(summarize(noop))} → ${against(noop)} (a content script doing nothing, in every frame)`,
        ]
      : []),
    ...(watch
      ? [
          `Watch floor:  ${score(summarize(watch))} → ${against(watch)} (the no-op + one read of each frame's text and a MutationObserver on it)`,
        ]
      : []),
    `IOM Lens:     ${score(summarize(input.withLens))}`,
    `IOM Lens / no extension = ${ratioWithSpread(ratio)}, each run against the no-extension run of its round — target ≥ ${SPEEDOMETER_TARGET}: ${watch ? formatVerdict(verdict, target) : verdict === 'met' ? 'OK' : 'MISSED'}` +
      (watch ? `; IOM Lens / watch floor = ${pairedRatio(input.withLens, watch).median.toFixed(3)}` : ''),
    `Content script ran in ${ran} of ${frames} suite frames — target all: ${frames > 0 && ran === frames ? 'OK' : 'MISSED'}` +
      (input.coverage.asked === undefined
        ? ''
        : `; the frame gate had imported it in ${input.coverage.loaded} of the ${input.coverage.asked} frames still there when asked`),
  ];
}

/** The run fails on a miss that its floor does not explain, or when the content script missed a frame. */
export function speedometerMissed(input: RunScores & { coverage: { ran: number; frames: number } }): boolean {
  const { verdict } = judgeSpeedometer(input);
  return verdict === 'missed' || input.coverage.frames === 0 || input.coverage.ran < input.coverage.frames;
}

/**
 * The medians of each iteration apart (the first of every run, the second…), with IOM Lens's ratio to
 * no extension and to the watch floor. A run starts in a new tab, so its first iteration is also the first
 * time our scripts are compiled and run in that renderer; the later ones show what is left once they are
 * warm. Informative only: the verdict stays on all iterations together.
 */
export function formatIterationSplit(runs: RunScores): string[] {
  const count = Math.min(
    ...[runs.withLens, runs.without, runs.watch ?? runs.without].map((r) => r[0]?.length ?? 0),
  );
  const at = (list: readonly (readonly number[])[], i: number) =>
    median(list.flatMap((scores) => (scores[i] === undefined ? [] : [scores[i] as number])));
  const lines: string[] = [];
  for (let i = 0; i < count; i++) {
    const lens = at(runs.withLens, i);
    const without = at(runs.without, i);
    const watch = runs.watch ? at(runs.watch, i) : Number.NaN;
    lines.push(
      `  iteration ${i + 1}: no extension ${without.toFixed(2)}` +
        (runs.watch ? `, watch floor ${watch.toFixed(2)} (${(watch / without).toFixed(3)})` : '') +
        `, IOM Lens ${lens.toFixed(2)}: ${(lens / without).toFixed(3)}` +
        (runs.watch ? `, ${(lens / watch).toFixed(3)} of the watch floor` : ''),
    );
  }
  return lines.length > 0
    ? ['By iteration (medians over the rounds; each run starts in a new tab):', ...lines]
    : [];
}

/** Each browser's suite times, one list per run, one entry per iteration. */
export interface RunSuiteTimes {
  withLens: readonly (readonly SuiteTimes[])[];
  without: readonly (readonly SuiteTimes[])[];
  watch?: readonly (readonly SuiteTimes[])[];
}

/**
 * Each suite apart: every browser's median over the runs of its mean time per iteration, and IOM Lens's
 * time over the no-extension run's (and the watch floor's) of the same round, paired. The score is 1000
 * over the geometric mean of the suites' times, so a suite that takes 10 % longer costs the score the same
 * whether it is the shortest or the longest.
 */
export function formatSuiteSplit(runs: RunSuiteTimes): string[] {
  const names = Object.keys(runs.without[0]?.[0] ?? {});
  const perRun = (list: readonly (readonly SuiteTimes[])[], name: string) =>
    list.map((run) => run.reduce((sum, times) => sum + (times[name] ?? Number.NaN), 0) / run.length);
  const lines = names.map((name) => {
    const lens = perRun(runs.withLens, name);
    const without = perRun(runs.without, name);
    const watch = runs.watch ? perRun(runs.watch, name) : null;
    const over = (bases: number[]) => pairedExcess(lens, bases).median + 1;
    return (
      `  ${name}: no extension ${median(without).toFixed(1)} ms` +
      (watch ? `, watch floor ${median(watch).toFixed(1)} ms` : '') +
      `, IOM Lens ${median(lens).toFixed(1)} ms: ${over(without).toFixed(3)}x the no-extension time` +
      (watch ? `, ${over(watch).toFixed(3)}x the watch floor's` : '')
    );
  });
  return lines.length > 0
    ? ['By suite (time per iteration, medians over the runs; IOM Lens paired with the same round):', ...lines]
    : [];
}
