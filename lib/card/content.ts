/**
 * Wires the hover card into the content script: the controller over the content lens, the card UI
 * loaded on first hover, the hover delay from the settings, "Open in search" and keyboard commands
 * through messaging. The content script's entry point calls this once.
 */
import { browser } from 'wxt/browser';
import { listen, send } from '@/lib/messaging';
import type { ContentLens } from '@/lib/page/controller';
import type { SettingsReader } from '@/lib/settings/reader';
import { type CardController, createCardController } from './controller';
import { loadCardUi } from './loader';

/** Starts the hover cards of this page; everything goes when `signal` aborts. */
export function startHoverCards(
  lens: ContentLens,
  settings: SettingsReader,
  signal: AbortSignal,
): CardController {
  const controller = createCardController({
    doc: document,
    win: window,
    mentions: lens,
    loadView: () => loadCardUi(browser.runtime),
    openSearch: (query) => {
      send(browser.runtime, 'open-search', { query }).catch((error: unknown) =>
        console.warn('[iom-lens] could not open the search', error),
      );
    },
    dwell: {
      load: async () => (await settings.load()).hoverDelayMs,
      watch: (cb) => settings.watch((next) => cb(next.hoverDelayMs)),
    },
    signal,
  });
  const unlisten = listen(browser.runtime, {
    'card-navigate': async ({ direction }) => ({ opened: await controller.navigate(direction) }),
  });
  signal.addEventListener('abort', unlisten, { once: true });
  return controller;
}
