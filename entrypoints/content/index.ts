import { browser } from 'wxt/browser';
import { startHoverCards } from '@/lib/card/content';
import type { CardController } from '@/lib/card/controller';
import { hasCandidate } from '@/lib/detect/candidate-pattern';
import { listen, send } from '@/lib/messaging';
import { type ContentLens, DECIDER_GLOBAL, type MentionDecider, startContentLens } from '@/lib/page';
import { removeLeftovers, startPageGuard } from '@/lib/page/page-guard';
import { isActiveOn } from '@/lib/settings/host-patterns';
import { createSettingsReader, lazySettingsReader } from '@/lib/settings/reader';

/** The lens as seen from the content script's own world (tests and the benchmark read it; pages cannot). */
declare global {
  var iomLens: ContentLens | undefined;
}

/** Imports the detector's deciding half (entrypoints/detector.ts) into this world. */
async function loadDecider(): Promise<MentionDecider> {
  await import(/* @vite-ignore */ browser.runtime.getURL('/detector.js'));
  const decider = (globalThis as Record<string, unknown>)[DECIDER_GLOBAL];
  if (!decider) throw new Error('detector.js loaded but did not register the detector');
  return decider as MentionDecider;
}

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  main(ctx) {
    if (ctx.isInvalid) return;
    removeLeftovers(document); // an updated extension's script starts beside the old one's nodes (Firefox)
    // Storage is first touched when the page shows a candidate: most pages never do (see startContentLens).
    const settings = lazySettingsReader(() =>
      createSettingsReader(browser.storage.sync, browser.storage.onChanged),
    );
    let cards: CardController | null = null;
    const lens: ContentLens = startContentLens({
      doc: document,
      win: window,
      detector: { hasCandidate, load: loadDecider },
      settings: { load: settings.load, watch: settings.watch, isActiveOn },
      sendReport: (report) => send(browser.runtime, 'page-report', report),
      signal: ctx.signal,
      isContextValid: () => ctx.isValid,
      onWake: () => {
        cards = startHoverCards(lens, settings, ctx.signal);
        startPageGuard({
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
      'reveal-mention': ({ index }) => {
        const revealed = lens.reveal(index);
        if (revealed) void cards?.open(index); // the popup's "On this page": scroll there and show the card
        return { revealed };
      },
    });
    ctx.onInvalidated(unlisten);
    globalThis.iomLens = lens;
  },
});
