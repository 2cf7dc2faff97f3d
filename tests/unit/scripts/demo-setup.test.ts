// @vitest-environment node
// `npm run demo` on a machine without the browser: the set-up check runs first and either installs the
// browser with apt-get (as root) or prints the command to run, and the demo exits 1 without building.
// The browser's absence is faked with CHROMIUM_PATH / FIREFOX_PATH, and apt-get with a script first on
// PATH that records its arguments and installs nothing, so the real system is never touched. Run as
// root, the test also runs the demo as `nobody`, for the message a user without root gets.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const TSX = path.join(ROOT, 'node_modules/.bin/tsx');
const RUNS_AS_ROOT = process.getuid?.() === 0;
/** Debian's unprivileged user, who can read the worktree but not install packages. */
const NOBODY = 65534;
/** Starting tsx and the demo's imports takes a few seconds on a loaded machine. */
const DEMO_TIMEOUT_MS = 60_000;

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'demo-setup-'));
  chmodSync(dir, 0o777); // `nobody` writes its apt-get log and tsx cache here
  mkdirSync(path.join(dir, 'bin'));
  const fakeAptGet = path.join(dir, 'bin', 'apt-get');
  writeFileSync(
    fakeAptGet,
    `#!/bin/sh\necho "DEBIAN_FRONTEND=$DEBIAN_FRONTEND $*" >> "${path.join(dir, 'apt.log')}"\n`,
  );
  chmodSync(fakeAptGet, 0o755);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the demo with the browsers "absent" and the fake apt-get first on PATH, as `uid` if given. */
function runDemo(args: string[], uid?: number) {
  const result = spawnSync(
    TSX,
    ['scripts/demo.ts', '--no-build', '--screenshot', path.join(dir, 'shot.png'), ...args],
    {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: DEMO_TIMEOUT_MS,
      ...(uid === undefined ? {} : { uid, gid: uid }),
      env: {
        TMPDIR: dir,
        ...process.env,
        PATH: `${path.join(dir, 'bin')}${path.delimiter}${path.dirname(process.execPath)}`,
        CHROMIUM_PATH: path.join(dir, 'absent', 'chromium'),
        FIREFOX_PATH: path.join(dir, 'absent', 'firefox-esr'),
      },
    },
  );
  const aptLog = path.join(dir, 'apt.log');
  return {
    status: result.status,
    output: `${result.stdout}${result.stderr}`,
    aptCalls: existsSync(aptLog) ? readFileSync(aptLog, 'utf8').trim().split('\n') : [],
  };
}

const CASES = [
  { browser: 'chromium', args: [], pkg: 'chromium' },
  { browser: 'firefox', args: ['--browser', 'firefox'], pkg: 'firefox-esr' },
];

describe.each(CASES)('npm run demo without $browser', ({ args, pkg }) => {
  const missing = () => path.join(dir, 'absent', pkg);

  it.runIf(RUNS_AS_ROOT)(
    `as root, runs apt-get update and install -y ${pkg} non-interactively, then exits 1 naming the missing file`,
    { timeout: DEMO_TIMEOUT_MS },
    () => {
      const { status, output, aptCalls } = runDemo(args);
      expect(aptCalls).toEqual([
        'DEBIAN_FRONTEND=noninteractive update -q',
        `DEBIAN_FRONTEND=noninteractive install -y -q ${pkg}`,
      ]);
      expect(output).toContain(`[demo] apt-get installed ${pkg}, but ${missing()} is still missing`);
      expect(output).not.toMatch(/Building|Demo page/);
      expect(status).toBe(1);
    },
  );

  it(`without root, prints the exact apt-get command for ${pkg} and exits 1 without running apt-get`, {
    timeout: DEMO_TIMEOUT_MS,
  }, () => {
    const { status, output, aptCalls } = runDemo(args, RUNS_AS_ROOT ? NOBODY : undefined);
    expect(aptCalls).toEqual([]);
    expect(output).toContain(
      `[demo] Missing ${pkg} (no ${missing()}). Install with:\n  sudo apt-get update && sudo apt-get install -y ${pkg}`,
    );
    expect(output).not.toMatch(/Building|Demo page/);
    expect(status).toBe(1);
  });
});
