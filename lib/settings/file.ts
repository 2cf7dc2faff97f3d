import * as v from 'valibot';
import { locateJsonError } from './json-error';
import { defaultSettings, type Settings, STRICT_SETTINGS_SCHEMA } from './schema';
import { migrate, SETTINGS_VERSION } from './versions';

/** Marks an exported file as ours, so a random JSON file is refused with a clear reason. */
export const SETTINGS_FILE_FORMAT = 'iom-lens-settings';

/** Suggested name for an exported file. */
export const SETTINGS_FILE_NAME = 'iom-lens-settings.json';

/** Result of reading a settings file: the complete settings, or why the file was refused. */
export type ParsedSettingsFile = { ok: true; settings: Settings } | { ok: false; error: string };

/** The text of an exported settings file (pretty-printed so people can read and edit it). */
export function serializeSettingsFile(settings: Settings): string {
  return `${JSON.stringify({ format: SETTINGS_FILE_FORMAT, version: SETTINGS_VERSION, settings }, null, 2)}\n`;
}

/**
 * Reads an exported settings file strictly: any syntax error, unknown field or wrong value refuses the
 * whole file with a message that says what is wrong and where. Fields the file leaves out take their
 * defaults; files from older versions are migrated first. Pure: nothing is stored here.
 */
export function parseSettingsFile(text: string): ParsedSettingsFile {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    const at = locateJsonError(text);
    return {
      ok: false,
      error: at
        ? `Not valid JSON: line ${at.line}, column ${at.column}: expected ${at.expected}, found ${at.found}.`
        : 'Not valid JSON.',
    };
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return {
      ok: false,
      error: `Not an IOM Lens settings file: expected a JSON object, found ${kind(data)}.`,
    };
  }
  const file = data as Record<string, unknown>;
  if (file.format !== SETTINGS_FILE_FORMAT) {
    return {
      ok: false,
      error: `Not an IOM Lens settings file: expected "format": "${SETTINGS_FILE_FORMAT}", found ${
        'format' in file ? JSON.stringify(file.format) : 'no "format" field'
      }.`,
    };
  }
  const version = file.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return {
      ok: false,
      error: `version: expected a whole number from 1 to ${SETTINGS_VERSION}, found ${kind(version)}.`,
    };
  }
  if (version > SETTINGS_VERSION) {
    return {
      ok: false,
      error: `version: the file was made by a newer IOM Lens (settings version ${version}); this one reads up to version ${SETTINGS_VERSION}.`,
    };
  }
  const unknownTop = Object.keys(file).filter((k) => !['format', 'version', 'settings'].includes(k));
  if (unknownTop.length > 0) return { ok: false, error: `${unknownTop[0]}: unknown field.` };
  if (typeof file.settings !== 'object' || file.settings === null || Array.isArray(file.settings)) {
    return { ok: false, error: `settings: expected an object, found ${kind(file.settings)}.` };
  }
  const migrated = migrate(file.settings, version);
  const result = v.safeParse(STRICT_SETTINGS_SCHEMA, migrated);
  if (!result.success) return { ok: false, error: issueText(result.issues[0], migrated) };
  const settings = defaultSettings();
  const { eras, ...rest } = result.output;
  for (const [key, value] of Object.entries(rest)) {
    if (value !== undefined) (settings as unknown as Record<string, unknown>)[key] = value;
  }
  for (const [era, on] of Object.entries(eras ?? {})) {
    if (on !== undefined) settings.eras[era as keyof Settings['eras']] = on;
  }
  return { ok: true, settings };
}

function issueText(issue: v.BaseIssue<unknown>, root: unknown): string {
  const path = v.getDotPath(issue);
  const where = path ? `settings.${path}` : 'settings';
  if (issue.kind === 'schema' && issue.expected === 'never') return `${where}: unknown field.`;
  return `${where}: ${issue.message}, found ${kind(valueAt(root, issue))}.`;
}

/** The offending input, read from the issue's path (valibot's `input` is post-transform for pipes). */
function valueAt(root: unknown, issue: v.BaseIssue<unknown>): unknown {
  let value = root;
  for (const step of issue.path ?? []) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string | number, unknown>)[step.key as string | number];
  }
  return value;
}

/** Describes a JSON value briefly for an error message. */
function kind(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  return String(value);
}
