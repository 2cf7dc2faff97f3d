import * as v from 'valibot';
import { locateJsonError } from './json-error';
import { defaultSettings, type Settings, STRICT_SETTINGS_SCHEMA } from './schema';
import { migrate, SETTINGS_VERSION } from './versions';

/** Marks an exported file as ours, so a random JSON file is refused with a clear reason. */
export const SETTINGS_FILE_FORMAT = 'iom-lens-settings';

/** Suggested name for an exported file. */
export const SETTINGS_FILE_NAME = 'iom-lens-settings.json';

/** What a settings file's field should have held, for messages in the UI's language. */
export type ExpectedSetting = 'object' | 'boolean' | 'delay' | 'style' | 'hosts' | 'host';

/** Why a settings file was refused, as data (the UI words it in its own language). */
export type SettingsFileProblem =
  | { kind: 'syntax'; line: number; column: number }
  | { kind: 'not-settings' }
  | { kind: 'bad-version' }
  | { kind: 'newer-version'; version: number }
  | { kind: 'unknown-field'; path: string }
  | { kind: 'invalid'; path: string; expected: ExpectedSetting; found: string };

/**
 * Result of reading a settings file: the complete settings, or why the file was refused — in English
 * (`error`, for logs and tests) and as data (`problem`).
 */
export type ParsedSettingsFile =
  | { ok: true; settings: Settings }
  | { ok: false; error: string; problem: SettingsFileProblem };

const fail = (error: string, problem: SettingsFileProblem): ParsedSettingsFile => ({
  ok: false,
  error,
  problem,
});

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
    return fail(
      at
        ? `Not valid JSON: line ${at.line}, column ${at.column}: expected ${at.expected}, found ${at.found}.`
        : 'Not valid JSON.',
      { kind: 'syntax', line: at?.line ?? 1, column: at?.column ?? 1 },
    );
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return fail(`Not an IOM Lens settings file: expected a JSON object, found ${kind(data)}.`, {
      kind: 'not-settings',
    });
  }
  const file = data as Record<string, unknown>;
  if (file.format !== SETTINGS_FILE_FORMAT) {
    return fail(
      `Not an IOM Lens settings file: expected "format": "${SETTINGS_FILE_FORMAT}", found ${
        'format' in file ? JSON.stringify(file.format) : 'no "format" field'
      }.`,
      { kind: 'not-settings' },
    );
  }
  const version = file.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return fail(`version: expected a whole number from 1 to ${SETTINGS_VERSION}, found ${kind(version)}.`, {
      kind: 'bad-version',
    });
  }
  if (version > SETTINGS_VERSION) {
    return fail(
      `version: the file was made by a newer IOM Lens (settings version ${version}); this one reads up to version ${SETTINGS_VERSION}.`,
      { kind: 'newer-version', version },
    );
  }
  const unknownTop = Object.keys(file).filter((k) => !['format', 'version', 'settings'].includes(k));
  const [extra] = unknownTop;
  if (extra !== undefined) return fail(`${extra}: unknown field.`, { kind: 'unknown-field', path: extra });
  if (typeof file.settings !== 'object' || file.settings === null || Array.isArray(file.settings)) {
    return fail(`settings: expected an object, found ${kind(file.settings)}.`, {
      kind: 'invalid',
      path: 'settings',
      expected: 'object',
      found: kind(file.settings),
    });
  }
  const migrated = migrate(file.settings, version);
  const result = v.safeParse(STRICT_SETTINGS_SCHEMA, migrated);
  if (!result.success) return issueFailure(result.issues[0], migrated);
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

function issueFailure(issue: v.BaseIssue<unknown>, root: unknown): ParsedSettingsFile {
  const path = v.getDotPath(issue);
  const where = path ? `settings.${path}` : 'settings';
  if (issue.kind === 'schema' && issue.expected === 'never') {
    return fail(`${where}: unknown field.`, { kind: 'unknown-field', path: where });
  }
  const found = kind(valueAt(root, issue));
  return fail(`${where}: ${issue.message}, found ${found}.`, {
    kind: 'invalid',
    path: where,
    expected: expectedAt(path),
    found,
  });
}

/** What the field at `path` (inside `settings`) holds. */
function expectedAt(path: string | null): ExpectedSetting {
  const [field, sub] = (path ?? '').split('.');
  switch (field) {
    case 'paused':
    case 'factsAsOfPageDate':
      return 'boolean';
    case 'eras':
      return sub ? 'boolean' : 'object';
    case 'hoverDelayMs':
      return 'delay';
    case 'highlightStyle':
      return 'style';
    case 'allow':
    case 'deny':
      return sub ? 'host' : 'hosts';
    default:
      return 'object';
  }
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
