/**
 * Runs every benchmark of the project, one after the other, and prints their figures.
 *
 *   npm run bench                 all benchmarks
 *   npm run bench -- detector     only the named ones
 *
 * Each benchmark is a separate process so one's JIT and heap do not colour the next one's figures.
 * Add browser benchmarks to BENCHMARKS; each prints its own ratios against baselines run side by side.
 */
import { spawnSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const tsx = resolve(root, 'node_modules/.bin/tsx');

/** Name, what it measures, and the command that runs it (from the project root). */
const BENCHMARKS = [
  {
    name: 'detector',
    title: 'Mention detector in Node (MB/s against a plain regex)',
    command: [tsx, 'scripts/bench-detector.ts'],
  },
  {
    name: 'popup',
    title: 'Popup: first render in Chromium (built extension) and search per query over the dataset',
    command: [tsx, 'scripts/bench-popup.ts'],
  },
  {
    name: 'page',
    title:
      'Content script in Chromium (built extension) against a no-op content script, textContent + regex and mark.js',
    command: [tsx, 'scripts/bench-page.ts'],
  },
  {
    name: 'real-pages',
    title:
      'Content script on the saved real pages of ../shared (Chromium, built extension) against the no-op and textContent + regex',
    command: [tsx, 'scripts/bench-real-pages.ts'],
  },
  {
    name: 'speedometer',
    title:
      "Speedometer 3 (trimmed, ../shared) in Chromium with IOM Lens against no extension, and the content script in the suites' frames",
    command: [tsx, 'scripts/bench-speedometer.ts'],
  },
];

const wanted = process.argv.slice(2);
const unknown = wanted.filter((w) => !BENCHMARKS.some((b) => b.name === w));
if (unknown.length > 0) {
  console.error(
    `bench: unknown benchmark ${unknown.join(', ')}; known: ${BENCHMARKS.map((b) => b.name).join(', ')}`,
  );
  process.exit(2);
}

const failed: string[] = [];
for (const bench of BENCHMARKS) {
  if (wanted.length > 0 && !wanted.includes(bench.name)) continue;
  console.log(`\n=== ${bench.title} ===`);
  const [command = tsx, ...args] = bench.command;
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) failed.push(`${bench.name} (exit ${result.status ?? result.signal})`);
}
if (failed.length > 0) {
  console.error(`\nbench: failed or missed a target: ${failed.join(', ')}`);
  process.exit(1);
}
