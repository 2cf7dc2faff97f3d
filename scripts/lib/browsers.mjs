// Where the Debian browsers live, how Chromium is started with the extension loaded, and what to do
// when a browser is missing. Shared by `npm test`, `npm run demo` and the e2e test support.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** Chromium binary (Debian's `chromium` package); override with CHROMIUM_PATH. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** Firefox ESR binary (Debian's `firefox-esr` package); override with FIREFOX_PATH. */
export const FIREFOX_PATH = process.env.FIREFOX_PATH || '/usr/bin/firefox-esr';

/** Where Debian's Firefox ESR language packs install their add-ons. */
const FIREFOX_LANGPACKS = '/usr/lib/firefox-esr/browser/extensions';

/**
 * The Debian packages the browser tests need: the two browsers, and Firefox's French and Spanish language
 * packs (without them Firefox ignores a French or Spanish locale, and the localized UI cannot be tested).
 */
const DEBIAN_PACKAGES = [
  { name: 'chromium', path: CHROMIUM_PATH },
  { name: 'firefox-esr', path: FIREFOX_PATH },
  { name: 'firefox-esr-l10n-fr', path: `${FIREFOX_LANGPACKS}/langpack-fr@firefox-esr.mozilla.org.xpi` },
  { name: 'firefox-esr-l10n-es-es', path: `${FIREFOX_LANGPACKS}/langpack-es-ES@firefox-esr.mozilla.org.xpi` },
];

/**
 * Chromium flags that load one unpacked extension and keep the browser quiet: no network of its own
 * (it would try to reach Google and log failures on this offline machine), no first-run UI.
 */
export function chromiumArgs(extensionDir) {
  return [
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
    '--no-sandbox', // runs as root in CI containers, where the sandbox cannot start
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--no-default-browser-check',
  ];
}

/** Debian package names of the browsers (and language packs) that are missing. */
export function missingBrowsers() {
  return DEBIAN_PACKAGES.filter((b) => !existsSync(b.path)).map((b) => b.name);
}

/**
 * Makes sure both browsers are installed: installs the missing ones with apt-get when running as root,
 * otherwise returns a message naming what to install. Resolves to null when both are present.
 */
export function ensureBrowsers() {
  const missing = missingBrowsers();
  if (missing.length === 0) return null;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot) {
    return `Missing browser(s): ${missing.join(', ')}. Install them with: sudo apt-get install -y ${missing.join(' ')}`;
  }
  console.log(`Installing ${missing.join(', ')} with apt-get…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['update'], ['install', '-y', ...missing]]) {
    const result = spawnSync('apt-get', args, { stdio: ['ignore', 'inherit', 'inherit'], env });
    if (result.status !== 0)
      return `apt-get ${args[0]} failed (exit ${result.status ?? result.error?.message}).`;
  }
  const still = missingBrowsers();
  return still.length === 0 ? null : `apt-get finished but ${still.join(', ')} is still missing.`;
}
