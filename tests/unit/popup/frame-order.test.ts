import { describe, expect, it } from 'vitest';
import type { PageReport } from '@/lib/messages';
import { frameLabel, groupByFrame } from '@/lib/popup/frame-order';
import { pageState } from '@/lib/popup/page-state';

/** A report of frame `frameId` listing one painted mention per text. */
function report(frameId: number, url: string, texts: string[], extra: Partial<PageReport> = {}): PageReport {
  const mentions = texts.map((text, id) => ({
    id,
    surface: text,
    name: 'IOM' as const,
    before: '',
    text,
    after: '',
  }));
  return { url, count: texts.length, mentions, frameId, ...extra };
}

/** Each group as [label, texts]. */
const shape = (reports: PageReport[]) =>
  groupByFrame(reports).map((g) => [g.label, g.mentions.map((m) => `${m.text}@${m.frameId}`)]);

describe('groupByFrame', () => {
  it('puts a frame the top-level page places between the mentions around it, in page order', () => {
    const top = report(0, 'https://news.test/', ['t1', 't2', 't3'], {
      frames: [
        { url: 'about:srcdoc', after: 1 },
        { url: 'https://embed.test/live', after: 3 },
      ],
    });
    const srcdoc = report(4, 'about:srcdoc', ['s1'], { title: 'Quote' });
    const embed = report(2, 'https://embed.test/live', ['e1', 'e2']);
    expect(shape([embed, srcdoc, top])).toEqual([
      [null, ['t1@0']],
      ['Quote', ['s1@4']],
      [null, ['t2@0', 't3@0']],
      ['embed.test', ['e1@2', 'e2@2']],
    ]);
  });

  it('groups frames it cannot place after the top-level page, by frame id, each labelled', () => {
    const top = report(0, 'https://news.test/', ['t1'], {
      frames: [{ url: 'https://embed.test/a', after: 0 }],
    });
    const moved = report(6, 'https://embed.test/b', ['m1']); // navigated away from its src
    const nested = report(3, 'https://inner.test/', ['n1'], { title: 'Inner' });
    expect(shape([moved, top, nested])).toEqual([
      [null, ['t1@0']],
      ['Inner', ['n1@3']],
      ['embed.test', ['m1@6']],
    ]);
  });

  it('gives two frames at the same URL one slot each, in frame order', () => {
    const top = report(0, 'https://news.test/', ['t1'], {
      frames: [
        { url: 'about:srcdoc', after: 0 },
        { url: 'about:srcdoc', after: 1 },
      ],
    });
    expect(shape([report(9, 'about:srcdoc', ['b']), report(5, 'about:srcdoc', ['a']), top])).toEqual([
      ['about:srcdoc', ['a@5']],
      [null, ['t1@0']],
      ['about:srcdoc', ['b@9']],
    ]);
  });

  it('leaves out frames without mentions, and lists frames when the top-level page has none', () => {
    expect(
      shape([
        report(0, 'https://news.test/', []),
        report(2, 'https://x.test/', []),
        report(3, 'https://y.test/', ['y']),
      ]),
    ).toEqual([['y.test', ['y@3']]]);
  });
});

describe('frameLabel', () => {
  it('names a frame by its title, else its site, else its address', () => {
    expect(frameLabel({ url: 'https://embed.test/x', title: '  Live  ' })).toBe('Live');
    expect(frameLabel({ url: 'https://embed.test/x', title: '' })).toBe('embed.test');
    expect(frameLabel({ url: 'about:srcdoc' })).toBe('about:srcdoc');
  });
});

describe('pageState over frames', () => {
  it('counts every frame and lists groups only when a frame has mentions', () => {
    const top = report(0, 'https://news.test/', ['t1']);
    expect(pageState([top, report(2, 'https://x.test/', [])], null, top.url)).toMatchObject({
      kind: 'ready',
      count: 1,
    });
    expect(pageState([top, report(2, 'https://x.test/', [])], null, top.url)).not.toHaveProperty('groups');
    const withFrame = pageState([top, report(2, 'https://x.test/', ['x'], { count: 4 })], null, top.url);
    expect(withFrame).toMatchObject({ kind: 'ready', count: 5 });
    expect(withFrame.kind === 'ready' && withFrame.groups?.map((g) => g.label)).toEqual([null, 'x.test']);
    expect(withFrame.kind === 'ready' && withFrame.mentions.map((m) => m.text)).toEqual(['t1', 'x']);
  });

  it('is unavailable when no frame of the tab answered', () => {
    expect(pageState([], null, 'https://news.test/')).toEqual({ kind: 'unavailable' });
  });
});
