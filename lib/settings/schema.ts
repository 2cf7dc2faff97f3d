/**
 * The strict settings schemas (valibot): a patch to save, a file to import. Reading stored settings
 * leniently needs none of this and lives in model.ts, whose names this module re-exports.
 */
import * as v from 'valibot';
import { normalizeHostPattern } from './host-patterns';
import {
  ERAS,
  type Era,
  HIGHLIGHT_STYLES,
  HOVER_DELAY_MAX_MS,
  HOVER_DELAY_MIN_MS,
  MAX_HOST_PATTERNS,
  SETTING_MESSAGES,
  SETTINGS_FIELDS,
} from './model';

export * from './model';

const hostPattern = v.pipe(
  v.string(SETTING_MESSAGES.hostPattern),
  v.transform((s) => normalizeHostPattern(s)),
  v.check((s): boolean => s !== null, SETTING_MESSAGES.hostPatternShape),
  v.transform((s) => s as string),
);

const hostList = v.pipe(
  v.array(hostPattern, SETTING_MESSAGES.hostList),
  v.maxLength(MAX_HOST_PATTERNS, SETTING_MESSAGES.hostListLength),
  v.transform((list) => [...new Set(list)]),
);

/** One schema per field, so a corrupted field falls back alone. */
export const FIELD_SCHEMAS = {
  paused: v.boolean(SETTING_MESSAGES.boolean),
  allow: hostList,
  deny: hostList,
  hoverDelayMs: v.pipe(
    v.number(SETTING_MESSAGES.delayNumber),
    v.integer(SETTING_MESSAGES.delayInteger),
    v.minValue(HOVER_DELAY_MIN_MS, SETTING_MESSAGES.delayMin),
    v.maxValue(HOVER_DELAY_MAX_MS, SETTING_MESSAGES.delayMax),
  ),
  highlightStyle: v.picklist(HIGHLIGHT_STYLES, SETTING_MESSAGES.highlightStyle),
  eras: v.strictObject(
    Object.fromEntries(ERAS.map((era) => [era, v.optional(v.boolean(SETTING_MESSAGES.boolean))])) as Record<
      Era,
      v.OptionalSchema<v.BooleanSchema<string>, undefined>
    >,
    SETTING_MESSAGES.eras,
  ),
  factsAsOfPageDate: v.boolean(SETTING_MESSAGES.boolean),
} as const;

/** A strict schema for imported files: any unknown or malformed field refuses the whole file. */
export const STRICT_SETTINGS_SCHEMA = v.strictObject(
  Object.fromEntries(SETTINGS_FIELDS.map((key) => [key, v.optional(FIELD_SCHEMAS[key])])) as {
    [K in keyof typeof FIELD_SCHEMAS]: v.OptionalSchema<(typeof FIELD_SCHEMAS)[K], undefined>;
  },
  `expected a settings object`,
);
