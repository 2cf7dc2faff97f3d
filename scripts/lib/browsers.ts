// Where the Debian browsers live and how Chromium is started with the extension loaded. Shared by
// `npm test`, `npm run demo`, the benchmarks and the e2e test support; installing a missing browser is
// scripts/lib/browser-setup.ts.

/** Chromium binary (Debian's `chromium` package); override with CHROMIUM_PATH. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** Firefox ESR binary (Debian's `firefox-esr` package); override with FIREFOX_PATH. */
export const FIREFOX_PATH = process.env.FIREFOX_PATH || '/usr/bin/firefox-esr';

/** Where Debian's Firefox ESR language packs install their add-ons; override with FIREFOX_LANGPACKS_DIR. */
export const FIREFOX_LANGPACKS_DIR =
  process.env.FIREFOX_LANGPACKS_DIR || '/usr/lib/firefox-esr/browser/extensions';

/**
 * Chromium flags that load one unpacked extension and keep the browser quiet: no network of its own
 * (it would try to reach Google and log failures on this offline machine), no first-run UI.
 */
export function chromiumArgs(extensionDir: string | null): string[] {
  // null: no extension at all (the benchmarks' "no extension" baseline browser).
  const extension = extensionDir
    ? [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`]
    : [];
  return [
    ...extension,
    '--no-sandbox', // runs as root in CI containers, where the sandbox cannot start
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--no-default-browser-check',
  ];
}
