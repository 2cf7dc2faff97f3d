import { describe, expect, it, vi } from 'vitest';
import type { PageReport } from '@/lib/messages';
import { buildReport, REPORT_DEBOUNCE_MS, Reporter } from '@/lib/page';
import type { MentionEntry, MentionRegistry } from '@/lib/page/mention-index';

/** A registry over the text of each element in `ids`: one painted mention per element. */
function registryOver(ids: string[]): MentionRegistry {
  const entries = ids.map((id, at) => {
    const range = document.createRange();
    range.selectNodeContents(document.getElementById(id) as HTMLElement);
    const snippet = { before: '', text: 'IOM', after: '' };
    return {
      id: at,
      surface: 'IOM',
      name: 'IOM',
      highlighted: true,
      range,
      snippet,
    } as unknown as MentionEntry;
  });
  return {
    size: entries.length,
    highlightedCount: entries.length,
    entries: (filter?: (e: MentionEntry) => boolean) => entries.filter(filter ?? (() => true)),
  } as unknown as MentionRegistry;
}

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

describe('buildReport with the document', () => {
  it('gives the title and where each frame sits among the painted mentions', () => {
    document.title = 'Liveblog';
    document.body.innerHTML = `<p id="a">IOM</p><iframe srcdoc="<p>x</p>"></iframe><p id="b">IOM</p>
      <p id="c">IOM</p><iframe src="https://embed.example/live"></iframe>`;
    const report = buildReport('https://a.test/', registryOver(['a', 'b', 'c']), document);
    expect(report.title).toBe('Liveblog');
    expect(report.frames?.map((f) => f.after)).toEqual([1, 3]);
    expect(report.frames?.[1]?.url).toBe('https://embed.example/live');
    document.body.innerHTML = '';
    document.title = '';
  });

  it('leaves frames and the title out when there are none', () => {
    document.body.innerHTML = '<p id="a">IOM</p>';
    const report = buildReport('https://a.test/', registryOver(['a']), document);
    expect('frames' in report || 'title' in report).toBe(false);
    document.body.innerHTML = '';
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
