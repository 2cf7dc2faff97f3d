// Runs `npm test`'s steps one after another, shows each step's own output as it comes, counts tests,
// and ends with one plain line `N passed, N failed`: the line CI reads (skipped tests on the line before).
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

/** One step of `npm test`. */
export interface Step {
  /** Short name, shown in the log and the closing table. */
  name: string;
  /** 'check' counts as one test; 'vitest' counts every test of the run. */
  kind: 'check' | 'vitest';
  /**
   * Program and arguments; programs in node_modules/.bin are found. A vitest step's command gets the JSON
   * reporter options appended.
   */
  command?: string[];
  /** An in-process check instead of a command: it fails when it throws or returns false. */
  run?: (log: (line: string) => void) => Promise<boolean | undefined>;
  /** Earlier steps that must pass first; otherwise this step fails unrun. */
  needs?: string[];
  /** Give up on the step after this long (default 10 minutes). */
  timeoutMs?: number;
}

/** Test counts of one step or of the whole run. */
export interface Counts {
  passed: number;
  failed: number;
  skipped: number;
}

/** What running one step gave: its counts and a note for the closing table (why it failed, say). */
interface Outcome {
  counts: Counts;
  note?: string;
  /** Names of the failed tests (vitest steps), listed again just above the closing table. */
  failures?: string[];
  /** Names of the tests that passed only on a retry (vitest steps with `retry`), listed there too. */
  retried?: string[];
}

/** A step that hangs (a browser that never closes) must not hold CI for its whole time limit. */
const DEFAULT_STEP_TIMEOUT_MS = 10 * 60_000;
/** Failed tests named above the closing table; more would push the table out of a kept log tail. */
const MAX_LISTED_FAILURES = 20;
/** Longest failure message shown beside a failed test's name: its first line, cut to this many characters. */
const MAX_FAILURE_MESSAGE = 160;
/** Time a timed-out step gets between SIGTERM and SIGKILL. */
const KILL_GRACE_MS = 5_000;

/**
 * Runs `steps` in order from `cwd`, prints each step's output and a closing table, then the summary
 * line as the very last line. Resolves to the totals.
 */
export async function runSteps(steps: Step[], { cwd }: { cwd: string }): Promise<Counts> {
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'iom-lens-test-'));
  const results: Array<{ step: Step; counts: Counts; ok: boolean; seconds: number; note: string }> = [];
  const failures: string[] = [];
  const retried: string[] = [];
  try {
    for (const step of steps) {
      const started = Date.now();
      const blocked = (step.needs ?? []).filter((need) => !results.find((r) => r.step.name === need)?.ok);
      let outcome: Outcome;
      if (blocked.length > 0) {
        outcome = {
          counts: { passed: 0, failed: 1, skipped: 0 },
          note: `not run: ${blocked.join(', ')} failed`,
        };
      } else {
        console.log(`\n━━ ${step.name} ━━${step.command ? ` ${step.command.join(' ')}` : ''}`);
        outcome = await runStep(step, { cwd, tmp });
      }
      for (const failure of outcome.failures ?? []) failures.push(`${step.name}: ${failure}`);
      for (const name of outcome.retried ?? []) retried.push(`${step.name}: ${name}`);
      const seconds = (Date.now() - started) / 1000;
      const ok = outcome.counts.failed === 0;
      results.push({ step, counts: outcome.counts, ok, seconds, note: outcome.note ?? '' });
      console.log(
        `${ok ? '✔' : '✘'} ${step.name}: ${describeCounts(outcome.counts)} in ${seconds.toFixed(1)} s`,
      );
    }
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
  const total = { passed: 0, failed: 0, skipped: 0 };
  const rows = results.map(({ step, counts, ok, seconds, note }) => {
    total.passed += counts.passed;
    total.failed += counts.failed;
    total.skipped += counts.skipped;
    const result = `${ok ? 'ok' : 'FAILED'} (${describeCounts(counts)})${note ? ` ${note}` : ''}`;
    return { name: step.name, result, time: `${seconds.toFixed(1)} s` };
  });
  // A CI log is often kept only in part, its end: the failed tests are named here, not only far above.
  if (retried.length > 0) {
    console.log(`\nPassed only on a second try (${retried.length}):`);
    for (const name of retried.slice(0, MAX_LISTED_FAILURES)) console.log(`  ↻ ${name}`);
  }
  if (failures.length > 0) {
    console.log(`\nFailed tests (${failures.length}):`);
    for (const failure of failures.slice(0, MAX_LISTED_FAILURES)) console.log(`  ✘ ${failure}`);
    if (failures.length > MAX_LISTED_FAILURES)
      console.log(`  … and ${failures.length - MAX_LISTED_FAILURES} more (see each step's output above)`);
  }
  const nameWidth = Math.max(...rows.map((row) => row.name.length), 4) + 2;
  const resultWidth = Math.max(...rows.map((row) => row.result.length), 4) + 2;
  console.log(`\n${'Step'.padEnd(nameWidth)}${'Result'.padEnd(resultWidth)}Time`);
  for (const { name, result, time } of rows)
    console.log(`${name.padEnd(nameWidth)}${result.padEnd(resultWidth)}${time}`);
  // Skipped tests (../shared absent, say) get a line of their own: the last line stays exactly the one CI reads.
  if (total.skipped > 0) console.log(`(${total.skipped} skipped)`);
  console.log(summaryLine(total));
  return total;
}

/** The closing line CI reads, exactly `N passed, N failed` (skipped tests are reported on the line before). */
export function summaryLine({ passed, failed }: Counts): string {
  return `${passed} passed, ${failed} failed`;
}

function describeCounts({ passed, failed, skipped }: Counts): string {
  return `${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`;
}

/** Runs one step: its command or its in-process check. */
async function runStep(step: Step, { cwd, tmp }: { cwd: string; tmp: string }): Promise<Outcome> {
  const one = (ok: boolean, note?: string): Outcome => ({
    counts: { passed: ok ? 1 : 0, failed: ok ? 0 : 1, skipped: 0 },
    note,
  });
  if (step.run) {
    try {
      return one((await step.run((line) => console.log(line))) !== false);
    } catch (error) {
      console.log(`${step.name}: ${error instanceof Error ? error.message : error}`);
      return one(false);
    }
  }
  if (!step.command) throw new Error(`Step "${step.name}" has neither a command nor a run function`);
  if (step.kind === 'check') {
    const { code, note } = await runCommand(step.command, { cwd, timeoutMs: step.timeoutMs });
    return one(code === 0, note);
  }
  const report = path.join(tmp, `${step.name.replace(/\W+/g, '-')}.json`);
  const command = [...step.command, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`];
  const { code, note } = await runCommand(command, { cwd, timeoutMs: step.timeoutMs });
  const { failures, retried } = await vitestNames(report);
  return { counts: await vitestCounts(report, code), note, failures, retried };
}

/** The parts of vitest's JSON report that are counted. */
interface VitestReport {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
  testResults: Array<{
    name?: string;
    status: string;
    message?: string;
    assertionResults: Array<{
      status: string;
      fullName?: string;
      failureMessages?: string[];
      meta?: { retried?: boolean };
    }>;
  }>;
}

/**
 * Names every failed test of a vitest JSON report as `file › test — first line of its error`, every file
 * that failed before its tests ran, and every test that passed only on a retry (`meta.retried`, set by the
 * browser tests' setup file). An unreadable report gives no names (its count says enough).
 */
export async function vitestNames(reportFile: string): Promise<{ failures: string[]; retried: string[] }> {
  let report: VitestReport;
  try {
    report = JSON.parse(await readFile(reportFile, 'utf8'));
  } catch {
    return { failures: [], retried: [] };
  }
  const firstLine = (message: string | undefined) => {
    const line = (message ?? '').trim().split('\n')[0] ?? '';
    return line.length > MAX_FAILURE_MESSAGE ? `${line.slice(0, MAX_FAILURE_MESSAGE - 1)}…` : line;
  };
  const failures: string[] = [];
  const retried: string[] = [];
  for (const file of report.testResults) {
    const where = file.name ? path.relative(process.cwd(), file.name) : 'a test file';
    const failed = file.assertionResults.filter((test) => test.status === 'failed');
    if (file.status === 'failed' && failed.length === 0)
      failures.push(`${where} — ${firstLine(file.message)}`);
    for (const test of failed)
      failures.push(`${where} › ${test.fullName ?? 'a test'} — ${firstLine(test.failureMessages?.[0])}`);
    for (const test of file.assertionResults)
      if (test.status === 'passed' && test.meta?.retried)
        retried.push(`${where} › ${test.fullName ?? 'a test'}`);
  }
  return { failures, retried };
}

/**
 * Counts a vitest run from its JSON report. A file that failed before its tests ran (an import error)
 * counts as one failure; so does a non-zero exit the report does not explain (e.g. unhandled errors).
 */
export async function vitestCounts(reportFile: string, exitCode: number): Promise<Counts> {
  let report: VitestReport;
  try {
    report = JSON.parse(await readFile(reportFile, 'utf8'));
  } catch {
    return { passed: 0, failed: 1, skipped: 0 }; // no report: vitest itself crashed
  }
  const brokenFiles = report.testResults.filter(
    (file) => file.status === 'failed' && !file.assertionResults.some((t) => t.status === 'failed'),
  ).length;
  let failed = report.numFailedTests + brokenFiles;
  if (exitCode !== 0 && failed === 0) failed = 1;
  return {
    passed: report.numPassedTests,
    failed,
    skipped: report.numPendingTests + report.numTodoTests,
  };
}

/** Runs a program with the terminal's stdout and stderr, node_modules/.bin first on PATH. */
function runCommand(
  [program, ...args]: string[],
  { cwd, timeoutMs = DEFAULT_STEP_TIMEOUT_MS }: { cwd: string; timeoutMs?: number },
): Promise<{ code: number; note?: string }> {
  if (!program) throw new Error('A step command needs a program');
  const env = {
    ...process.env,
    PATH: `${path.join(cwd, 'node_modules', '.bin')}${path.delimiter}${process.env.PATH}`,
  };
  return new Promise((resolve) => {
    const child = spawn(program, args, { cwd, env, stdio: ['ignore', 'inherit', 'inherit'] });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      console.log(`Timed out after ${timeoutMs / 1000} s: stopping ${program}`);
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), KILL_GRACE_MS).unref();
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      console.log(`Could not start ${program}: ${error.message}`);
      resolve({ code: 127, note: `could not start ${program}` });
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code: code ?? 1, note: timedOut ? 'timed out' : signal ? `killed by ${signal}` : undefined });
    });
  });
}
