/**
 * Measuring for the page benchmark (scripts/bench-page.ts): a Chromium with one extension loaded, a tab
 * with the DevTools Performance domain on (thread time), page loads measured until the content script is
 * idle, the CPU the content script takes (sampling profile or trace), and the in-page baselines.
 */
import path from 'node:path';
import { type BrowserContext, type CDPSession, chromium, type Page } from 'playwright-core';
import { nameTable } from '../../lib/detect/names';
import { MIGRATION_STEMS, stemVariants } from '../../lib/detect/stems';
import { escapeRegExp } from '../../lib/detect/text';
import { CHROMIUM_PATH, chromiumArgs } from '../lib/browsers';

/** The project root, which the browser benchmarks run from. */
export const ROOT = path.resolve(import.meta.dirname, '../..');
/** The built extension; BENCH_EXTENSION_DIR measures another build (an experiment) against the same baselines. */
export const EXTENSION_DIR = path.resolve(ROOT, process.env.BENCH_EXTENSION_DIR || '.output/chrome-mv3');

/** The main-thread counters of the Performance domain the benchmark reads (in ms once read). */
export const METRICS = ['TaskDuration', 'ScriptDuration', 'LayoutDuration', 'RecalcStyleDuration'] as const;
export type Metric = (typeof METRICS)[number];
export type Metrics = Record<Metric, number>;

/** Quiet time after the content script is idle: lets the debounced report go out (250 ms) and frames settle. */
const SETTLE_MS = 400;
/** Sampling interval of the CPU profile that attributes main-thread time to the content script (µs). */
const PROFILE_INTERVAL_US = 200;
/** How long a load may take, and how long the content script may take to become idle (polls × interval). */
const LOAD_TIMEOUT_MS = 120_000;
const IDLE_POLLS = 1200;
const IDLE_POLL_MS = 50;

/**
 * The detector's candidate patterns, for the baseline and mark.js: the same alternatives as `hasCandidate`.
 */
export const CANDIDATE_PATTERN = [
  ...[...nameTable().acronyms.keys()].sort((a, b) => b.length - a.length),
  ...MIGRATION_STEMS.flatMap(stemVariants),
]
  .map(escapeRegExp)
  .join('|');

/** A browser with one extension loaded, and the origin of its pages (null for one without a background). */
export interface BenchBrowser {
  context: BrowserContext;
  origin: string | null;
}

/** A tab with the Performance domain on, and a way to read the content script's world. */
export interface BenchTab {
  page: Page;
  cdp: CDPSession;
  /** Evaluates `expression` in the extension's isolated world of the top frame (null if not there yet). */
  inContentScript<T>(expression: string): Promise<T | null>;
  close(): Promise<void>;
}

/** The content script's figures once it is idle (the lens's, or the candidate watch's in the same shape). */
export interface LensState {
  startedAt: number;
  firstHighlightAt: number | null;
  longestSliceMs: number;
  longestSlicePhase: string | null;
  phaseMs: Record<string, number>;
  workMs: number;
  regionScans: number;
  mutationRecords: number;
  pieces: number;
  walked: number;
  /** Mentions found, and how many are highlighted. */
  size: number;
  highlighted: number;
}

/** What one page load cost: the Performance counters, plus the extension's own CPU (ms). */
export type LoadCost = Metrics & { Extension: number };

/**
 * What a load's sampling profile attributes to the extension (ms), three ways, to set beside the trace:
 * `charged` is the bench's figure (each sample charged with the time to the next, gaps included);
 * `sampled` counts each sample as one interval (what the thread could have run between two samples);
 * `evaluation` and `later` split `charged` by the sample's outermost frame of ours: the script's top level
 * (its evaluation) or anything called later (the candidate watch's read, observer callbacks, chunk imports).
 */
export interface ProfileSplit {
  charged: number;
  sampled: number;
  evaluation: number;
  later: number;
}

/** One measured page load; its tab stays open for more measuring. */
export interface Load {
  cost: LoadCost;
  /** Profiled (untraced) loads: the profile's figures in detail (`charged` is `cost.Extension`). */
  profile: ProfileSplit | null;
  /** Traced loads: the thread time (ms) of each extension script's evaluation, by file (sums to `Extension`). */
  evaluations: Record<string, number>;
  /** Profiled loads: the profile's time (ms) by the file of the innermost extension frame (sums to `Extension`). */
  profileParts: Record<string, number>;
  /** The content script's figures (loads with `lens: true`). */
  stats: LensState | null;
  page: { dcl: number; longTasks: number; longestTask: number };
  tab: BenchTab;
}

/** The globals the benchmark's pages define (scripts/bench/pages.ts), and mark.js once added. */
interface BenchWindow {
  __longtasks?: Array<[number, number]>;
  runMutations(total: number, perTask: number): Promise<void>;
  highlightAll(limit?: number): number;
  observeLikeLens(options: MutationObserverInit): void;
  observeMentions(rootMargin: string): void;
  Mark: new (
    root: Element,
  ) => { markRegExp(pattern: RegExp, options: { done: (marks: number) => void }): void };
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** In the page: resolves after two frames have rendered. */
export const twoFrames = () =>
  new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 0))));

async function metrics(cdp: CDPSession): Promise<Metrics> {
  const { metrics: list } = await cdp.send('Performance.getMetrics');
  const out = Object.fromEntries(METRICS.map((name) => [name, 0])) as Metrics;
  for (const m of list)
    if ((METRICS as readonly string[]).includes(m.name)) out[m.name as Metric] = m.value * 1000;
  return out;
}

const minus = (a: Metrics, b: Metrics): Metrics =>
  Object.fromEntries(METRICS.map((k) => [k, a[k] - b[k]])) as Metrics;

/**
 * A browser with one extension loaded (none for null), and a way to read its content script's world.
 * `viewport`: its pages' size (Speedometer wants a bigger one than the page benchmarks' default).
 */
export async function launch(
  extensionDir: string | null,
  viewport: { width: number; height: number } = { width: 1280, height: 800 },
): Promise<BenchBrowser> {
  const context = await chromium.launchPersistentContext('', {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: chromiumArgs(extensionDir),
    viewport,
  });
  const worker = !extensionDir
    ? null
    : (context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker').catch(() => null)));
  const origin = worker ? `chrome-extension://${new URL(worker.url()).host}` : null;
  return { context, origin };
}

/**
 * Opens a new tab with the Performance domain on (thread time). A fresh tab per load: the counters
 * belong to the renderer of one document, and a navigation can move a tab to another renderer.
 */
async function openTab(browser: BenchBrowser): Promise<BenchTab> {
  const page = await browser.context.newPage();
  const cdp = await browser.context.newCDPSession(page);
  const contexts = new Map<number, { id: number; origin: string; auxData?: { frameId?: string } }>();
  cdp.on('Runtime.executionContextCreated', ({ context }) => contexts.set(context.id, context));
  cdp.on('Runtime.executionContextDestroyed', ({ executionContextId }) =>
    contexts.delete(executionContextId),
  );
  cdp.on('Runtime.executionContextsCleared', () => contexts.clear());
  await cdp.send('Runtime.enable');
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  const inContentScript = async <T>(expression: string): Promise<T | null> => {
    const { frameTree } = await cdp.send('Page.getFrameTree');
    const ctx = [...contexts.values()].find(
      (c) => c.origin === browser.origin && c.auxData?.frameId === frameTree.frame.id,
    );
    if (!ctx) return null;
    const { result } = await cdp.send('Runtime.evaluate', {
      contextId: ctx.id,
      expression,
      returnByValue: true,
    });
    return (result.value as T | undefined) ?? null;
  };
  return { page, cdp, inContentScript, close: () => page.close() };
}

/**
 * The content script's figures once it is idle, or null: the lens's, or on a page that has shown no
 * candidate (so no lens started) the candidate watch's, in the same shape.
 */
export const LENS_STATE = `(() => {
  const content = globalThis.iomLens;
  if (!content) return null;
  const watch = content.watch;
  if (watch) {
    const w = watch.stats;
    if (w.firstScanDoneAt === null) return null;
    return { ...w, firstHighlightAt: null, walked: 0, regionScans: 0, longestSlicePhase: 'watch',
      phaseMs: { watch: w.workMs }, size: 0, highlighted: 0 };
  }
  const lens = content.lens;
  if (!lens || lens.stats.firstScanDoneAt === null || !lens.idle) return null;
  return { ...lens.stats, size: lens.registry.size, highlighted: lens.registry.highlightedCount };
})()`;

export async function waitForLens(tab: BenchTab): Promise<LensState> {
  for (let i = 0; i < IDLE_POLLS; i++) {
    const state = await tab.inContentScript<LensState>(LENS_STATE);
    if (state) return state;
    await sleep(IDLE_POLL_MS);
  }
  throw new Error('bench: the content script never became idle');
}

/** Loads `url` in a new tab and measures its main thread until the page (and the lens, if any) settled. */
export async function measureLoad(
  browser: BenchBrowser,
  url: string,
  { lens, trace = false }: { lens: boolean; trace?: boolean },
): Promise<Load> {
  const tab = await openTab(browser);
  const evaluation = trace ? await startTrace(tab.cdp) : null;
  if (!evaluation) await startProfile(tab.cdp);
  await tab.page.goto(url, { waitUntil: 'load', timeout: LOAD_TIMEOUT_MS });
  const stats = lens ? await waitForLens(tab) : null;
  await tab.page.evaluate(twoFrames);
  await sleep(SETTLE_MS);
  const counters = await metrics(tab.cdp);
  // Each browser has one extension loaded; the no-op has no background to learn its id from.
  const evaluations = evaluation
    ? await evaluation((await tab.cdp.send('Page.getFrameTree')).frameTree.frame.id)
    : {};
  const profileParts: Record<string, number> = {};
  const profile = evaluation ? null : await extensionTime(tab.cdp, undefined, profileParts);
  const Extension = profile ? profile.charged : Object.values(evaluations).reduce((sum, v) => sum + v, 0);
  const cost = { ...counters, Extension };
  const page = await tab.page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    const dcl = nav ? nav.domContentLoadedEventEnd : 0;
    const after = ((window as unknown as BenchWindow).__longtasks || []).filter(([start]) => start >= dcl);
    return { dcl, longTasks: after.length, longestTask: after.reduce((m, [, d]) => Math.max(m, d), 0) };
  });
  return { cost, evaluations, profile, profileParts, stats, page, tab };
}

/**
 * A traced load's thread time of the content script (ms): its scripts' evaluations, plus the work the lens
 * or the candidate watch times itself (its slices and mutation callbacks). On a page without a candidate
 * that is all it does; the no-op's figure is its evaluation alone.
 */
export const threadTime = (load: Load): number => load.cost.Extension + (load.stats?.workMs ?? 0);

async function startProfile(cdp: CDPSession): Promise<void> {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: PROFILE_INTERVAL_US });
  await cdp.send('Profiler.start');
}

/** A complete ('X') trace event, as far as the benchmark reads it. */
interface TraceEvent {
  ph?: string;
  name?: string;
  dur?: number;
  tdur?: number;
  args?: { data?: { url?: unknown; frame?: unknown }; worldName?: unknown };
}

/**
 * The trace's part for scripts the extension imports (the frame gate's content script, the lens chunk):
 * a module's evaluation is a `v8.evaluateModule` event that names the world it ran in but not its URL
 * or frame. Each benchmark browser has one extension, so a module evaluated in a named (isolated) world
 * is the extension's. Named like a script so that the benches count it as evaluation.
 */
export const IMPORTED_MODULES_PART = 'imported modules (.js)';

/**
 * Starts a trace of the tab's script evaluations and returns what ends it: a function that resolves to the
 * thread time (ms) of the evaluations of the extension's scripts, compiling included, by file name. On a page without a
 * candidate that evaluation is all the content script does besides its self-timed read (and all the no-op
 * does); thread time is exact there, where the sampling profile's attribution is not (it gave the no-op's
 * evaluation 0 ms on 1 MB pages, the trace 3 ms). No profiler runs meanwhile: it makes compiling dearer.
 */
async function startTrace(
  cdp: CDPSession,
  origin = 'chrome-extension://',
): Promise<(topFrame: string) => Promise<Record<string, number>>> {
  const events: TraceEvent[] = [];
  const collect = ({ value }: { value: object[] }) => events.push(...(value as TraceEvent[]));
  cdp.on('Tracing.dataCollected', collect);
  await cdp.send('Tracing.start', { categories: 'devtools.timeline', transferMode: 'ReportEvents' });
  return async (topFrame) => {
    const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
    await cdp.send('Tracing.end');
    await complete;
    cdp.off('Tracing.dataCollected', collect);
    const byFile: Record<string, number> = {};
    for (const e of events) {
      if (e.ph === 'X' && e.name === 'v8.evaluateModule' && e.args?.worldName) {
        byFile[IMPORTED_MODULES_PART] = (byFile[IMPORTED_MODULES_PART] ?? 0) + (e.tdur ?? e.dur ?? 0) / 1000;
        continue;
      }
      const url = String(e.args?.data?.url);
      if (e.ph !== 'X' || e.name !== 'EvaluateScript' || !url.startsWith(origin)) continue;
      const name = new URL(url).pathname.split('/').pop() || url;
      // Scripts injected into the page's iframes are counted apart (a frame of its own is a cost of its own).
      const file =
        e.args?.data?.frame === undefined || e.args.data.frame === topFrame ? name : `${name} in subframes`;
      byFile[file] = (byFile[file] ?? 0) + (e.tdur ?? e.dur ?? 0) / 1000;
    }
    return byFile;
  };
}

/**
 * Main-thread time spent on behalf of the extension's scripts: the CPU profile's samples with a frame
 * of `origin` on the stack (its JS and the DOM work it calls, including continuations after yields,
 * which the Performance domain's ScriptDuration leaves out). Rendering work the extension causes later
 * (style for its stylesheet, painting highlights) is not in it; the page-load figures show that.
 */
async function extensionTime(
  cdp: CDPSession,
  origin = 'chrome-extension://',
  byFile?: Record<string, number>,
): Promise<ProfileSplit> {
  const { profile } = await cdp.send('Profiler.stop');
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parentOf = new Map<number, number>();
  for (const n of profile.nodes) for (const child of n.children ?? []) parentOf.set(child, n.id);
  const ours = new Map<number, boolean>();
  const isOurs = (id: number): boolean => {
    const known = ours.get(id);
    if (known !== undefined) return known;
    const parent = parentOf.get(id);
    const value =
      Boolean(byId.get(id)?.callFrame.url.startsWith(origin)) || (parent !== undefined && isOurs(parent));
    ours.set(id, value);
    return value;
  };
  // Where the time goes: the file of the innermost extension frame (a chunk's own code, or what it calls).
  const fileOf = (id: number): string => {
    const url = byId.get(id)?.callFrame.url ?? '';
    if (url.startsWith(origin)) return new URL(url).pathname.split('/').pop() || url;
    const parent = parentOf.get(id);
    return parent === undefined ? '?' : fileOf(parent);
  };
  // The outermost frame of ours: a script's top level (line 0, column 0) is its evaluation.
  const outermost = (id: number): number | undefined => {
    const parent = parentOf.get(id);
    return parent !== undefined && isOurs(parent) ? outermost(parent) : id;
  };
  const split = { charged: 0, sampled: 0, evaluation: 0, later: 0 };
  const { samples = [], timeDeltas = [] } = profile;
  for (let i = 0; i < samples.length; i++) {
    const id = samples[i] as number;
    if (!isOurs(id)) continue;
    const us = timeDeltas[i + 1] ?? PROFILE_INTERVAL_US;
    split.charged += us;
    split.sampled += PROFILE_INTERVAL_US;
    const top = byId.get(outermost(id) ?? id)?.callFrame;
    if (top && top.lineNumber === 0 && top.columnNumber === 0) split.evaluation += us;
    else split.later += us;
    if (byFile) {
      const file = fileOf(id);
      byFile[file] = (byFile[file] ?? 0) + us / 1000;
    }
  }
  return {
    charged: split.charged / 1000,
    sampled: split.sampled / 1000,
    evaluation: split.evaluation / 1000,
    later: split.later / 1000,
  };
}

/**
 * `fn(arg)` as an expression for the page. tsx compiles this file with esbuild's keepNames, which wraps
 * named inner functions (mark.js's `done` option) in a `__name(…)` helper the page lacks: it gets an
 * identity one.
 */
const pageCall = (fn: (arg: never) => unknown, arg: unknown) =>
  `(() => { const __name = (f) => f; return (${fn.toString()})(${JSON.stringify(arg)}); })()`;

/** Runs `fn(arg)` in the page and measures the main thread around it. */
export async function measureInPage<A, R>(
  tab: BenchTab,
  fn: (arg: A) => R | Promise<R>,
  arg: A,
): Promise<{ cost: Metrics; value: R }> {
  const before = await metrics(tab.cdp);
  const value = (await tab.page.evaluate(pageCall(fn, arg))) as R;
  const cost = minus(await metrics(tab.cdp), before);
  return { cost, value };
}

/**
 * Collects the renderer's garbage now, then waits two frames: a run that follows starts without a
 * collection pending from what was allocated before it (the page's load, the lens's first scan).
 */
export async function collectGarbage(tab: BenchTab): Promise<void> {
  await tab.cdp.send('HeapProfiler.enable');
  await tab.cdp.send('HeapProfiler.collectGarbage');
  await tab.cdp.send('HeapProfiler.disable');
  await tab.page.evaluate(twoFrames);
}

/** CPU the page spends after the mutations until quiet (the extension's deferred rescans land here). */
export async function settleCost(tab: BenchTab): Promise<number> {
  const before = await metrics(tab.cdp);
  await tab.page.evaluate(twoFrames);
  await sleep(SETTLE_MS);
  return minus(await metrics(tab.cdp), before).TaskDuration;
}

/** In the page: the baseline, `body.textContent` and the candidate regex. */
export const baselineFn = (source: string) => {
  const start = performance.now();
  const found = new RegExp(source).test(document.body.textContent || '');
  return { found, ms: performance.now() - start };
};

/** In the page: mark.js's `markRegExp` with the candidate regex, to the next rendered frame. */
export const markJsFn = async (source: string) => {
  const start = performance.now();
  let marks = 0;
  await new Promise<void>((done) =>
    new (window as unknown as BenchWindow).Mark(document.body).markRegExp(new RegExp(source, 'g'), {
      done: (n) => {
        marks = n;
        done();
      },
    }),
  );
  await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  return { marks, ms: performance.now() - start };
};

/** In the page: `runMutations(total, perTask)` of the mutation page. */
export const runMutationsFn = ([total, perTask]: [number, number]) =>
  (window as unknown as BenchWindow).runMutations(total, perTask);

/** In the page: the mutation page registering a highlight over every mention itself (or the first `limit`). */
export const highlightAllFn = (limit: number | null) =>
  (window as unknown as BenchWindow).highlightAll(limit ?? undefined);

/** In the page: a MutationObserver that only counts records, with `options` (the floor of ours). */
export const observeLikeLensFn = (options: MutationObserverInit) =>
  (window as unknown as BenchWindow).observeLikeLens(options);

/** In the page: an IntersectionObserver on every mention paragraph, with the painter's margin. */
export const observeMentionsFn = (rootMargin: string) =>
  (window as unknown as BenchWindow).observeMentions(rootMargin);

/** In the page: how often our style element entered and left the head, and was rewritten (page's count). */
export const styleCountFn = () =>
  (window as unknown as { __iomStyle?: { added: number; removed: number; rewritten: number } })
    .__iomStyle ?? {
    added: 0,
    removed: 0,
    rewritten: 0,
  };

/** In the page: how many ranges the extension's highlight has registered (painted near the viewport). */
export const paintedFn = () => CSS.highlights.get('iom-lens-mention')?.size ?? 0;
