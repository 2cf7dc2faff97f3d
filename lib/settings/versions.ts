import type { Settings } from './schema';

/** Layout version of the stored settings; bump it with a migration whenever the layout changes. */
export const SETTINGS_VERSION = 2;

/**
 * Version 1, the layout of the first development builds: `enabled` instead of `paused`, a single
 * `disabledSites` list, `hoverDelay` without its unit, `underline` as a switch and one
 * `formerNames` switch for every former name. Kept so settings written by those builds, and
 * exported files, still load.
 */
export interface SettingsV1 {
  enabled?: unknown;
  disabledSites?: unknown;
  hoverDelay?: unknown;
  underline?: unknown;
  formerNames?: unknown;
}

/**
 * Version 1 → 2. Values of the wrong type are carried over as they are: validation after the
 * migration replaces each of them with its default, with a warning that names it.
 */
export function migrateV1ToV2(old: unknown): Partial<Record<keyof Settings, unknown>> {
  if (typeof old !== 'object' || old === null || Array.isArray(old)) return {};
  const v1 = old as SettingsV1;
  const out: Partial<Record<keyof Settings, unknown>> = {};
  if (v1.enabled !== undefined) out.paused = typeof v1.enabled === 'boolean' ? !v1.enabled : v1.enabled;
  if (v1.disabledSites !== undefined) out.deny = v1.disabledSites;
  if (v1.hoverDelay !== undefined) out.hoverDelayMs = v1.hoverDelay;
  if (v1.underline !== undefined) {
    out.highlightStyle =
      typeof v1.underline === 'boolean' ? (v1.underline ? 'underline' : 'background') : v1.underline;
  }
  if (v1.formerNames !== undefined) {
    const former = v1.formerNames;
    out.eras =
      typeof former === 'boolean' ? { PICMME: former, ICEM: former, ICM: former, IOM: true } : former;
  }
  return out;
}

/** Migrations by the version they produce, in the form @wxt-dev/storage and file import both use. */
export const MIGRATIONS: Record<number, (old: unknown) => unknown> = {
  2: migrateV1ToV2,
};

/** Runs the migrations from `fromVersion` up to the current version. */
export function migrate(value: unknown, fromVersion: number): unknown {
  let out = value;
  for (let version = fromVersion + 1; version <= SETTINGS_VERSION; version++) {
    const step = MIGRATIONS[version];
    if (step) out = step(out);
  }
  return out;
}

/** The warning for settings saved by a newer IOM Lens (synced from another device): read field by field. */
export function newerLayoutWarning(stored: number): string {
  return `the settings were saved by a newer IOM Lens (layout ${stored}); reading the fields this one knows`;
}
