import { afterAll, afterEach, beforeAll, describe, expect } from 'vitest';
import { launchChromium } from './chromium';
import { launchFirefox } from './firefox';
import { type StaticServer, serveFixtures } from './fixtures';
import type { BrowserKind, ExtensionBrowser } from './types';

/** Every browser the extension ships for. */
export const ALL_BROWSERS: readonly BrowserKind[] = ['chromium', 'firefox'];

/** What a suite's tests use: ready inside `it`, `beforeEach` and later hooks. */
export interface BrowserSuite {
  /** Which browser this block runs in. */
  readonly kind: BrowserKind;
  /** The browser with the built extension loaded. */
  readonly browser: ExtensionBrowser;
  /** The server of tests/e2e/fixtures. */
  readonly server: StaticServer;
}

/** Options of {@link describeInBrowsers}. */
export interface SuiteOptions {
  /** Let tests log page, console or background errors (by default any error fails the test that logged it). */
  allowErrors?: boolean;
}

/** The browsers to test: `E2E_BROWSERS=firefox` (comma-separated) narrows the run while developing. */
export function selectedBrowsers(): BrowserKind[] {
  const wanted = process.env.E2E_BROWSERS?.split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (!wanted?.length) return [...ALL_BROWSERS];
  const unknown = wanted.filter((w) => !ALL_BROWSERS.includes(w as BrowserKind));
  if (unknown.length) throw new Error(`E2E_BROWSERS names unknown browser(s): ${unknown.join(', ')}`);
  return wanted as BrowserKind[];
}

/** Starts `kind` with its build of the extension from .output/. */
export function launchBrowser(kind: BrowserKind): Promise<ExtensionBrowser> {
  return kind === 'chromium' ? launchChromium() : launchFirefox();
}

/**
 * Declares one `describe` block per browser ("chromium: title", "firefox: title"). Each block starts
 * its own browser and fixture server before its tests and closes them after; `body` declares the
 * tests once and reads the browser and server from the `suite` object it receives.
 */
export function describeInBrowsers(
  title: string,
  body: (suite: BrowserSuite) => void,
  { allowErrors = false }: SuiteOptions = {},
): void {
  for (const kind of selectedBrowsers()) {
    describe(`${kind}: ${title}`, () => {
      let browser: ExtensionBrowser | undefined;
      let server: StaticServer | undefined;
      const suite: BrowserSuite = {
        kind,
        get browser() {
          if (!browser) throw new Error('suite.browser is ready only inside tests and hooks');
          return browser;
        },
        get server() {
          if (!server) throw new Error('suite.server is ready only inside tests and hooks');
          return server;
        },
      };
      beforeAll(async () => {
        server = await serveFixtures();
        browser = await launchBrowser(kind);
      });
      afterAll(async () => {
        await browser?.close();
        await server?.close();
      });
      if (!allowErrors) {
        afterEach(() => {
          const errors = browser?.errors() ?? [];
          browser?.clearErrors();
          expect(errors, 'errors logged by pages, content scripts or the background').toEqual([]);
        });
      }
      body(suite);
    });
  }
}
