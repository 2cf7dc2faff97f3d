import * as v from 'valibot';
import { normalizeHostPattern } from './host-patterns';

/** The organization's names by era, oldest first: which ones the detector may highlight. */
export const ERAS = ['PICMME', 'ICEM', 'ICM', 'IOM'] as const;

/** One era of the organization's name. */
export type Era = (typeof ERAS)[number];

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

const hostPattern = v.pipe(
  v.string('expected a host pattern string'),
  v.transform((s) => normalizeHostPattern(s)),
  v.check((s): boolean => s !== null, 'expected a host pattern such as example.org or *.example.org'),
  v.transform((s) => s as string),
);

const hostList = v.pipe(
  v.array(hostPattern, 'expected a list of host patterns'),
  v.maxLength(MAX_HOST_PATTERNS, `expected at most ${MAX_HOST_PATTERNS} host patterns`),
  v.transform((list) => [...new Set(list)]),
);

/** One schema per field, so a corrupted field falls back alone. */
export const FIELD_SCHEMAS = {
  paused: v.boolean('expected true or false'),
  allow: hostList,
  deny: hostList,
  hoverDelayMs: v.pipe(
    v.number('expected a number of milliseconds'),
    v.integer('expected a whole number of milliseconds'),
    v.minValue(HOVER_DELAY_MIN_MS, `expected at least ${HOVER_DELAY_MIN_MS}`),
    v.maxValue(HOVER_DELAY_MAX_MS, `expected at most ${HOVER_DELAY_MAX_MS}`),
  ),
  highlightStyle: v.picklist(HIGHLIGHT_STYLES, `expected one of ${HIGHLIGHT_STYLES.join(', ')}`),
  eras: v.strictObject(
    Object.fromEntries(ERAS.map((era) => [era, v.optional(v.boolean('expected true or false'))])) as Record<
      Era,
      v.OptionalSchema<v.BooleanSchema<string>, undefined>
    >,
    `expected an object with the eras ${ERAS.join(', ')}`,
  ),
} as const;

/** The fields of Settings, in display order. */
export const SETTINGS_FIELDS = Object.keys(FIELD_SCHEMAS) as (keyof Settings)[];

/** A strict schema for imported files: any unknown or malformed field refuses the whole file. */
export const STRICT_SETTINGS_SCHEMA = v.strictObject(
  Object.fromEntries(SETTINGS_FIELDS.map((key) => [key, v.optional(FIELD_SCHEMAS[key])])) as {
    [K in keyof typeof FIELD_SCHEMAS]: v.OptionalSchema<(typeof FIELD_SCHEMAS)[K], undefined>;
  },
  `expected a settings object`,
);

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
    const result = v.safeParse(FIELD_SCHEMAS[key], raw[key]);
    if (result.success) target[key] = result.output;
    else warn(`settings.${key}: ${result.issues[0].message}, got ${describe(raw[key])}; using the default`);
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
    warn(
      `settings.eras: expected an object with the eras ${ERAS.join(', ')}, got ${describe(raw)}; using the default`,
    );
    return;
  }
  for (const era of ERAS) {
    const value = raw[era];
    if (value === undefined) continue;
    if (typeof value === 'boolean') out.eras[era] = value;
    else warn(`settings.eras.${era}: expected true or false, got ${describe(value)}; using the default`);
  }
}
