import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { PageReport } from '@/lib/messages';
import { type ContentLens, type LensKit, lensKit, REPORT_DEBOUNCE_MS, startContentLens } from '@/lib/page';
import { MUTATION_FLUSH_DELAY_MS } from '@/lib/page/slices';
import { defaultSettings, type Settings } from '@/lib/settings';
import { fakeDetector, page, plainRange, tick, until } from './helpers';

beforeAll(() => {
  // happy-dom has no StaticRange; the controller creates ranges the way browsers do.
  (globalThis as { StaticRange?: unknown }).StaticRange ??= class {
    constructor(init: StaticRangeInit) {
      Object.assign(this, plainRange(init));
    }
  };
  // happy-dom lays nothing out: every observed element counts as near the viewport.
  globalThis.IntersectionObserver = class {
    constructor(private readonly callback: IntersectionObserverCallback) {}
    observe(target: Element) {
      queueMicrotask(() =>
        this.callback([{ target, isIntersecting: true } as IntersectionObserverEntry], this as never),
      );
    }
    unobserve() {}
    disconnect() {}
  } as unknown as typeof IntersectionObserver;
});

/** A settings source whose values the test changes. */
function fakeSettings(initial: Partial<Settings> = {}) {
  let value: Settings = { ...defaultSettings(), ...initial };
  const listeners = new Set<(s: Settings) => void>();
  const reads = { count: 0 };
  return {
    reads,
    source: {
      load: async () => {
        reads.count++;
        return value;
      },
      watch: (cb: (s: Settings) => void) => {
        listeners.add(cb);
        return () => listeners.delete(cb);
      },
    },
    set(patch: Partial<Settings>) {
      value = { ...value, ...patch };
      for (const cb of listeners) cb(value);
    },
    listeners,
  };
}

let lens: ContentLens | undefined;
afterEach(() => lens?.dispose());

async function setup(
  initial: Partial<Settings> = {},
  extra: { isContextValid?: () => boolean; loadKit?: () => Promise<LensKit> } = {},
) {
  const settings = fakeSettings(initial);
  const reports: PageReport[] = [];
  const controller = new AbortController();
  const woken = { count: 0 };
  lens = startContentLens({
    doc: document,
    win: window as unknown as Window & typeof globalThis,
    detector: fakeDetector(),
    loadKit: async () => lensKit,
    settings: settings.source,
    sendReport: async (r) => reports.push(r),
    signal: controller.signal,
    onWake: () => woken.count++,
    ...extra,
  });
  const started = lens;
  // Awake (settings asked for), or done reading a page without candidates.
  await until(
    () => settings.reads.count > 0 || started.watch?.stats.firstScanDoneAt != null || started.watch === null,
    'the content lens to wake or to finish reading',
  );
  await tick();
  await lens.lens?.whenIdle();
  await tick(REPORT_DEBOUNCE_MS + 20);
  return { settings, reports, controller, lens, woken };
}

const ourStyle = () => document.head.querySelector('style[data-iom-lens]');

describe('startContentLens', () => {
  it('scans, paints and reports the page’s mentions', async () => {
    page('<p>The IOM office</p><p>and the ICEM archive</p>');
    const { reports, lens } = await setup();
    expect(lens.registry?.size).toBe(2);
    expect(ourStyle()?.textContent).toContain('::highlight(iom-lens-mention)');
    expect(reports.at(-1)).toMatchObject({
      url: location.href,
      count: 2,
      highlighted: 2,
      mentions: [
        { surface: 'IOM', name: 'IOM', before: 'The ', text: 'IOM', after: ' office' },
        { surface: 'ICEM', name: 'ICEM', before: 'and the ', text: 'ICEM', after: ' archive' },
      ],
    });
  });

  it('answers with the same report it sent, for a popup whose background forgot it', async () => {
    page('<p>The IOM office</p><p>and the ICEM archive</p>');
    const { reports, lens } = await setup();
    expect(lens.report()).toEqual(reports.at(-1));
  });

  it('removes everything at once when paused, and comes back when resumed', async () => {
    page('<p>The IOM office</p>');
    const { settings, reports, lens } = await setup();
    settings.set({ paused: true });
    expect(lens.lens).toBeNull();
    expect(ourStyle()).toBeNull();
    expect(reports.at(-1)).toMatchObject({ count: 0, mentions: [] });
    settings.set({ paused: false });
    await tick();
    await lens.lens?.whenIdle();
    expect(lens.registry?.size).toBe(1);
  });

  it('stays off on a denied site and on sites outside a non-empty allow list', async () => {
    page('<p>The IOM office</p>');
    const host = location.hostname;
    const denied = await setup({ deny: [host] });
    expect(denied.lens.lens).toBeNull();
    expect(denied.reports.at(-1)).toMatchObject({ count: 0 });
    denied.lens.dispose();
    const elsewhere = await setup({ allow: ['example.invalid'] });
    expect(elsewhere.lens.lens).toBeNull();
    elsewhere.settings.set({ allow: [host] });
    await tick();
    expect(elsewhere.lens.lens).not.toBeNull();
  });

  it('switches the highlight style without rescanning', async () => {
    page('<p>The IOM office</p>');
    const { settings, lens } = await setup();
    const running = lens.lens;
    settings.set({ highlightStyle: 'background' });
    expect(lens.lens).toBe(running);
    expect(ourStyle()?.textContent).toContain('background-color');
    settings.set({ highlightStyle: 'none' });
    expect(ourStyle()?.textContent).toBe('');
  });

  it('removes highlights, style and listeners when the extension context goes away', async () => {
    page('<p>The IOM office</p>');
    const { settings, controller, lens, reports } = await setup();
    controller.abort();
    expect(lens.lens).toBeNull();
    expect(ourStyle()).toBeNull();
    expect(settings.listeners.size).toBe(0);
    const sent = reports.length;
    window.dispatchEvent(new PopStateEvent('popstate'));
    settings.set({ highlightStyle: 'background' });
    await tick(REPORT_DEBOUNCE_MS + 20);
    expect(reports.length).toBe(sent);
    expect(ourStyle()).toBeNull();
  });

  it('reports again with the new URL after a single-page-app navigation', async () => {
    page('<p>The IOM office</p>');
    const { reports } = await setup();
    const before = location.href;
    history.pushState({}, '', '#next-view');
    window.dispatchEvent(new PopStateEvent('popstate'));
    await tick();
    expect(reports.at(-1)?.url).not.toBe(before);
    expect(reports.at(-1)?.url).toBe(location.href);
    expect(reports.at(-1)?.count).toBe(1);
  });

  it('on a page without candidates reads no settings, sends nothing and starts nothing until one appears', async () => {
    page('<p>Refugee agencies met in Geneva.</p>');
    const { settings, reports, lens, woken } = await setup();
    expect(lens.watch?.stats.firstScanDoneAt).not.toBeNull();
    expect(settings.reads.count).toBe(0);
    expect(settings.listeners.size).toBe(0);
    expect(woken.count).toBe(0);
    expect(reports).toEqual([]);
    expect(lens.lens).toBeNull();
    expect(lens.report()).toEqual({ url: location.href, count: 0, highlighted: 0, mentions: [] });
    document.body.append(Object.assign(document.createElement('p'), { textContent: 'The IOM office' }));
    await tick(MUTATION_FLUSH_DELAY_MS + 10);
    expect(lens.watch).toBeNull();
    expect(woken.count).toBe(1);
    expect(settings.reads.count).toBe(1);
    await lens.lens?.whenIdle();
    expect(lens.registry?.size).toBe(1);
    await tick(REPORT_DEBOUNCE_MS + 20);
    expect(reports.at(-1)).toMatchObject({ count: 1 });
  });

  it('starts nothing at a candidate once the extension context went away', async () => {
    page('<p>Refugee agencies met in Geneva.</p>');
    let valid = true;
    const { settings, lens, woken } = await setup({}, { isContextValid: () => valid });
    valid = false;
    document.body.append(Object.assign(document.createElement('p'), { textContent: 'The IOM office' }));
    await tick(MUTATION_FLUSH_DELAY_MS + 10);
    expect(woken.count).toBe(0);
    expect(settings.reads.count).toBe(0);
    expect(lens.lens).toBeNull();
    expect(lens.watch).toBeNull();
  });

  it('applies a settings change heard while the lens was still loading', async () => {
    page('<p>The IOM office</p>');
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const { settings, lens } = await setup({}, { loadKit: () => held.then(() => lensKit) });
    expect(settings.reads.count).toBe(1);
    expect(lens.lens).toBeNull();
    settings.set({ paused: true }); // newer than what was read
    release();
    await tick(10);
    expect(lens.lens).toBeNull();
    settings.set({ paused: false });
    await tick();
    await lens.lens?.whenIdle();
    expect(lens.registry?.size).toBe(1);
  });

  it('stays dormant, and says why, when the lens cannot be loaded', async () => {
    page('<p>The IOM office</p>');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { lens, reports } = await setup(
      {},
      { loadKit: () => Promise.reject(new Error('context invalidated')) },
    );
    expect(lens.lens).toBeNull();
    expect(ourStyle()).toBeNull();
    expect(reports).toEqual([]);
    expect(warn).toHaveBeenCalledWith('[iom-lens] could not load the page lens', expect.any(Error));
    warn.mockRestore();
  });

  it('cannot reveal a mention that does not exist', async () => {
    page('<p>nothing</p>');
    const { lens } = await setup();
    expect(lens.reveal(12345)).toBe(false);
  });
});
