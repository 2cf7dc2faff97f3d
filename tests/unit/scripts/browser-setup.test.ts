// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  type DebianPackage,
  ensurePackages,
  installCommand,
  type SetupSystem,
  TEST_PACKAGES,
} from '../../../scripts/lib/browser-setup';

const CHROMIUM: DebianPackage = { name: 'chromium', path: '/opt/fake/chromium' };
const FIREFOX: DebianPackage = { name: 'firefox-esr', path: '/opt/fake/firefox-esr' };

/** A machine with `installed` files; apt-get "installs" a package by adding its path, or fails. */
function fakeSystem({ installed = [] as string[], root = false, aptInstalls = true, aptStatus = 0 } = {}) {
  const files = new Set(installed);
  const calls: string[][] = [];
  const lines: string[] = [];
  const system: SetupSystem = {
    exists: (file) => files.has(file),
    isRoot: () => root,
    aptGet(args) {
      calls.push(args);
      if (aptStatus !== 0) return { status: aptStatus };
      if (args[0] === 'install' && aptInstalls) {
        for (const p of [CHROMIUM, FIREFOX]) if (args.includes(p.name)) files.add(p.path);
      }
      return { status: 0 };
    },
    log: (line) => lines.push(line),
  };
  return { system, calls, lines };
}

describe('ensurePackages', () => {
  it('does nothing when every package is installed', () => {
    const { system, calls } = fakeSystem({ installed: [CHROMIUM.path, FIREFOX.path], root: true });
    expect(ensurePackages([CHROMIUM, FIREFOX], system)).toBeNull();
    expect(calls).toEqual([]);
  });

  it('gives the exact sudo command for what is missing and installs nothing when not root', () => {
    const { system, calls } = fakeSystem({ installed: [FIREFOX.path] });
    const message = ensurePackages([CHROMIUM, FIREFOX], system);
    expect(message).toBe(
      'Missing chromium (no /opt/fake/chromium). Install with:\n  sudo apt-get update && sudo apt-get install -y chromium',
    );
    expect(calls).toEqual([]);
  });

  it('as root, runs apt-get update then install -y of the missing packages only', () => {
    const { system, calls, lines } = fakeSystem({ installed: [FIREFOX.path], root: true });
    expect(ensurePackages([CHROMIUM, FIREFOX], system)).toBeNull();
    expect(calls).toEqual([
      ['update', '-q'],
      ['install', '-y', '-q', 'chromium'],
    ]);
    expect(lines.join('\n')).toMatch(/installing with apt-get/);
  });

  it('as root, reports a failing apt-get with the command to run by hand', () => {
    const { system, calls } = fakeSystem({ root: true, aptStatus: 100 });
    const message = ensurePackages([CHROMIUM, FIREFOX], system);
    expect(message).toBe(
      'apt-get update failed (exit 100) while installing chromium, firefox-esr. Install them with:\n  apt-get update && apt-get install -y chromium firefox-esr',
    );
    expect(calls).toHaveLength(1);
  });

  it('as root, says so when apt-get succeeded but the browser is still not where it is looked for', () => {
    const { system } = fakeSystem({ root: true, aptInstalls: false });
    expect(ensurePackages([CHROMIUM], system)).toMatch(
      /^apt-get installed chromium, but \/opt\/fake\/chromium is still missing/,
    );
  });
});

describe('what npm test needs', () => {
  it('is both browsers and Firefox’s French and Spanish language packs', () => {
    expect(TEST_PACKAGES.map((p) => p.name)).toEqual([
      'chromium',
      'firefox-esr',
      'firefox-esr-l10n-fr',
      'firefox-esr-l10n-es-es',
    ]);
  });
});

describe('installCommand', () => {
  it('drops sudo for root', () => {
    expect(installCommand(['chromium'], { root: true })).toBe(
      'apt-get update && apt-get install -y chromium',
    );
  });
});
