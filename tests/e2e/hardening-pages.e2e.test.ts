import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import {
  closeCard,
  foreignChanges,
  found,
  hoverText,
  lensSettled,
  ownNodes,
  pageAction,
  painted,
} from './fixtures/hostile/harness/checks';
import {
  isLocal,
  type RecordedRequest,
  type RequestRecorder,
  recordRequests,
} from './fixtures/hostile/harness/network';
import { type BuiltReactPage, buildReactPage } from './fixtures/hostile/harness/react-build';
import { type HostileServer, serveHostilePages } from './fixtures/hostile/harness/server';
import { badgeText } from './popup-helpers';
import { type BrowserTab, describeInBrowsers, waitUntil } from './support';

// Adversarial pages (tests/e2e/fixtures/hostile), one after another in one browser of each kind. For every
// page: no page or extension errors (the support fails a test on any), no change to the page's nodes that
// the page did not make (the page's own MutationObserver audit), the extension still works or stops
// cleanly, and no request leaves the machine (every request recorded, each must stay on 127.0.0.1 or in
// the extension). Measured figures are printed at the end of each browser's run.

/** Mentions on the generated page: the 100,000. */
const MANY = 100_000;

/** The per-page cap of painted mentions (lib/page/lens.ts MAX_HIGHLIGHTS). */
const CAP = 1000;

/**
 * Longest task the extension may cause on the 100,000-mention page, in ms. Everything the content script
 * does runs in slices of 8 ms (lib/page/slices.ts), the detector's document-wide decision included (it
 * decides in steps, lib/detect/resolve.ts, and warms up in steps). What still runs longer: a slice that a
 * garbage collection falls into while 100,000 entries are built; measured 32–37 ms (Chromium) and 41–60 ms
 * (Firefox). The bound leaves room for this shared 2-core machine (timings
 * drift ±2.5x) and fails on any step that grows with the page: the decision in one task took 161 ms here,
 * and a sort of every mention in the page report took 1.5–3.4 s.
 */
const MAX_TASK_MS = 150;

/** Heap growth allowed between the 10th and the 50th single-page-app navigation (ratio). */
const MAX_HEAP_RATIO = 1.25;

/** Navigations of the single-page app. */
const SPA_NAVIGATIONS = 50;

describeInBrowsers('hardening: hostile pages', (suite) => {
  let server: HostileServer;
  let react: BuiltReactPage;
  let recorder: RequestRecorder;
  const requests: RecordedRequest[] = [];
  const figures: Record<string, unknown> = {};

  beforeAll(async () => {
    react = await buildReactPage();
    server = await serveHostilePages({ react: react.dir });
    const blank = await suite.browser.openTab('about:blank');
    recorder = await recordRequests(suite.browser, blank);
    await blank.close();
  });

  afterEach(async () => {
    const seen = await recorder.take();
    requests.push(...seen);
    expect(seen.filter((r) => !isLocal(r.url))).toEqual([]);
  });

  afterAll(async () => {
    figures.requests = {
      total: requests.length,
      local: requests.filter((r) => isLocal(r.url)).length,
      extension: requests.filter((r) => /^(chrome|moz)-extension:/.test(r.url)).length,
      firefoxOwn: recorder?.browserOwn,
    };
    console.log(`${suite.kind} hardening figures: ${JSON.stringify(figures, null, 1)}`);
    await server?.close();
    await react?.dispose();
  });

  const open = async (path: string) => {
    const tab = await suite.browser.openTab(server.url(path));
    const state = await lensSettled(suite.browser, tab);
    // Painting follows the viewport (an IntersectionObserver reports asynchronously): wait for the marks.
    if (state.highlighted > 0) await tab.waitFor(() => (window.__audit.painted(1)?.size ?? 0) > 0);
    return { tab, state };
  };

  const marks = async (tab: BrowserTab) => (await painted(tab))?.marks ?? [];

  it('records the requests of pages, content scripts and the background (the recorder sees what it guards)', async () => {
    const { tab } = await open('/editor.html?recorder');
    await suite.browser.evaluateInBackground(async (url: string) => {
      await fetch(url).catch(() => null);
      return true;
    }, server.url('/probe/from-background'));
    await suite.browser.evaluateInContentScript(
      tab,
      async (url: string) => {
        await fetch(url).catch(() => null);
        return true;
      },
      server.url('/probe/from-content-script'),
    );
    await waitUntil(
      () =>
        server.requests.includes('/probe/from-content-script') &&
        server.requests.includes('/probe/from-background'),
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    const seen = (await recorder.take()).map((r) => new URL(r.url).pathname);
    requests.push(...seen.map((url) => ({ url: server.url(url), by: 'self-test' })));
    expect(seen).toEqual(expect.arrayContaining(['/probe/from-background', '/probe/from-content-script']));
    expect(isLocal('https://example.org/')).toBe(false);
    expect(isLocal('http://127.0.0.2:80/')).toBe(false);
    expect(isLocal(`${suite.browser.extensionOrigin}/card-ui.js`)).toBe(true);
    await tab.close();
  });

  it('messages: pages cannot reach the extension; a content script reads only its own tab and cannot forge reports', async () => {
    const { tab: one } = await open('/rtl-cjk.html?messages');
    const { tab: other } = await open('/removal.html?messages');
    const [oneId, otherId] = [await suite.browser.tabId(one), await suite.browser.tabId(other)];
    // No externally_connectable: the page's own world has no way to the extension.
    expect(
      await one.evaluate(() => ({
        chrome: typeof (window as { chrome?: { runtime?: { sendMessage?: unknown } } }).chrome?.runtime
          ?.sendMessage,
        browser: typeof (window as { browser?: unknown }).browser,
      })),
    ).toEqual({ chrome: 'undefined', browser: 'undefined' });
    const ask = (tab: BrowserTab, message: unknown) =>
      suite.browser.evaluateInContentScript(
        tab,
        (m: unknown) =>
          browser.runtime.sendMessage(m).then(
            (reply) => reply ?? null,
            () => null,
          ),
        message,
      );
    await waitUntil(
      async () =>
        ((await ask(one, { type: 'get-tab-report', data: { tabId: oneId } })) as { count?: number } | null)
          ?.count === 9,
    );
    expect(await ask(one, { type: 'get-tab-report', data: { tabId: otherId } })).toBeNull();
    expect(
      await ask(one, { type: 'page-report', data: { url: 'https://forged.example/', count: 'lots' } }),
    ).toBeNull();
    expect(await ask(one, { type: 'get-tab-report', data: { tabId: oneId } })).toMatchObject({
      url: one.url(),
      count: 9,
    });
    // Nor does anything of ours arrive at the page's message listeners (WXT's start-up postMessage is off).
    expect(await one.evaluate(() => window.__audit.messages())).toEqual([]);
    await one.close();
    await other.close();
  });

  it('React: hydrates server-rendered markup the extension already marked, then re-renders, edits and removes text', async () => {
    const { tab } = await open('/built/react/index.html');
    await tab.waitFor(
      () => (window as unknown as { page: { hydrated(): boolean } }).page.hydrated(),
      undefined,
      {
        what: 'React to hydrate',
      },
    );
    expect(await pageAction(tab, 'hydrationErrors')).toEqual([]);
    expect(await marks(tab)).toEqual([
      'headline: IOM',
      'story-1: IOM',
      'story-1: International Organization for Migration',
      'story-2: IOM',
    ]);
    await pageAction(tab, 'rerender');
    await pageAction(tab, 'setPlace', 'Nairobi');
    await pageAction(tab, 'edit', 2, 'Staff counted migrants crossing the river at dawn.');
    await pageAction(tab, 'edit', 3, 'Traders said the IOM office reopened the market for migrants.');
    await expect
      .poll(() => marks(tab))
      .toEqual([
        'headline: IOM',
        'story-1: IOM',
        'story-1: International Organization for Migration',
        'story-3: IOM',
      ]);
    await pageAction(tab, 'remove', 1);
    await pageAction(tab, 'add', 'Later the International Organization for Migration sent more staff.');
    await expect
      .poll(() => marks(tab))
      .toEqual(['headline: IOM', 'story-12: International Organization for Migration', 'story-3: IOM']);
    // With the story that defined the acronym gone, the bare "IOM" of the headline no longer counts.
    await pageAction(tab, 'replaceAll', 'Nothing about the organization here.');
    await lensSettled(suite.browser, tab);
    expect(await marks(tab)).toEqual([]);
    expect(await pageAction(tab, 'text')).toBe(
      'IOM news from Nairobi, with 1 storiesOnly: Nothing about the organization here.Rendered 1 times since hydration.',
    );
    expect(await foreignChanges(tab)).toEqual([]);
    expect(await pageAction(tab, 'hydrationErrors')).toEqual([]);
    await tab.close();
  });

  it('editors and form fields: left alone while the page and the user edit them', async () => {
    const { tab } = await open('/editor.html');
    const before = ['plain: IOM', 'plain: International Organization for Migration', 'switch-text: IOM'];
    expect((await marks(tab)).filter((m) => !m.startsWith('?'))).toEqual(before);
    const typed = await pageAction<string>(
      tab,
      'typeInEditor',
      ' Then the IOM and the International Organization for Migration replied.',
    );
    expect(typed).toBe(
      '<p>Draft: IOM staff helped migrants reach the coast. Then the IOM and the International Organization for Migration replied.</p>',
    );
    await tab.click('#field');
    for (const key of ['End', ' ', 'I', 'O', 'M']) await tab.press(key);
    await pageAction(tab, 'setEditable', true);
    await expect
      .poll(async () => (await marks(tab)).filter((m) => !m.startsWith('?')))
      .toEqual(before.slice(0, 2));
    await pageAction(tab, 'setEditable', false);
    await expect.poll(async () => (await marks(tab)).filter((m) => !m.startsWith('?'))).toEqual(before);
    expect(await pageAction(tab, 'fields')).toEqual({
      field: 'IOM migration IOM',
      area: 'The IOM helped migrants.',
      choice: 'IOM migration',
      editor: typed,
      rich: '<p>Notes on the <b>International Organization for Migration</b> budget.</p>',
    });
    expect(await foreignChanges(tab)).toEqual([]);
    await tab.close();
  });

  it('open and closed shadow roots, same-origin frames: each read and painted on its own, none of their text changed', async () => {
    const { tab } = await open('/shadow-frames.html');
    await tab.waitFor(() => (window as unknown as { page: { framesLoaded(): boolean } }).page.framesLoaded());
    // docs/security.md: the content script reads open shadow roots, and closed ones through the browsers'
    // extension API, and paints there with a style element of its own in each root (docs/content-script.md,
    // "Shadow DOM"); text slotted from the light DOM is page text like any other. Each frame runs its own
    // lens (docs/content-script.md, "Frames"), which paints there with the frame's own style element, and
    // changes none of the frame's text.
    expect(await marks(tab)).toEqual([
      '?: International Organization for Migration', // the closed root's paragraph has no id
      'light: IOM',
      'light: International Organization for Migration',
      'shadow-text: IOM',
      'shadow-text: International Organization for Migration',
      'slotted: IOM',
    ]);
    expect(await pageAction(tab, 'shadowStyles')).toEqual([1, 1]);
    await tab.waitFor(() =>
      (window as unknown as { page: { frames(): { highlight: boolean }[] } }).page
        .frames()
        .every((f) => f.highlight),
    );
    expect(await pageAction(tab, 'frames')).toEqual([
      {
        id: 'same-origin',
        styles: 1,
        highlight: true,
        text: 'Inside the frame: the International Organization for Migration (IOM) counted arrivals.',
      },
      {
        id: 'srcdoc',
        styles: 1,
        highlight: true,
        text: 'In srcdoc: the International Organization for Migration helped migrants.',
      },
    ]);
    expect(await pageAction(tab, 'shadowText')).toBe(
      'In an open shadow root: the International Organization for Migration (IOM) spoke.',
    );
    expect(await foreignChanges(tab)).toEqual([]);
    await tab.close();
  });

  it('10,000 nested elements: found at the bottom, followed when edited, no recursion limit hit', async () => {
    const { tab, state } = await open('/deep.html');
    expect(await pageAction(tab, 'depths')).toEqual([10_002, 1_002]);
    // The hidden chain's mention is found and listed; painting follows what is on screen.
    expect(await found(suite.browser, tab)).toEqual([
      'deep-visible: IOM',
      'deepest: IOM',
      'top: IOM',
      'top: International Organization for Migration',
    ]);
    expect(await marks(tab)).toContain('deep-visible: IOM');
    await pageAction(tab, 'editDeep', 'At the bottom: the International Organization for Migration helped.');
    await expect
      .poll(() => found(suite.browser, tab))
      .toEqual([
        'deep-visible: IOM',
        'deepest: International Organization for Migration',
        'top: IOM',
        'top: International Organization for Migration',
      ]);
    figures.deep = { longestSliceMs: state.longestSliceMs, workMs: state.workMs };
    expect(await foreignChanges(tab)).toEqual([]);
    await tab.close();
  });

  it('one 10 MB text node: mentions at its start, middle and end, the node left whole', async () => {
    const { tab, state } = await open('/big-text.html');
    expect(await pageAction(tab, 'textNodes')).toBe(1);
    expect(await pageAction(tab, 'length')).toBeGreaterThan(10_000_000);
    expect(await marks(tab)).toEqual([
      'before: IOM',
      'before: International Organization for Migration',
      'big: IOM',
      'big: IOM',
      'big: IOM',
    ]);
    expect(await pageAction(tab, 'unchanged')).toBe(true);
    figures.bigText = { longestSliceMs: state.longestSliceMs, workMs: state.workMs };
    expect(await foreignChanges(tab)).toEqual([]);
    await tab.close();
  });

  it(`${MANY.toLocaleString('en')} mentions: all counted, ${CAP} painted, the page stays responsive`, async () => {
    // Baseline first: the same page with IOM Lens paused, to tell the page's own long tasks (parsing and
    // laying out 2 MB) from the extension's.
    const responsiveness = async (tab: BrowserTab) => {
      const since = await tab.evaluate(
        () =>
          (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming)
            .domContentLoadedEventEnd,
      );
      return tab.evaluate((from: number) => {
        const tasks = window.__audit.longTasks(from);
        return {
          longestTaskMs: tasks === null ? null : Math.max(0, ...tasks.map((t) => t.ms)),
          longTasks: tasks === null ? null : tasks.length,
          lag: window.__audit.stopLag(),
        };
      }, since);
    };
    await setPaused(true);
    const quiet = await suite.browser.openTab(server.url(`/gen/many-mentions.html?n=${MANY}&paused`));
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await painted(quiet)).toBeNull();
    const baseline = await responsiveness(quiet);
    await quiet.close();
    await setPaused(false);

    const { tab, state } = await open(`/gen/many-mentions.html?n=${MANY}`);
    // The report to the background (debounced) has gone out once the badge shows the count.
    const tabId = await suite.browser.tabId(tab);
    await waitUntil(async () => (await badgeText(suite.browser, tabId)) === '999+', {
      what: 'the badge to show the count',
    });
    await new Promise((resolve) => setTimeout(resolve, 500));
    const active = await responsiveness(tab);
    expect(state.count).toBe(MANY + 2); // the heading holds two more
    expect(state.highlighted).toBe(CAP);
    expect((await painted(tab, 5))?.size).toBeGreaterThan(0);
    expect((await painted(tab, 5))?.size).toBeLessThanOrEqual(CAP);
    figures.manyMentions = {
      baseline,
      active,
      longestSliceMs: state.longestSliceMs,
      longestSlicePhase: state.longestSlicePhase,
      workMs: state.workMs,
    };
    // Long tasks where the browser reports them (Chromium), beyond what the same page has paused; the
    // lens's own longest slice in both browsers. The heartbeat's lateness is reported, not bounded: the
    // lens yields with scheduler.yield, whose continuations run before the page's timers (input and
    // rendering still come first), so page timers wait while it works.
    const bound = MAX_TASK_MS;
    if (active.longestTaskMs !== null) {
      expect(active.longestTaskMs - (baseline.longestTaskMs ?? 0)).toBeLessThanOrEqual(bound);
    }
    expect(state.longestSliceMs).toBeLessThanOrEqual(bound);
    expect(await foreignChanges(tab)).toEqual([]);
    await tab.close();
  });

  it('right-to-left and CJK text: Arabic, Chinese, Japanese and Russian names painted exactly, card opens on Arabic', async () => {
    const { tab } = await open('/rtl-cjk.html');
    expect(await marks(tab)).toEqual([
      'ar-mixed: IOM',
      'ar-mixed: المنظمة الدولية للهجرة',
      'ar: المنظمة الدولية للهجرة',
      'bidi: International Organization for Migration',
      'bidi: المنظمة الدولية للهجرة',
      'ja: 国際移住機関',
      'ru: МОМ',
      'ru: Международная организация по миграции',
      'zh: 国际移民组织',
    ]);
    const card = await hoverText(tab, 'المنظمة الدولية للهجرة');
    expect(card).toContain('المنظمة الدولية للهجرة');
    expect(card).toContain('since 1989');
    await closeCard(tab);
    expect(await foreignChanges(tab)).toEqual([]);
    await tab.close();
  });

  it('a page that sabotages builtins and DOM prototypes in its own world: the extension never touches them', async () => {
    const { tab } = await open('/globals.html');
    expect(await marks(tab)).toEqual([
      'one: IOM',
      'one: International Organization for Migration',
      'two: IOM',
    ]);
    expect(await hoverText(tab, 'IOM', 'IOM staff')).toContain('International Organization for Migration');
    await closeCard(tab);
    expect(await tab.evaluate(() => (window as unknown as { __hits(): string[] }).__hits())).toEqual([]);
    expect(await foreignChanges(tab)).toEqual([]);
    await tab.close();
  });

  it('a page whose named elements clobber document.body, document.createElement and more: still works', async () => {
    const { tab } = await open('/clobber.html');
    expect(await pageAction(tab, 'clobbered')).toMatchObject({ body: true, createElement: true });
    expect(await marks(tab)).toEqual([
      'one: IOM',
      'one: International Organization for Migration',
      'two: IOM',
    ]);
    expect(await hoverText(tab, 'IOM', 'IOM staff')).toContain('International Organization for Migration');
    await closeCard(tab);
    expect(await foreignChanges(tab)).toEqual([]);
    await tab.close();
  });

  it('a page that removes our style and card host and clears CSS.highlights: put back, then a clean stop', async () => {
    const { tab } = await open('/removal.html');
    const all = ['first: IOM', 'first: International Organization for Migration', 'second: IOM'];
    expect(await marks(tab)).toEqual(all);
    await hoverText(tab, 'IOM', 'IOM staff');
    await closeCard(tab);
    expect(await ownNodes(tab)).toEqual({ styles: 1, hosts: 1 });
    // Once: the same style element, highlight and card host come back (lib/page/page-guard.ts, the card view).
    expect(await pageAction(tab, 'removeOurs')).toEqual(['style', 'iom-lens-card']);
    expect(await pageAction(tab, 'clearHighlights')).toEqual(['iom-lens-mention']);
    await expect.poll(() => marks(tab), { timeout: 10_000 }).toEqual(all);
    expect((await ownNodes(tab)).styles).toBe(1);
    expect(await hoverText(tab, 'IOM', 'IOM staff')).toContain('International Organization for Migration');
    await closeCard(tab);
    // A page that keeps removing them gets a clean stop: nothing of IOM Lens left, nothing coming back.
    for (let i = 0; i < 3; i++) {
      await pageAction(tab, 'removeOurs');
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    await expect.poll(() => painted(tab), { timeout: 10_000 }).toBeNull();
    expect(await ownNodes(tab)).toEqual({ styles: 0, hosts: 0 });
    expect(
      await suite.browser.evaluateInContentScript(tab, () => globalThis.iomLens?.lens ?? null),
    ).toBeNull();
    await pageAction(tab, 'addParagraph');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await painted(tab)).toBeNull();
    expect(await foreignChanges(tab)).toEqual([]);
    await tab.close();
  });

  it(`a single-page app navigating ${SPA_NAVIGATIONS} times with pushState: current mentions only, bounded heap`, async () => {
    const { tab } = await open('/spa.html');
    const heap: number[] = [];
    for (let n = 1; n <= SPA_NAVIGATIONS; n++) {
      await pageAction(tab, 'navigate');
      const state = await lensSettled(suite.browser, tab);
      expect(state.count).toBe(10);
      if (n === 10 || n === SPA_NAVIGATIONS) heap.push(await usedHeap(tab));
    }
    expect(await found(suite.browser, tab)).toHaveLength(10);
    expect((await marks(tab)).length).toBeGreaterThan(0);
    expect(await foreignChanges(tab)).toEqual([]);
    if (suite.kind === 'chromium') {
      const [at10, at50] = heap as [number, number];
      figures.spaHeap = { at10, at50, ratio: Number((at50 / at10).toFixed(3)) };
      expect(at50 / at10).toBeLessThanOrEqual(MAX_HEAP_RATIO);
    }
    await tab.close();
  });

  it('keeps nothing of the pages it read: extension storage holds settings only', async () => {
    const stored = await suite.browser.evaluateInBackground(async () => ({
      local: Object.keys(await browser.storage.local.get(null)),
      sync: Object.keys(await browser.storage.sync.get(null)),
    }));
    expect(stored.local).toEqual([]);
    for (const key of stored.sync) expect(['settings', 'settings$']).toContain(key);
  });

  /** Pauses or resumes IOM Lens everywhere, as the popup's switch does. */
  async function setPaused(paused: boolean) {
    await suite.browser.evaluateInBackground(async (value: boolean) => {
      // The stored layout (version 2, recorded beside it as @wxt-dev/storage does).
      if (value) await browser.storage.sync.set({ settings: { paused: true }, settings$: { v: 2 } });
      else await browser.storage.sync.remove(['settings', 'settings$']);
      return true;
    }, paused);
  }

  /** Chromium: the renderer's JS heap after a full garbage collection (content scripts' worlds included). */
  async function usedHeap(tab: BrowserTab): Promise<number> {
    if (tab.raw.kind !== 'chromium') return 0;
    const cdp = await tab.raw.page.context().newCDPSession(tab.raw.page);
    try {
      await cdp.send('HeapProfiler.collectGarbage');
      const { usedSize } = await cdp.send('Runtime.getHeapUsage');
      return usedSize;
    } finally {
      await cdp.detach();
    }
  }
});
