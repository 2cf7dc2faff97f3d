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
  // The command goes to every frame of the tab: the one with the keyboard answers (docs/content-script.md).
  const unlisten = listen(
    runtime,
    { 'card-navigate': async ({ direction }) => ({ opened: await controller.navigate(direction) }) },
    () => hasKeyboardHere(document, window),
  );
  signal.addEventListener('abort', unlisten, { once: true });
  return controller;
}

/** Elements that hold a document of their own: focus inside one is that document's. */
const FRAME_ELEMENTS = new Set(['iframe', 'frame', 'object', 'embed']);

/**
 * True when the keyboard is in this document: it has the focus and none of its frames has (focus in a
 * frame makes every document around it "have" focus too). When no document of the window has it (the
 * window is in the background), the top-level page counts as the one with the keyboard.
 */
export function hasKeyboardHere(doc: Document, win: Window): boolean {
  if (!doc.hasFocus()) return win === win.top;
  let active = doc.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement; // a frame in a shadow root
  return !(active && FRAME_ELEMENTS.has(active.localName));
}
