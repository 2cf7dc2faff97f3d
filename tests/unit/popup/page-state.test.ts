import { describe, expect, it } from 'vitest';
import { pageState } from '@/lib/popup/page-state';
import { DEFAULT_SETTINGS } from '@/lib/settings';

const report = {
  url: 'https://news.example.org/a',
  count: 3,
  mentions: [
    {
      id: 4,
      surface: 'ICEM',
      name: 'ICEM' as const,
      before: '… paid by ',
      text: 'ICEM',
      after: ' in 1960 …',
    },
  ],
};

describe('popup page state', () => {
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
    // Split where the page knew the offsets: listed as reported, nothing searched again.
    expect(state.kind === 'ready' && state.mentions).toEqual(report.mentions);
  });
});
