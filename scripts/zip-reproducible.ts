// `npm run zip:check` (`tsx scripts/zip-reproducible.ts`): builds and zips the extension for every store twice, into two
// different temporary directories, and checks that the same sources give the same bytes (the zip
// hashes match). Stores and addons.mozilla.org reviewers rebuild from sources and compare; a build that
// embeds times, absolute paths or a random order cannot be verified. On a mismatch it names the files
// that differ. Exits 1 when anything differs.
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** The store builds: WXT's browser name and the output folder it writes. */
export const STORE_TARGETS = [
  { browser: 'chrome', folder: 'chrome-mv3' },
  { browser: 'firefox', folder: 'firefox-mv2' },
  // Microsoft Edge Add-ons: WXT's `edge` target, the Chrome build's MV3 manifest under its own name.
  { browser: 'edge', folder: 'edge-mv3' },
];

/** SHA-256 of a file, hex. */
async function sha256(file: string): Promise<string> {
  return createHash('sha256')
    .update(await readFile(file))
    .digest('hex');
}

/** Every file under `dir`, as paths relative to it, sorted. */
async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();
}

/** Files that exist in only one of two build folders or differ between them. */
async function differingFiles(a: string, b: string): Promise<string[]> {
  const [left, right] = await Promise.all([listFiles(a), listFiles(b)]);
  const all = [...new Set([...left, ...right])].sort();
  const differ: string[] = [];
  for (const file of all) {
    if (!left.includes(file) || !right.includes(file)) differ.push(`${file} (only in one build)`);
    else if ((await sha256(path.join(a, file))) !== (await sha256(path.join(b, file)))) differ.push(file);
  }
  return differ;
}

/** Builds and zips one browser into `outDir` with WXT's API; resolves to the zip files written. */
async function zipInto(browser: string, outDir: string): Promise<string[]> {
  const { zip } = await import('wxt');
  // WXT logs its file lists; keep the check's output to its verdict.
  return zip({ root: ROOT, browser, outDir, logger: silentLogger() });
}

function silentLogger() {
  const noop = () => {};
  return {
    debug: noop,
    log: noop,
    info: noop,
    warn: (...args: unknown[]) => console.warn(...args),
    error: (...args: unknown[]) => console.error(...args),
    fatal: (...args: unknown[]) => console.error(...args),
    success: noop,
    level: 0,
  };
}

/** One zip built twice: its name, the two hashes, and the built files that differ. */
interface ZipComparison {
  name: string;
  hashes: [string, string];
  same: boolean;
  differ: string[];
}

/**
 * Builds and zips every store target twice into fresh temporary directories and compares the bytes.
 * Resolves to one result per zip: its name, the two hashes, and the built files that differ.
 */
export async function checkReproducibleZips({ keep = false } = {}) {
  const runs = [
    await mkdtemp(path.join(tmpdir(), 'iom-lens-zip-a-')),
    await mkdtemp(path.join(tmpdir(), 'iom-lens-zip-b-')),
  ] as const;
  try {
    const results: ZipComparison[] = [];
    for (const { browser, folder } of STORE_TARGETS) {
      const zips: string[][] = [];
      for (const dir of runs) zips.push(await zipInto(browser, dir));
      const [first = [], second = []] = zips;
      for (const zip of first) {
        const name = path.basename(zip);
        const other = second.find((file) => path.basename(file) === name);
        const hashes: [string, string] = [await sha256(zip), other ? await sha256(other) : 'missing'];
        const differ =
          hashes[0] === hashes[1] || name.endsWith('-sources.zip')
            ? []
            : await differingFiles(path.join(runs[0], folder), path.join(runs[1], folder));
        results.push({ name, hashes, same: hashes[0] === hashes[1], differ });
      }
    }
    return results;
  } finally {
    if (!keep) await Promise.all(runs.map((dir) => rm(dir, { recursive: true, force: true })));
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const results = await checkReproducibleZips({ keep: process.argv.includes('--keep') });
  for (const r of results) {
    console.log(
      `${r.same ? 'same' : 'DIFFERENT'}  ${r.name}  ${r.hashes[0].slice(0, 16)}${r.same ? '' : ` vs ${r.hashes[1].slice(0, 16)}`}`,
    );
    for (const file of r.differ) console.log(`    differs: ${file}`);
  }
  const bad = results.filter((r) => !r.same);
  console.log(
    bad.length === 0
      ? `Reproducible: ${results.length} zips built twice, byte for byte the same.`
      : `Not reproducible: ${bad.length} of ${results.length} zips differ.`,
  );
  process.exitCode = bad.length === 0 ? 0 : 1;
}
