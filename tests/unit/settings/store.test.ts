import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  createSettingsStore,
  DEFAULT_SETTINGS,
  loadSettings,
  SETTINGS_VERSION,
  SettingsError,
  saveSettings,
  watchSettings,
} from '@/lib/settings';

describe('settings store', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  it('reads the defaults on a fresh install', async () => {
    await expect(loadSettings()).resolves.toEqual(DEFAULT_SETTINGS);
  });

  it('stores a patch in the sync area and reads it back merged with the rest', async () => {
    const saved = await saveSettings({ paused: true, deny: ['Example.org'] });
    expect(saved).toEqual({ ...DEFAULT_SETTINGS, paused: true, deny: ['example.org'] });
    await expect(loadSettings()).resolves.toEqual(saved);
    const raw = await fakeBrowser.storage.sync.get('settings');
    expect(raw.settings).toEqual(saved);
  });

  it('merges eras one by one', async () => {
    await saveSettings({ eras: { ICEM: false } });
    const s = await saveSettings({ eras: { ICM: false } });
    expect(s.eras).toEqual({ PICMME: true, ICEM: false, ICM: false, IOM: true });
  });

  it('refuses an invalid patch with a message naming the field, and changes nothing', async () => {
    await saveSettings({ hoverDelayMs: 400 });
    await expect(saveSettings({ hoverDelayMs: 99999 })).rejects.toThrow(
      /hoverDelayMs: expected at most 2000/,
    );
    await expect(saveSettings({ deny: ['not a host'] })).rejects.toThrow(/deny\.0/);
    expect((await loadSettings()).hoverDelayMs).toBe(400);
  });

  it('validates at every read: corrupted stored fields fall back with a warning naming them', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    await fakeBrowser.storage.sync.set({
      settings: { paused: 'no', hoverDelayMs: 250, highlightStyle: 7 },
      settings$: { v: SETTINGS_VERSION },
    });
    const s = await createSettingsStore().load();
    expect(s).toEqual({ ...DEFAULT_SETTINGS, hoverDelayMs: 250 });
    const text = warn.mock.calls.map((c) => String(c[0])).join('\n');
    expect(text).toContain('settings.paused');
    expect(text).toContain('settings.highlightStyle');
  });

  it('migrates settings stored by version 1', async () => {
    await fakeBrowser.storage.sync.set({
      settings: {
        enabled: false,
        disabledSites: ['a.org'],
        hoverDelay: 600,
        underline: false,
        formerNames: false,
      },
    });
    const s = await createSettingsStore().load();
    expect(s).toEqual({
      paused: true,
      allow: [],
      deny: ['a.org'],
      hoverDelayMs: 600,
      highlightStyle: 'background',
      eras: { PICMME: false, ICEM: false, ICM: false, IOM: true },
      factsAsOfPageDate: true, // newer than version 1: its default
    });
    const meta = await fakeBrowser.storage.sync.get('settings$');
    expect(meta.settings$).toEqual({ v: SETTINGS_VERSION });
  });

  it('falls back to the defaults, with a warning, when storage cannot be read', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const store = createSettingsStore();
    await store.load(); // the item is defined (and migrated) on first use; fail the reads after that
    vi.spyOn(fakeBrowser.storage.sync, 'get').mockRejectedValue(new Error('storage is unavailable'));
    await expect(store.load()).resolves.toEqual(DEFAULT_SETTINGS);
    expect(warn).toHaveBeenCalledWith(
      expect.stringMatching(/could not read the settings \(storage is unavailable\)/),
    );
  });

  it('turns a quota error into a clear SettingsError and keeps the stored settings', async () => {
    const store = createSettingsStore();
    await store.save({ hoverDelayMs: 100 });
    vi.spyOn(fakeBrowser.storage.sync, 'set').mockRejectedValue(
      new Error('QUOTA_BYTES_PER_ITEM quota exceeded'),
    );
    const error = await store.save({ paused: true }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SettingsError);
    expect((error as Error).message).toMatch(/storage quota for synced settings is full/);
    expect((error as SettingsError).reason).toEqual({ kind: 'quota' });
    vi.restoreAllMocks();
    await expect(store.load()).resolves.toEqual({ ...DEFAULT_SETTINGS, hoverDelayMs: 100 });
  });

  it('refuses settings too large to sync before writing them', async () => {
    const store = createSettingsStore();
    const deny = Array.from({ length: 190 }, (_, i) => `a-rather-long-host-name-number-${i}.example.org`);
    const error = await store.save({ deny }).catch((e: unknown) => e);
    expect((error as Error).message).toMatch(/take \d+ bytes and the browser syncs at most 8192 per item/);
    expect((error as SettingsError).reason).toMatchObject({ kind: 'too-large', limit: 8192 });
    await expect(store.load()).resolves.toEqual(DEFAULT_SETTINGS);
  });

  it('tells watchers about changes, validated', async () => {
    const store = createSettingsStore();
    const seen = vi.fn();
    const unwatch = watchSettings(seen);
    await store.save({ highlightStyle: 'background' });
    await vi.waitFor(() => expect(seen).toHaveBeenCalled());
    expect(seen.mock.lastCall?.[0]).toEqual({ ...DEFAULT_SETTINGS, highlightStyle: 'background' });
    unwatch();
    await store.save({ highlightStyle: 'none' });
    await new Promise((r) => setTimeout(r, 10));
    expect(seen).toHaveBeenCalledTimes(1);
  });
});
