import { describe, expect, it, vi } from 'vitest';
import { guardHandlers, isPageReport, refusal } from '@/lib/message-policy';

const CONTENT_SCRIPT = { tab: { id: 4 }, url: 'https://news.example/story' };
const POPUP_IN_TAB = { tab: { id: 9 }, url: 'chrome-extension://abc/popup.html?tabId=4' };
const TOOLBAR_POPUP = { url: 'moz-extension://uuid/popup.html' };
const REPORT = {
  url: 'https://news.example/story',
  count: 2,
  highlighted: 1,
  mentions: [{ id: 1, surface: 'IOM', name: 'IOM', before: '', text: 'IOM', after: ' staff …' }],
};

describe('refusal', () => {
  it('takes page reports from content scripts only, and only well formed', () => {
    expect(refusal('page-report', REPORT, CONTENT_SCRIPT)).toBeNull();
    expect(refusal('page-report', REPORT, POPUP_IN_TAB)).toMatch(/content scripts only/);
    expect(refusal('page-report', { ...REPORT, count: 'lots' }, CONTENT_SCRIPT)).toMatch(
      /^"page-report": count: /,
    );
    expect(refusal('page-report', { ...REPORT, count: -1 }, CONTENT_SCRIPT)).toMatch(/count/);
    const badEra = { ...REPORT, mentions: [{ ...REPORT.mentions[0], name: 'ISLE' }] };
    expect(refusal('page-report', badEra, CONTENT_SCRIPT)).toMatch(/^"page-report": mentions\.0\.name: /);
    const flood = { ...REPORT, mentions: Array.from({ length: 1001 }, () => REPORT.mentions[0]) };
    expect(refusal('page-report', flood, CONTENT_SCRIPT)).toMatch(/mentions/);
    expect(refusal('page-report', { ...REPORT, url: 'x'.repeat(10_001) }, CONTENT_SCRIPT)).toMatch(/url/);
  });

  it("lets a content script read its own tab's report only; extension pages read any", () => {
    expect(refusal('get-tab-report', { tabId: 4 }, CONTENT_SCRIPT)).toBeNull();
    expect(refusal('get-tab-report', { tabId: 5 }, CONTENT_SCRIPT)).toMatch(/another tab/);
    expect(refusal('get-tab-report', { tabId: 5 }, POPUP_IN_TAB)).toBeNull();
    expect(refusal('get-tab-report', { tabId: 5 }, TOOLBAR_POPUP)).toBeNull();
    expect(refusal('get-tab-report', { tabId: '5' }, TOOLBAR_POPUP)).toMatch(/tabId/);
  });

  it('refuses page commands from content scripts and malformed ones from anyone', () => {
    expect(refusal('reveal-mention', { id: 3 }, TOOLBAR_POPUP)).toBeNull();
    expect(refusal('reveal-mention', { id: 3 }, CONTENT_SCRIPT)).toMatch(/extension's pages only/);
    expect(refusal('get-page-report', {}, TOOLBAR_POPUP)).toBeNull();
    expect(refusal('get-page-report', {}, CONTENT_SCRIPT)).toMatch(/extension's pages only/);
    expect(refusal('card-navigate', { direction: 'sideways' }, {})).toMatch(/direction/);
    expect(refusal('open-search', { query: 'ICEM' }, CONTENT_SCRIPT)).toBeNull();
    expect(refusal('open-search', { query: 42 }, CONTENT_SCRIPT)).toMatch(/query/);
    expect(refusal('ping', { from: 'test' }, {})).toBeNull();
  });
});

describe('isPageReport', () => {
  it('accepts a well-formed report and nothing else (the popup checks reports read from a page)', () => {
    expect(isPageReport(REPORT)).toBe(true);
    expect(isPageReport({ url: 'https://a.test/', count: 0 })).toBe(true);
    expect(isPageReport(null)).toBe(false);
    expect(isPageReport({ ...REPORT, count: 'lots' })).toBe(false);
    expect(isPageReport({ ...REPORT, mentions: [{ ...REPORT.mentions[0], before: 7 }] })).toBe(false);
  });
});

describe('guardHandlers', () => {
  it('calls a handler for an allowed request and answers nothing, with a warning, for a refused one', async () => {
    const handler = vi.fn((data: { tabId: number }) => ({ url: `tab ${data.tabId}`, count: 0 }));
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const guarded = guardHandlers({ 'get-tab-report': handler });
    const call = guarded['get-tab-report'] as (data: unknown, sender: unknown) => unknown;
    expect(await call({ tabId: 4 }, CONTENT_SCRIPT)).toEqual({ url: 'tab 4', count: 0 });
    expect(await call({ tabId: 5 }, CONTENT_SCRIPT)).toBeUndefined();
    expect(handler).toHaveBeenCalledOnce();
    expect(warn).toHaveBeenCalledWith(
      '[iom-lens] message refused: a content script asked for the report of another tab',
    );
  });
});
