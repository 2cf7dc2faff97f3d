// The injected-size budget (issue 5): what the manifest injects into every page it matches must stay
// small, because every page pays for parsing and compiling it whether or not it mentions the organization.
// `npm test` fails when a build exceeds it; the page benchmark prints the same figure.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

/** Gzipped bytes the content scripts may inject on every page (issue 5's target). */
export const INJECTED_BUDGET_BYTES = 20 * 1024;

/** One injected file of a build and its gzipped size. */
export interface InjectedFile {
  /** Path inside the build folder, as the manifest names it. */
  file: string;
  gzipBytes: number;
}

/** The files a manifest injects into pages: every `content_scripts` entry's scripts and stylesheets. */
export function injectedFiles(manifest: unknown, where = 'manifest.json'): string[] {
  const entries = (manifest as { content_scripts?: unknown })?.content_scripts;
  if (!Array.isArray(entries) || entries.length === 0) {
    throw new Error(`${where} declares no content_scripts: nothing to measure`);
  }
  const files: string[] = [];
  for (const [i, entry] of entries.entries()) {
    for (const key of ['js', 'css'] as const) {
      const list: unknown = (entry as Record<string, unknown>)?.[key];
      if (list === undefined) continue;
      if (!Array.isArray(list) || !list.every((f) => typeof f === 'string')) {
        throw new Error(`${where}: content_scripts[${i}].${key} is not a list of file names`);
      }
      for (const file of list) if (!files.includes(file)) files.push(file);
    }
  }
  return files;
}

/** Reads a build's manifest and gzips each injected file as a store would serve it (default level). */
export function measureInjected(buildDir: string): InjectedFile[] {
  const manifestPath = path.join(buildDir, 'manifest.json');
  const manifest: unknown = JSON.parse(readFileSync(manifestPath, 'utf8'));
  return injectedFiles(manifest, manifestPath).map((file) => ({
    file,
    gzipBytes: gzipSync(readFileSync(path.join(buildDir, file))).length,
  }));
}

/** Kilobytes with one decimal, as the docs print them. */
export const kilobytes = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** `content-scripts/content.js 8.1 KB` for each file, comma-separated. */
export function describeInjected(files: InjectedFile[]): string {
  return files.map((f) => `${f.file} ${kilobytes(f.gzipBytes)}`).join(', ');
}

/**
 * Null when the files together fit the budget; otherwise a message naming the build, each file with its
 * gzipped size, the total and the budget.
 */
export function injectedSizeProblem(
  build: string,
  files: InjectedFile[],
  budget: number = INJECTED_BUDGET_BYTES,
): string | null {
  const total = files.reduce((sum, f) => sum + f.gzipBytes, 0);
  if (total <= budget) return null;
  return `${build} injects ${kilobytes(total)} gzipped on every page (${describeInjected(files)}), over the ${kilobytes(budget)} budget by ${kilobytes(total - budget)} (${total} > ${budget} bytes)`;
}

/**
 * `npm test`'s step: measures each build folder under `outputDir` and throws one message per build over the
 * budget; logs the figures of those within it.
 */
export function checkInjectedBudget(outputDir: string, builds: string[], log: (line: string) => void): true {
  const problems: string[] = [];
  for (const build of builds) {
    const dir = path.join(outputDir, build);
    const files = measureInjected(dir);
    const problem = injectedSizeProblem(dir, files);
    if (problem) problems.push(problem);
    else
      log(
        `${dir}: ${describeInjected(files)} gzipped, within the ${kilobytes(INJECTED_BUDGET_BYTES)} budget`,
      );
  }
  if (problems.length > 0) throw new Error(problems.join('\n'));
  return true;
}
