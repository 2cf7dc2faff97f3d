import { describe, expect, it } from 'vitest';
import { createMemorySink } from '@/lib/page';
import { createViewportSink, GROUP_MAX_MEMBERS, nearbyRuns } from '@/lib/page/viewport-sink';
import { page, plainRange } from './helpers';

/** The observer's root in these tests: a 600 px viewport with a quarter of it as margin each way. */
const ROOT = { top: -150, bottom: 750, height: 900 };

/** A window whose IntersectionObserver, events and frames the test drives by hand. */
function fakeWindow() {
  const observed = new Set<Element>();
  /** How often each element was asked to be observed (observing anew makes the browser report). */
  const observeCalls = new Map<Element, number>();
  let notify: IntersectionObserverCallback = () => {};
  const listeners = new Map<string, () => void>();
  let frame: FrameRequestCallback | null = null;
  class FakeObserver {
    constructor(callback: IntersectionObserverCallback) {
      notify = callback;
    }
    observe(el: Element) {
      observed.add(el);
      observeCalls.set(el, (observeCalls.get(el) ?? 0) + 1);
    }
    unobserve(el: Element) {
      observed.delete(el);
    }
    disconnect() {
      observed.clear();
    }
  }
  const win = {
    IntersectionObserver: FakeObserver,
    addEventListener: (type: string, fn: () => void) => listeners.set(type, fn),
    removeEventListener: (type: string) => listeners.delete(type),
    requestAnimationFrame: (fn: FrameRequestCallback) => {
      frame = fn;
      return 1;
    },
    cancelAnimationFrame: () => {
      frame = null;
    },
  } as unknown as typeof globalThis;
  /** One batch of reports: each element at `top` (px in the viewport), 40 px tall, or without a root. */
  const report = (at: [Element, number][], { root = true } = {}) =>
    notify(
      at.map(([target, top]) => ({
        target,
        isIntersecting: top + 40 > ROOT.top && top < ROOT.bottom,
        boundingClientRect: { top, bottom: top + 40, width: 300, height: 40 } as DOMRectReadOnly,
        rootBounds: root ? (ROOT as DOMRectReadOnly) : null,
      })) as IntersectionObserverEntry[],
      {} as IntersectionObserver,
    );
  const runFrame = () => {
    const fn = frame;
    frame = null;
    fn?.(0);
  };
  return { win, observed, observeCalls, report, listeners, runFrame };
}

/** `n` paragraphs with one mention each, their ranges added to a viewport sink. */
function paragraphs(n: number) {
  const body = page(Array.from({ length: n }, (_, i) => `<p>IOM ${i}</p>`).join(''));
  const els: Element[] = [...body.querySelectorAll('p')];
  const fake = fakeWindow();
  const painted = createMemorySink();
  const sink = createViewportSink(fake.win, painted);
  const ranges = els.map((p) => {
    const text = p.firstChild as Text;
    const range = plainRange({ startContainer: text, startOffset: 0, endContainer: text, endOffset: 3 });
    sink.add(range);
    return range;
  });
  /** Paragraph i at 50 px per paragraph, the page scrolled down by `scroll` px. */
  const layout = (scroll: number, which = els): [Element, number][] =>
    which.map((el) => [el, els.indexOf(el) * 50 - scroll]);
  return { els, ranges, painted, sink, layout, ...fake };
}

describe('createViewportSink', () => {
  it('paints a range only while its element is near the viewport', () => {
    const { els, ranges, painted, sink, observed, report } = paragraphs(2);
    const [a, b] = els as [Element, Element];
    const [ra, rb] = ranges as [AbstractRange, AbstractRange];
    expect([sink.size, painted.size, observed.size]).toEqual([2, 0, 2]);
    report([[a, 0]]);
    expect([...painted.ranges]).toEqual([ra]);
    report([[b, 10]]);
    report([[a, 2000]]);
    expect([...painted.ranges]).toEqual([rb]);
    sink.delete(rb);
    expect([sink.size, painted.size, observed.has(b)]).toEqual([1, 0, false]);
    sink.clear();
    expect([sink.size, observed.size]).toEqual([0, 0]);
  });

  it('paints everything where IntersectionObserver is missing', () => {
    const painted = createMemorySink();
    expect(createViewportSink({} as typeof globalThis, painted)).toBe(painted);
  });

  it('watches elements far below the viewport through the two ends of their group', () => {
    const { els, painted, observed, report, layout } = paragraphs(40);
    report(layout(0));
    // 0–750 px is the root: paragraphs 0–14 are near; 15–39 (750–1990 px) are grouped by 900 px spans.
    expect(painted.size).toBe(15);
    expect(observed.size).toBe(15 + 2 + 2);
    expect(observed.has(els[15] as Element) && observed.has(els[32] as Element)).toBe(true);
    expect(observed.has(els[20] as Element)).toBe(false);
  });

  it('paints a whole group when one of its ends comes near, and unpaints it when both are away', () => {
    const { els, painted, report, layout } = paragraphs(40);
    report(layout(0));
    const top = els[15] as Element;
    report(layout(100, [top]));
    expect(painted.size).toBe(15 + 18);
    report(layout(0, [top]).map(([el]) => [el, 5000]));
    expect(painted.size).toBe(15);
  });

  it('paints a group whose ends are on either side of the viewport (a jump into its middle)', () => {
    const { els, painted, report } = paragraphs(40);
    report(els.map((el, i) => [el, i * 50]));
    const [top, bottom] = [els[15], els[32]] as [Element, Element];
    report([
      [top, -400],
      [bottom, 1200],
    ]);
    expect(painted.size).toBe(15 + 18);
  });

  it('asks again where the ends are on the frame after a scroll, since a jump is not reported', () => {
    const { els, observeCalls, report, layout, listeners, runFrame } = paragraphs(40);
    report(layout(0));
    const end = els[15] as Element;
    expect(observeCalls.get(end)).toBe(1);
    listeners.get('scroll')?.();
    listeners.get('scroll')?.();
    runFrame();
    expect(observeCalls.get(end)).toBe(2);
  });

  it('breaks groups up after a resize, so each element reports afresh', () => {
    const { els, observed, report, layout, listeners, runFrame } = paragraphs(40);
    report(layout(0));
    listeners.get('resize')?.();
    runFrame();
    expect(observed.size).toBe(40);
    expect(observed.has(els[20] as Element)).toBe(true);
  });

  it('groups nothing where reports have no root (cross-origin frames)', () => {
    const { observed, report, layout } = paragraphs(40);
    report(layout(0), { root: false });
    expect(observed.size).toBe(40);
  });

  it('drops a group with its last mention, and takes an end back when it has a mention again', () => {
    const { els, ranges, painted, sink, observed, report, layout, listeners } = paragraphs(40);
    report(layout(0));
    const members = ranges.slice(15, 33);
    for (const range of members.slice(0, -1)) sink.delete(range);
    expect(observed.has(els[15] as Element)).toBe(true);
    sink.add(members[0] as AbstractRange);
    report([[els[15] as Element, 100]]);
    expect(painted.ranges.has(members[0] as AbstractRange)).toBe(true);
    sink.delete(members[0] as AbstractRange);
    sink.delete(members.at(-1) as AbstractRange);
    expect(observed.has(els[15] as Element) || observed.has(els[32] as Element)).toBe(false);
    expect(listeners.size).toBe(2);
    sink.clear();
    expect(listeners.size).toBe(0);
  });
});

describe('nearbyRuns', () => {
  const item = (top: number, height = 40) => ({ el: document.createElement('p'), top, bottom: top + height });

  it('splits by span and by size, in order of top, and leaves single elements out', () => {
    const far = [item(500), item(0), item(50), item(100), item(2000)];
    const runs = nearbyRuns(far, 300);
    expect(runs.map((run) => run.map((f) => f.top))).toEqual([[0, 50, 100]]);
    const many = Array.from({ length: GROUP_MAX_MEMBERS + 5 }, (_, i) => item(i));
    expect(nearbyRuns(many, 10_000).map((run) => run.length)).toEqual([GROUP_MAX_MEMBERS, 5]);
  });

  it('counts a tall element by its bottom', () => {
    expect(nearbyRuns([item(0), item(10, 1000)], 300)).toEqual([]);
  });
});
