/** Test counts of one step or of the whole run. */
export interface Counts {
  passed: number;
  failed: number;
  skipped: number;
}

/** One step of `npm test` (see scripts/lib/run-steps.mjs). */
export interface Step {
  /** Short name, shown in the log and the closing table. */
  name: string;
  /** 'check' counts as one test; 'vitest' counts every test of the run. */
  kind: 'check' | 'vitest';
  /** Program and arguments; programs in node_modules/.bin are found. */
  command?: string[];
  /** An in-process check instead of a command: fails when it throws or returns false. */
  run?: (log: (line: string) => void) => Promise<boolean | undefined>;
  /** Earlier steps that must pass first; otherwise this step fails unrun. */
  needs?: string[];
  /** Give up on the step after this long (default 10 minutes). */
  timeoutMs?: number;
}

/** Runs the steps in order, prints a closing table and then the summary line last; resolves to the totals. */
export declare function runSteps(steps: Step[], options: { cwd: string }): Promise<Counts>;
/** `N passed, N failed`, plus `, N skipped` when some were skipped. */
export declare function summaryLine(counts: Counts): string;
/** Counts a vitest run from its JSON report and exit code. */
export declare function vitestCounts(reportFile: string, exitCode: number): Promise<Counts>;
