import { describe, expect, it, vi } from 'vitest';
import type { PageReport } from '@/lib/messages';
import { buildReport, REPORT_DEBOUNCE_MS, Reporter } from '@/lib/page';

describe('buildReport', () => {
  it('reports nothing for an inactive page', () => {
    expect(buildReport('https://a.test/', null)).toEqual({
      url: 'https://a.test/',
      count: 0,
      highlighted: 0,
      mentions: [],
    });
  });
});

describe('Reporter', () => {
  it('sends once per burst of changes, and only when the report changed', async () => {
    vi.useFakeTimers();
    try {
      let count = 1;
      const sent: PageReport[] = [];
      const reporter = new Reporter(
        () => ({ url: 'https://a.test/', count }),
        async (r) => sent.push(r),
      );
      reporter.schedule();
      reporter.schedule();
      await vi.advanceTimersByTimeAsync(REPORT_DEBOUNCE_MS);
      expect(sent).toHaveLength(1);
      reporter.schedule(true);
      expect(sent).toHaveLength(1);
      count = 2;
      reporter.schedule(true);
      expect(sent.map((r) => r.count)).toEqual([1, 2]);
      reporter.schedule();
      reporter.dispose();
      count = 3;
      await vi.advanceTimersByTimeAsync(REPORT_DEBOUNCE_MS * 2);
      expect(sent).toHaveLength(2);
    } finally {
      vi.useRealTimers();
    }
  });

  it('sends again after a failed send', async () => {
    const sent: number[] = [];
    let fail = true;
    const reporter = new Reporter(
      () => ({ url: 'u', count: 1 }),
      async () => {
        sent.push(1);
        if (fail) throw new Error('no receiver');
      },
    );
    reporter.schedule(true);
    await Promise.resolve();
    fail = false;
    reporter.schedule(true);
    expect(sent).toHaveLength(2);
  });
});
