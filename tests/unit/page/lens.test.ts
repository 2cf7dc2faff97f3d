import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Era } from '@/lib/mention';
import { createMemorySink, MAX_HIGHLIGHTS, type PageDetector, PageLens } from '@/lib/page';
import { type FakeAnalysis, fakeDetector, page, plainRange, rangeText, tick } from './helpers';

const ALL_ERAS: Record<Era, boolean> = { PICMME: true, ICEM: true, ICM: true, IOM: true };

function makeLens(eras = ALL_ERAS) {
  const sink = createMemorySink();
  const detector = fakeDetector();
  let changes = 0;
  const lens = new PageLens({
    doc: document,
    win: window as unknown as typeof globalThis,
    detector,
    sink,
    makeRange: plainRange,
    yieldToMain: () => tick(),
    eras,
    onChange: () => changes++,
  });
  return { lens, sink, detector, changes: () => changes };
}

const painted = (sink: ReturnType<typeof createMemorySink>) => [...sink.ranges].map(rangeText).sort();

let current: PageLens | undefined;
afterEach(() => current?.stop());

async function started(html: string, eras?: Record<Era, boolean>) {
  page(html);
  const made = makeLens(eras);
  current = made.lens;
  made.lens.start();
  await made.lens.whenIdle();
  return made;
}

describe('PageLens', () => {
  it('paints every mention and lists it with its name, surface and snippet', async () => {
    const { lens, sink } = await started(
      '<h1>Report</h1><p>The <b>International Organization</b> for Migration (IOM) works in 170 countries.</p>',
    );
    expect(painted(sink)).toEqual(['IOM', 'International Organization for Migration']);
    const entries = lens.registry.entries();
    expect(entries.map((e) => [e.surface, e.name, e.highlighted])).toEqual([
      ['International Organization for Migration', 'IOM', true],
      ['IOM', 'IOM', true],
    ]);
    expect(entries[0]?.snippet).toEqual({
      before: 'The ',
      text: 'International Organization for Migration',
      after: ' (IOM) works in 170 countries.',
    });
    expect(entries[0]?.nodes.map((n) => n.data)).toEqual([
      'International Organization',
      ' for Migration (IOM) works in 170 countries.',
    ]);
  });

  it('uses definitions anywhere on the page as context', async () => {
    const { sink } = await started('<p>IOM TT races</p><footer><p>Isle of Man (IOM) tourism</p></footer>');
    expect(painted(sink)).toEqual([]);
  });

  it('finds the mention under a caret position', async () => {
    const { lens } = await started('<p>See the IOM report.</p>');
    const text = document.querySelector('p')?.firstChild as Text;
    expect(lens.registry.at(text, 8)?.surface).toBe('IOM');
    expect(lens.registry.at(text, 10)?.surface).toBe('IOM');
    expect(lens.registry.at(text, 11)).toBeUndefined();
    expect(lens.registry.at(text, 7)).toBeUndefined();
  });

  it('reports only the eras that are switched on, and follows changes', async () => {
    const { lens, sink } = await started('<p>ICEM then IOM</p>', { ...ALL_ERAS, ICEM: false });
    expect(painted(sink)).toEqual(['IOM']);
    lens.setEras(ALL_ERAS);
    await lens.whenIdle();
    expect(painted(sink)).toEqual(['ICEM', 'IOM']);
  });

  it('highlights a mention added later and drops one that is removed', async () => {
    const { lens, sink } = await started('<main><p id="old">IOM old</p></main>');
    const p = document.createElement('p');
    p.textContent = 'A new IOM mention';
    document.querySelector('main')?.append(p);
    document.getElementById('old')?.remove();
    await tick(80);
    await lens.whenIdle();
    expect(painted(sink)).toEqual(['IOM']);
    expect(lens.registry.entries()[0]?.snippet).toEqual({ before: 'A new ', text: 'IOM', after: ' mention' });
  });

  it('unpaints a mention as soon as its text changes, then rescans it', async () => {
    const { lens, sink } = await started('<p>The IOM said</p>');
    const text = document.querySelector('p')?.firstChild as Text;
    text.data = 'The Isle said';
    await Promise.resolve(); // mutation callbacks run as microtasks, before the next frame
    expect(sink.size).toBe(0);
    text.data = 'Now IOM again';
    await tick(80);
    await lens.whenIdle();
    expect(painted(sink)).toEqual(['IOM']);
  });

  it('survives a page that keeps its own text nodes, edits and removes them', async () => {
    const { lens, sink } = await started('<div id="app"><p>Loading</p></div>');
    // What a framework does: create nodes once, keep references, mutate them in place later.
    const app = document.getElementById('app') as HTMLElement;
    const p = document.createElement('p');
    const t1 = document.createTextNode('The IOM ');
    const t2 = document.createTextNode('office');
    p.append(t1, t2);
    app.replaceChildren(p);
    await tick(80);
    await lens.whenIdle();
    expect(painted(sink)).toEqual(['IOM']);
    t1.data = 'The ICEM ';
    t2.data = 'archive';
    await tick(80);
    await lens.whenIdle();
    expect(painted(sink)).toEqual(['ICEM']);
    p.removeChild(t1);
    await tick(80);
    await lens.whenIdle();
    expect(painted(sink)).toEqual([]);
    expect(app.textContent).toBe('archive');
    expect(t1.data).toBe('The ICEM ');
  });

  it('ignores changes in skipped regions and in its own UI', async () => {
    const { lens, detector } = await started('<textarea></textarea><div contenteditable>x</div><p>plain</p>');
    const before = detector.analyzed.length;
    (document.querySelector('textarea') as HTMLTextAreaElement).append('IOM');
    document.querySelector('[contenteditable]')?.append('IOM typed');
    document.body.append(Object.assign(document.createElement('iom-lens-card'), { textContent: 'IOM' }));
    await tick(80);
    await lens.whenIdle();
    expect(lens.registry.size).toBe(0);
    expect(detector.analyzed.length).toBe(before);
  });

  it('keeps ids of mentions that did not change when their region is rescanned', async () => {
    const { lens } = await started('<div id="r"><p>IOM one</p><p>two</p></div>');
    const id = lens.registry.entries()[0]?.id;
    document.querySelector('#r p:last-child')?.append(' more');
    await tick(80);
    await lens.whenIdle();
    expect(lens.registry.entries().map((e) => e.id)).toEqual([id]);
  });

  it('caps the painted mentions and still counts the rest', async () => {
    const html = Array.from({ length: MAX_HIGHLIGHTS + 5 }, () => '<p>IOM</p>').join('');
    const { lens, sink } = await started(`<main>${html}</main>`);
    expect(lens.registry.size).toBe(MAX_HIGHLIGHTS + 5);
    expect(lens.registry.highlightedCount).toBe(MAX_HIGHLIGHTS);
    expect(sink.size).toBe(MAX_HIGHLIGHTS);
    // A painted one leaves: an unpainted one takes its place.
    document.querySelector('main p')?.remove();
    await tick(80);
    await lens.whenIdle();
    expect(lens.registry.size).toBe(MAX_HIGHLIGHTS + 4);
    expect(sink.size).toBe(MAX_HIGHLIGHTS);
  });

  it('falls back to one full rescan when text changes straight in <body>', async () => {
    const { lens } = await started('<p>start</p>');
    document.body.append('IOM in body');
    await tick(80);
    expect(lens.idle).toBe(false);
    await lens.whenIdle();
    expect(lens.stats.fullScans).toBe(2);
    expect(lens.registry.size).toBe(1);
  });

  it('removes every mark and stops observing on stop()', async () => {
    const { lens, sink, detector } = await started('<p>IOM</p>');
    lens.stop();
    expect(sink.size).toBe(0);
    expect(lens.registry.size).toBe(0);
    const analyzed = detector.analyzed.length;
    document.body.append(Object.assign(document.createElement('p'), { textContent: 'IOM later' }));
    await tick(120);
    expect(detector.analyzed.length).toBe(analyzed);
  });

  it('does nothing in a document in design mode', async () => {
    document.designMode = 'on';
    try {
      const { lens } = await started('<p>IOM</p>');
      expect(lens.registry.size).toBe(0);
    } finally {
      document.designMode = 'off';
    }
  });

  it('costs one piece per paragraph on a page without mentions, and walks none', async () => {
    const html = Array.from({ length: 50 }, (_, i) => `<p>Paragraph <b>${i}</b> of plain text.</p>`).join('');
    const { lens, detector } = await started(`<article>${html}</article>`);
    expect(lens.stats.pieces).toBe(50);
    expect(lens.stats.walked).toBe(0);
    expect(detector.analyzed).toEqual([]);
  });
});

describe('PageLens and the detector', () => {
  function counting() {
    const base = fakeDetector();
    const counts = { loads: 0, resolves: 0 };
    const detector = {
      hasCandidate: base.hasCandidate,
      load: async () => {
        counts.loads++;
        const decider = await base.load();
        return {
          analyzeBlock: decider.analyzeBlock,
          resolveDocument: (...args: Parameters<typeof decider.resolveDocument>) => {
            counts.resolves++;
            return decider.resolveDocument(...args);
          },
        };
      },
    };
    return { detector, counts };
  }

  async function run(
    html: string,
    detector: PageDetector<FakeAnalysis>,
    yieldToMain: () => Promise<void> = () => tick(),
  ) {
    page(html);
    const sink = createMemorySink();
    const lens = new PageLens({
      doc: document,
      win: window as unknown as typeof globalThis,
      detector,
      sink,
      makeRange: plainRange,
      yieldToMain,
    });
    current = lens;
    lens.start();
    await lens.whenIdle();
    return { lens, sink };
  }

  it('never loads the deciding half on a page without candidates', async () => {
    const { detector, counts } = counting();
    await run('<p>Nothing to see here.</p>', detector);
    expect(counts).toEqual({ loads: 0, resolves: 0 });
  });

  it('loads it once, on the first candidate', async () => {
    const { detector, counts } = counting();
    const { lens } = await run('<p>IOM one</p><p>IOM two</p>', detector);
    document.body.append(Object.assign(document.createElement('p'), { textContent: 'IOM three' }));
    await tick(80);
    await lens.whenIdle();
    expect(lens.registry.size).toBe(3);
    expect(counts.loads).toBe(1);
  });

  it('decides again only when blocks, eras or the title change', async () => {
    const { detector, counts } = counting();
    const { lens } = await run('<main><p>IOM here</p><ul id="list"></ul></main>', detector);
    const after = counts.resolves;
    document
      .getElementById('list')
      ?.append(Object.assign(document.createElement('li'), { textContent: 'plain' }));
    await tick(80);
    await lens.whenIdle();
    expect(counts.resolves).toBe(after);
    document.title = 'Migration news';
    lens.requestCommit();
    await lens.whenIdle();
    expect(counts.resolves).toBe(after + 1);
  });

  it("hands the page's title and URL to the detector and decides again when the URL changes", async () => {
    const base = fakeDetector();
    const decider = await base.load();
    const contexts: unknown[] = [];
    const detector = {
      hasCandidate: base.hasCandidate,
      load: async () => ({
        analyzeBlock: decider.analyzeBlock,
        resolveDocument: (...args: Parameters<typeof decider.resolveDocument>) => {
          contexts.push(args[1]);
          return decider.resolveDocument(...args);
        },
      }),
    };
    document.title = 'Field report';
    const { lens } = await run('<p>IOM here</p>', detector);
    expect(contexts.at(-1)).toEqual({ title: 'Field report', url: document.URL });
    const before = contexts.length;
    window.history.pushState(null, '', '/news/other-page');
    lens.requestCommit();
    await lens.whenIdle();
    expect(contexts.length).toBe(before + 1);
    expect(contexts.at(-1)).toEqual({ title: 'Field report', url: document.URL });
    expect(document.URL.endsWith('/news/other-page')).toBe(true);
  });

  it('does not decide again when the eras handed in are the same', async () => {
    const { detector, counts } = counting();
    const { lens } = await run('<p>IOM here</p>', detector);
    const after = counts.resolves;
    lens.setEras({ PICMME: true, ICEM: true, ICM: true, IOM: true });
    await lens.whenIdle();
    lens.setEras({ PICMME: true, ICEM: true, ICM: true, IOM: true });
    await lens.whenIdle();
    expect(counts.resolves).toBe(after + 1); // the first call replaced "all eras" by an explicit choice
  });

  it('spreads the document-wide decision over several slices when the detector decides in steps', async () => {
    const base = fakeDetector();
    const decider = await base.load();
    let yields = 0;
    const yieldsDuringDecision: number[] = [];
    const detector = {
      hasCandidate: base.hasCandidate,
      load: async () => ({
        ...decider,
        *resolveDocumentSteps(blocks: Parameters<typeof decider.resolveDocument>[0]) {
          const before = yields;
          for (const _ of blocks) yield; // one step per block, as the real detector does
          yieldsDuringDecision.push(yields - before);
          return decider.resolveDocument(blocks);
        },
      }),
    };
    // A clock that moves 4 ms per reading: a slice of 8 ms ends after two readings (32 steps).
    let clock = 0;
    vi.spyOn(window.performance, 'now').mockImplementation(() => (clock += 4));
    const blocks = Array.from({ length: 200 }, (_, i) => `<p>IOM report ${i}</p>`).join('');
    const { sink } = await run(
      `${blocks}<footer><p>Isle of Man (IOM) tourism</p></footer><p>International Organization for Migration</p>`,
      detector,
      () => {
        yields++;
        return tick();
      },
    );
    vi.restoreAllMocks();
    expect(yieldsDuringDecision.length).toBeGreaterThan(0);
    expect(yieldsDuringDecision[0]).toBeGreaterThanOrEqual(4);
    // The document-wide rule still saw every block: the Isle of Man definition turns every IOM down.
    expect(painted(sink)).toEqual(['International Organization for Migration']);
  });

  it("runs the detector's warm-up once, in slices, before the first analysis", async () => {
    const base = fakeDetector();
    const decider = await base.load();
    const log: string[] = [];
    let yields = 0;
    const detector = {
      hasCandidate: base.hasCandidate,
      load: async () => ({
        ...decider,
        analyzeBlock: (text: string) => {
          log.push(`analyze after ${yields} yields`);
          return decider.analyzeBlock(text);
        },
        *warmUpSteps() {
          for (let step = 0; step < 3; step++) {
            log.push(`warm-up step ${step} after ${yields} yields`);
            yield;
          }
        },
      }),
    };
    // A clock that moves 10 ms per reading: every warm-up step ends its slice.
    let clock = 0;
    vi.spyOn(window.performance, 'now').mockImplementation(() => (clock += 10));
    const { lens } = await run('<p>IOM one</p>', detector, () => {
      yields++;
      return tick();
    });
    document.body.append(Object.assign(document.createElement('p'), { textContent: 'IOM two' }));
    await tick(80);
    await lens.whenIdle();
    vi.restoreAllMocks();
    const warm = log.filter((line) => line.startsWith('warm-up'));
    expect(warm).toHaveLength(3);
    // Each step in a slice of its own, all before the first analysis.
    const yieldsAt = warm.map((line) => Number(/after (\d+)/.exec(line)?.[1]));
    expect(yieldsAt[1]).toBeGreaterThan(yieldsAt[0] as number);
    expect(yieldsAt[2]).toBeGreaterThan(yieldsAt[1] as number);
    expect(log.indexOf(warm[2] as string)).toBeLessThan(log.findIndex((l) => l.startsWith('analyze')));
    expect(lens.registry.size).toBe(2);
  });

  /**
   * Runs the lens on `html` with a clock that only the deciding half moves: `overrides(advance, real)`
   * replaces parts of the fake decider, and calls `advance(ms)` where the work would take time.
   */
  async function runOnDeciderClock(
    html: string,
    overrides: (
      advance: (ms: number) => void,
      real: Awaited<ReturnType<ReturnType<typeof fakeDetector>['load']>>,
    ) => object,
  ) {
    const base = fakeDetector();
    const real = await base.load();
    let clock = 0;
    vi.spyOn(window.performance, 'now').mockImplementation(() => clock);
    const advance = (ms: number) => {
      clock += ms;
    };
    const detector = {
      hasCandidate: base.hasCandidate,
      load: async () => ({ ...real, ...overrides(advance, real) }),
    };
    const result = await run(html, detector);
    vi.restoreAllMocks();
    return result;
  }

  it('ends a warm-up slice before a step that would carry it past the budget', async () => {
    // 3 ms per step: three steps in one slice would make it 9 ms.
    const { lens } = await runOnDeciderClock('<p>IOM one</p>', (advance) => ({
      *warmUpSteps() {
        for (let step = 0; step < 6; step++) {
          advance(3);
          yield;
        }
      },
    }));
    expect(lens.stats.phaseMs.prepare).toBe(18);
    expect(lens.stats.longestSlicePhase).toBe('prepare');
    expect(lens.stats.longestSliceMs).toBeLessThanOrEqual(8);
  });

  it('ends an analysis slice before a block that would carry it past the budget', async () => {
    // 3 ms per block: three blocks in one slice would make it 9 ms.
    const blocks = Array.from({ length: 6 }, (_, i) => `<p>IOM report ${i}</p>`).join('');
    const { lens } = await runOnDeciderClock(blocks, (advance, real) => ({
      warmUpSteps: undefined,
      analyzeBlock: (text: string) => {
        advance(3);
        return real.analyzeBlock(text);
      },
    }));
    expect(lens.stats.phaseMs.analyze).toBe(18);
    expect(lens.stats.longestSliceMs).toBeLessThanOrEqual(8);
  });

  it('keeps the page working and paints nothing when the deciding half cannot load', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { sink, lens } = await run('<p>IOM</p>', {
      hasCandidate: (text: string) => text.includes('IOM'),
      load: () => Promise.reject(new Error('extension updated')),
    } as unknown as ReturnType<typeof counting>['detector']);
    expect(sink.size).toBe(0);
    expect(lens.registry.size).toBe(0);
    expect(warn).toHaveBeenCalledOnce();
  });
});
