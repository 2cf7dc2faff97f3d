import type { Page as PlaywrightPage } from 'playwright-core';
import type { Page as PuppeteerPage } from 'puppeteer-core';
import type { RemoteFunction } from './remote-function';
import type { WaitOptions } from './wait';

/** How long a {@link BrowserTab.tap} keeps the finger down by default: a quick, deliberate tap. */
export const TAP_HOLD_MS = 60;

/** The two browsers the extension ships for. */
export type BrowserKind = 'chromium' | 'firefox';

/** An error seen while the browser ran. */
export interface LoggedError {
  /** Page URL it came from (page scripts and content scripts alike), or 'background'. */
  where: string;
  /** 'page-error': uncaught exception or unhandled rejection; 'console-error': a `console.error` call. */
  kind: 'page-error' | 'console-error';
  /** The error text. */
  message: string;
}

/** The driver's own page object, for what the common interface does not cover. */
export type RawPage = { kind: 'chromium'; page: PlaywrightPage } | { kind: 'firefox'; page: PuppeteerPage };

/** One browser tab, with the same methods in both browsers. */
export interface BrowserTab {
  /** The underlying Playwright (Chromium) or Puppeteer (Firefox) page. */
  readonly raw: RawPage;
  /** The tab's current URL. */
  url(): string;
  /** Navigates and waits for the load event. */
  goto(url: string): Promise<void>;
  /** Runs `fn(arg)` in the page's own world and resolves with its JSON result. */
  evaluate<R, A = undefined>(fn: RemoteFunction<A, R>, arg?: A): Promise<R>;
  /** Polls `fn(arg)` in the page until it returns something truthy; resolves with that value. */
  waitFor<R, A = undefined>(
    fn: RemoteFunction<A, R>,
    arg?: A,
    options?: WaitOptions,
  ): Promise<NonNullable<R>>;
  /** Text content of the first element matching `selector`, or null when there is none. */
  text(selector: string): Promise<string | null>;
  /** Moves the mouse over the centre of the first element matching `selector`. */
  hover(selector: string): Promise<void>;
  /** Moves the mouse to page coordinates (CSS pixels). */
  mouseMove(x: number, y: number): Promise<void>;
  /** Clicks the first element matching `selector`. */
  click(selector: string): Promise<void>;
  /**
   * Emulates a phone's screen for this tab: a `width` × `height` CSS-pixel viewport with touch input
   * (Chromium: CDP touch emulation, so `pointer: coarse` matches; Firefox: the BiDi viewport).
   */
  emulatePhone(size: { width: number; height: number }): Promise<void>;
  /**
   * Touches the screen with one finger at viewport point (x, y) of the tab (CSS pixels) and lifts it
   * `holdMs` later (default {@link TAP_HOLD_MS}: a tap; 1000 ms and more: a long-press). Sent as
   * real touch input (Chromium: CDP `Input.dispatchTouchEvent`; Firefox: BiDi input actions with
   * pointerType touch), so the browser hit-tests it as it would a finger: a point over text in a
   * shadow root or a frame reaches it. For a frame, add the frame element's client rect to
   * coordinates measured inside the frame.
   */
  tap(x: number, y: number, options?: { holdMs?: number }): Promise<void>;
  /** Presses one key (names as in KeyboardEvent.key: 'Tab', 'Escape', 'a'). */
  press(key: string): Promise<void>;
  /** Writes a PNG of the viewport. */
  screenshot(file: string): Promise<void>;
  /** Makes this the active tab of its window. */
  bringToFront(): Promise<void>;
  /** Closes the tab. */
  close(): Promise<void>;
}

/** A browser running the built extension. */
export interface ExtensionBrowser {
  /** Which browser this is. */
  readonly kind: BrowserKind;
  /** `chrome-extension://<id>` or `moz-extension://<uuid>`, without a trailing slash. */
  readonly extensionOrigin: string;
  /** Opens a new tab at `url` and waits for it to load. */
  openTab(url: string): Promise<BrowserTab>;
  /** Opens an extension page such as 'options.html' in a new tab and waits until its document is ready. */
  openExtensionPage(pathAndQuery: string): Promise<BrowserTab>;
  /**
   * Opens the popup page in a tab. With `forTab` it reports on that tab (`popup.html?tabId=N`), as the
   * toolbar popup does for the active tab; a popup opened as a page is otherwise its own active tab.
   */
  openPopup(forTab?: BrowserTab): Promise<BrowserTab>;
  /** The extension API's id of a tab (`tabs.Tab.id`). Brings the tab to the front to find it. */
  tabId(tab: BrowserTab): Promise<number>;
  /** Runs `fn(arg)` in the background (Chromium: service worker; Firefox: background page). */
  evaluateInBackground<R, A = undefined>(fn: RemoteFunction<A, R>, arg?: A): Promise<R>;
  /**
   * Runs `fn(arg)` in the world of the extension's content script in `tab` (its isolated world or
   * sandbox: `browser`/`chrome` APIs available, the page's globals not), waiting for the script to start.
   */
  evaluateInContentScript<R, A = undefined>(tab: BrowserTab, fn: RemoteFunction<A, R>, arg?: A): Promise<R>;
  /**
   * Stops the extension's MV3 service worker, as Chromium does after 30 s idle: what it kept in
   * memory is gone, and the next event starts it afresh. Firefox's MV2 background page is persistent
   * (docs/adr/001-firefox-mv2.md): there it throws.
   */
  stopBackground(): Promise<void>;
  /** Emulates the OS colour scheme (`prefers-color-scheme`) for every tab, open or opened later (Firefox: soon after). */
  setColorScheme(scheme: 'light' | 'dark'): Promise<void>;
  /** Errors logged so far by pages, content scripts and the background (a copy). */
  errors(): LoggedError[];
  /** Forgets the errors logged so far. */
  clearErrors(): void;
  /** Closes the browser and deletes its temporary profile. */
  close(): Promise<void>;
}
