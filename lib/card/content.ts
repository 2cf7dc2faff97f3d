/**
 * Wires the hover card into the content script: the controller over the content lens, the card UI
 * loaded on first hover, the hover delay from the settings, "Open in search" and keyboard commands
 * through messaging. The content script's entry point calls this once.
 */
import type { Runtime } from 'webextension-polyfill';
import { listen, send } from '@/lib/messaging';
import type { ContentLens } from '@/lib/page/controller';
import type { SettingsReader } from '@/lib/settings/reader';
import { type CardController, createCardController } from './controller';
import { loadCardUi } from './loader';

/** The part of `browser.runtime` the hover cards use: messaging, and the card UI chunk's URL. */
export type CardRuntime = Pick<Runtime.Static, 'sendMessage' | 'onMessage' | 'getURL'>;

/**
 * Starts the hover cards of this page; everything goes when `signal` aborts. The runtime comes in as a
 * parameter: this runs from the page-lens chunk, which does not bundle the browser API wrapper again.
 */
export function startHoverCards(
  runtime: CardRuntime,
  lens: ContentLens,
  settings: SettingsReader,
  signal: AbortSignal,
): CardController {
  // "Show facts as of the page's date": read with the hover delay, kept current by a watch.
  let usePageDate = true;
  const readOption = (next: { factsAsOfPageDate: boolean }) => {
    usePageDate = next.factsAsOfPageDate;
  };
  settings.load().then(readOption, () => undefined); // the dwell's own load reports a failure
  const unwatch = settings.watch(readOption);
  signal.addEventListener('abort', unwatch, { once: true });
  const controller = createCardController({
    doc: document,
    win: window,
    mentions: lens,
    loadView: async () => {
      const create = await loadCardUi(runtime);
      return (deps) => create({ ...deps, usePageDate: () => usePageDate });
    },
    openSearch: (query) => {
      send(runtime, 'open-search', { query }).catch((error: unknown) =>
        console.warn('[iom-lens] could not open the search', error),
      );
    },
    dwell: {
      load: async () => (await settings.load()).hoverDelayMs,
      watch: (cb) => settings.watch((next) => cb(next.hoverDelayMs)),
    },
    signal,
  });
  const unlisten = listen(runtime, {
    'card-navigate': async ({ direction }) => ({ opened: await controller.navigate(direction) }),
  });
  signal.addEventListener('abort', unlisten, { once: true });
  return controller;
}
