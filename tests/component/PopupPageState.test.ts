import { describe, expect, it } from 'vitest';
import { pageState, popupMention } from '@/entrypoints/popup/page-state';
import { DEFAULT_SETTINGS } from '@/lib/settings';

const report = {
  url: 'https://news.example.org/a',
  count: 3,
  mentions: [{ index: 0, surface: 'ICEM', era: 'ICEM' as const, snippet: '… paid by ICEM in 1960 …' }],
};

describe('popup page state', () => {
  it('splits a snippet around its mention', () => {
    expect(popupMention(report.mentions[0] as never)).toEqual({
      index: 0,
      text: 'ICEM',
      before: '… paid by ',
      after: ' in 1960 …',
    });
  });

  it('marks the occurrence nearest the middle when the mention repeats', () => {
    const m = popupMention({
      index: 2,
      surface: 'IOM',
      era: 'IOM',
      snippet: 'IOM staff said IOM would help',
    });
    expect(m.before).toBe('IOM staff said ');
  });

  it('keeps a mention whose snippet lacks it, without context', () => {
    expect(popupMention({ index: 1, surface: 'IOM', era: 'IOM', snippet: 'elsewhere' })).toEqual({
      index: 1,
      text: 'IOM',
      before: '',
      after: '',
    });
  });

  it('is unavailable without a report, inactive when settings turn the site off', () => {
    expect(pageState(null, DEFAULT_SETTINGS, 'https://a.org/')).toEqual({ kind: 'unavailable' });
    expect(pageState(report, { ...DEFAULT_SETTINGS, paused: true }, report.url)).toEqual({
      kind: 'inactive',
    });
    expect(pageState(report, { ...DEFAULT_SETTINGS, deny: ['*.example.org'] }, report.url)).toEqual({
      kind: 'inactive',
    });
  });

  it('lists the reported mentions with the full count', () => {
    const state = pageState(report, DEFAULT_SETTINGS, report.url);
    expect(state).toMatchObject({ kind: 'ready', count: 3 });
    expect(state.kind === 'ready' && state.mentions).toHaveLength(1);
  });
});
