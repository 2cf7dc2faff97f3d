/**
 * The detector's first use, step by step (Node): what the page lens pays before its first highlight on
 * the typical article with mentions (100 KB, one mention per 5 KB, the page bench's own page). Module-level
 * tables and compiled expressions live once per process, so every run is a fresh process; figures are
 * medians over RUNS processes, in milliseconds.
 *
 *   npx tsx scripts/bench-warm-up.ts     (BENCH_RUNS=15 for more processes)
 *   BENCH_AB_DIR=/tmp/copy npx tsx scripts/bench-warm-up.ts
 *
 * BENCH_AB_DIR names a second copy of the project (say, the main branch's files with this script and
 * node_modules beside them): both are measured in turns, one process each, and printed side by side.
 *
 * Rows: each step of `warmUpSteps` as the lens runs it, then the article's analysis and decision that
 * follow it. The sum is what moves when the warm-up changes: work moved out of it shows up in the rows
 * after it, so compare totals, not the prepare row alone.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyzeBlock, resolveDocument, warmUpSteps } from '@/lib/detect';
import { articlePage } from './bench/pages';

/** Fresh processes measured; the median of each row is printed. */
const RUNS = Number(process.env.BENCH_RUNS ?? 9);
/** Marks the child process that measures (the parent only spawns and prints). */
const CHILD_FLAG = '--measure-once';

/** The article's paragraphs as the lens would read them: each `<p>`'s text. */
function articleBlocks(): string[] {
  const { html } = articlePage({ textChars: 100_000, mentionsEvery: 5000 });
  return [...html.matchAll(/<p>([\s\S]*?)<\/p>/g)].map((m) => (m[1] ?? '').replace(/<[^>]+>/g, ''));
}

/** One measurement in this process: label → ms. */
function measureOnce(): Record<string, number> {
  const blocks = articleBlocks();
  const out: Record<string, number> = {};
  const steps = warmUpSteps();
  for (let i = 1; ; i++) {
    const t0 = performance.now();
    const next = steps.next();
    out[`prepare step ${i}`] = performance.now() - t0;
    if (next.done) break;
  }
  let t0 = performance.now();
  const analyses = blocks.map(analyzeBlock);
  out['article: analyze'] = performance.now() - t0;
  t0 = performance.now();
  const mentions = resolveDocument(analyses, { title: 'Bench page' }).flat().length;
  out['article: resolve'] = performance.now() - t0;
  if (mentions === 0) throw new Error('bench:warm-up: the article has no mentions');
  return out;
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}

/** Runs this script's measuring half once, in `dir` (a copy of the project) and its code. */
function measureIn(dir: string): Record<string, number> {
  const script = path.join(dir, 'scripts', path.basename(fileURLToPath(import.meta.url)));
  const child = spawnSync(process.execPath, [...process.execArgv, script, CHILD_FLAG], {
    cwd: dir,
    encoding: 'utf8',
  });
  if (child.status !== 0)
    throw new Error(`bench:warm-up: a measuring process in ${dir} failed:\n${child.stderr}`);
  return JSON.parse(child.stdout) as Record<string, number>;
}

function main(): void {
  if (process.argv.includes(CHILD_FLAG)) {
    process.stdout.write(JSON.stringify(measureOnce()));
    return;
  }
  const here = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  // A second copy of the project (e.g. the main branch's files) measured in turns with this one.
  const other = process.env.BENCH_AB_DIR;
  const dirs = other ? [here, path.resolve(other)] : [here];
  const runs: Record<string, number>[][] = dirs.map(() => []);
  for (let i = 0; i < RUNS; i++) {
    for (const [j, dir] of dirs.entries()) runs[j]?.push(measureIn(dir));
  }
  const labels = Object.keys(runs[0]?.[0] ?? {});
  console.log(`Detector first use (Node), medians of ${RUNS} fresh processes each, ms`);
  console.log(
    `  ${''.padEnd(26)}${dirs.map((_, j) => (j === 0 ? 'this' : 'BENCH_AB_DIR').padStart(14)).join('')}`,
  );
  const row = (label: string, values: number[]) =>
    console.log(`  ${label.padEnd(26)}${values.map((v) => v.toFixed(2).padStart(14)).join('')}`);
  const sumOf = (r: Record<string, number>, prefix: string) =>
    Object.entries(r).reduce((n, [k, v]) => (k.startsWith(prefix) ? n + v : n), 0);
  for (const label of labels)
    row(
      label,
      runs.map((rs) => median(rs.map((r) => r[label] ?? 0))),
    );
  row(
    'prepare (median of sums)',
    runs.map((rs) => median(rs.map((r) => sumOf(r, 'prepare')))),
  );
  row(
    'total (median of sums)',
    runs.map((rs) => median(rs.map((r) => sumOf(r, '')))),
  );
}

main();
