import * as v from 'valibot';
import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS } from '@/lib/settings';
import { coerceSettings, FIELD_SCHEMAS, SETTINGS_FIELDS } from '@/lib/settings/schema';

describe('coerceSettings', () => {
  it('gives the defaults for nothing stored, silently', () => {
    const warn = vi.fn();
    expect(coerceSettings(undefined, warn)).toEqual(DEFAULT_SETTINGS);
    expect(coerceSettings(null, warn)).toEqual(DEFAULT_SETTINGS);
    expect(warn).not.toHaveBeenCalled();
  });

  it('keeps valid fields and fills missing ones with their defaults', () => {
    const warn = vi.fn();
    const s = coerceSettings({ paused: true, hoverDelayMs: 500 }, warn);
    expect(s).toEqual({ ...DEFAULT_SETTINGS, paused: true, hoverDelayMs: 500 });
    expect(warn).not.toHaveBeenCalled();
  });

  it('replaces each corrupted field with its default and names it in a warning', () => {
    const warn = vi.fn();
    const s = coerceSettings(
      {
        paused: 'yes',
        hoverDelayMs: -5,
        highlightStyle: 'blink',
        allow: ['ok.org'],
        eras: { ICEM: false, ICM: 3 },
      },
      warn,
    );
    expect(s).toEqual({
      ...DEFAULT_SETTINGS,
      allow: ['ok.org'],
      eras: { ...DEFAULT_SETTINGS.eras, ICEM: false },
    });
    const messages = warn.mock.calls.map((c) => c[0] as string);
    expect(messages).toHaveLength(4);
    expect(messages.some((m) => m.startsWith('settings.paused:') && m.includes('"yes"'))).toBe(true);
    expect(messages.some((m) => m.startsWith('settings.hoverDelayMs:') && m.includes('at least 0'))).toBe(
      true,
    );
    expect(messages.some((m) => m.startsWith('settings.highlightStyle:'))).toBe(true);
    expect(messages.some((m) => m.startsWith('settings.eras.ICM:'))).toBe(true);
  });

  it('drops invalid host patterns one by one, normalizes and de-duplicates the rest', () => {
    const warn = vi.fn();
    const s = coerceSettings({ deny: ['Example.org', 42, 'bad host', 'https://example.org/x'] }, warn);
    expect(s.deny).toEqual(['example.org']);
    expect(warn.mock.calls.map((c) => (c[0] as string).split(':')[0])).toEqual([
      'settings.deny[1]',
      'settings.deny[2]',
    ]);
  });

  it('falls back wholly when the stored value is not an object', () => {
    const warn = vi.fn();
    expect(coerceSettings('garbage', warn)).toEqual(DEFAULT_SETTINGS);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('expected an object'));
  });

  it('returns a fresh object each time, so callers cannot change the defaults', () => {
    const a = coerceSettings(null);
    a.eras.IOM = false;
    a.deny.push('x.org');
    expect(DEFAULT_SETTINGS.eras.IOM).toBe(true);
    expect(DEFAULT_SETTINGS.deny).toEqual([]);
  });
});

describe('lenient reader and strict schema', () => {
  const samples: Record<string, unknown[]> = {
    paused: [true, false, 'yes', 0, null, {}],
    hoverDelayMs: [0, 300, 2000, -1, 2001, 12.5, Number.NaN, '300', null],
    highlightStyle: ['underline', 'background', 'none', 'blink', '', 3],
    allow: [[], ['example.org'], ['*.example.org', 'news.example'], ['bad host'], 'example.org', [7]],
    deny: [[], ['Example.org'], [null]],
    // Not `[]`: valibot's strict object lets an empty list through as an empty change, which the reader
    // warns about and ignores; the outcome is the same.
    eras: [{}, { ICEM: false }, { ICM: 'no' }, ['ICEM'], 'all'],
    factsAsOfPageDate: [true, false, 'on', 1, null],
  };

  it('differ only on eras they do not know: stored ones are skipped (a newer version may add some), imported ones refused', () => {
    const warnings: string[] = [];
    expect(coerceSettings({ eras: { ISLE: true, ICM: false } }, (m) => warnings.push(m)).eras).toEqual({
      ...DEFAULT_SETTINGS.eras,
      ICM: false,
    });
    expect(warnings).toEqual([]);
    expect(v.safeParse(FIELD_SCHEMAS.eras, { ISLE: true }).success).toBe(false);
  });

  it('covers every field, in the same order', () => {
    expect(Object.keys(FIELD_SCHEMAS)).toEqual([...SETTINGS_FIELDS]);
    expect(Object.keys(samples).sort()).toEqual([...SETTINGS_FIELDS].sort());
  });

  // The content script reads with coerceSettings, the options page saves with the schemas: a value one
  // of them refuses and the other keeps would look saved in one place and not in the other.
  for (const [field, values] of Object.entries(samples)) {
    it(`agree on which values of ${field} are valid`, () => {
      for (const value of values) {
        const strict = v.safeParse(FIELD_SCHEMAS[field as keyof typeof FIELD_SCHEMAS], value);
        const warnings: string[] = [];
        const lenient = coerceSettings({ [field]: value }, (m) => warnings.push(m));
        if (strict.success) {
          expect(warnings, `${field} = ${JSON.stringify(value)}`).toEqual([]);
          const kept = (lenient as unknown as Record<string, unknown>)[field];
          if (field === 'eras')
            expect(kept).toEqual({ ...DEFAULT_SETTINGS.eras, ...(strict.output as object) });
          else expect(kept).toEqual(strict.output);
        } else {
          expect(warnings.length, `${field} = ${JSON.stringify(value)}`).toBeGreaterThan(0);
          if (field !== 'allow' && field !== 'deny' && field !== 'eras') {
            expect(warnings[0]).toContain(strict.issues[0].message);
          }
        }
      }
    });
  }
});
