import { storage } from '@wxt-dev/storage';
import * as v from 'valibot';
import { SETTINGS_AREA, SETTINGS_ITEM } from './reader';
import {
  coerceSettings,
  defaultSettings,
  type Settings,
  type SettingsPatch,
  STRICT_SETTINGS_SCHEMA,
} from './schema';
import { MIGRATIONS, newerLayoutWarning, SETTINGS_VERSION } from './versions';

/** Where settings live: the sync area, so they follow the person wherever the browser syncs. */
export const SETTINGS_KEY = `${SETTINGS_AREA}:${SETTINGS_ITEM}` as const;

/** Chrome's `storage.sync` QUOTA_BYTES_PER_ITEM; Firefox's limit is the same order. Checked before writing. */
export const SYNC_ITEM_QUOTA_BYTES = 8192;

/** Why a save did not happen, as data (the UI words it in its own language). */
export type SaveFailure =
  | { kind: 'invalid'; path: string }
  | { kind: 'too-large'; bytes: number; limit: number }
  | { kind: 'quota' }
  | { kind: 'rate' }
  | { kind: 'storage' };

/** A save that did not happen: `message` in English (logs, tests), `reason` as data. */
export class SettingsError extends Error {
  override name = 'SettingsError';
  constructor(
    message: string,
    /** Why, for messages in the UI's language. */
    readonly reason: SaveFailure,
  ) {
    super(message);
  }
}

/** The settings operations, bound to one storage item. */
export interface SettingsStore {
  /** Reads, migrates and validates the settings; never rejects (falls back to the defaults). */
  load(): Promise<Settings>;
  /** Validates and merges `patch` into the stored settings; rejects with a SettingsError, changing nothing. */
  save(patch: SettingsPatch): Promise<Settings>;
  /** Calls `cb` with the validated settings whenever they change (in any context); returns the unsubscribe. */
  watch(cb: (s: Settings) => void): () => void;
}

const warn = (message: string) => console.warn(`[iom-lens] ${message}`);

/**
 * Creates a store over the `sync:settings` item. The item runs its migrations when it is defined, so
 * defining it is deferred to first use (nothing happens at import time).
 */
export function createSettingsStore(): SettingsStore {
  let item: Promise<ReturnType<typeof defineItem>> | undefined;
  const getItem = () => {
    item ??= storage.getMeta<{ v?: unknown }>(SETTINGS_KEY).then(
      (meta) => {
        const stored = typeof meta?.v === 'number' ? meta.v : 0;
        if (stored > SETTINGS_VERSION) {
          warn(newerLayoutWarning(stored));
        }
        return defineItem(stored > SETTINGS_VERSION);
      },
      () => defineItem(false),
    );
    return item;
  };

  const load = async (): Promise<Settings> => {
    let raw: unknown;
    try {
      raw = await (await getItem()).getValue();
    } catch (error) {
      warn(`could not read the settings (${errorText(error)}); using the defaults`);
      return defaultSettings();
    }
    return coerceSettings(raw, warn);
  };

  const save = async (patch: SettingsPatch): Promise<Settings> => {
    const parsed = v.safeParse(STRICT_SETTINGS_SCHEMA, patch);
    if (!parsed.success) {
      const issue = parsed.issues[0];
      const path = v.getDotPath(issue);
      throw new SettingsError(`Settings not saved: ${path ? `${path}: ` : ''}${issue.message}.`, {
        kind: 'invalid',
        path: path ?? 'settings',
      });
    }
    const current = await load();
    const { eras, ...rest } = parsed.output;
    const next: Settings = {
      ...current,
      ...stripUndefined(rest),
      eras: { ...current.eras, ...stripUndefined(eras ?? {}) },
    };
    const bytes = new TextEncoder().encode(SETTINGS_KEY.length + JSON.stringify(next)).length;
    if (bytes > SYNC_ITEM_QUOTA_BYTES) {
      throw new SettingsError(
        `Settings not saved: they take ${bytes} bytes and the browser syncs at most ${SYNC_ITEM_QUOTA_BYTES} per item. Remove some sites from the lists.`,
        { kind: 'too-large', bytes, limit: SYNC_ITEM_QUOTA_BYTES },
      );
    }
    try {
      await (await getItem()).setValue(next);
    } catch (error) {
      throw new SettingsError(`Settings not saved: ${storageErrorText(error)}`, storageFailure(error));
    }
    return next;
  };

  const watch = (cb: (s: Settings) => void) => {
    // The key itself, not the item: watching needs no migration, and defining the item is async.
    const unwatch = storage.watch<unknown>(SETTINGS_KEY, (raw) => cb(coerceSettings(raw ?? null, warn)));
    return () => {
      try {
        unwatch();
      } catch {
        // The extension was updated or removed under the page: its storage API is gone (Chromium throws
        // "Extension context invalidated"), and the listener with it. The caller's cleanup must go on.
      }
    };
  };

  return { load, save, watch };
}

/**
 * The settings item. Settings synced from a newer IOM Lens (on another device) are read as they are,
 * each field validated, never migrated "down": @wxt-dev/storage refuses that with a console error in
 * every page and extension page that reads them.
 */
function defineItem(newer: boolean) {
  if (newer) return storage.defineItem<unknown>(SETTINGS_KEY, { fallback: null });
  return storage.defineItem<unknown>(SETTINGS_KEY, {
    version: SETTINGS_VERSION,
    migrations: MIGRATIONS,
    fallback: null,
  });
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, value]) => value !== undefined)) as Partial<T>;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Turns the browser's storage errors into a sentence a person can act on. */
function storageErrorText(error: unknown): string {
  const text = errorText(error);
  if (/MAX_WRITE_OPERATIONS/i.test(text)) {
    return `the browser limits how often synced settings change; try again in a minute (${text}).`;
  }
  if (/quota/i.test(text)) return `the browser's storage quota for synced settings is full (${text}).`;
  return `the browser could not store them (${text}).`;
}

function storageFailure(error: unknown): SaveFailure {
  const text = errorText(error);
  if (/MAX_WRITE_OPERATIONS/i.test(text)) return { kind: 'rate' };
  if (/quota/i.test(text)) return { kind: 'quota' };
  return { kind: 'storage' };
}

let defaultStore: SettingsStore | undefined;
const store = () => {
  defaultStore ??= createSettingsStore();
  return defaultStore;
};

/** Reads the settings (validated, migrated; defaults where corrupted or unreadable). */
export function loadSettings(): Promise<Settings> {
  return store().load();
}

/**
 * Brings stored settings to the current layout, writing them back if they were older (a fresh store
 * defines the item afresh, which runs the migrations). The background calls it when it starts; content
 * scripts only read.
 */
export async function migrateStoredSettings(): Promise<void> {
  await createSettingsStore().load();
}

/** Merges `patch` into the settings and stores them; rejects with a SettingsError and changes nothing if invalid. */
export function saveSettings(patch: SettingsPatch): Promise<Settings> {
  return store().save(patch);
}

/** Calls `cb` with the new settings whenever they change anywhere; returns the unsubscribe function. */
export function watchSettings(cb: (s: Settings) => void): () => void {
  return store().watch(cb);
}
