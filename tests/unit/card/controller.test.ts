import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CardTarget, CardView, CreateCardView, ShowOptions } from '@/lib/card/contract';
import { type CardController, createCardController, type MentionSource } from '@/lib/card/controller';
import type { PlainRect } from '@/lib/card/placement';
import { DEFAULT_DWELL_MS, HIDE_DELAY_MS, SCROLL_SETTLE_MS, TAP_MAX_MS } from '@/lib/card/timing';
import { MentionIndex, type MentionRegistry } from '@/lib/page/mention-index';
import { plainRange } from '../page/helpers';

/** Layout stand-in: each mention's rect, keyed by its first text node. */
const layout = new Map<Node, PlainRect>();
const rectsOf = (range: AbstractRange) => {
  const r = layout.get(range.startContainer);
  return r ? [r] : [];
};

/** A page of one paragraph per line, 20 px apart; mentions at the given words. */
function pageWith(lines: string[], mention: RegExp) {
  document.body.innerHTML = lines.map((l) => `<p>${l}</p>`).join('');
  const index = new MentionIndex(1000);
  [...document.body.querySelectorAll('p')].forEach((p, i) => {
    const text = p.firstChild as Text;
    const m = mention.exec(text.data);
    if (!m) return;
    layout.set(text, { left: 100 + m.index * 8, top: 20 * i, width: m[0].length * 8, height: 16 });
    index.add({
      range: plainRange({
        startContainer: text,
        startOffset: m.index,
        endContainer: text,
        endOffset: m.index + m[0].length,
      }),
      nodes: [text],
      surface: m[0],
      name: m[0] === 'ICEM' ? 'ICEM' : 'IOM',
      nameId: m[0] === 'ICEM' ? 'icem' : 'iom',
      lang: 'en',
      kind: 'acronym',
      confidence: 1,
      snippet: { before: '', text: m[0], after: '' },
    });
  });
  return index;
}

/** The caret API stand-in: the text node of the line at y, offset from x (8 px per character). */
function installCaret() {
  const calls: [number, number][] = [];
  (document as { caretPositionFromPoint?: unknown }).caretPositionFromPoint = (x: number, y: number) => {
    calls.push([x, y]);
    const line = document.body.querySelectorAll('p')[Math.floor(y / 20)];
    const text = line?.firstChild as Text | undefined;
    if (!text) return null;
    return { offsetNode: text, offset: Math.max(0, Math.min(text.length, Math.round((x - 100) / 8))) };
  };
  return calls;
}

class FakeView implements CardView {
  shows: { surface: string; options: ShowOptions }[] = [];
  hides = 0;
  visible: string | null = null;
  element: HTMLElement = document.createElement('iom-lens-card');
  /** A node inside the card's shadow root: what a pointer over the card actually hits. */
  inner: HTMLElement = document.createElement('div');
  focused = false;
  constructor() {
    this.element.attachShadow({ mode: 'open' }).append(this.inner);
    document.documentElement.append(this.element);
  }
  show(target: CardTarget, options: ShowOptions = {}) {
    this.shows.push({ surface: target.surface, options });
    this.visible = target.surface;
    this.focused = options.focus === true;
    return true;
  }
  reposition() {
    return true;
  }
  hide() {
    this.hides++;
    this.visible = null;
    this.focused = false;
  }
  hasFocus() {
    return this.focused;
  }
  dispose() {
    this.visible = null;
    this.element.remove();
  }
}

function source(initial: MentionRegistry | null) {
  let registry = initial;
  const listeners = new Set<() => void>();
  const mentions: MentionSource = {
    get registry() {
      return registry;
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return {
    mentions,
    set(next: MentionRegistry | null) {
      registry = next;
      for (const l of listeners) l();
    },
  };
}

const originalCreateRange = document.createRange;
let controller: CardController | undefined;
let abort: AbortController;
let view: FakeView;
let loads: number;
let searches: string[];

function start(mentions: MentionSource) {
  abort = new AbortController();
  view = new FakeView();
  loads = 0;
  searches = [];
  const loadView = async (): Promise<CreateCardView> => {
    loads++;
    return () => view;
  };
  controller = createCardController({
    doc: document,
    win: window as unknown as Window & typeof globalThis,
    mentions,
    loadView,
    openSearch: (q) => searches.push(q),
    rectsOf,
    signal: abort.signal,
  });
  return controller;
}

const move = (x: number, y: number, pointerType = 'mouse', target: EventTarget = document.body) =>
  target.dispatchEvent(
    new PointerEvent('pointermove', { clientX: x, clientY: y, pointerType, bubbles: true, composed: true }),
  );

/** A finger down and up at (x, y), `heldMs` apart. */
async function tap(x: number, y: number, { heldMs = 80, target = document.body as EventTarget } = {}) {
  const init = {
    clientX: x,
    clientY: y,
    pointerType: 'touch',
    pointerId: 7,
    isPrimary: true,
    bubbles: true,
    composed: true,
  };
  target.dispatchEvent(new PointerEvent('pointerdown', init));
  await vi.advanceTimersByTimeAsync(heldMs);
  target.dispatchEvent(new PointerEvent('pointerup', init));
  await vi.advanceTimersByTimeAsync(0);
}

/** Runs the next animation frame and lets the view load. */
async function frame() {
  await vi.advanceTimersByTimeAsync(20);
}

beforeEach(() => {
  vi.useFakeTimers({
    toFake: ['setTimeout', 'clearTimeout', 'requestAnimationFrame', 'cancelAnimationFrame', 'performance'],
  });
  layout.clear();
});

afterEach(() => {
  abort.abort();
  controller = undefined;
  vi.useRealTimers();
  delete (document as { caretPositionFromPoint?: unknown }).caretPositionFromPoint;
  document.createRange = originalCreateRange;
  document.body.innerHTML = '';
});

describe('card controller', () => {
  it('attaches nothing to a page without mentions, and attaches once mentions appear', () => {
    const addDoc = vi.spyOn(document, 'addEventListener');
    const addWin = vi.spyOn(window, 'addEventListener');
    const s = source(null);
    start(s.mentions);
    s.set(new MentionIndex(1000)); // the lens runs but found nothing
    expect(controller?.attached).toBe(false);
    expect(addDoc).not.toHaveBeenCalled();
    expect(addWin).not.toHaveBeenCalled();
    s.set(pageWith(['The IOM office'], /IOM/));
    expect(controller?.attached).toBe(true);
    const types = addDoc.mock.calls.map((c) => c[0]);
    expect(types).toEqual(expect.arrayContaining(['pointermove', 'scroll']));
    for (const call of addDoc.mock.calls) expect(call[2]).toMatchObject({ passive: true });
  });

  it('loads the card UI only on the first hover, and shows the card after the dwell', async () => {
    installCaret();
    start(source(pageWith(['The IOM office'], /IOM/)).mentions);
    await vi.advanceTimersByTimeAsync(1000);
    expect(loads).toBe(0);
    move(140, 8); // over "IOM" (characters 4-7)
    await frame();
    expect(loads).toBe(1);
    expect(view.shows).toEqual([]);
    await vi.advanceTimersByTimeAsync(DEFAULT_DWELL_MS);
    expect(view.visible).toBe('IOM');
    expect(view.shows[0]?.options).toEqual({ pointer: { x: 140, y: 8 }, focus: false });
    expect(controller?.openId).not.toBeNull();
  });

  it('hit-tests at most once per animation frame, with the latest position', async () => {
    const calls = installCaret();
    start(source(pageWith(['The IOM office'], /IOM/)).mentions);
    for (let x = 100; x < 140; x += 4) move(x, 8);
    await frame();
    expect(calls).toEqual([[136, 8]]);
  });

  it('shows nothing beside a mention, where the caret lands on it but the pointer is not over it', async () => {
    installCaret();
    start(source(pageWith(['The IOM office'], /IOM/)).mentions);
    move(140, 17.5); // same line box per the caret, below the mention's rect
    await frame();
    await vi.advanceTimersByTimeAsync(DEFAULT_DWELL_MS * 2);
    expect(view.shows).toEqual([]);
  });

  it('ignores touch moves and opens nothing while scrolling', async () => {
    installCaret();
    start(source(pageWith(['The IOM office'], /IOM/)).mentions);
    move(140, 8, 'touch');
    await frame();
    await vi.advanceTimersByTimeAsync(DEFAULT_DWELL_MS * 2);
    expect(view.shows).toEqual([]);
    document.dispatchEvent(new Event('scroll'));
    move(140, 8);
    await frame();
    await vi.advanceTimersByTimeAsync(DEFAULT_DWELL_MS);
    expect(view.shows).toEqual([]);
    await vi.advanceTimersByTimeAsync(SCROLL_SETTLE_MS);
    move(141, 8);
    await frame();
    await vi.advanceTimersByTimeAsync(DEFAULT_DWELL_MS);
    expect(view.visible).toBe('IOM');
  });

  it('opens the card at once on a tap, with no dwell, placed by the tapped point', async () => {
    installCaret();
    start(source(pageWith(['The IOM office'], /IOM/)).mentions);
    await tap(140, 8);
    expect(view.visible).toBe('IOM');
    expect(view.shows).toEqual([{ surface: 'IOM', options: { pointer: { x: 140, y: 8 }, focus: false } }]);
    await vi.advanceTimersByTimeAsync(HIDE_DELAY_MS * 3); // no hover to lose: it stays
    expect(view.visible).toBe('IOM');
    await tap(141, 9); // the same mention again: nothing changes
    expect(view.shows).toHaveLength(1);
  });

  it('closes a tapped card on a tap outside, and keeps it on a tap inside the card', async () => {
    installCaret();
    start(source(pageWith(['The IOM office', 'plain text'], /IOM/)).mentions);
    await tap(140, 8);
    await tap(150, 40, { target: view.inner });
    expect(view.visible).toBe('IOM');
    await tap(120, 28); // "plain text"
    expect(view.visible).toBeNull();
  });

  it('takes a tap on the bare card host (a zero-size box a finger near the corner can hit) as outside', async () => {
    installCaret();
    start(source(pageWith(['The IOM office'], /IOM/)).mentions);
    await tap(140, 8);
    await tap(3, 3, { target: view.element });
    expect(view.visible).toBeNull();
  });

  it('leaves a long-press and a drag to the browser: no card', async () => {
    installCaret();
    start(source(pageWith(['The IOM office'], /IOM/)).mentions);
    await tap(140, 8, { heldMs: TAP_MAX_MS + 100 });
    expect(view.shows).toEqual([]);
    const init = { clientX: 140, clientY: 8, pointerType: 'touch', pointerId: 3, bubbles: true };
    document.body.dispatchEvent(new PointerEvent('pointerdown', init));
    document.body.dispatchEvent(new PointerEvent('pointermove', { ...init, clientY: 40 }));
    document.body.dispatchEvent(new PointerEvent('pointerup', init));
    await vi.advanceTimersByTimeAsync(DEFAULT_DWELL_MS);
    expect(view.shows).toEqual([]);
  });

  it('keeps the card while the pointer is on it, hides it after the pointer leaves both', async () => {
    installCaret();
    start(source(pageWith(['The IOM office'], /IOM/)).mentions);
    move(140, 8);
    await frame();
    await vi.advanceTimersByTimeAsync(DEFAULT_DWELL_MS);
    move(150, 40, 'mouse', view.inner); // events from inside the card reach the page with its host as target
    await frame();
    await vi.advanceTimersByTimeAsync(HIDE_DELAY_MS * 3);
    expect(view.visible).toBe('IOM');
    move(400, 300);
    await frame();
    await vi.advanceTimersByTimeAsync(HIDE_DELAY_MS);
    expect(view.visible).toBeNull();
  });

  it('hides the card once the pointer leaves the window', async () => {
    installCaret();
    start(source(pageWith(['The IOM office'], /IOM/)).mentions);
    move(140, 8);
    await frame();
    await vi.advanceTimersByTimeAsync(DEFAULT_DWELL_MS);
    document.body.dispatchEvent(
      new PointerEvent('pointerout', { relatedTarget: null, pointerType: 'mouse', bubbles: true }),
    );
    await vi.advanceTimersByTimeAsync(HIDE_DELAY_MS);
    expect(view.visible).toBeNull();
  });

  it('closes the card on Escape without the pointer moving, and keeps it closed', async () => {
    installCaret();
    start(source(pageWith(['The IOM office'], /IOM/)).mentions);
    move(140, 8);
    await frame();
    await vi.advanceTimersByTimeAsync(DEFAULT_DWELL_MS);
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
    expect(view.visible).toBeNull();
    move(141, 8);
    await frame();
    await vi.advanceTimersByTimeAsync(DEFAULT_DWELL_MS * 3);
    expect(view.visible).toBeNull();
  });

  it('moves to the next and previous mention with focus in the card, wrapping around', async () => {
    start(
      source(pageWith(['The IOM office', 'nothing here', 'the ICEM years', 'IOM again'], /IOM|ICEM/))
        .mentions,
    );
    window.scrollBy = () => undefined; // happy-dom: no scrolling
    document.createRange = () =>
      ({
        setStart() {},
        setEnd() {},
        getClientRects: () => [{}],
        getBoundingClientRect: () => ({ top: 0, height: 0 }),
      }) as unknown as Range;
    for (const e of [...(document.body.querySelectorAll('p') as NodeListOf<HTMLElement>)])
      e.scrollIntoView = () => undefined;
    const c = controller as CardController;
    expect(await c.navigate('next')).toBe(true);
    expect(view.visible).toBe('IOM');
    expect(view.shows.at(-1)?.options.focus).toBe(true);
    await c.navigate('next');
    expect(view.visible).toBe('ICEM');
    await c.navigate('next');
    await c.navigate('next');
    expect(view.shows.map((s) => s.surface)).toEqual(['IOM', 'ICEM', 'IOM', 'IOM']);
    await c.navigate('previous');
    expect(view.shows.at(-1)?.surface).toBe('IOM');
    expect(c.openId).toBe(3);
    await c.navigate('previous');
    expect(view.shows.at(-1)?.surface).toBe('ICEM');
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
    expect(view.visible).toBeNull();
  });

  it('closes the card when its mention leaves the page, and detaches when all mentions go', async () => {
    installCaret();
    const s = source(pageWith(['The IOM office'], /IOM/));
    start(s.mentions);
    move(140, 8);
    await frame();
    await vi.advanceTimersByTimeAsync(DEFAULT_DWELL_MS);
    expect(view.visible).toBe('IOM');
    s.set(new MentionIndex(1000));
    expect(view.visible).toBeNull();
    expect(controller?.attached).toBe(false);
  });

  it('takes the hover delay from the settings and follows changes', async () => {
    installCaret();
    const watchers: ((ms: number) => void)[] = [];
    abort = new AbortController();
    view = new FakeView();
    controller = createCardController({
      doc: document,
      win: window as unknown as Window & typeof globalThis,
      mentions: source(pageWith(['The IOM office'], /IOM/)).mentions,
      loadView: async () => () => view,
      openSearch: () => undefined,
      rectsOf,
      dwell: {
        load: async () => 900,
        watch: (cb) => {
          watchers.push(cb);
          return () => undefined;
        },
      },
      signal: abort.signal,
    });
    await vi.advanceTimersByTimeAsync(0);
    move(140, 8);
    await frame();
    await vi.advanceTimersByTimeAsync(800);
    expect(view.visible).toBeNull();
    await vi.advanceTimersByTimeAsync(100);
    expect(view.visible).toBe('IOM');
    expect(watchers).toHaveLength(1);
  });

  it('removes everything when the extension context ends', async () => {
    installCaret();
    const s = source(pageWith(['The IOM office'], /IOM/));
    start(s.mentions);
    move(140, 8);
    await frame();
    await vi.advanceTimersByTimeAsync(DEFAULT_DWELL_MS);
    abort.abort();
    expect(controller?.attached).toBe(false);
    expect(view.visible).toBeNull();
    move(141, 8);
    await frame();
    await vi.advanceTimersByTimeAsync(DEFAULT_DWELL_MS);
    expect(view.shows).toHaveLength(1);
  });
});
