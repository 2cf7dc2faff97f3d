import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS, type Settings, saveSettings } from '@/lib/settings';
import { deferredSettingsReader } from '@/lib/settings/deferred-reader';
import { createSettingsReader, type SettingsReader } from '@/lib/settings/reader';

const reader = () => createSettingsReader(fakeBrowser.storage.sync, fakeBrowser.storage.onChanged);

describe('settings reader (content script)', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.restoreAllMocks();
  });

  it('made on first use, touches the storage API only then, and once', async () => {
    let made = 0;
    const deferred = deferredSettingsReader(async () => {
      made++;
      return reader();
    });
    expect(made).toBe(0);
    const seen: Settings[] = [];
    const stop = deferred.watch((s) => seen.push(s));
    await expect(deferred.load()).resolves.toEqual(DEFAULT_SETTINGS);
    expect(made).toBe(1);
    await fakeBrowser.storage.sync.set({
      settings: { ...DEFAULT_SETTINGS, paused: true },
      settings$: { v: 2 },
    });
    expect(seen.at(-1)?.paused).toBe(true);
    stop();
  });

  it('made later, registers a watch before the first read, and a watch stopped meanwhile never starts', async () => {
    let release: (made: SettingsReader) => void = () => undefined;
    const order: string[] = [];
    const real = reader();
    const deferred = deferredSettingsReader(
      () => new Promise<SettingsReader>((resolve) => (release = resolve)),
    );
    const watched: Settings[] = [];
    deferred.watch((s) => watched.push(s));
    const stopped: Settings[] = [];
    deferred.watch((s) => stopped.push(s))();
    const loaded = deferred.load();
    release({
      load: () => {
        order.push('load');
        return real.load();
      },
      watch: (cb) => {
        order.push('watch');
        return real.watch(cb);
      },
    });
    await expect(loaded).resolves.toEqual(DEFAULT_SETTINGS);
    expect(order).toEqual(['watch', 'load']);
    await fakeBrowser.storage.sync.set({
      settings: { ...DEFAULT_SETTINGS, paused: true },
      settings$: { v: 2 },
    });
    expect(watched.map((s) => s.paused)).toEqual([true]);
    expect(stopped).toEqual([]);
  });

  it('made from a promise that fails, rejects its reads and ignores watches', async () => {
    const deferred = deferredSettingsReader(() => Promise.reject(new Error('chunk gone')));
    const stop = deferred.watch(() => undefined);
    await expect(deferred.load()).rejects.toThrow('chunk gone');
    expect(stop).not.toThrow();
  });

  it('reads the defaults on a fresh install', async () => {
    await expect(reader().load()).resolves.toEqual(DEFAULT_SETTINGS);
  });

  it('reads what the store saved', async () => {
    const saved = await saveSettings({ paused: true, deny: ['example.org'], eras: { ICM: false } });
    await expect(reader().load()).resolves.toEqual(saved);
  });

  it('migrates settings of the first layout in memory, as the store would, without writing them', async () => {
    await fakeBrowser.storage.sync.set({ settings: { enabled: false, hoverDelay: 500, formerNames: false } });
    const settings = await reader().load();
    expect(settings).toEqual({
      ...DEFAULT_SETTINGS,
      paused: true,
      hoverDelayMs: 500,
      eras: { PICMME: false, ICEM: false, ICM: false, IOM: true },
    });
    expect((await fakeBrowser.storage.sync.get('settings')).settings).toEqual({
      enabled: false,
      hoverDelay: 500,
      formerNames: false,
    });
  });

  it('reads settings from a newer layout field by field, keeping the fields it knows', async () => {
    await fakeBrowser.storage.sync.set({
      settings: { paused: true, sparkles: 'on' },
      settings$: { v: 99 },
    });
    await expect(reader().load()).resolves.toEqual({ ...DEFAULT_SETTINGS, paused: true });
  });

  it('replaces a corrupted field with its default and says which', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    await fakeBrowser.storage.sync.set({ settings: { hoverDelayMs: 'slow' }, settings$: { v: 2 } });
    await expect(reader().load()).resolves.toEqual(DEFAULT_SETTINGS);
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/^\[iom-lens\] settings\.hoverDelayMs: /));
  });

  it('falls back to the defaults when storage cannot be read', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const broken = { get: () => Promise.reject(new Error('Extension context invalidated.')) };
    const settings = await createSettingsReader(broken, fakeBrowser.storage.onChanged).load();
    expect(settings).toEqual(DEFAULT_SETTINGS);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('Extension context invalidated.'));
  });

  it('delivers each change saved anywhere, and nothing after unsubscribing', async () => {
    const r = reader();
    const seen: Settings[] = [];
    const stopFirst = r.watch((s) => seen.push(s));
    await saveSettings({ highlightStyle: 'background' });
    await vi.waitFor(() => expect(seen.at(-1)).toMatchObject({ highlightStyle: 'background' }));
    stopFirst();

    const cb = vi.fn();
    const stop = r.watch(cb);
    stop();
    await saveSettings({ paused: true });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(cb).not.toHaveBeenCalled();
  });

  it('ignores changes to other keys and other storage areas', async () => {
    const r = reader();
    const cb = vi.fn();
    const stop = r.watch(cb);
    await fakeBrowser.storage.sync.set({ unrelated: 1 });
    await fakeBrowser.storage.local.set({ settings: { paused: true } });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(cb).not.toHaveBeenCalled();
    stop();
  });

  it('delivers the last of several quick changes last', async () => {
    const r = reader();
    const seen: boolean[] = [];
    const stop = r.watch((s) => seen.push(s.paused));
    await saveSettings({ paused: true });
    await saveSettings({ paused: false });
    await saveSettings({ paused: true });
    await vi.waitFor(() => expect(seen.at(-1)).toBe(true));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(seen.at(-1)).toBe(true);
    stop();
  });

  it('keeps cleaning up when the extension context is gone', () => {
    const events = {
      addListener: () => {},
      removeListener: () => {
        throw new Error('Extension context invalidated.');
      },
    };
    const stop = createSettingsReader(fakeBrowser.storage.sync, events).watch(() => {});
    expect(stop).not.toThrow();
  });
});
