import { describe, expect, it } from 'vitest';
import { badgeText, TabReports } from '@/lib/tab-reports';

describe('badgeText', () => {
  it('is empty when a page has no mentions', () => expect(badgeText(0)).toBe(''));
  it('shows the count as digits', () => expect(badgeText(42)).toBe('42'));
  it('caps counts that do not fit on a badge', () => expect(badgeText(12_345)).toBe('999+'));
});

describe('TabReports', () => {
  it('keeps the latest report per tab and forgets closed tabs', () => {
    const reports = new TabReports();
    reports.set(1, { url: 'https://a.test/', count: 1 });
    reports.set(1, { url: 'https://a.test/', count: 2 });
    expect(reports.get(1)?.count).toBe(2);
    reports.forget(1);
    expect(reports.get(1)).toBeNull();
  });

  it('keeps each frame’s report apart and counts all frames of the tab', () => {
    const reports = new TabReports();
    reports.set(1, { url: 'about:srcdoc', count: 2 }, 7);
    reports.set(1, { url: 'https://a.test/', count: 1 }, 0);
    reports.set(1, { url: 'https://embed.test/', count: 3 }, 4);
    reports.set(2, { url: 'https://b.test/', count: 5 }, 0);
    expect(reports.count(1)).toBe(6);
    expect(reports.frames(1).map((r) => [r.frameId, r.url])).toEqual([
      [0, 'https://a.test/'],
      [4, 'https://embed.test/'],
      [7, 'about:srcdoc'],
    ]);
    // The tab's report of before frames is still the top-level page's.
    expect(reports.get(1)?.url).toBe('https://a.test/');
  });

  it('forgets a frame that goes, and the whole tab when its top-level page goes', () => {
    const reports = new TabReports();
    reports.set(1, { url: 'https://a.test/', count: 1 }, 0);
    reports.set(1, { url: 'https://embed.test/', count: 3 }, 4);
    expect(reports.forgetFrame(1, 4)).toBe(true);
    expect(reports.count(1)).toBe(1);
    expect(reports.forgetFrame(1, 4)).toBe(false);
    reports.set(1, { url: 'https://embed.test/', count: 3 }, 4);
    expect(reports.forgetFrame(1, 0)).toBe(true);
    expect(reports.frames(1)).toEqual([]);
    expect(reports.count(1)).toBe(0);
  });

  it('counts a tab whose only mentions are in a frame (the top-level page never reported)', () => {
    const reports = new TabReports();
    reports.set(3, { url: 'about:srcdoc', count: 2 }, 9);
    expect(reports.count(3)).toBe(2);
    expect(reports.get(3)).toBeNull();
  });
});
