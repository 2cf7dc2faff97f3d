// @vitest-environment node
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { runSteps, summaryLine, vitestCounts, vitestNames } from '../../../scripts/lib/run-steps';

describe('summaryLine', () => {
  it('prints the plain line CI reads', () => {
    expect(summaryLine({ passed: 412, failed: 0, skipped: 0 })).toBe('412 passed, 0 failed');
  });
  it('stays exactly "N passed, N failed" when tests were skipped (CI reads nothing else)', () => {
    expect(summaryLine({ passed: 3, failed: 1, skipped: 2 })).toBe('3 passed, 1 failed');
  });
});

describe('vitestCounts', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'run-steps-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  const report = async (value: object) => {
    const file = path.join(dir, 'report.json');
    await writeFile(file, JSON.stringify(value));
    return file;
  };
  const file = (status: string, tests: string[]) => ({
    status,
    assertionResults: tests.map((s) => ({ status: s })),
  });

  it('counts passed, failed and skipped (pending and todo) tests', async () => {
    const json = await report({
      numPassedTests: 5,
      numFailedTests: 1,
      numPendingTests: 2,
      numTodoTests: 1,
      testResults: [file('failed', ['passed', 'failed'])],
    });
    await expect(vitestCounts(json, 1)).resolves.toEqual({ passed: 5, failed: 1, skipped: 3 });
  });

  it('counts a file that failed before its tests ran as one failure', async () => {
    const json = await report({
      numPassedTests: 4,
      numFailedTests: 0,
      numPendingTests: 0,
      numTodoTests: 0,
      testResults: [file('passed', ['passed']), file('failed', [])],
    });
    await expect(vitestCounts(json, 1)).resolves.toEqual({ passed: 4, failed: 1, skipped: 0 });
  });

  it('counts a non-zero exit that the report does not explain as one failure', async () => {
    const json = await report({
      numPassedTests: 4,
      numFailedTests: 0,
      numPendingTests: 0,
      numTodoTests: 0,
      testResults: [],
    });
    await expect(vitestCounts(json, 1)).resolves.toEqual({ passed: 4, failed: 1, skipped: 0 });
  });

  it('counts a missing report as one failure', async () => {
    await expect(vitestCounts(path.join(dir, 'none.json'), 1)).resolves.toEqual({
      passed: 0,
      failed: 1,
      skipped: 0,
    });
  });
});

describe('vitestNames', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'run-steps-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('names each failed test with its file and the first line of its error, each file that broke, and each test that passed on a retry', async () => {
    const file = path.join(dir, 'report.json');
    await writeFile(
      file,
      JSON.stringify({
        numPassedTests: 1,
        numFailedTests: 1,
        numPendingTests: 0,
        numTodoTests: 0,
        testResults: [
          {
            name: path.join(process.cwd(), 'tests/e2e/a.e2e.test.ts'),
            status: 'failed',
            assertionResults: [
              { status: 'passed', fullName: 'a works' },
              { status: 'passed', fullName: 'a [chromium] flaked', meta: { retried: true } },
              {
                status: 'failed',
                fullName: 'a [firefox] paints',
                failureMessages: ['AssertionError: expected 0 to be 3\n    at stack'],
              },
            ],
          },
          {
            name: path.join(process.cwd(), 'tests/e2e/b.e2e.test.ts'),
            status: 'failed',
            message: 'Hook timed out in 90000ms.',
            assertionResults: [],
          },
        ],
      }),
    );
    const { failures, retried } = await vitestNames(file);
    expect(retried).toEqual([`${path.join('tests', 'e2e', 'a.e2e.test.ts')} › a [chromium] flaked`]);
    expect(failures).toEqual([
      path.join('tests', 'e2e', 'a.e2e.test.ts') +
        ' › a [firefox] paints — AssertionError: expected 0 to be 3',
      `${path.join('tests', 'e2e', 'b.e2e.test.ts')} — Hook timed out in 90000ms.`,
    ]);
  });

  it('gives no names when the report is missing (the count already says it failed)', async () => {
    await expect(vitestNames(path.join(dir, 'none.json'))).resolves.toEqual({ failures: [], retried: [] });
  });
});

describe('runSteps', () => {
  it('runs steps in order, fails steps whose prerequisites failed, and ends with the summary line', async () => {
    const lines: string[] = [];
    vi.spyOn(console, 'log').mockImplementation((line: string) => void lines.push(String(line)));
    const ran: string[] = [];
    const totals = await runSteps(
      [
        { name: 'passes', kind: 'check', command: [process.execPath, '-e', 'process.exit(0)'] },
        { name: 'fails', kind: 'check', command: [process.execPath, '-e', 'process.exit(3)'] },
        { name: 'in process', kind: 'check', run: async () => void ran.push('in process') },
        {
          name: 'needs the failure',
          kind: 'check',
          needs: ['fails'],
          run: async () => void ran.push('never'),
        },
      ],
      { cwd: process.cwd() },
    );
    expect(totals).toEqual({ passed: 2, failed: 2, skipped: 0 });
    expect(ran).toEqual(['in process']);
    expect(lines.at(-1)).toBe('2 passed, 2 failed');
    expect(lines.some((line) => /needs the failure\s+FAILED .*not run: fails failed/.test(line))).toBe(true);
  });
});
