import { readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { SHADOW_HOST_SELECTOR } from '@/lib/page/shadow-hosts';
import { defaultSettings } from '@/lib/settings/model';
import { card, cardCommand, SHOW_WAIT_MS, type WordBox } from './card-support';
import { forgeNewerContentScript } from './fixtures/hostile/harness/checks';
import { badgeText, clickIn } from './popup-helpers';
import type { BrowserTab, ExtensionBrowser } from './support';
import { describeInBrowsers, waitUntil } from './support';

// Text inside web components: shadow roots present at load, nested in another root, attached after load,
// attached by a custom element's late definition, and changed later (fixtures/shadow/page.html; its
// roots.js watches every root for changes the page did not make).

/** Where each expected mention sits (the id of its element in its shadow tree) and its surface. */
const EXPECTED = [
  'opening: International Organization for Migration',
  'quote: IOM',
  'upgraded-text: International Organization for Migration',
  // A closed root: both browsers give content scripts a way in (lib/page/shadow-roots.ts).
  'private-text: International Organization for Migration',
  'late-text: International Organization for Migration',
];
/** The one that appears when the page changes a root's text. */
const CHANGED = 'changing: Intergovernmental Committee for European Migration';

/** The lens's mentions as "element id: surface", in the registry's order, once it is idle. */
const mentionsOf = (browser: ExtensionBrowser, tab: BrowserTab) =>
  browser.evaluateInContentScript(tab, () => {
    const lens = globalThis.iomLens?.lens;
    if (!lens || lens.stats.firstScanDoneAt === null || !lens.idle) return null;
    return lens.registry
      .entries()
      .map((e) => `${e.range.startContainer.parentElement?.closest('[id]')?.id ?? '?'}: ${e.surface}`);
  });

/** Waits until the lens has found exactly `expected` (in that order). */
const foundInOrder = (browser: ExtensionBrowser, tab: BrowserTab, expected: string[]) =>
  waitUntil(
    async () => {
      const found = await mentionsOf(browser, tab);
      return found && JSON.stringify(found) === JSON.stringify(expected) ? found : null;
    },
    { what: `the lens to find ${expected.join(', ')}`, timeoutMs: 20_000 },
  );

const wordBox = (tab: BrowserTab, id: string, word: string) =>
  waitUntil(
    () =>
      tab.evaluate(
        ({ id, word }: { id: string; word: string }) =>
          (window as unknown as { __wordBox(i: string, w: string): WordBox | null }).__wordBox(id, word),
        { id, word },
      ),
    { what: `"${word}" in #${id}` },
  );

const painted = (tab: BrowserTab) =>
  tab.evaluate(() => (window as unknown as { __paintedIds(): string[] | null }).__paintedIds());

/** Changes in the page's document and shadow roots that the page did not make. */
const foreignChanges = (tab: BrowserTab) =>
  tab.evaluate(() => {
    const w = window as unknown as { __audit: { foreign(): string[] }; __shadowForeign(): string[] };
    return [...w.__audit.foreign(), ...w.__shadowForeign()];
  });

const rootStyles = (tab: BrowserTab) =>
  tab.evaluate(() => (window as unknown as { __rootStyles(): Record<string, number> }).__rootStyles());

/** Amber pixels of a screenshot of the tab inside the box of `word` in element `id`. */
async function amberPixels(tab: BrowserTab, id: string, word: string, shot: string) {
  const box = await wordBox(tab, id, word);
  const png = `data:image/png;base64,${(await readFile(shot)).toString('base64')}`;
  return tab.evaluate(
    ({ png, box }: { png: string; box: WordBox }) =>
      (
        window as unknown as {
          __amberPixels(p: string, b: WordBox): Promise<{ amber: number; total: number }>;
        }
      ).__amberPixels(png, box),
    { png, box },
  );
}

describeInBrowsers('shadow DOM', (suite) => {
  const openPage = async (query: string) => {
    // The background mark: its amber tint is easy to tell from black text on white in a screenshot.
    await suite.browser.evaluateInBackground(
      async (settings: unknown) => {
        await browser.storage.sync.set({ settings, settings$: { v: 2 } }); // the current layout
        return true;
      },
      { ...defaultSettings(), highlightStyle: 'background' },
    );
    return suite.browser.openTab(suite.server.url(`shadow/page.html?${query}`));
  };

  it("finds shadow hosts with the candidate watch's selector, which this browser accepts", async () => {
    // A small page without a candidate in its light DOM has its hosts found by one selector
    // (lib/page/shadow-hosts.ts); an engine that rejected it would fall back to a loop over every element.
    const tab = await openPage('selector');
    const matched = await tab.evaluate(
      (selector: string) => [...document.body.querySelectorAll(selector)].map((el) => el.id),
      SHADOW_HOST_SELECTOR,
    );
    expect(matched).toEqual(expect.arrayContaining(['story', 'upgraded', 'private']));
    expect(matched).not.toContain('intro');
    expect(matched).not.toContain('tail');
    await tab.close();
  });

  it('finds, paints, counts and lists mentions in shadow roots of every kind, and changes no page text', async () => {
    const tab = await openPage('paint');
    await foundInOrder(suite.browser, tab, EXPECTED);
    await tab.evaluate(() => (window as unknown as { page: { changeText(): void } }).page.changeText());
    const all = [...EXPECTED, CHANGED];
    await foundInOrder(suite.browser, tab, all);
    // Painted (the viewport sink reports asynchronously), the look-alike left alone.
    await waitUntil(async () => (((await painted(tab))?.length ?? 0) === all.length ? true : null), {
      what: 'every mention painted',
    });
    expect(await painted(tab)).toEqual([...all].sort());
    // One style element in each root that holds a painted mention; none in the others.
    expect(await rootStyles(tab)).toEqual({ story: 1, nested: 1, late: 1, upgraded: 1, private: 1 });

    // The mark shows: amber pixels over a mention in a nested root and one in a late root, none over the
    // look-alike beside them.
    const shot = path.join(tmpdir(), `iom-lens-shadow-${suite.kind}-${process.pid}.png`);
    await tab.screenshot(shot);
    try {
      const quote = await amberPixels(tab, 'quote', 'IOM', shot);
      const late = await amberPixels(tab, 'late-text', 'Organization', shot);
      const closed = await amberPixels(tab, 'private-text', 'Organization', shot);
      const lookalike = await amberPixels(tab, 'lookalike', 'ICM', shot);
      expect(quote.amber).toBeGreaterThan(quote.total / 4);
      expect(closed.amber).toBeGreaterThan(closed.total / 4);
      expect(late.amber).toBeGreaterThan(late.total / 4);
      expect(lookalike.amber).toBe(0);
    } finally {
      if (!process.env.KEEP_SHOT) await rm(shot, { force: true });
    }

    // Counted in the badge and listed in the popup (the page report).
    const tabId = await suite.browser.tabId(tab);
    await waitUntil(
      async () => ((await badgeText(suite.browser, tabId)) === String(all.length) ? true : null),
      {
        what: 'the badge to count the mentions in shadow roots',
      },
    );
    const popup = await suite.browser.openPopup(tab);
    const listed = await popup.waitFor(() => {
      const marks = [...document.querySelectorAll('[data-testid="mention-list"] mark')];
      return marks.length > 0 ? marks.map((m) => m.textContent ?? '') : null;
    });
    expect(listed).toEqual(all.map((m) => m.split(': ')[1]));
    // "Show on page" for the mention in the nested root: its card opens.
    await clickIn(popup, '[data-testid="mention-list"] li:nth-child(2) button');
    const shown = await waitUntil(async () => ((await card(tab)).open ? card(tab) : null), {
      what: 'the card of the mention chosen in the popup',
    });
    expect(shown.label).toBe('IOM Lens: IOM');
    await popup.close();

    expect(await foreignChanges(tab)).toEqual([]);
    await tab.close();
  });

  it('opens a card on a mention in a nested shadow root by hover, and walks mentions across roots by keyboard', async () => {
    const tab = await openPage('cards');
    await foundInOrder(suite.browser, tab, EXPECTED);
    const box = await wordBox(tab, 'quote', 'IOM');
    await tab.mouseMove(box.x, box.y);
    const hovered = await waitUntil(async () => ((await card(tab)).open ? card(tab) : null), {
      what: 'a card for the IOM in the nested root',
      timeoutMs: SHOW_WAIT_MS,
    });
    expect(hovered.label).toBe('IOM Lens: IOM');
    await tab.mouseMove(2, 2);
    await waitUntil(async () => !(await card(tab)).open, { what: 'the card to close' });

    // What the background sends on the next/previous shortcuts (card-hover.e2e.test.ts says why).
    const tabId = await suite.browser.tabId(tab);
    const command = (direction: 'next' | 'previous') => cardCommand(suite.browser, tabId, direction);
    /** The label of the open card once focus is in it. */
    const openLabel = () =>
      waitUntil(
        async () => {
          const state = await card(tab);
          return state.open && state.focused ? state.label : null;
        },
        { what: 'a card opened by keyboard, focused' },
      );
    // Mentions in the registry's order (asserted above: composed-tree order), one card after another.
    const labels: string[] = [];
    for (let i = 0; i < EXPECTED.length; i++) {
      expect(await command('next')).toEqual({ opened: true });
      await new Promise((resolve) => setTimeout(resolve, 400)); // the card moves to the next mention
      labels.push(String(await openLabel()));
    }
    expect(labels).toEqual(EXPECTED.map((m) => `IOM Lens: ${m.split(': ')[1]}`));
    // Back from the last (the late root's), past the closed and the upgraded roots', to the nested root's IOM.
    for (let i = 0; i < EXPECTED.length - 2; i++) {
      expect(await command('previous')).toEqual({ opened: true });
      await new Promise((resolve) => setTimeout(resolve, 400));
    }
    expect(await openLabel()).toBe('IOM Lens: IOM');
    await tab.press('Escape');
    await waitUntil(async () => !(await card(tab)).open, { what: 'the card to close' });
    expect(await foreignChanges(tab)).toEqual([]);
    await tab.close();
  });

  it('opens a card by a tap on a mention in a nested shadow root, on a phone-sized touch screen', async () => {
    const tab = await openPage('touch');
    await foundInOrder(suite.browser, tab, EXPECTED);
    await tab.emulatePhone({ width: 360, height: 740 });
    const box = await wordBox(tab, 'quote', 'IOM');
    await tab.tap(box.x, box.y);
    const tapped = await waitUntil(async () => ((await card(tab)).open ? card(tab) : null), {
      what: 'a card for the IOM in the nested root after a tap',
      timeoutMs: SHOW_WAIT_MS,
    });
    expect(tapped.label).toBe('IOM Lens: IOM');
    const rect = tapped.rect as NonNullable<typeof tapped.rect>;
    // Placed within the phone's viewport, and not over the word the finger is on.
    expect(rect.left >= 0 && rect.left + rect.width <= 360, JSON.stringify(rect)).toBe(true);
    const covers =
      box.left < rect.left + rect.width &&
      rect.left < box.left + box.width &&
      box.top < rect.top + rect.height &&
      rect.top < box.top + box.height;
    expect(covers, JSON.stringify({ box, rect })).toBe(false);
    expect(await foreignChanges(tab)).toEqual([]);
    await tab.close();
  });

  it('wakes on a page whose only mention arrives in a shadow root attached after load', async () => {
    // Until then only the candidate watch runs: it must observe the new root's host and read its root.
    const tab = await openPage('late-only');
    await foundInOrder(suite.browser, tab, ['late-text: International Organization for Migration']);
    await waitUntil(async () => (((await painted(tab))?.length ?? 0) === 1 ? true : null), {
      what: 'the late mention painted',
    });
    expect(await foreignChanges(tab)).toEqual([]);
    await tab.close();
  });

  it('teardown (a newer content script taking over) removes the marks and every root’s style', async () => {
    const tab = await openPage('teardown');
    await foundInOrder(suite.browser, tab, EXPECTED);
    await waitUntil(async () => (((await painted(tab))?.length ?? 0) === EXPECTED.length ? true : null), {
      what: 'every mention painted',
    });
    await forgeNewerContentScript(suite.browser, tab);
    await expect.poll(() => painted(tab)).toBeNull();
    expect(await rootStyles(tab)).toEqual({ story: 0, nested: 0, late: 0, upgraded: 0, private: 0 });
    expect(await tab.evaluate(() => document.querySelectorAll('style[data-iom-lens]').length)).toBe(0);
    // Nothing watches the roots any more: a new mention in one stays unpainted.
    await tab.evaluate(() => (window as unknown as { page: { changeText(): void } }).page.changeText());
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await painted(tab)).toBeNull();
    expect(await foreignChanges(tab)).toEqual([]);
    await tab.close();
  });
});
