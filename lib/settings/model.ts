/**
 * The settings' shape, defaults and lenient reading, without a validation library: the content script,
 * which every page gets, reads settings through this module alone (lib/settings/reader.ts). The strict
 * schemas for saving and importing (valibot) are in schema.ts and use the same messages.
 */
import { ERAS, type Era } from '@/lib/mention';
import { normalizeHostPattern } from './host-patterns';

/** The eras, which the settings choose from (which names the detector may highlight). */
export { ERAS, type Era };

/** How mentions are marked on pages. */
export const HIGHLIGHT_STYLES = ['underline', 'background', 'none'] as const;

/** One way of marking mentions. */
export type HighlightStyle = (typeof HIGHLIGHT_STYLES)[number];

/** What the user can change; every field always present once read through this module. */
export interface Settings {
  /** True while IOM Lens is paused everywhere. */
  paused: boolean;
  /** Host patterns IOM Lens is limited to; empty means every site. */
  allow: string[];
  /** Host patterns IOM Lens never runs on; wins over `allow`. */
  deny: string[];
  /** Dwell before a hover card opens, in milliseconds. */
  hoverDelayMs: number;
  /** How mentions are marked. */
  highlightStyle: HighlightStyle;
  /** Which names to detect, by era. */
  eras: Record<Era, boolean>;
  /** Cards show the facts as of the page's own date (when it has one) beside today's. */
  factsAsOfPageDate: boolean;
}

/** A change to the settings: any subset of fields, and any subset of eras. */
export type SettingsPatch = Partial<Omit<Settings, 'eras'>> & { eras?: Partial<Record<Era, boolean>> };

/** Shortest hover delay: 0 ms opens the card as soon as the pointer rests on a mention. */
export const HOVER_DELAY_MIN_MS = 0;
/** Longest hover delay: past 2 s people take the card for broken rather than patient. */
export const HOVER_DELAY_MAX_MS = 2000;
/** Step of the hover-delay control: finer steps are not perceptible. */
export const HOVER_DELAY_STEP_MS = 50;
/** Most host patterns per list: keeps the settings inside one synced item's quota. */
export const MAX_HOST_PATTERNS = 200;

/** Settings of a fresh install. */
export const DEFAULT_SETTINGS: Settings = Object.freeze({
  paused: false,
  allow: [],
  deny: [],
  // About 300 ms: long enough that passing the pointer over text does not open cards (see issue 6).
  hoverDelayMs: 300,
  highlightStyle: 'underline',
  eras: { PICMME: true, ICEM: true, ICM: true, IOM: true },
  // On: a 1975 article is better served by 1975's facts, and today's still show beside them (issue 14).
  factsAsOfPageDate: true,
}) as Settings;

/** A fresh, mutable copy of the defaults (the constant is shared and must never change). */
export function defaultSettings(): Settings {
  return {
    ...DEFAULT_SETTINGS,
    allow: [...DEFAULT_SETTINGS.allow],
    deny: [...DEFAULT_SETTINGS.deny],
    eras: { ...DEFAULT_SETTINGS.eras },
  };
}

/** The fields of Settings, in display order. */
export const SETTINGS_FIELDS: readonly (keyof Settings)[] = [
  'paused',
  'allow',
  'deny',
  'hoverDelayMs',
  'highlightStyle',
  'eras',
  'factsAsOfPageDate',
];

/** What each check says when a value fails it: one wording for the lenient reader and the strict schemas. */
export const SETTING_MESSAGES = {
  boolean: 'expected true or false',
  hostPattern: 'expected a host pattern string',
  hostPatternShape: 'expected a host pattern such as example.org or *.example.org',
  hostList: 'expected a list of host patterns',
  hostListLength: `expected at most ${MAX_HOST_PATTERNS} host patterns`,
  delayNumber: 'expected a number of milliseconds',
  delayInteger: 'expected a whole number of milliseconds',
  delayMin: `expected at least ${HOVER_DELAY_MIN_MS}`,
  delayMax: `expected at most ${HOVER_DELAY_MAX_MS}`,
  highlightStyle: `expected one of ${HIGHLIGHT_STYLES.join(', ')}`,
  eras: `expected an object with the eras ${ERAS.join(', ')}`,
} as const;

/** Receives one warning per field that fell back to its default. */
export type WarnFn = (message: string) => void;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'object') return 'an object';
  return String(value);
}

/** Checks of the single-value fields: null when the value is valid, else what was expected. */
const SCALAR_CHECKS: Record<
  'paused' | 'hoverDelayMs' | 'highlightStyle' | 'factsAsOfPageDate',
  (value: unknown) => string | null
> = {
  paused: (value) => (typeof value === 'boolean' ? null : SETTING_MESSAGES.boolean),
  factsAsOfPageDate: (value) => (typeof value === 'boolean' ? null : SETTING_MESSAGES.boolean),
  hoverDelayMs: (value) => {
    if (typeof value !== 'number' || Number.isNaN(value)) return SETTING_MESSAGES.delayNumber;
    if (!Number.isInteger(value)) return SETTING_MESSAGES.delayInteger;
    if (value < HOVER_DELAY_MIN_MS) return SETTING_MESSAGES.delayMin;
    if (value > HOVER_DELAY_MAX_MS) return SETTING_MESSAGES.delayMax;
    return null;
  },
  highlightStyle: (value) =>
    (HIGHLIGHT_STYLES as readonly unknown[]).includes(value) ? null : SETTING_MESSAGES.highlightStyle,
};

/**
 * Reads stored settings leniently: a missing field takes its default silently (a newer field than the
 * stored data), a corrupted one takes its default with a warning that names it. Never throws.
 */
export function coerceSettings(raw: unknown, warn: WarnFn = () => {}): Settings {
  const out = defaultSettings();
  if (raw === null || raw === undefined) return out;
  if (!isRecord(raw)) {
    warn(`settings: expected an object, got ${describe(raw)}; using the defaults`);
    return out;
  }
  const target = out as unknown as Record<string, unknown>;
  for (const key of SETTINGS_FIELDS) {
    if (!(key in raw) || raw[key] === undefined) continue;
    if (key === 'eras') {
      coerceEras(raw.eras, out, warn);
      continue;
    }
    if (key === 'allow' || key === 'deny') {
      target[key] = coerceHostList(key, raw[key], warn);
      continue;
    }
    const problem = SCALAR_CHECKS[key](raw[key]);
    if (problem === null) target[key] = raw[key];
    else warn(`settings.${key}: ${problem}, got ${describe(raw[key])}; using the default`);
  }
  return out;
}

/** Keeps the valid patterns of a stored list and drops the rest, one warning each. */
function coerceHostList(key: 'allow' | 'deny', raw: unknown, warn: WarnFn): string[] {
  if (!Array.isArray(raw)) {
    warn(`settings.${key}: expected a list of host patterns, got ${describe(raw)}; using the default`);
    return [...DEFAULT_SETTINGS[key]];
  }
  const kept: string[] = [];
  raw.forEach((item, i) => {
    const pattern = typeof item === 'string' ? normalizeHostPattern(item) : null;
    if (pattern === null)
      warn(`settings.${key}[${i}]: expected a host pattern, got ${describe(item)}; dropped`);
    else if (!kept.includes(pattern)) kept.push(pattern);
  });
  return kept.slice(0, MAX_HOST_PATTERNS);
}

function coerceEras(raw: unknown, out: Settings, warn: WarnFn): void {
  if (!isRecord(raw)) {
    warn(`settings.eras: ${SETTING_MESSAGES.eras}, got ${describe(raw)}; using the default`);
    return;
  }
  for (const era of ERAS) {
    const value = raw[era];
    if (value === undefined) continue;
    if (typeof value === 'boolean') out.eras[era] = value;
    else warn(`settings.eras.${era}: ${SETTING_MESSAGES.boolean}, got ${describe(value)}; using the default`);
  }
}
