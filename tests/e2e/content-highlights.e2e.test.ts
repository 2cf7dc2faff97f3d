import { expect, it } from 'vitest';
import type { PageReport } from '@/lib/messages';
import { defaultSettings } from '@/lib/settings/model';
import type { BrowserTab, ExtensionBrowser } from './support';
import { describeInBrowsers, waitUntil } from './support';

/** What the page sees painted: each range's text and the id of the nearest element with one. */
type Painted = { text: string; inside: string | null }[] | null;

/** Waits until the content script's lens has scanned the page and has nothing left to do. */
async function settled(browser: ExtensionBrowser, tab: BrowserTab) {
  return waitUntil(
    () =>
      browser.evaluateInContentScript(tab, () => {
        const lens = globalThis.iomLens?.lens;
        if (!lens || lens.stats.firstScanDoneAt === null || !lens.idle) return null;
        return lens.registry.entries().map((e) => ({ id: e.id, surface: e.surface, name: e.name }));
      }),
    { what: `the lens to settle in ${tab.url()}` },
  );
}

/** The page's view of the painted highlight (null when none is registered). */
const painted = (tab: BrowserTab) =>
  tab.evaluate((): Painted => (window as unknown as { __painted(): Painted }).__painted());

/** Texts painted, sorted. */
const paintedTexts = async (tab: BrowserTab) => ((await painted(tab)) ?? []).map((p) => p.text).sort();

/** Page changes nobody on the page made (see fixtures/content/audit.js). */
const foreignChanges = (tab: BrowserTab) =>
  tab.evaluate(() => (window as unknown as { __audit: { foreign(): string[] } }).__audit.foreign());

/** Calls one of dynamic.html's page functions in the page's world. */
const pageAction = (tab: BrowserTab, name: string, arg?: string) =>
  tab.evaluate(
    ({ name, arg }: { name: string; arg?: string }) =>
      (window as unknown as { page: Record<string, (a?: string) => unknown> }).page[name]?.(arg) ?? null,
    { name, arg },
  );

/** Writes settings as the options page would (the content script follows storage changes). */
const storeSettings = (extension: ExtensionBrowser, tab: BrowserTab, settings: unknown) =>
  extension.evaluateInContentScript(
    tab,
    async (value: unknown) => {
      if (value === null) await browser.storage.sync.remove('settings');
      else await browser.storage.sync.set({ settings: value });
      return true;
    },
    settings,
  );

/** The background's report for a tab, asked from the tab's content script. */
const tabReport = (extension: ExtensionBrowser, tab: BrowserTab, tabId: number) =>
  extension.evaluateInContentScript(
    tab,
    (id: number): Promise<PageReport | null> =>
      browser.runtime.sendMessage({ type: 'get-tab-report', data: { tabId: id } }),
    tabId,
  );

/** Settings as a fresh install has them, written out in full as the options page writes them. */
const SETTINGS = defaultSettings();

describeInBrowsers('content script', (suite) => {
  /** Opens a fixture page and waits for the lens to settle and, unless `inView` is false, for its marks. */
  const open = async (path: string, { inView = true } = {}) => {
    const tab = await suite.browser.openTab(suite.server.url(path));
    const entries = await settled(suite.browser, tab);
    // Painting follows the viewport (an IntersectionObserver reports asynchronously): wait for the marks.
    if (inView && entries.length > 0) {
      await tab.waitFor(
        () => ((window as unknown as { __painted(): unknown[] | null }).__painted()?.length ?? 0) > 0,
      );
    }
    return tab;
  };

  it('paints every mention, including one split over inline elements and a line break', async () => {
    const tab = await open('content/article.html');
    const entries = await settled(suite.browser, tab);
    expect(entries.map((e) => [e.surface, e.name])).toEqual([
      ['International Organization for\nMigration', 'IOM'],
      ['IOM', 'IOM'],
      ['IOM', 'IOM'],
      ['Intergovernmental Committee for European Migration', 'ICEM'],
      ['ICEM', 'ICEM'],
    ]);
    expect(await paintedTexts(tab)).toEqual([
      'ICEM',
      'IOM',
      'IOM',
      'Intergovernmental Committee for European Migration',
      'International Organization forMigration', // Range text leaves out the <br>
    ]);
    await tab.close();
  });

  it('leaves form fields, editors, code and scripts alone and changes no page node', async () => {
    const tab = await open('content/article.html?untouched');
    const where = new Set(((await painted(tab)) ?? []).map((p) => p.inside));
    expect([...where].sort()).toEqual(['acronym', 'history', 'long']);
    expect(
      await tab.evaluate(() => ({
        input: (document.getElementById('f-input') as HTMLInputElement).value,
        textarea: (document.getElementById('f-textarea') as HTMLTextAreaElement).value,
        select: (document.getElementById('f-select') as HTMLSelectElement).value,
        editor: document.getElementById('editor')?.innerHTML,
        styles: document.querySelectorAll('style[data-iom-lens]').length,
        styleInHead: document.head.querySelector('style[data-iom-lens]') !== null,
        added: [...document.querySelectorAll('body *')].filter((el) => el.localName.startsWith('iom-lens-'))
          .length,
      })),
    ).toEqual({
      input: 'IOM refugees migration',
      textarea: 'IOM staff helped refugees and migrants',
      select: 'IOM migration',
      editor: '<p>IOM draft about refugees and migration</p>',
      styles: 1,
      styleInHead: true,
      added: 0,
    });
    expect(await foreignChanges(tab)).toEqual([]);
    await tab.close();
  });

  it('paints none of the look-alikes', async () => {
    const tab = await open('content/lookalikes.html');
    expect(await settled(suite.browser, tab)).toEqual([]);
    expect(await paintedTexts(tab)).toEqual([]);
    expect(await foreignChanges(tab)).toEqual([]);
    await tab.close();
  });

  it('reports the count, the painted mentions and a snippet of each to the background, which sets the badge', async () => {
    const tab = await open('content/article.html?report');
    const tabId = await suite.browser.tabId(tab);
    await expect.poll(async () => (await tabReport(suite.browser, tab, tabId))?.count).toBe(5);
    const report = (await tabReport(suite.browser, tab, tabId)) as PageReport;
    expect(report.url).toBe(tab.url());
    expect(report.highlighted).toBe(5);
    expect(report.mentions?.map((m) => m.name)).toEqual(['IOM', 'IOM', 'IOM', 'ICEM', 'ICEM']);
    expect(report.mentions?.[2]).toMatchObject({
      before: '',
      text: 'IOM',
      after: ' staff in Geneva said humanitarian convoys …',
    });
    const badge = await suite.browser.evaluateInBackground(
      (id: number) => (browser.action ?? browser.browserAction).getBadgeText({ tabId: id }),
      tabId,
    );
    expect(badge).toBe('5');
    await tab.close();
  });

  it('paints a mention added later and drops one that is removed', async () => {
    const tab = await open('content/dynamic.html');
    expect(await paintedTexts(tab)).toEqual(['IOM']);
    await pageAction(tab, 'addMention');
    await expect.poll(() => paintedTexts(tab)).toEqual(['IOM', 'International Organization for Migration']);
    await pageAction(tab, 'removeFirst');
    await expect.poll(() => paintedTexts(tab)).toEqual(['International Organization for Migration']);
    await settled(suite.browser, tab);
    expect(await foreignChanges(tab)).toEqual([]);
    await tab.close();
  });

  it('paints the first mention of a page that had none, added by the page after it was read', async () => {
    const tab = await suite.browser.openTab(suite.server.url('content/dynamic.html?quiet'));
    await waitUntil(
      () =>
        suite.browser.evaluateInContentScript(tab, () =>
          globalThis.iomLens?.watch?.stats.firstScanDoneAt ? true : null,
        ),
      { what: 'the content script to read the quiet page' },
    );
    expect(
      await suite.browser.evaluateInContentScript(tab, () => globalThis.iomLens?.lens ?? null),
    ).toBeNull();
    await pageAction(tab, 'render');
    await expect.poll(() => paintedTexts(tab)).toEqual(['IOM']);
    expect(
      await suite.browser.evaluateInContentScript(tab, () => globalThis.iomLens?.watch ?? null),
    ).toBeNull();
    await settled(suite.browser, tab);
    expect(await foreignChanges(tab)).toEqual([]);
    await tab.close();
  });

  it('keeps working, without errors or leftover text, when the page edits and removes its own text nodes', async () => {
    const tab = await open('content/dynamic.html?framework');
    await pageAction(tab, 'render');
    await expect.poll(() => paintedTexts(tab)).toEqual(['IOM', 'IOM']);
    await pageAction(tab, 'edit');
    expect(await pageAction(tab, 'appText')).toBe(
      'Staff in Geneva said the IOM convoys reached displaced refugees.',
    );
    await expect
      .poll(async () => ((await painted(tab)) ?? []).map((p) => `${p.inside}:${p.text}`).sort())
      .toEqual(['first:IOM', 'view:IOM']);
    await pageAction(tab, 'removeTail');
    expect(await pageAction(tab, 'appText')).toBe('Staff in Geneva said ');
    await expect.poll(() => paintedTexts(tab)).toEqual(['IOM']);
    await pageAction(tab, 'unmount');
    expect(await pageAction(tab, 'appText')).toBe('');
    await settled(suite.browser, tab);
    expect(await paintedTexts(tab)).toEqual(['IOM']);
    expect(await foreignChanges(tab)).toEqual([]);
    await tab.close();
  });

  it('removes every highlight and its style when paused, and paints again when resumed', async () => {
    const tab = await open('content/article.html?pause');
    expect(await paintedTexts(tab)).toHaveLength(5);
    await storeSettings(suite.browser, tab, { ...SETTINGS, paused: true });
    await expect.poll(() => painted(tab)).toBeNull();
    expect(await tab.evaluate(() => document.querySelectorAll('style[data-iom-lens]').length)).toBe(0);
    await storeSettings(suite.browser, tab, SETTINGS);
    await expect.poll(async () => (await paintedTexts(tab)).length).toBe(5);
    await storeSettings(suite.browser, tab, null);
    expect(await foreignChanges(tab)).toEqual([]);
    await tab.close();
  });

  it('switches the highlight style at once', async () => {
    const tab = await open('content/article.html?style');
    await storeSettings(suite.browser, tab, { ...SETTINGS, highlightStyle: 'background' });
    await expect
      .poll(() => tab.evaluate(() => document.querySelector('style[data-iom-lens]')?.textContent ?? ''))
      .toContain('background-color');
    await storeSettings(suite.browser, tab, null);
    await tab.close();
  });

  it('paints only the mentions near the viewport, and those in view after the page reflows and jumps', async () => {
    const tab = await open('content/many.html');
    const where = async () => new Set(((await painted(tab)) ?? []).map((p) => p.inside));
    const first = await where();
    expect(first.has('p-0')).toBe(true);
    expect(first.size).toBeLessThan(120);
    // Text six times the size reflows every paragraph (a rule added through the CSSOM: no resize, no
    // scroll, no DOM change for the lens to rescan), then an instant jump lands in the middle of
    // paragraphs that were far below when they were first reported.
    await tab.evaluate(() => {
      (document.getElementById('size') as HTMLStyleElement).sheet?.insertRule('body { font-size: 96px }');
      document.getElementById('p-140')?.scrollIntoView({ block: 'start' });
    });
    await expect.poll(async () => (await where()).has('p-140')).toBe(true);
    expect((await where()).has('p-0')).toBe(false);
    await tab.close();
  });

  it('scrolls a mention into view when the popup asks', async () => {
    const tab = await open('content/long.html', { inView: false }); // its one mention is far below
    const [entry] = await settled(suite.browser, tab);
    const tabId = await suite.browser.tabId(tab);
    expect(await tab.evaluate(() => window.scrollY)).toBe(0);
    const reply = await suite.browser.evaluateInBackground(
      ({ tabId, index }: { tabId: number; index: number }) =>
        browser.tabs.sendMessage(tabId, { type: 'reveal-mention', data: { id: index } }),
      { tabId, index: entry?.id as number },
    );
    expect(reply).toEqual({ revealed: true });
    const view = await tab.evaluate(() => {
      const rect = document.getElementById('far')?.getBoundingClientRect();
      return { top: rect?.top ?? -1, height: window.innerHeight, selected: String(window.getSelection()) };
    });
    expect(view.top).toBeGreaterThan(0);
    expect(view.top).toBeLessThan(view.height);
    expect(view.selected).toBe('IOM');
    await tab.close();
  });

  it('reports the new address after a single-page-app navigation', async () => {
    const tab = await open('content/dynamic.html?spa');
    const tabId = await suite.browser.tabId(tab);
    await pageAction(tab, 'navigate', '/content/dynamic.html?view=2');
    await expect
      .poll(async () => (await tabReport(suite.browser, tab, tabId))?.url)
      .toBe(suite.server.url('content/dynamic.html?view=2'));
    await tab.close();
  });
});
