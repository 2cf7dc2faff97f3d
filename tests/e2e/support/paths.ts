import { existsSync, readFileSync } from 'node:fs';
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
  /** Extension name (Chromium names the content script's world after it). */
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
