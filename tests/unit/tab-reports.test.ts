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
});
