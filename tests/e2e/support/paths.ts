import { existsSync, readFileSync } from 'node:fs';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project root. */
export const PROJECT_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** The Chrome build that `npm run build` writes. */
export const CHROME_BUILD_DIR = path.join(PROJECT_ROOT, '.output', 'chrome-mv3');

/** The Firefox build that `npm run build` writes (MV2, see docs/adr/001-firefox-mv2.md). */
export const FIREFOX_BUILD_DIR = path.join(PROJECT_ROOT, '.output', 'firefox-mv2');

/** HTML pages the e2e tests load over HTTP. */
export const FIXTURES_DIR = path.join(PROJECT_ROOT, 'tests', 'e2e', 'fixtures');

/** The parts of a built manifest the test support reads. */
export interface BuiltManifest {
  /** Extension name, or a `__MSG_…__` key when localized. */
  name: string;
  /** Firefox only: the fixed add-on id. */
  browser_specific_settings?: { gecko?: { id?: string } };
  /** Background declaration (MV2 page/scripts or MV3 service worker). */
  background?: { page?: string; scripts?: string[]; service_worker?: string };
}

/** Reads the manifest of a built extension, with a clear error when the build is missing. */
export function readBuiltManifest(buildDir: string): BuiltManifest {
  const file = path.join(buildDir, 'manifest.json');
  if (!existsSync(file)) {
    throw new Error(`No built extension at ${buildDir}: run \`npm run build\` first (npm test does).`);
  }
  return JSON.parse(readFileSync(file, 'utf8')) as BuiltManifest;
}

/** A private copy of a build, and the function that deletes it. */
export interface BuildSnapshot {
  /** The copy's directory. */
  dir: string;
  /** Deletes the copy. */
  dispose: () => Promise<void>;
}

/**
 * Copies a build to a temporary directory for one browser to load. Browsers read extension files
 * lazily (content scripts at injection, web-accessible chunks on demand), so a rebuild of .output while
 * tests run (`npm run build` elsewhere in the tree) would otherwise swap files under a running test.
 */
export async function snapshotBuild(buildDir: string): Promise<BuildSnapshot> {
  readBuiltManifest(buildDir); // fails early and clearly when the build is missing
  const dir = await mkdtemp(path.join(os.tmpdir(), `iom-lens-${path.basename(buildDir)}-`));
  await cp(buildDir, dir, { recursive: true });
  return { dir, dispose: () => rm(dir, { recursive: true, force: true }) };
}
