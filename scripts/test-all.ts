// `npm test`: every check of the project, in order, ending with the line CI reads:
// `N passed, N failed` (skipped tests, if any, on the line before). Exits non-zero when anything failed.
//
// To add a step, add an entry to STEPS (see the Step type in scripts/lib/run-steps.ts): a command
// that passes or fails as a whole (kind 'check', counts as one test), a vitest run (kind 'vitest',
// counts each test), or an in-process check (`run`). `needs` names steps it depends on.
import { spawnSync } from 'node:child_process';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensurePackages, TEST_PACKAGES } from './lib/browser-setup';
import { checkInjectedBudget } from './lib/injected-size';
import { runSteps, type Step, summaryLine } from './lib/run-steps';
import { zipEntries } from './lib/zip-entries';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

const STEPS: Step[] = [
  { name: 'typecheck', kind: 'check', command: ['tsc', '--noEmit'] },
  { name: 'lint and format', kind: 'check', command: ['biome', 'check', '.'] },
  { name: 'unit and component tests', kind: 'vitest', command: ['vitest', 'run'] },
  { name: 'build', kind: 'check', command: ['npm', 'run', '--silent', 'build'] },
  {
    name: 'injected size budget',
    kind: 'check',
    run: async (log) =>
      checkInjectedBudget(path.join(ROOT, '.output'), ['chrome-mv3', 'firefox-mv2', 'edge-mv3'], log),
    needs: ['build'],
  },
  {
    name: 'web-ext lint',
    kind: 'check',
    command: ['web-ext', 'lint', '--source-dir', '.output/firefox-mv2'],
    needs: ['build'],
  },
  {
    name: 'browser tests',
    kind: 'vitest',
    command: ['vitest', 'run', '--config', 'vitest.e2e.config.ts'],
    needs: ['build'],
  },
  // Last, because `wxt zip` rebuilds .output.
  { name: 'store and sources zips', kind: 'check', run: checkZips },
];

/** Runs `npm run zip` and checks the four zips it must write, and what the sources zip leaves out. */
async function checkZips(log: (line: string) => void): Promise<boolean> {
  const started = Date.now();
  const zip = spawnSync('npm', ['run', '--silent', 'zip'], {
    cwd: ROOT,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (zip.status !== 0) throw new Error(`npm run zip exited with ${zip.status}`);
  const { name, version } = JSON.parse(await readFile(path.join(ROOT, 'package.json'), 'utf8'));
  const zipPath = (suffix: string) => path.join(ROOT, '.output', `${name}-${version}-${suffix}.zip`);
  for (const suffix of ['chrome', 'edge', 'firefox', 'sources']) {
    const info = await stat(zipPath(suffix)).catch(() => null);
    if (!info || info.mtimeMs < started - 1000)
      throw new Error(`npm run zip did not write ${zipPath(suffix)}`);
  }
  for (const store of ['chrome', 'edge', 'firefox']) {
    if (!(await zipEntries(zipPath(store))).includes('manifest.json')) {
      throw new Error(`${zipPath(store)} has no manifest.json at its root`);
    }
  }
  const sources = await zipEntries(zipPath('sources'));
  const missing = ['package.json', 'package-lock.json', 'wxt.config.ts', 'README.md'].filter(
    (f) => !sources.includes(f),
  );
  if (missing.length) throw new Error(`The sources zip lacks ${missing.join(', ')}`);
  const unwanted = sources.filter((entry) =>
    /^(node_modules|\.output|\.wxt|\.git|tests|coverage)\//.test(entry),
  );
  if (unwanted.length) throw new Error(`The sources zip includes ${unwanted.slice(0, 5).join(', ')}…`);
  log(`Zips written: chrome, edge, firefox, sources (${sources.length} source files)`);
  return true;
}

// The browser tests need both browsers and Firefox's language packs: installed here when missing (as root).
const problem = ensurePackages(TEST_PACKAGES);
if (problem) {
  console.log(problem);
  console.log(summaryLine({ passed: 0, failed: 1, skipped: 0 }));
  process.exit(1);
}
const { failed } = await runSteps(STEPS, { cwd: ROOT });
process.exitCode = failed > 0 ? 1 : 0;
