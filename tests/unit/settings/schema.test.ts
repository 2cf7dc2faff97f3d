import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS } from '@/lib/settings';
import { coerceSettings } from '@/lib/settings/schema';

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
