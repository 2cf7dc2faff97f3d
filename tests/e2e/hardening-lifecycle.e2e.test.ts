import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import {
  forgeNewerContentScript,
  lensSettled,
  ownNodes,
  pageAction,
  painted,
} from './fixtures/hostile/harness/checks';
import { isLocal, type RequestRecorder, recordRequests } from './fixtures/hostile/harness/network';
import { type HostileServer, serveHostilePages } from './fixtures/hostile/harness/server';
import { clickIn, storedSettings } from './popup-helpers';
import { type BrowserTab, describeInBrowsers, waitUntil } from './support';

// The extension's life around the page: settings storage holding garbage, an older layout or no room
// left; a page forging the event that makes an older content script step aside; and an extension
// reload while pages are open (last, since Chromium does not bring an unpacked extension back in this
// test setup). No errors anywhere (the support fails a test on any), no request leaving the machine.

/** Everything the extension and its pages logged as a warning, per browser (the "clear message"). */
type Warnings = string[];

/** Bytes stored per junk item when filling storage.sync: under the 8,192-byte item limit. */
const JUNK_ITEM_BYTES = 8000;

describeInBrowsers('hardening: settings, updates and reloads', (suite) => {
  let server: HostileServer;
  let recorder: RequestRecorder;
  const warnings: Warnings = [];

  beforeAll(async () => {
    server = await serveHostilePages();
    const blank = await suite.browser.openTab('about:blank');
    recorder = await recordRequests(suite.browser, blank);
    listenForWarnings(blank, warnings);
    if (blank.raw.kind === 'firefox') {
      // Every page from its start: content scripts warn while the page loads.
      blank.raw.page.browser().on('targetcreated', (target) => {
        void target
          .page()
          .then((page) => page && listenForWarnings({ raw: { kind: 'firefox', page } }, warnings));
      });
    }
    await blank.close();
  });

  afterEach(async () => {
    expect((await recorder.take()).filter((r) => !isLocal(r.url))).toEqual([]);
  });

  afterAll(async () => {
    await server?.close();
  });

  /** Replaces everything in storage.sync with `items` (from the background, as any extension page could). */
  const replaceSync = (items: Record<string, unknown>) =>
    suite.browser.evaluateInBackground(async (value: Record<string, unknown>) => {
      await browser.storage.sync.clear();
      await browser.storage.sync.set(value);
      return true;
    }, items);

  const readSync = () =>
    suite.browser.evaluateInBackground(
      () => browser.storage.sync.get(null) as Promise<Record<string, unknown>>,
    );

  const openPage = (path: string) => suite.browser.openTab(server.url(path));

  const openOptions = async () => {
    const options = await suite.browser.openExtensionPage('options.html');
    await options.waitFor(() => document.querySelector('#hover-delay') !== null, undefined, {
      what: 'the options page',
    });
    return options;
  };

  it('stored garbage: defaults take its place field by field, each named in a warning, and pages work', async () => {
    warnings.length = 0;
    await replaceSync({
      settings: {
        paused: 'yes',
        hoverDelayMs: -5,
        highlightStyle: 'neon',
        allow: 'everything',
        deny: [1, 'ok.example.org'],
        eras: { ICEM: 'no' },
      },
      settings$: { v: 2 },
    });
    const tab = await openPage('/removal.html?garbage-fields');
    expect((await lensSettled(suite.browser, tab)).count).toBe(3);
    const options = await openOptions();
    expect(await options.text('[data-testid="hover-delay-value"]')).toBe('300 ms');
    expect(await options.text('[data-testid="deny-list"] code')).toBe('ok.example.org');
    await waitUntil(() => warnings.some((w) => w.includes('settings.hoverDelayMs')), {
      what: `warnings naming the bad fields in ${JSON.stringify(warnings)}`,
    });
    for (const field of ['paused', 'hoverDelayMs', 'highlightStyle', 'allow', 'deny[0]', 'eras.ICEM']) {
      expect(warnings.join('\n')).toContain(`[iom-lens] settings.${field}: expected`);
    }
    await options.close();
    await tab.close();

    for (const garbage of ['garbage', 42, [1, 2, 3], null]) {
      await replaceSync({ settings: garbage, settings$: { v: 2 } });
      const page = await openPage(`/removal.html?garbage=${encodeURIComponent(JSON.stringify(garbage))}`);
      expect((await lensSettled(suite.browser, page)).count).toBe(3);
      await page.close();
    }
    expect(warnings.join('\n')).toContain(
      '[iom-lens] settings: expected an object, got "garbage"; using the defaults',
    );
  });

  it('settings stored by an older or a newer version: migrated once, or read as they are', async () => {
    // Version 1 (no version recorded): `enabled`, `formerNames`, `underline`, `hoverDelay`. Content
    // scripts read them migrated and write nothing; the extension's pages write the migration back.
    await replaceSync({ settings: { enabled: false } });
    const paused = await openPage('/removal.html?v1-paused');
    await waitUntil(() =>
      suite.browser.evaluateInContentScript(paused, () => globalThis.iomLens !== undefined),
    );
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await painted(paused)).toBeNull();
    expect(await readSync()).toEqual({ settings: { enabled: false } });
    let options = await openOptions();
    await waitUntil(async () => (await readSync()).settings$ !== undefined, { what: 'the migration' });
    expect(await readSync()).toEqual({ settings: { paused: true }, settings$: { v: 2 } });
    await options.close();
    await paused.close();

    await replaceSync({ settings: { enabled: true, formerNames: false, underline: false, hoverDelay: 800 } });
    const tab = await openPage('/rtl-cjk.html?v1');
    await lensSettled(suite.browser, tab);
    options = await openOptions();
    await waitUntil(async () => (await readSync()).settings$ !== undefined, { what: 'the migration' });
    await options.close();
    expect(await readSync()).toEqual({
      settings: {
        paused: false,
        eras: { PICMME: false, ICEM: false, ICM: false, IOM: true },
        highlightStyle: 'background',
        hoverDelayMs: 800,
      },
      settings$: { v: 2 },
    });
    expect(
      await tab.evaluate(() => document.querySelector('style[data-iom-lens]')?.textContent ?? ''),
    ).toContain('background-color');
    await tab.close();

    // Written by a newer version on another device (storage.sync follows the person): read leniently.
    await replaceSync({
      settings: { paused: false, highlightStyle: 'background', future: 1 },
      settings$: { v: 99 },
    });
    const newer = await openPage('/removal.html?v99');
    expect((await lensSettled(suite.browser, newer)).count).toBe(3);
    await waitUntil(() => warnings.some((w) => w.includes('saved by a newer IOM Lens (layout 99)')), {
      what: 'the warning about settings from a newer version',
    });
    await newer.close();
    await replaceSync({});
  });

  it('no room left in synced storage: the change is refused with a message that says why, nothing changes', async () => {
    await replaceSync({});
    const options = await openOptions();
    // Fill storage.sync (100 KB in both browsers) to the last few bytes: items as large as still fit.
    const filled = await suite.browser.evaluateInBackground(async (largest: number) => {
      let stored = 0;
      for (let size = largest; size >= 8; size = Math.floor(size / 2)) {
        for (;;) {
          try {
            await browser.storage.sync.set({ [`junk-${stored}`]: 'x'.repeat(size) });
            stored++;
          } catch {
            break; // no room for one more of this size
          }
        }
      }
      return stored;
    }, JUNK_ITEM_BYTES);
    expect(filled).toBeGreaterThan(12);
    const before = await storedSettings(options);
    await clickIn(options, 'input[name="highlight-style"][value="background"]');
    const message = await options.waitFor(
      () => document.querySelector('[data-testid="save-status"] [role="alert"]')?.textContent,
      undefined,
      { what: 'the save error' },
    );
    expect(message).toMatch(/^Not saved: the browser's storage for synced settings is full\b/);
    expect(await storedSettings(options)).toEqual(before);
    await replaceSync({});
    await options.close();
  });

  it('a page that forges the event by which a newer content script retires an older one: a clean stop', async () => {
    const tab = await openPage('/removal.html?forged');
    await lensSettled(suite.browser, tab);
    await forgeNewerContentScript(suite.browser, tab);
    await expect.poll(() => painted(tab)).toBeNull();
    expect(await ownNodes(tab)).toEqual({ styles: 0, hosts: 0 });
    await pageAction(tab, 'addParagraph');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await painted(tab)).toBeNull();
    await tab.close();
  });

  it('an extension reload with a page open: the old content script removes its highlights, style and listeners', async () => {
    const tab = await openPage('/removal.html?reload');
    expect((await lensSettled(suite.browser, tab)).count).toBe(3);
    await suite.browser.evaluateInBackground(() => {
      setTimeout(() => browser.runtime.reload(), 50);
      return true;
    });
    if (suite.kind === 'chromium') {
      // Chromium keeps the old script running with a dead extension context and injects no new one into
      // open pages: the page guard notices within GUARD_INTERVAL_MS and everything goes.
      await expect.poll(() => painted(tab), { timeout: 10_000 }).toBeNull();
      expect(await ownNodes(tab)).toEqual({ styles: 0, hosts: 0 });
      expect(
        await suite.browser.evaluateInContentScript(tab, () => globalThis.iomLens?.lens ?? null),
      ).toBeNull();
      await pageAction(tab, 'addParagraph');
      await tab.mouseMove(20, 20);
      await new Promise((resolve) => setTimeout(resolve, 800));
      expect(await painted(tab)).toBeNull();
    } else {
      // Firefox unloads the old script and injects the new one into open pages: one style, fresh marks.
      await waitUntil(
        async () => {
          const state = await ownNodes(tab);
          const marks = await painted(tab);
          return state.styles === 1 && marks?.size === 3;
        },
        { what: 'the reloaded extension to take over the page', timeoutMs: 20_000 },
      );
      await new Promise((resolve) => setTimeout(resolve, 1000));
      expect(await ownNodes(tab)).toEqual({ styles: 1, hosts: 0 });
    }
    await tab.close();
  });
});

/** Collects console warnings of a tab (Chromium: of every page and content script of the browser). */
function listenForWarnings(tab: Pick<BrowserTab, 'raw'>, into: Warnings): void {
  if (tab.raw.kind === 'chromium') {
    tab.raw.page.context().on('console', (message) => {
      if (message.type() === 'warning') into.push(message.text());
    });
  } else {
    tab.raw.page.on('console', (message) => {
      if (message.type() === 'warn') into.push(message.text());
    });
  }
}
