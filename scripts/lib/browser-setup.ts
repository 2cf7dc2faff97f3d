// The set-up both README commands do first: `npm run demo` needs the browser it opens, `npm test` both
// browsers and Firefox's language packs. Missing Debian packages are installed with apt-get when running
// as root (CI containers, a fresh machine); otherwise the message gives the exact command to run. The one
// copy of this logic: the demo and `npm test` call it, and `.ci/run` through `npm test`.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { CHROMIUM_PATH, FIREFOX_LANGPACKS_DIR, FIREFOX_PATH } from './browsers';

/** A Debian package, and the file whose presence shows that it is installed. */
export interface DebianPackage {
  name: string;
  path: string;
}

export const CHROMIUM: DebianPackage = { name: 'chromium', path: CHROMIUM_PATH };
export const FIREFOX_ESR: DebianPackage = { name: 'firefox-esr', path: FIREFOX_PATH };

/**
 * Firefox's French and Spanish language packs: without them Firefox ignores a French or Spanish locale,
 * and the browser tests of the localized UI cannot run.
 */
const FIREFOX_LANGPACKS: DebianPackage[] = [
  {
    name: 'firefox-esr-l10n-fr',
    path: path.join(FIREFOX_LANGPACKS_DIR, 'langpack-fr@firefox-esr.mozilla.org.xpi'),
  },
  {
    name: 'firefox-esr-l10n-es-es',
    path: path.join(FIREFOX_LANGPACKS_DIR, 'langpack-es-ES@firefox-esr.mozilla.org.xpi'),
  },
];

/** What `npm test` needs: both browsers and the language packs. */
export const TEST_PACKAGES: DebianPackage[] = [CHROMIUM, FIREFOX_ESR, ...FIREFOX_LANGPACKS];

/** The machine as the set-up sees it; tests pass a fake one. */
export interface SetupSystem {
  exists(file: string): boolean;
  isRoot(): boolean;
  /** Runs apt-get with these arguments, non-interactively; `error` says why it could not start. */
  aptGet(args: string[]): { status: number | null; error?: string };
  log(line: string): void;
}

/** The real machine: the file system, the process's user id and apt-get found on PATH. */
export const realSystem: SetupSystem = {
  exists: existsSync,
  isRoot: () => process.getuid?.() === 0,
  aptGet(args) {
    const result = spawnSync('apt-get', args, {
      stdio: ['ignore', 'inherit', 'inherit'], // never waits on a question: there is no one to answer it
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    return { status: result.status, error: result.error?.message };
  },
  log: (line) => console.log(line),
};

/** The command a user runs to install `names` (with sudo unless already root). */
export function installCommand(names: string[], { root = false } = {}): string {
  const sudo = root ? '' : 'sudo ';
  return `${sudo}apt-get update && ${sudo}apt-get install -y ${names.join(' ')}`;
}

/**
 * Makes sure `packages` are installed: as root, installs the missing ones with `apt-get update` and
 * `apt-get install -y`; otherwise does nothing. Returns null when everything is there, or a message saying
 * what is missing and the exact command that installs it.
 */
export function ensurePackages(packages: DebianPackage[], system: SetupSystem = realSystem): string | null {
  const missing = packages.filter((p) => !system.exists(p.path));
  if (missing.length === 0) return null;
  const names = missing.map((p) => p.name);
  const what = missing.map((p) => `${p.name} (no ${p.path})`).join(', ');
  if (!system.isRoot()) return `Missing ${what}. Install with:\n  ${installCommand(names)}`;
  system.log(`Missing ${what}: installing with apt-get…`);
  for (const args of [
    ['update', '-q'],
    ['install', '-y', '-q', ...names],
  ]) {
    const { status, error } = system.aptGet(args);
    if (status !== 0) {
      return `apt-get ${args[0]} failed (${error ?? `exit ${status}`}) while installing ${names.join(', ')}. Install them with:\n  ${installCommand(names, { root: true })}`;
    }
  }
  const still = missing.filter((p) => !system.exists(p.path));
  if (still.length === 0) return null;
  return `apt-get installed ${names.join(', ')}, but ${still.map((p) => p.path).join(', ')} is still missing (CHROMIUM_PATH, FIREFOX_PATH and FIREFOX_LANGPACKS_DIR say where to look).`;
}
