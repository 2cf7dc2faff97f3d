import { expect, it } from 'vitest';
import { clickIn, storeSettings } from './popup-helpers';
import type { BrowserTab, ExtensionBrowser } from './support';
import { describeInBrowsers, waitUntil } from './support';

// "On this page" in the built extension: the popup lists what the page highlights, choosing a mention
// scrolls the page to it and opens its card, pausing clears the highlights, and turning a site off
// lasts across a reload.

/** What the page has painted: each range's text and the id of the paragraph it is in. */
type Painted = { text: string; inside: string | null }[];

/** What the page has painted, in the page's own view (fixtures/popup/mentions.html). */
const paintedRanges = (tab: BrowserTab) =>
  tab.evaluate(() => (window as unknown as { __painted(): Painted }).__painted());

/** Texts the page has painted, sorted ([] when nothing is). */
const painted = async (tab: BrowserTab) => (await paintedRanges(tab)).map((p) => p.text).sort();

/** Waits until the lens has scanned the page and is idle; resolves with the painted texts. */
async function settled(browser: ExtensionBrowser, tab: BrowserTab): Promise<string[]> {
  await waitUntil(
    () =>
      browser.evaluateInContentScript(tab, () => {
        const lens = globalThis.iomLens?.lens;
        return lens && lens.stats.firstScanDoneAt !== null && lens.idle ? true : null;
      }),
    { what: `the lens to settle in ${tab.url()}` },
  );
  return painted(tab);
}

/** The mentions the content script found on the page (its registry), as written. */
const foundOn = (browser: ExtensionBrowser, tab: BrowserTab) =>
  browser.evaluateInContentScript(
    tab,
    () => globalThis.iomLens?.registry?.entries().map((e) => e.surface) ?? [],
  );

/** The mentions the popup lists: the marked text of each entry, in list order. */
const listed = (popup: BrowserTab) =>
  popup.waitFor(() => {
    const marks = [...document.querySelectorAll('[data-testid="mention-list"] mark')].map(
      (m) => m.textContent ?? '',
    );
    return marks.length > 0 ? marks : null;
  });

const pageStatus = (popup: BrowserTab) =>
  popup.evaluate(() => document.querySelector('[data-testid="page-status"]')?.textContent ?? '');

describeInBrowsers('popup: on this page', (suite) => {
  const openPage = () => suite.browser.openTab(suite.server.url('popup/mentions.html'));

  it('lists the mentions the page found, with the same count, and everything the page highlights', async () => {
    const page = await openPage();
    const painted = await settled(suite.browser, page);
    const found = (await foundOn(suite.browser, page)).sort();
    expect(found.length).toBeGreaterThanOrEqual(4);
    expect(found).toContain('ICEM');
    // The look-alike (the Isle of Man) is neither highlighted nor listed.
    expect((await paintedRanges(page)).some((p) => p.inside === 'lookalike')).toBe(false);
    const popup = await suite.browser.openPopup(page);
    const list = await listed(popup);
    expect([...list].sort()).toEqual(found);
    for (const text of painted) expect(list).toContain(text);
    expect(await pageStatus(popup)).toBe(`${found.length} mentions on this page.`);
    const snippets = await popup.evaluate(() =>
      [...document.querySelectorAll('[data-testid="mention-list"] button')].map((b) => b.textContent ?? ''),
    );
    expect(snippets.some((s) => s.includes('chartered ships'))).toBe(true);
    expect(snippets.at(-1)).toContain('families displaced'); // the one far down the page, listed last
    await popup.close();
    await page.close();
  });

  // Chromium stops an idle MV3 service worker after 30 s, and with it the reports it kept in memory;
  // Firefox's MV2 background page is persistent, so there the case does not arise (nor is it declared).
  if (suite.kind === 'chromium')
    it('lists the mentions after the background forgot them, asking the page itself', async () => {
      const page = await openPage();
      await settled(suite.browser, page);
      const found = (await foundOn(suite.browser, page)).sort();
      const tabId = await suite.browser.tabId(page);
      await suite.browser.stopBackground();
      // The restarted background has no report for the tab (a content script may ask for its own).
      const kept = await suite.browser.evaluateInContentScript(
        page,
        (id: number) => browser.runtime.sendMessage({ type: 'get-tab-report', data: { tabId: id } }),
        tabId,
      );
      expect(kept).toBeNull();
      // So the popup's list comes from the page itself.
      const popup = await suite.browser.openPopup(page);
      expect([...(await listed(popup))].sort()).toEqual(found);
      expect(await pageStatus(popup)).toBe(`${found.length} mentions on this page.`);
      await popup.close();
      await page.close();
    });

  it('says there are none after the tab moved on to a page without mentions, whose badge is clear', async () => {
    const page = await openPage();
    await settled(suite.browser, page);
    const tabId = await suite.browser.tabId(page);
    const badge = () =>
      suite.browser.evaluateInBackground(
        (id: number) => (browser.action ?? browser.browserAction).getBadgeText({ tabId: id }),
        tabId,
      );
    await expect.poll(badge).not.toBe('');
    await page.goto(suite.server.url('popup/none.html'));
    // The page shows no candidate: its content script reads it once and waits, sending nothing.
    await waitUntil(
      () =>
        suite.browser.evaluateInContentScript(page, () =>
          globalThis.iomLens?.watch?.stats.firstScanDoneAt ? true : null,
        ),
      { what: 'the content script to read the page' },
    );
    expect(await badge()).toBe('');
    const popup = await suite.browser.openPopup(page);
    await popup.waitFor(
      () => document.querySelector('[data-testid="page-status"]')?.getAttribute('aria-busy') !== 'true',
    );
    expect(await pageStatus(popup)).toBe('No mentions on this page.');
    await popup.close();
    await page.close();
  });

  it('scrolls the page to the chosen mention and opens its card', async () => {
    const page = await openPage();
    await settled(suite.browser, page);
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    const popup = await suite.browser.openPopup(page);
    await listed(popup);
    // The last mention is the one far down the page.
    await clickIn(popup, '[data-testid="mention-list"] li:last-child button');
    const view = await page.waitFor(() => {
      const rect = document.getElementById('far')?.getBoundingClientRect();
      return rect && rect.top >= 0 && rect.bottom <= window.innerHeight ? { scrollY: window.scrollY } : null;
    });
    expect(view.scrollY).toBeGreaterThan(0);
    await page.waitFor(() => document.querySelector('iom-lens-card') !== null, undefined, {
      what: "the mention's card",
    });
    await popup.close();
    await page.close();
  });

  it('clears the highlights when paused, and paints them again when resumed', async () => {
    const page = await openPage();
    const before = await settled(suite.browser, page);
    const popup = await suite.browser.openPopup(page);
    await listed(popup);
    await clickIn(popup, '[data-testid="pause"]');
    await page.waitFor(
      () => (window as unknown as { __painted(): unknown[] }).__painted().length === 0,
      undefined,
      {
        what: 'the highlights to go',
      },
    );
    await popup.waitFor(() => document.querySelector('[data-testid="paused-badge"]') !== null);
    expect(await pageStatus(popup)).toBe('IOM Lens is off on this page.');
    await clickIn(popup, '[data-testid="pause"]');
    await expect.poll(() => painted(page), { timeout: 15_000 }).toEqual(before);
    await popup.close();
    await page.close();
  });

  it('turns the site off so that it stays off after a reload, and back on', async () => {
    const page = await openPage();
    const before = await settled(suite.browser, page);
    let popup = await suite.browser.openPopup(page);
    await listed(popup);
    await clickIn(popup, '[data-testid="site-off"]');
    await page.waitFor(() => (window as unknown as { __painted(): unknown[] }).__painted().length === 0);
    await popup.close();

    await page.goto(suite.server.url('popup/mentions.html'));
    // The content script runs, reads the deny list and stays idle: give it time to paint, if it would.
    await waitUntil(() =>
      suite.browser.evaluateInContentScript(page, () => globalThis.iomLens !== undefined),
    );
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await painted(page)).toEqual([]);
    expect(await suite.browser.evaluateInContentScript(page, () => globalThis.iomLens?.lens === null)).toBe(
      true,
    );

    popup = await suite.browser.openPopup(page);
    const offText = await popup.waitFor(() => document.querySelector('.site-state span')?.textContent);
    expect(offText).toBe('Off on 127.0.0.1.');
    await clickIn(popup, '[data-testid="site-on"]');
    await expect.poll(() => painted(page), { timeout: 15_000 }).toEqual(before);
    await storeSettings(popup, null);
    await popup.close();
    await page.close();
  });
});
