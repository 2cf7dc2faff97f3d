// Opens the demo's browser with the built extension loaded: Chromium through Playwright, Firefox ESR
// through Puppeteer over WebDriver BiDi (how the e2e tests drive it; Playwright has no stock Firefox).

import { chromium } from 'playwright-core';
import puppeteer from 'puppeteer-core';
import { CHROMIUM_PATH, chromiumArgs, FIREFOX_PATH } from '../lib/browsers';
import type { DemoPage } from './showcase';

/** A browser showing one tab, whichever driver runs it. */
export interface DemoBrowser {
  page: DemoPage;
  goto(url: string): Promise<void>;
  screenshot(file: string): Promise<void>;
  /** Resolves when the browser goes away on its own (its window closed by hand). */
  closed: Promise<void>;
  close(): Promise<void>;
}

export interface LaunchOptions {
  /** Run without a window. */
  headless: boolean;
  /** Page size when headless; a window keeps its own size. */
  viewport: { width: number; height: number };
}

/** Steps of the pointer's move to a mention: a hand's glide, which the card's hover intent expects. */
const POINTER_STEPS = 5;

/** Chromium with the unpacked Chrome build (`.output/chrome-mv3`) loaded. */
export async function launchChromium(extensionDir: string, options: LaunchOptions): Promise<DemoBrowser> {
  const context = await chromium.launchPersistentContext('', {
    executablePath: CHROMIUM_PATH,
    headless: options.headless,
    args: chromiumArgs(extensionDir),
    viewport: options.headless ? options.viewport : null,
    // Ctrl-C is the demo's: it closes the browser and the server, then exits 0 (Playwright would exit 130).
    handleSIGINT: false,
    handleSIGTERM: false,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    page: {
      // JSON in, JSON out: the drivers' types for passing element handles do not apply.
      evaluate: (fn, arg) => page.evaluate(fn as (arg: unknown) => unknown, arg) as Promise<never>,
      hover: (x, y) => page.mouse.move(x, y, { steps: POINTER_STEPS }),
    },
    goto: async (url) => void (await page.goto(url)),
    screenshot: async (file) => void (await page.screenshot({ path: file })),
    closed: new Promise((resolve) => context.once('close', () => resolve())),
    close: () => context.close().catch(() => {}),
  };
}

/** Firefox ESR with the Firefox build (`.output/firefox-mv2`) installed as a temporary add-on. */
export async function launchFirefox(extensionDir: string, options: LaunchOptions): Promise<DemoBrowser> {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    protocol: 'webDriverBiDi',
    headless: options.headless,
    defaultViewport: options.headless ? options.viewport : null,
    handleSIGINT: false,
    handleSIGTERM: false,
  });
  try {
    await browser.installExtension(extensionDir);
    const page = (await browser.pages())[0] ?? (await browser.newPage());
    // The default viewport applies to pages opened later, not to the tab Firefox starts with.
    if (options.headless) await page.setViewport(options.viewport);
    return {
      page: {
        evaluate: (fn, arg) => page.evaluate(fn as (arg: unknown) => unknown, arg) as Promise<never>,
        hover: (x, y) => page.mouse.move(x, y, { steps: POINTER_STEPS }),
      },
      goto: async (url) => void (await page.goto(url)),
      screenshot: async (file) =>
        void (await page.screenshot({ path: file as `${string}.png`, type: 'png' })),
      closed: new Promise((resolve) => browser.once('disconnected', () => resolve())),
      close: () => browser.close().catch(() => {}),
    };
  } catch (error) {
    await browser.close();
    throw error;
  }
}
