/**
 * End-to-end test support: start a browser with the BUILT extension, serve fixture pages, drive tabs,
 * evaluate in the background and in content scripts, and collect errors. See tests/e2e/README.md.
 */
export { launchChromium } from './chromium';
export { launchFirefox } from './firefox';
export { serveFixtures } from './fixtures';
export { CHROME_BUILD_DIR, FIREFOX_BUILD_DIR, FIXTURES_DIR, PROJECT_ROOT } from './paths';
export type { RemoteFunction } from './remote-function';
export {
  ALL_BROWSERS,
  type BrowserSuite,
  describeInBrowsers,
  launchBrowser,
  selectedBrowsers,
} from './suite';
export type { BrowserKind, BrowserTab, ExtensionBrowser, LoggedError, RawPage } from './types';
export { DEFAULT_WAIT_MS, waitUntil } from './wait';
