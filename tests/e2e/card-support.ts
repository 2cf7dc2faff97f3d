/**
 * Helpers of the hover-card e2e tests: waiting for the content lens, resting the pointer on a word, reading
 * what the page can see of the card (fixtures/card/helpers.js runs in the page).
 */
import type { BrowserTab, ExtensionBrowser } from './support';
import { waitUntil } from './support';

/** What fixtures/card/helpers.js reports about the card. */
export interface CardState {
  exists: boolean;
  open: boolean;
  shadowMode?: string | null;
  parent?: string | null;
  label?: string | null;
  lang?: string | null;
  era?: string | null;
  summary?: string | null;
  facts?: string[];
  rect?: { left: number; top: number; width: number; height: number };
  fontSize?: string;
  color?: string;
  background?: string;
  display?: string;
  visibility?: string;
  hostDisplay?: string;
  onTop?: boolean;
  focused?: boolean;
  liveRegions?: number;
}

export interface WordBox {
  x: number;
  y: number;
  left: number;
  top: number;
  width: number;
  height: number;
}

/** Longer than the default dwell (300 ms) plus a frame or two and the first load of the card UI. */
export const SHOW_WAIT_MS = 5000;

/** Waits until the content script's lens has scanned the page; resolves with the mentions' surfaces. */
export function settled(browser: ExtensionBrowser, tab: BrowserTab): Promise<string[]> {
  return waitUntil(
    () =>
      browser.evaluateInContentScript(tab, () => {
        const lens = globalThis.iomLens?.lens;
        if (!lens || lens.stats.firstScanDoneAt === null || !lens.idle || lens.registry.size === 0)
          return null;
        return lens.registry.entries().map((e) => e.surface);
      }),
    { what: `the lens to find mentions in ${tab.url()}` },
  );
}

export const card = (tab: BrowserTab) =>
  tab.evaluate((): CardState => (window as unknown as { __card(): CardState }).__card());

export const wordBox = (tab: BrowserTab, id: string, word: string) =>
  waitUntil(
    () =>
      tab.evaluate(
        ({ id, word }: { id: string; word: string }) =>
          (window as unknown as { __wordCenter(i: string, w: string): WordBox | null }).__wordCenter(
            id,
            word,
          ),
        { id, word },
      ),
    { what: `"${word}" in #${id}` },
  );

/** Rests the pointer on `word` in element `id` and waits for a card to be open. */
export async function hoverWord(
  tab: BrowserTab,
  id: string,
  word: string,
): Promise<{ box: WordBox; state: CardState }> {
  const box = await wordBox(tab, id, word);
  await tab.mouseMove(box.x, box.y);
  const state = await waitUntil(async () => ((await card(tab)).open ? card(tab) : null), {
    what: `a card for "${word}"`,
    timeoutMs: SHOW_WAIT_MS,
  });
  return { box, state };
}

/**
 * Sends what the background's command handler sends on the next/previous shortcuts (lib/card/commands.ts):
 * headless browsers do not route key chords to extension commands. Resolves with the tab's answer.
 */
export function cardCommand(extension: ExtensionBrowser, tabId: number, direction: 'next' | 'previous') {
  return extension.evaluateInBackground(
    ({ tabId, direction }: { tabId: number; direction: string }) =>
      browser.tabs.sendMessage(tabId, { type: 'card-navigate', data: { direction } }),
    { tabId, direction },
  );
}
