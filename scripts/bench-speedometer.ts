/**
 * Speedometer benchmark (issue 15), run by `npm run bench -- speedometer`.
 *
 * Serves the trimmed Speedometer 3 of ../shared/benchmarks/speedometer (read where it lies) from 127.0.0.1
 * and runs it in four headless Chromiums: one with the BUILT extension (.output/chrome-mv3), one with no
 * extension, and two references built with the same stack, in every frame: the no-op content script and
 * the watch's floor (the no-op + one read of the frame's text and a MutationObserver). Rounds are
 * interleaved (the order reverses each round). Prints the scores, our ratio against the target with the
 * floor's beside it, the same for each iteration apart (the first is our scripts' first run in a new
 * renderer) and each suite's time, and in how many of the suites' app frames the content script ran; exit 1 when a
 * target is missed and the floor does not explain it. Without ../shared it prints a notice and exits 0.
 *
 *   BENCH_ROUNDS=5        rounds (each runs both browsers once)
 *   BENCH_ITERATIONS=2    Speedometer iterations per run
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { type BenchBrowser, CANDIDATE_PATTERN, EXTENSION_DIR, launch, ROOT, sleep } from './bench/measure';
import { buildNoop } from './bench/noop-extension';
import {
  CLIENT_STATE,
  type FrameObservation,
  formatIterationSplit,
  formatSpeedometerReport,
  formatSuiteSplit,
  parseRunState,
  SPEEDOMETER_SUITES,
  SPEEDOMETER_WINDOW,
  type SuiteTimes,
  speedometerDir,
  speedometerMissed,
  speedometerUrl,
  suiteFrameCoverage,
} from './bench/speedometer';
import { CHROMIUM_PATH } from './lib/browsers';
import { serveDirectory } from './lib/static-server';

const DIR = process.env.BENCH_SPEEDOMETER_DIR || speedometerDir(ROOT);
const ROUNDS = Number(process.env.BENCH_ROUNDS || 5);
const ITERATIONS = Number(process.env.BENCH_ITERATIONS || 2);
/** One run of the three suites takes about half a minute here; a loaded machine is given ten times that. */
const RUN_TIMEOUT_MS = 5 * 60_000;
const POLL_MS = 500;
/** The browsers of a round, each a variant. */
type Variant = 'withLens' | 'without' | 'noop' | 'watch';
const VARIANTS: readonly Variant[] = ['withLens', 'without', 'noop', 'watch'];
const LABELS: Record<Variant, string> = {
  withLens: 'IOM Lens    ',
  without: 'no extension',
  noop: 'no-op       ',
  watch: 'watch floor ',
};

/**
 * Runs Speedometer once in a new tab and returns its scores. Both variants get the same DevTools
 * session (Runtime and Page on), which in the extension's browser also records its content script's
 * worlds per frame into `observed`.
 */
/**
 * Evaluated in a frame's extension world as soon as the world appears: resolves to 'content' once the
 * content script runs there, or to the frame gate's state once it stops changing (a gate that waits for
 * text or size), or to what it is after GATE_ASK_LIMIT_MS.
 */
const GATE_STATE = `new Promise((done) => {
  const started = Date.now();
  const check = () => {
    const state = globalThis.iomLens ? 'content' : globalThis.iomLensGate?.state;
    const settled =state !== undefined && state !== 'loading' && state !== 'loaded';
    if (state === 'content' || (settled && Date.now() - started > 1000) || Date.now() - started > 5000)
      done(state ?? 'none');
    else setTimeout(check, 50);
  };
  check();
})`;

async function runOnce(
  browser: BenchBrowser,
  url: string,
  observed: FrameObservation & {
    frames: Map<string, string>;
    contentScriptFrames: Set<string>;
    gateStates: Map<string, string>;
  },
): Promise<{ scores: number[]; suites: SuiteTimes[] }> {
  const page = await browser.context.newPage();
  try {
    const cdp = await browser.context.newCDPSession(page);
    cdp.on('Page.frameNavigated', ({ frame }) => observed.frames.set(frame.id, frame.url));
    cdp.on('Runtime.executionContextCreated', ({ context }) => {
      const frameId = (context.auxData as { frameId?: string } | undefined)?.frameId;
      if (!browser.origin || context.origin !== browser.origin || !frameId) return;
      observed.contentScriptFrames.add(frameId);
      // A world is the frame gate's first: ask it at once whether the gate imports the content script there.
      cdp
        .send('Runtime.evaluate', {
          contextId: context.id,
          expression: GATE_STATE,
          awaitPromise: true,
          returnByValue: true,
        })
        .then(({ result }) => observed.gateStates.set(frameId, String(result.value)))
        .catch(() => {}); // the frame went meanwhile
    });
    await cdp.send('Page.enable');
    await cdp.send('Runtime.enable');
    await page.goto(url, { waitUntil: 'load' });
    const deadline = Date.now() + RUN_TIMEOUT_MS;
    while (Date.now() < deadline) {
      const state = parseRunState(await page.evaluate(CLIENT_STATE), ITERATIONS);
      if (state.done) return state;
      await sleep(POLL_MS);
    }
    throw new Error(`speedometer: not done after ${RUN_TIMEOUT_MS / 1000} s`);
  } finally {
    await page.close();
  }
}

async function main(): Promise<void> {
  if (!DIR || !existsSync(path.join(DIR, 'index.html'))) {
    console.log(
      'bench-speedometer: skipped (no ../shared/benchmarks/speedometer; the trimmed Speedometer 3 lives in ../shared)',
    );
    return;
  }
  if (!existsSync(path.join(EXTENSION_DIR, 'manifest.json'))) {
    console.error('bench-speedometer: no .output/chrome-mv3; run `npm run build` first');
    process.exit(1);
  }
  if (!existsSync(CHROMIUM_PATH)) {
    console.log(`bench-speedometer: skipped (no Chromium at ${CHROMIUM_PATH})`);
    return;
  }
  const server = await serveDirectory(DIR);
  const noopBuild = buildNoop(ROOT, { everyFrame: true });
  const watchBuild = buildNoop(ROOT, { everyFrame: true, readPattern: CANDIDATE_PATTERN });
  const browsers: Record<Variant, BenchBrowser> = {
    withLens: await launch(EXTENSION_DIR, SPEEDOMETER_WINDOW),
    without: await launch(null, SPEEDOMETER_WINDOW),
    noop: await launch(noopBuild.output, SPEEDOMETER_WINDOW),
    watch: await launch(watchBuild.output, SPEEDOMETER_WINDOW),
  };
  const observe = () => ({
    frames: new Map<string, string>(),
    contentScriptFrames: new Set<string>(),
    gateStates: new Map<string, string>(),
  });
  const observed = observe();
  const ignored = observe();
  // One list per run, one score per iteration.
  const scores: Record<Variant, number[][]> = { withLens: [], without: [], noop: [], watch: [] };
  const suiteTimes: Record<Variant, SuiteTimes[][]> = { withLens: [], without: [], noop: [], watch: [] };
  try {
    console.log(
      `Chromium ${browsers.withLens.context.browser()?.version() ?? ''}; Speedometer 3 (trimmed: ${SPEEDOMETER_SUITES.join(', ')}) from ${DIR} on 127.0.0.1; ${ROUNDS} rounds × ${ITERATIONS} iterations per browser, interleaved (order reversing each round), headless, ${SPEEDOMETER_WINDOW.width}×${SPEEDOMETER_WINDOW.height}. Scores: runs per minute, higher is better; a run scores the mean of its iterations.\n`,
    );
    const url = speedometerUrl(server.origin, ITERATIONS);
    for (let round = 0; round < ROUNDS; round++) {
      const order = round % 2 === 0 ? VARIANTS : [...VARIANTS].reverse();
      for (const variant of order) {
        const got = await runOnce(browsers[variant], url, variant === 'withLens' ? observed : ignored);
        scores[variant].push(got.scores);
        suiteTimes[variant].push(got.suites);
        console.log(
          `  round ${round + 1}, ${LABELS[variant]}: ${got.scores.map((s) => s.toFixed(2)).join(', ')}`,
        );
      }
    }
  } finally {
    for (const browser of Object.values(browsers)) await browser.context.close();
    await server.close();
  }
  const report = { ...scores, coverage: suiteFrameCoverage(observed) };
  console.log('');
  for (const line of formatSpeedometerReport(report)) console.log(line);
  for (const line of formatIterationSplit(scores)) console.log(line);
  for (const line of formatSuiteSplit(suiteTimes)) console.log(line);
  process.exitCode = speedometerMissed(report) ? 1 : 0;
}

await main();
