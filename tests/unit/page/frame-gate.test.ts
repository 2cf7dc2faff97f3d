import { afterEach, describe, expect, it, vi } from 'vitest';
import { type FrameGate, hasContent, startFrameGate } from '@/lib/page/frame-gate';

const STARTED = 'ext-id:content:wxt:content-script-started';

/** A subframe's window of `width`×`height` around a fresh document, resizable. */
function frame(width: number, height: number, body = '') {
  const doc = document.implementation.createHTMLDocument('frame');
  doc.body.innerHTML = body;
  const target = new EventTarget();
  const win = Object.assign(target, { innerWidth: width, innerHeight: height, top: {}, document: doc });
  const resize = (w: number, h: number) => {
    win.innerWidth = w;
    win.innerHeight = h;
    target.dispatchEvent(new Event('resize'));
  };
  return { win: win as unknown as Window, doc, resize };
}

/** Lets queued mutation records and promise callbacks run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

const gates: FrameGate[] = [];
function start(win: Window, load = vi.fn(async () => true)) {
  const gate = startFrameGate({ win, startedEvent: STARTED, load });
  gates.push(gate);
  return { gate, load };
}
afterEach(() => {
  for (const gate of gates.splice(0)) gate.stop();
});

describe('startFrameGate', () => {
  it('does nothing in the top-level page, which has the content script itself', () => {
    const { gate, load } = start(window);
    expect(gate.state).toBe('top');
    expect(load).not.toHaveBeenCalled();
  });

  it('loads the content script at once into a readable frame with text', async () => {
    const { win } = frame(400, 300, '<p>Harbour news</p>');
    const { gate, load } = start(win);
    expect(load).toHaveBeenCalledOnce();
    await settle();
    expect(gate.state).toBe('loaded');
  });

  it("reads the frame's size only once the browser has laid it out (no forced layout)", () => {
    const { win } = frame(400, 300, '<p>Harbour news</p>');
    let laidOut: (() => void) | undefined;
    const observed: Element[] = [];
    Object.assign(win, {
      ResizeObserver: class {
        constructor(callback: () => void) {
          laidOut = callback;
        }
        observe(el: Element) {
          observed.push(el);
        }
        disconnect() {}
      },
    });
    const { gate, load } = start(win);
    expect(gate.state).toBe('layout');
    expect(observed).toEqual([win.document.documentElement]);
    expect(load).not.toHaveBeenCalled();
    laidOut?.();
    expect(load).toHaveBeenCalledOnce();
  });

  it('loads nothing into a tiny frame until it grows to a readable size', () => {
    const { win, resize } = frame(1, 1, '<p>Pixel</p>');
    const { gate, load } = start(win);
    expect(gate.state).toBe('tiny');
    resize(80, 80);
    expect(load).not.toHaveBeenCalled();
    resize(400, 300);
    resize(500, 300);
    expect(load).toHaveBeenCalledOnce();
  });

  it('waits in an empty frame (scripts and images only) until text arrives, then loads once', async () => {
    const { win, doc } = frame(300, 250, '<script>var ad = 1;</script><div><img alt=""></div>');
    const { gate, load } = start(win);
    expect(gate.state).toBe('empty');
    const script = doc.createElement('script');
    script.textContent = 'var more = 2;';
    doc.body.append(script, doc.createElement('div'));
    await settle();
    expect(load).not.toHaveBeenCalled();
    const p = doc.createElement('p');
    p.textContent = 'Sponsored story';
    doc.body.append(p);
    await settle();
    expect(load).toHaveBeenCalledOnce();
    p.append(' and more');
    await settle();
    expect(load).toHaveBeenCalledOnce();
  });

  it('treats a custom element as content: its text may be in a shadow root', () => {
    const { win } = frame(400, 300, '<news-card></news-card>');
    expect(start(win).load).toHaveBeenCalledOnce();
  });

  it('retires an older copy in the frame, and stops when a newer one starts', () => {
    const { win, doc } = frame(300, 250, '');
    const older = vi.fn();
    doc.addEventListener(STARTED, (event) => older((event as CustomEvent).detail.contentScriptName));
    const { gate, load } = start(win);
    expect(older).toHaveBeenCalledWith('content');
    doc.dispatchEvent(
      new CustomEvent(STARTED, { detail: { contentScriptName: 'content', messageId: 'new' } }),
    );
    expect(gate.state).toBe('stopped');
    doc.body.innerHTML = '<p>Text after the update</p>';
    expect(load).not.toHaveBeenCalled();
  });

  it('counts as stopped when the extension went before the script could load', async () => {
    const { win } = frame(400, 300, '<p>Text</p>');
    const { gate } = start(
      win,
      vi.fn(async () => false),
    );
    await settle();
    expect(gate.state).toBe('stopped');
  });
});

describe('hasContent', () => {
  const doc = (body: string) => {
    const d = document.implementation.createHTMLDocument('t');
    d.body.innerHTML = body;
    return d;
  };
  it('sees text outside scripts, styles and templates, and nothing in them', () => {
    expect(hasContent(doc('  \n '))).toBe(false);
    expect(
      hasContent(doc('<style>p{}</style><template><p>Later</p></template><noscript>Enable</noscript>')),
    ).toBe(false);
    expect(hasContent(doc('<div><span> </span></div><p>Read me</p>'))).toBe(true);
  });
});
