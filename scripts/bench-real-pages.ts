/**
 * Real-pages benchmark (issue 17, item 1), run by `npm run bench -- real-pages`.
 *
 * Loads every saved page of ../shared/benchmarks/real-pages (read where it lies) from 127.0.0.1, every other
 * request aborted, in four Chromiums: with the BUILT extension, with the no-op content script of the page
 * benchmark (top page only, and declared for every frame: the floor of running in frames), and with no
 * extension, interleaved load by load. Our cost is the page benchmark's thread-time
 * method (the trace's evaluation of our scripts plus the content script's self-timed work) less the
 * no-op's evaluation; the baseline is `body.textContent` + the candidate regex, measured in the browser
 * without an extension. A page that does not settle within PAGE_TIMEOUT_MS is reported as timed out.
 * Prints a table per page with the total, and where the time goes on the dearest pages; exit 1 when a
 * target is missed. Without ../shared it prints a notice and exits 0.
 */
import { existsSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import {
  type BenchBrowser,
  baselineFn,
  CANDIDATE_PATTERN,
  EXTENSION_DIR,
  type Load,
  launch,
  measureInPage,
  measureLoad,
  ROOT,
  threadTime,
} from './bench/measure';
import { buildNoop } from './bench/noop-extension';
import {
  DEAREST_PAGES,
  formatBreakdown,
  formatFramesFloor,
  formatMethods,
  formatTable,
  listRealPages,
  type PageSamples,
  pageRow,
  REAL_PAGES_TARGET,
  realPagesDir,
  total,
} from './bench/real-pages';
import { ratio, Targets } from './bench/report';
import { CHROMIUM_PATH } from './lib/browsers';
import { type StaticServer, serveDirectory } from './lib/static-server';

/** The saved pages; BENCH_REAL_PAGES_DIR points elsewhere (a test points it at a missing folder). */
const PAGES_DIR = process.env.BENCH_REAL_PAGES_DIR || realPagesDir(ROOT);

/** Loads per variant and page (median printed): 26 pages × 3 variants × 3 loads take a few minutes. */
const RUNS = Number(process.env.BENCH_RUNS || 3);
/**
 * Longest one load (to the content script idle and two frames) may take: the heaviest saved page loads in
 * about a second here, and one (remove-script-tags) has hung its renderer in earlier runs, extension or not.
 * BENCH_PAGE_TIMEOUT_MS overrides it (a tiny one exercises the time-out path).
 */
const PAGE_TIMEOUT_MS = Number(process.env.BENCH_PAGE_TIMEOUT_MS || 20_000);
/** Closing the tab of a page that hung: the renderer may not answer, so this is not waited for longer. */
const CLOSE_TIMEOUT_MS = 5_000;

/** Every request that is not to our server is aborted: the pages reference the internet. */
async function onlyLocal(browser: BenchBrowser, server: StaticServer): Promise<void> {
  await browser.context.route(
    (url) => url.protocol.startsWith('http') || url.protocol.startsWith('ws'),
    (route) =>
      route.request().url().startsWith(`${server.origin}/`)
        ? route.continue()
        : route.abort('blockedbyclient'),
  );
}

const TIMED_OUT = Symbol('timed out');

/** `work`, or TIMED_OUT after `ms` (the work is left to fail on its own; its error is dropped then). */
async function within<T>(work: Promise<T>, ms: number): Promise<T | typeof TIMED_OUT> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<typeof TIMED_OUT>((resolve) => {
    timer = setTimeout(() => resolve(TIMED_OUT), ms);
  });
  work.catch(() => {});
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Closes every tab of `browser` (after a load timed out or failed, its tab is not known to the caller). */
async function closeTabs(browser: BenchBrowser): Promise<void> {
  await Promise.all(
    browser.context.pages().map((p) => within(p.close({ runBeforeUnload: false }), CLOSE_TIMEOUT_MS)),
  );
}

/** One load measured to the end (and its tab closed), or why not. */
async function load<T>(
  browser: BenchBrowser,
  measure: () => Promise<T>,
): Promise<{ value: T } | { problem: string }> {
  try {
    const value = await within(measure(), PAGE_TIMEOUT_MS);
    if (value !== TIMED_OUT) return { value };
    await closeTabs(browser);
    return { problem: 'timed out' };
  } catch (error) {
    await closeTabs(browser);
    return { problem: `failed: ${error instanceof Error ? error.message.split('\n')[0] : error}` };
  }
}

interface Browsers {
  ext: BenchBrowser;
  noop: BenchBrowser;
  /** The no-op declared for every frame: the floor of running in frames. */
  noopFrames: BenchBrowser;
  none: BenchBrowser;
}

/** One page's loads, the three variants interleaved; stops at the first problem (the page is reported so). */
async function benchPage(browsers: Browsers, server: StaticServer, file: string): Promise<PageSamples> {
  const samples: PageSamples = {
    name: file.replace(/\.html$/i, ''),
    bytes: statSync(path.join(PAGES_DIR, file)).size,
    ext: [],
    noop: [],
    baseline: [],
    longest: [],
    parts: [],
    noopParts: [],
    noopFrames: [],
    extProfile: [],
    noopProfile: [],
    mentions: 0,
    problem: null,
  };
  const traced = async (browser: BenchBrowser, url: string, lens: boolean): Promise<Load> => {
    const l = await measureLoad(browser, url, { lens, trace: true });
    await l.tab.close();
    return l;
  };
  for (let run = 0; run < RUNS && !samples.problem; run++) {
    const url = server.url(`${file}?run=${run}`);
    const e = await load(browsers.ext, () => traced(browsers.ext, url, true));
    if ('problem' in e) {
      samples.problem = e.problem;
      break;
    }
    const n = await load(browsers.noop, () => traced(browsers.noop, url, false));
    if ('problem' in n) {
      samples.problem = n.problem;
      break;
    }
    const f = await load(browsers.noopFrames, () => traced(browsers.noopFrames, url, false));
    if ('problem' in f) {
      samples.problem = f.problem;
      break;
    }
    // The same page profiled (no trace), for the sampling profile's figure beside the trace's.
    const profiled = async (browser: BenchBrowser, lens: boolean) => {
      const l = await measureLoad(browser, `${url}&profile`, { lens });
      await l.tab.close();
      return l.profile ?? { charged: 0, sampled: 0, evaluation: 0, later: 0 };
    };
    const ep = await load(browsers.ext, () => profiled(browsers.ext, true));
    if ('problem' in ep) {
      samples.problem = ep.problem;
      break;
    }
    const np = await load(browsers.noop, () => profiled(browsers.noop, false));
    if ('problem' in np) {
      samples.problem = np.problem;
      break;
    }
    const b = await load(browsers.none, async () => {
      const plain = await measureLoad(browsers.none, url, { lens: false });
      const { cost } = await measureInPage(plain.tab, baselineFn, CANDIDATE_PATTERN);
      await plain.tab.close();
      return cost.TaskDuration;
    });
    if ('problem' in b) {
      samples.problem = b.problem;
      break;
    }
    const stats = e.value.stats;
    samples.ext.push(threadTime(e.value));
    samples.noop.push(threadTime(n.value));
    samples.baseline.push(b.value);
    samples.longest.push(stats?.longestSliceMs ?? 0);
    samples.parts.push({ ...e.value.evaluations, ...stats?.phaseMs });
    samples.noopParts.push(n.value.evaluations);
    samples.noopFrames?.push(threadTime(f.value));
    samples.extProfile.push(ep.value);
    samples.noopProfile.push(np.value);
    samples.mentions = stats?.size ?? 0;
  }
  return samples;
}

async function main(): Promise<void> {
  const files = listRealPages(PAGES_DIR);
  if (!files) {
    console.log(`bench-real-pages: skipped (no ${PAGES_DIR}; the saved real pages live in ../shared)`);
    return;
  }
  if (!existsSync(path.join(EXTENSION_DIR, 'manifest.json'))) {
    console.error('bench-real-pages: no .output/chrome-mv3; run `npm run build` first');
    process.exit(1);
  }
  if (!existsSync(CHROMIUM_PATH)) {
    console.log(`bench-real-pages: skipped (no Chromium at ${CHROMIUM_PATH})`);
    return;
  }
  const noopBuild = buildNoop(ROOT);
  const noopFramesBuild = buildNoop(ROOT, { everyFrame: true });
  const server = await serveDirectory(PAGES_DIR);
  const browsers: Browsers = {
    ext: await launch(EXTENSION_DIR),
    noop: await launch(noopBuild.output),
    noopFrames: await launch(noopFramesBuild.output),
    none: await launch(null),
  };
  const targets = new Targets();
  try {
    for (const b of Object.values(browsers)) await onlyLocal(b, server);
    // Warm-up: the first page of a browser compiles the extension's scripts and fills caches.
    for (const b of Object.values(browsers)) {
      await load(b, async () => {
        const l = await measureLoad(b, server.url(`${files[0]}?warm`), { lens: b === browsers.ext });
        await l.tab.close();
      });
    }

    console.log(
      `Chromium ${browsers.ext.context.browser()?.version() ?? ''}; ${files.length} saved real pages from ${PAGES_DIR}, served on 127.0.0.1 (every other request aborted); ${RUNS} loads per variant, interleaved (IOM Lens, no-op, no-op in every frame, no extension), medians; a load not settled in ${PAGE_TIMEOUT_MS / 1000} s is reported as timed out.`,
    );
    console.log(
      "IOM Lens / no-op = thread time of the extension's script evaluations (trace) plus the content script's self-timed work; above no-op = the difference; baseline = body.textContent + the candidate regex (no extension); ratio = above no-op / baseline; beyond baseline = above no-op − baseline; longest slice = the longest slice of our work in any load; mentions = found by IOM Lens.\n",
    );
    // BENCH_PAGES=msn,heise narrows the run while working on some pages.
    const only = process.env.BENCH_PAGES?.split(',');
    const rows = [];
    for (const file of files) {
      if (only && !only.includes(file.replace(/\.html$/i, ''))) continue;
      const row = pageRow(await benchPage(browsers, server, file));
      if (row.problem) console.log(`  ${row.name}: ${row.problem}`);
      rows.push(row);
    }
    const sum = total(rows);
    console.log(formatTable(rows, sum).join('\n'));
    console.log(`\nWhere the time goes on the ${DEAREST_PAGES} dearest pages (medians):`);
    for (const line of formatBreakdown(rows)) console.log(`  ${line}`);
    console.log('\nTwo methods, means over the measured pages (profile: separate untraced loads):');
    for (const line of formatMethods(rows)) console.log(`  ${line}`);
    console.log(
      '\nThe floor of running in every frame (issue 15): the no-op declared for every frame, less the top-only no-op, in the same run:',
    );
    for (const line of formatFramesFloor(rows)) console.log(`  ${line}`);
    console.log(
      `\nMean above the no-op ${ratio(sum.ratio)} the mean baseline — target ≤ ${REAL_PAGES_TARGET.meanOverBaseline}x: ${targets.check(sum.meanOk, `real pages: mean ≤ ${REAL_PAGES_TARGET.meanOverBaseline}x baseline`)}`,
    );
    console.log(
      `Pages more than ${REAL_PAGES_TARGET.beyondBaselineMs} ms beyond their baseline: ${sum.overBudget.join(', ') || 'none'} — target none: ${targets.check(sum.overBudget.length === 0, `real pages: ${sum.overBudget.length} pages > ${REAL_PAGES_TARGET.beyondBaselineMs} ms beyond baseline`)}`,
    );
    if (sum.problems.length > 0) console.log(`Not measured: ${sum.problems.join(', ')}`);
  } finally {
    for (const b of Object.values(browsers)) await within(b.context.close(), CLOSE_TIMEOUT_MS);
    await server.close();
    rmSync(noopBuild.dir, { recursive: true, force: true });
    rmSync(noopFramesBuild.dir, { recursive: true, force: true });
  }
  if (targets.missed.length > 0) {
    console.log(`\nMissed: ${targets.missed.join('; ')}`);
    process.exitCode = 1;
  } else {
    console.log('\nAll real-page targets met.');
  }
}

await main();
