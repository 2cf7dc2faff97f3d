import { browser } from 'wxt/browser';
import type { CardController } from '@/lib/card/controller';
import { hasCandidate } from '@/lib/detect/candidate-pattern';
import { listen, send } from '@/lib/messaging';
// Modules by path, not the lib/page barrel: the barrel would bring the top-level code of every page module.
import { type ContentLens, startContentLens } from '@/lib/page/controller';
import { DECIDER_GLOBAL, type MentionDecider } from '@/lib/page/detector';
import { deferWhileTiny } from '@/lib/page/frame-size';
import { KIT_GLOBAL, type PageKit } from '@/lib/page/page-kit';
import { deferredSettingsReader } from '@/lib/settings/deferred-reader';

/** The lens as seen from the content script's own world (tests and the benchmark read it; pages cannot). */
declare global {
  var iomLens: ContentLens | undefined;
}

/**
 * Imports one of the extension's chunks into this world (WXT bundles content scripts without code
 * splitting, so each chunk is an unlisted script imported by URL); it hands over what it brings through
 * globals of this world.
 */
async function importChunk(path: '/page-lens.js'): Promise<void> {
  await import(/* @vite-ignore */ browser.runtime.getURL(path));
}

/** What a chunk left on the global `name`, once it is in. */
function registered<T>(path: string, name: string): T {
  const value = (globalThis as Record<string, unknown>)[name];
  if (!value) throw new Error(`${path} loaded but did not register itself`);
  return value as T;
}

const script = defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  // The top-level page only: in subframes the frame gate (entrypoints/frame-gate.ts) imports this script
  // once the frame is worth reading, and every frame then runs its own lens (docs/content-script.md, "Frames").
  // WXT announces a start twice: a document event, which retires an older copy of this script, and a
  // window.postMessage kept for scripts built by older WXT versions. The message reaches every message
  // listener of the page (some parse whatever arrives and throw), names the extension's id, and under
  // DevTools makes the browser record the script's whole stack. None of our scripts needs it.
  noScriptStartedPostMessage: true,
  main(ctx) {
    if (ctx.isInvalid) return;
    // A frame too small to read in (a pixel, an ad slot) starts nothing unless it grows.
    if (deferWhileTiny(window, ctx.signal, () => script.main(ctx))) return;
    // Until the page shows a candidate only the candidate watch runs (docs/adr/005-candidate-watch.md):
    // storage is first touched then, and the lens, the hover cards and the page guard are loaded then.
    // One chunk brings the lens's kit and the detector's deciding half: the lens needs both.
    let chunk: Promise<void> | undefined;
    const loadChunk = () => {
      chunk ??= importChunk('/page-lens.js');
      return chunk;
    };
    const loadKit = () => loadChunk().then(() => registered<PageKit>('/page-lens.js', KIT_GLOBAL));
    const settings = deferredSettingsReader(async () =>
      (await loadKit()).createSettingsReader(browser.storage.sync, browser.storage.onChanged),
    );
    let cards: CardController | null = null;
    let watchingGone = false;
    const lens: ContentLens = startContentLens({
      doc: document,
      win: window,
      detector: {
        hasCandidate,
        load: () => loadChunk().then(() => registered<MentionDecider>('/page-lens.js', DECIDER_GLOBAL)),
      },
      settings,
      sendReport: (report) => {
        // Once the background keeps a report of this frame, it hears when the frame goes (closed,
        // navigated, removed), so that the badge stops counting it.
        if (!watchingGone) {
          watchingGone = true;
          // Not for a page kept in the back-forward cache: it may come back as it was.
          const sayGone = (event: PageTransitionEvent) =>
            event.persisted || void send(browser.runtime, 'page-gone', {}).catch(() => {});
          window.addEventListener('pagehide', sayGone, { signal: ctx.signal });
        }
        return send(browser.runtime, 'page-report', report);
      },
      signal: ctx.signal,
      isContextValid: () => ctx.isValid,
      loadKit,
      onWake: (kit) => {
        // An updated extension's script starts beside the old one's nodes (Firefox). They are only ever
        // added on a page that has shown a candidate, so a page that never shows one is not searched.
        kit.removeLeftovers(document);
        cards = kit.startHoverCards(browser.runtime, lens, settings, ctx.signal);
        kit.startPageGuard({
          doc: document,
          win: window,
          registry: (globalThis as { CSS?: { highlights?: Map<string, unknown> } }).CSS?.highlights,
          lens,
          isContextValid: () => ctx.isValid,
          onGiveUp: (repairs) =>
            console.info(
              `[iom-lens] stopped on this page: it removed IOM Lens's highlights ${repairs} times`,
            ),
          signal: ctx.signal,
        });
      },
    });
    const unlisten = listen(browser.runtime, {
      'get-page-report': () => lens.report(),
      'reveal-mention': ({ id }) => {
        const revealed = lens.reveal(id);
        if (revealed) void cards?.open(id); // the popup's "On this page": scroll there and show the card
        return { revealed };
      },
    });
    ctx.onInvalidated(unlisten);
    globalThis.iomLens = lens;
  },
});
export default script;
