import { expect, it } from 'vitest';
import { type CardState, card, SHOW_WAIT_MS, settled, type WordBox, wordBox } from './card-support';
import type { BrowserTab } from './support';
import { describeInBrowsers, waitUntil } from './support';

// Touch in real browsers with the BUILT extension, on a phone-sized viewport: taps and long-presses go
// through each browser's own touch input (tab.tap), not synthetic DOM events.

/** A common small phone (CSS pixels); the narrowest supported viewport. */
const PHONE = { width: 360, height: 740 };

/** Far longer than any browser's long-press threshold (400–500 ms). */
const LONG_PRESS_MS = 1200;

/** A hover delay no tap should wait out (the settings' maximum). */
const SLOW_HOVER_MS = 2000;

type Rect = NonNullable<CardState['rect']>;

const overlaps = (a: WordBox, b: Rect) =>
  a.left < b.left + b.width &&
  b.left < a.left + a.width &&
  a.top < b.top + b.height &&
  b.top < a.top + a.height;

const inside = (r: Rect, viewport: typeof PHONE) =>
  r.left >= 0 && r.top >= 0 && r.left + r.width <= viewport.width && r.top + r.height <= viewport.height;

const waitOpen = (tab: BrowserTab, what: string) =>
  waitUntil(async () => ((await card(tab)).open ? card(tab) : null), { what, timeoutMs: SHOW_WAIT_MS });

const waitClosed = (tab: BrowserTab, what: string) =>
  waitUntil(async () => !(await card(tab)).open, { what, timeoutMs: SHOW_WAIT_MS });

/** Taps blank page margin across the viewport from the card (the body has a 40 px top margin). */
const tapOutside = (tab: BrowserTab, cardRect: Rect) =>
  tab.tap(PHONE.width / 2, cardRect.top > 40 ? 20 : PHONE.height - 10);

describeInBrowsers('touch', (suite) => {
  /** The card fixture on a phone-sized touch screen, with a hover delay a tap must not wait for. */
  const openOnPhone = async () => {
    const tab = await suite.browser.openTab(suite.server.url('card/article.html?touch'));
    await tab.emulatePhone(PHONE);
    await settled(suite.browser, tab);
    await suite.browser.evaluateInContentScript(
      tab,
      async (ms: number) => {
        const { settings } = await browser.storage.sync.get('settings');
        await browser.storage.sync.set({ settings: { ...(settings as object), hoverDelayMs: ms } });
        return true;
      },
      SLOW_HOVER_MS,
    );
    return tab;
  };
  /** Runs `test` on a phone tab, then puts the settings back and closes the tab. */
  const onPhone = async (test: (tab: BrowserTab) => Promise<void>) => {
    const tab = await openOnPhone();
    await test(tab);
    await suite.browser.evaluateInContentScript(tab, async () => {
      await browser.storage.sync.remove('settings');
      return true;
    });
    await tab.close();
  };

  it('opens the card at once on a tap, inside the phone viewport and off the mention', () =>
    onPhone(async (tab) => {
      // A first tap loads the card UI (a one-time cost); the tap measured is the second.
      const first = await wordBox(tab, 'former', 'ICEM');
      await tab.tap(first.x, first.y);
      await tapOutside(tab, (await waitOpen(tab, 'a card after the first tap')).rect as Rect);
      await waitClosed(tab, 'the first card to close');
      await tab.evaluate(() => {
        // Page time from the finger lifting to the card being placed, measured in the page itself.
        const w = window as unknown as { __tapToCardMs?: number };
        let liftedAt = 0;
        // Capturing on window: before the content script's own listener on the document.
        window.addEventListener(
          'pointerup',
          () => {
            liftedAt = performance.now();
          },
          true,
        );
        const frame = document.querySelector('iom-lens-card')?.shadowRoot?.querySelector('.frame');
        new MutationObserver(() => {
          if (liftedAt && frame?.hasAttribute('data-placed') && w.__tapToCardMs === undefined)
            w.__tapToCardMs = performance.now() - liftedAt;
        }).observe(frame as Node, { attributes: true, attributeFilter: ['data-placed'] });
        return true;
      });
      const box = await wordBox(tab, 'current', 'IOM');
      await tab.tap(box.x, box.y);
      const state = await waitOpen(tab, 'the card of the second tap');
      const elapsed = await tab.evaluate(
        () => (window as unknown as { __tapToCardMs?: number }).__tapToCardMs,
      );
      expect(elapsed, 'a tap waits for no hover delay').toBeLessThan(SLOW_HOVER_MS);
      expect(state).toMatchObject({ label: 'IOM Lens: IOM', era: 'IOM', focused: false });
      const rect = state.rect as Rect;
      expect(inside(rect, PHONE), JSON.stringify(rect)).toBe(true);
      expect(overlaps(box, rect), JSON.stringify({ box, rect })).toBe(false);
    }));

  it('closes the card on a tap outside it', () =>
    onPhone(async (tab) => {
      const box = await wordBox(tab, 'former', 'ICEM');
      await tab.tap(box.x, box.y);
      await tapOutside(tab, (await waitOpen(tab, 'a card after the tap')).rect as Rect);
      await waitClosed(tab, 'the card to close after a tap outside');
    }));

  it('closes the card with a tap on its close button', () =>
    onPhone(async (tab) => {
      const box = await wordBox(tab, 'current', 'IOM');
      await tab.tap(box.x, box.y);
      await waitOpen(tab, 'a card after the tap');
      const button = await tab.evaluate(() => {
        const r = document
          .querySelector('iom-lens-card')
          ?.shadowRoot?.querySelector('button.close')
          ?.getBoundingClientRect();
        return r
          ? { x: r.left + r.width / 2, y: r.top + r.height / 2, width: r.width, height: r.height }
          : null;
      });
      if (!button) throw new Error('the card has no close button');
      await tab.tap(button.x, button.y);
      await waitClosed(tab, 'the card to close after a tap on its close button');
    }));

  // Neither headless Chromium nor desktop Firefox turns automated touch into a long-press selection
  // (no selection, no contextmenu: that gesture belongs to their Android builds), so this checks what
  // the selection depends on: no card, and every default action of the touch left to the browser.
  it('leaves a long-press to the browser: no card, and no default action of the touch prevented', () =>
    onPhone(async (tab) => {
      await tab.evaluate(() => {
        const seen: string[] = [];
        (window as unknown as { __touchDefaults: string[] }).__touchDefaults = seen;
        // Window, bubbling: runs after the content script's document listeners.
        for (const type of [
          'pointerdown',
          'touchstart',
          'pointerup',
          'touchend',
          'contextmenu',
          'selectstart',
        ])
          window.addEventListener(type, (e) =>
            seen.push(`${type}:${e.defaultPrevented ? 'prevented' : 'free'}`),
          );
        return true;
      });
      const box = await wordBox(tab, 'former', 'ICEM');
      await tab.tap(box.x, box.y, { holdMs: LONG_PRESS_MS });
      const seen = await tab.waitFor(() => {
        const log = (window as unknown as { __touchDefaults: string[] }).__touchDefaults;
        return log.some((e) => e.startsWith('touchend')) ? log : null;
      });
      expect(seen).toEqual(expect.arrayContaining(['pointerdown:free', 'touchstart:free', 'touchend:free']));
      expect(seen.filter((e) => e.endsWith(':prevented'))).toEqual([]);
      await new Promise((resolve) => setTimeout(resolve, 500)); // a card would load and open by now
      expect((await card(tab)).open).toBe(false);
    }));
});
