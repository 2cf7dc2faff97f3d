import { coerceSettings, type Settings } from './model';
import { migrate, newerLayoutWarning, SETTINGS_VERSION } from './versions';

/**
 * A read-only view of the settings for the content script, which every page gets: the storage area
 * and its change events directly, without @wxt-dev/storage or valibot (about 6 KB gzipped that every
 * page would pay for). It reads what the store (store.ts) writes: the `settings` item of the sync area
 * and, beside it, `settings$` with the layout version. An older layout is migrated in memory only;
 * writing the migrated settings is the store's job (the background has it done whenever it starts).
 */

/** Keys of the sync area the store writes: the settings, and @wxt-dev/storage's metadata beside them. */
export const SETTINGS_ITEM = 'settings' as const;
export const SETTINGS_META_ITEM = 'settings$';
/** The storage area the settings live in (the store's `sync:` prefix). */
export const SETTINGS_AREA = 'sync' as const;

/** The part of a `storage.StorageArea` the reader uses. */
export interface ReadableArea {
  get(keys: string[]): Promise<Record<string, unknown>>;
}

/** The part of `storage.onChanged` the reader uses. */
export interface ChangeEvents {
  addListener(listener: (changes: Record<string, unknown>, areaName: string) => void): void;
  removeListener(listener: (changes: Record<string, unknown>, areaName: string) => void): void;
}

/** Reads settings; never rejects. */
export interface SettingsReader {
  /** The stored settings, migrated and validated; the defaults where missing, corrupted or unreadable. */
  load(): Promise<Settings>;
  /** Calls `cb` with the settings after each change of them, in any context; returns the unsubscribe. */
  watch(cb: (settings: Settings) => void): () => void;
}

const warn = (message: string) => console.warn(`[iom-lens] ${message}`);

/** A reader over `area` (the sync area) and `events` (`storage.onChanged`). */
export function createSettingsReader(area: ReadableArea, events: ChangeEvents): SettingsReader {
  const load = async (): Promise<Settings> => {
    let stored: Record<string, unknown>;
    try {
      stored = await area.get([SETTINGS_ITEM, SETTINGS_META_ITEM]);
    } catch (error) {
      warn(
        `could not read the settings (${error instanceof Error ? error.message : String(error)}); using the defaults`,
      );
      return coerceSettings(null);
    }
    return coerceSettings(current(stored[SETTINGS_ITEM], stored[SETTINGS_META_ITEM]), warn);
  };

  const watch = (cb: (settings: Settings) => void) => {
    // A change carries the new value: read it as it is, as @wxt-dev/storage's watch does (whoever wrote
    // it wrote the current layout; a migration's write carries the migrated value).
    const listener = (changes: Record<string, unknown>, areaName: string) => {
      if (areaName !== SETTINGS_AREA || !(SETTINGS_ITEM in changes)) return;
      const change = changes[SETTINGS_ITEM] as { newValue?: unknown } | undefined;
      cb(coerceSettings(change?.newValue ?? null, warn));
    };
    events.addListener(listener);
    return () => {
      try {
        events.removeListener(listener);
      } catch {
        // The extension was updated or removed under the page: its storage API is gone (Chromium throws
        // "Extension context invalidated"), and the listener with it. The caller's cleanup must go on.
      }
    };
  };

  return { load, watch };
}

/** The stored value in the current layout: migrated from an older one, read as it is from a newer one. */
function current(value: unknown, meta: unknown): unknown {
  if (value === undefined || value === null) return null;
  // As @wxt-dev/storage reads it: settings stored without a version are of the first layout.
  const stored = (meta as { v?: unknown } | null | undefined)?.v;
  const version = typeof stored === 'number' ? stored : 1;
  if (version > SETTINGS_VERSION) warn(newerLayoutWarning(version));
  return version < SETTINGS_VERSION ? migrate(value, version) : value;
}
