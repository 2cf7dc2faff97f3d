/**
 * Helpers for the popup and options e2e tests: typing into the search box, choosing a file, reading
 * settings, and running axe-core in an extension page. Everything runs through the support module's
 * `evaluate`, so it works alike in Chromium and Firefox.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { BrowserTab, ExtensionBrowser } from './support';

/** The part of the extension API these helpers use in extension pages (`browser` in Firefox, `chrome` in Chromium). */
interface ExtensionStorageHost {
  storage: {
    sync: {
      get(key: string): Promise<Record<string, unknown>>;
      set(items: Record<string, unknown>): Promise<void>;
      remove(key: string): Promise<void>;
    };
  };
}

/** Sets the search box's value as typing would (Preact listens to `input`). */
export async function typeQuery(tab: BrowserTab, query: string): Promise<void> {
  await tab.waitFor(() => document.querySelector('#search-input') !== null, undefined, {
    what: 'the search box',
  });
  await tab.evaluate((q: string) => {
    const input = document.querySelector<HTMLInputElement>('#search-input');
    if (!input) throw new Error('no search box');
    input.focus();
    input.value = q;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  }, query);
}

/**
 * Clicks an element of an extension page through the DOM: Puppeteer's own click cannot find elements
 * in Firefox's moz-extension pages (its query helpers are missing there), so both browsers do it alike.
 */
export async function clickIn(tab: BrowserTab, selector: string): Promise<void> {
  // A control can be there but disabled until what it changes is known (the pause box until the
  // settings are read): a click on it then does nothing.
  await tab.waitFor(
    (s: string) => {
      const element = document.querySelector(s);
      return element !== null && !(element as HTMLInputElement).disabled;
    },
    selector,
    { what: `${selector} to click` },
  );
  await tab.evaluate((s: string) => {
    const element = document.querySelector<HTMLElement>(s);
    if (!element) throw new Error(`nothing matches ${s}`);
    element.focus();
    element.click();
  }, selector);
}

/** Waits for results and returns their titles, best first. */
export function resultTitles(tab: BrowserTab): Promise<string[]> {
  return tab.waitFor(() => {
    const titles = [...document.querySelectorAll('[role="option"] .title')].map((e) => e.textContent ?? '');
    return titles.length > 0 ? titles : null;
  });
}

/** Gives the options page's file input a file, as choosing it in the file picker would. */
export async function chooseFile(tab: BrowserTab, name: string, text: string): Promise<void> {
  await tab.evaluate(
    ({ name, text }: { name: string; text: string }) => {
      const input = document.querySelector<HTMLInputElement>('[data-testid="import-file"]');
      if (!input) throw new Error('no file input');
      const transfer = new DataTransfer();
      transfer.items.add(new File([text], name, { type: 'application/json' }));
      input.files = transfer.files;
      input.dispatchEvent(new Event('change', { bubbles: true }));
    },
    { name, text },
  );
}

/** The raw stored settings (what `sync:settings` holds), read from an extension page. */
export function storedSettings(tab: BrowserTab): Promise<unknown> {
  return tab.evaluate(async () => {
    const g = globalThis as unknown as { browser?: ExtensionStorageHost; chrome?: ExtensionStorageHost };
    const api = (g.browser ?? g.chrome) as ExtensionStorageHost;
    return (await api.storage.sync.get('settings')).settings ?? null;
  });
}

/** Writes raw settings to storage from an extension page (to set up a test, or clean up after it). */
export function storeSettings(tab: BrowserTab, settings: unknown): Promise<void> {
  return tab.evaluate(async (value: unknown) => {
    const g = globalThis as unknown as { browser?: ExtensionStorageHost; chrome?: ExtensionStorageHost };
    const api = (g.browser ?? g.chrome) as ExtensionStorageHost;
    if (value === null) await api.storage.sync.remove('settings');
    else await api.storage.sync.set({ settings: value });
  }, settings);
}

/** One axe-core violation, reduced to what a failing test should print. */
export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

let axeFunction: (() => unknown) | undefined;

/**
 * Runs axe-core (WCAG 2.x A and AA rules) in the tab and returns its violations. axe's source travels
 * as a function's text and is evaluated by the driver, not by `eval` in the page: extension pages'
 * CSP forbids eval and inline scripts.
 */
export async function axeViolations(tab: BrowserTab): Promise<AxeViolation[]> {
  if (!axeFunction) {
    const source = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
    // Built in Node, where no CSP applies; only its text goes to the browser.
    axeFunction = new Function(`${source}\n;return typeof axe;`) as () => unknown;
  }
  const loaded = await tab.evaluate(axeFunction);
  if (loaded !== 'object') throw new Error(`axe-core did not load in ${tab.url()} (${String(loaded)})`);
  return tab.evaluate(async () => {
    const axe = (
      globalThis as unknown as {
        axe: {
          run: (
            ctx: Document,
            opts: object,
          ) => Promise<{
            violations: Array<{
              id: string;
              impact: string | null;
              help: string;
              nodes: Array<{ target: unknown[] }>;
            }>;
          }>;
        };
      }
    ).axe;
    const result = await axe.run(document, {
      runOnly: {
        type: 'tag',
        values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'],
      },
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.map((n) => n.target.join(' ')),
    }));
  });
}

/** The badge text the background set for a tab (the count of its mentions). */
export function badgeText(extension: ExtensionBrowser, tabId: number): Promise<string> {
  return extension.evaluateInBackground(
    (id: number) => (browser.action ?? browser.browserAction).getBadgeText({ tabId: id }),
    tabId,
  );
}
