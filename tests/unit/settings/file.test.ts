import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, parseSettingsFile, type Settings, serializeSettingsFile } from '@/lib/settings';

const custom: Settings = {
  paused: true,
  allow: ['*.example.org'],
  deny: ['private.example.org'],
  hoverDelayMs: 800,
  highlightStyle: 'none',
  eras: { PICMME: false, ICEM: true, ICM: true, IOM: true },
  factsAsOfPageDate: false,
};

const file = (settings: unknown, extra: object = {}) =>
  JSON.stringify({ format: 'iom-lens-settings', version: 2, settings, ...extra });

const errorOf = (text: string) => {
  const r = parseSettingsFile(text);
  if (r.ok) throw new Error('expected a refusal');
  return r.error;
};

describe('settings file', () => {
  it('round-trips exported settings', () => {
    expect(parseSettingsFile(serializeSettingsFile(custom))).toEqual({ ok: true, settings: custom });
  });

  it('gives fields the file leaves out their defaults', () => {
    const r = parseSettingsFile(file({ paused: true, eras: { ICM: false } }));
    expect(r).toEqual({
      ok: true,
      settings: { ...DEFAULT_SETTINGS, paused: true, eras: { ...DEFAULT_SETTINGS.eras, ICM: false } },
    });
  });

  it('locates JSON syntax errors by line and column', () => {
    expect(errorOf('{\n  "format": "iom-lens-settings",\n  "version": 2\n  "settings": {}\n}')).toBe(
      `Not valid JSON: line 4, column 3: expected ',' or '}' after the property value, found "\\"".`,
    );
    expect(errorOf('{"a": [1, 2,]}')).toBe('Not valid JSON: line 1, column 13: expected a value, found "]".');
    expect(errorOf('')).toBe(
      'Not valid JSON: line 1, column 1: expected a value, found the end of the file.',
    );
    expect(errorOf('{"a": "x')).toMatch(/line 1, column 9: expected a closing double quote/);
    expect(errorOf('{"a":1,}')).toMatch(/column 8: expected a double-quoted property name, found "}"/);
  });

  it('refuses JSON that is not a settings file', () => {
    expect(errorOf('[1]')).toBe('Not an IOM Lens settings file: expected a JSON object, found a list.');
    expect(errorOf('{"paused": true}')).toMatch(
      /expected "format": "iom-lens-settings", found no "format" field/,
    );
  });

  it('names the field, the expected type and the value found', () => {
    expect(errorOf(file({ hoverDelayMs: 'fast' }))).toBe(
      'settings.hoverDelayMs: expected a number of milliseconds, found "fast".',
    );
    expect(errorOf(file({ highlightStyle: 'blink' }))).toBe(
      'settings.highlightStyle: expected one of underline, background, none, found "blink".',
    );
    expect(errorOf(file({ deny: ['ok.org', 'not a host'] }))).toMatch(
      /^settings\.deny\.1: expected a host pattern such as example\.org or \*\.example\.org, found "not a host"\.$/,
    );
    expect(errorOf(file({ eras: { ICEM: 'yes' } }))).toBe(
      'settings.eras.ICEM: expected true or false, found "yes".',
    );
  });

  it('refuses unknown fields', () => {
    expect(errorOf(file({ colour: 'red' }))).toBe('settings.colour: unknown field.');
    expect(errorOf(file({ eras: { XYZ: true } }))).toBe('settings.eras.XYZ: unknown field.');
    expect(errorOf(file({}, { extra: 1 }))).toBe('extra: unknown field.');
  });

  it('refuses files from a newer version and malformed versions', () => {
    expect(errorOf(JSON.stringify({ format: 'iom-lens-settings', version: 9, settings: {} }))).toMatch(
      /newer IOM Lens \(settings version 9\); this one reads up to version 2/,
    );
    expect(errorOf(JSON.stringify({ format: 'iom-lens-settings', version: '2', settings: {} }))).toMatch(
      /^version: expected a whole number/,
    );
  });

  it('migrates files exported by version 1', () => {
    const r = parseSettingsFile(
      JSON.stringify({
        format: 'iom-lens-settings',
        version: 1,
        settings: { enabled: true, disabledSites: ['x.org'] },
      }),
    );
    expect(r).toEqual({ ok: true, settings: { ...DEFAULT_SETTINGS, deny: ['x.org'] } });
  });

  it('also gives the reason as data, for messages in the UI language', () => {
    const problem = (text: string) => {
      const r = parseSettingsFile(text);
      if (r.ok) throw new Error('expected a refusal');
      return r.problem;
    };
    expect(problem('{\n "a": }')).toEqual({ kind: 'syntax', line: 2, column: 7 });
    expect(problem('[]')).toEqual({ kind: 'not-settings' });
    expect(problem(JSON.stringify({ format: 'iom-lens-settings', version: 'x', settings: {} }))).toEqual({
      kind: 'bad-version',
    });
    expect(problem(JSON.stringify({ format: 'iom-lens-settings', version: 7, settings: {} }))).toEqual({
      kind: 'newer-version',
      version: 7,
    });
    expect(problem(file({ colour: 'red' }))).toEqual({ kind: 'unknown-field', path: 'settings.colour' });
    expect(problem(file({ hoverDelayMs: 'fast' }))).toEqual({
      kind: 'invalid',
      path: 'settings.hoverDelayMs',
      expected: 'delay',
      found: '"fast"',
    });
    expect(problem(file({ deny: ['ok.org', 'not a host'] }))).toMatchObject({
      expected: 'host',
      path: 'settings.deny.1',
    });
    expect(problem(file({ allow: 'x' }))).toMatchObject({ expected: 'hosts' });
    expect(problem(file({ eras: { ICM: 1 } }))).toMatchObject({
      expected: 'boolean',
      path: 'settings.eras.ICM',
    });
  });
});
