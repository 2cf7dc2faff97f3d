import { describe, expect, it, vi } from 'vitest';
import { siteUrl } from '@/lib/page/controller';
import { deferWhileTiny, isTinyFrame, MIN_FRAME_HEIGHT_PX, MIN_FRAME_WIDTH_PX } from '@/lib/page/frame-size';

/** A frame's window of `width`×`height` that can be resized. */
function frameWindow(width: number, height: number) {
  const target = new EventTarget();
  const win = Object.assign(target, { innerWidth: width, innerHeight: height, top: {} as Window });
  const resize = (w: number, h: number) => {
    win.innerWidth = w;
    win.innerHeight = h;
    target.dispatchEvent(new Event('resize'));
  };
  return { win: win as unknown as Window, resize };
}

describe('isTinyFrame', () => {
  it('calls hidden frames, pixels and one-line strips tiny, and a readable box not', () => {
    expect(isTinyFrame(0, 0)).toBe(true);
    expect(isTinyFrame(1, 1)).toBe(true);
    expect(isTinyFrame(728, 20)).toBe(true);
    expect(isTinyFrame(MIN_FRAME_WIDTH_PX - 1, 600)).toBe(true);
    expect(isTinyFrame(MIN_FRAME_WIDTH_PX, MIN_FRAME_HEIGHT_PX)).toBe(false);
    expect(isTinyFrame(300, 250)).toBe(false);
  });
});

describe('deferWhileTiny', () => {
  it('lets the top-level page and readable frames start at once', () => {
    const start = vi.fn();
    expect(deferWhileTiny(window, new AbortController().signal, start)).toBe(false);
    expect(deferWhileTiny(frameWindow(400, 300).win, new AbortController().signal, start)).toBe(false);
    expect(start).not.toHaveBeenCalled();
  });

  it('starts a tiny frame once, when it grows to a readable size', () => {
    const start = vi.fn();
    const { win, resize } = frameWindow(1, 1);
    expect(deferWhileTiny(win, new AbortController().signal, start)).toBe(true);
    resize(50, 50);
    expect(start).not.toHaveBeenCalled();
    resize(400, 300);
    resize(500, 300);
    expect(start).toHaveBeenCalledOnce();
  });

  it('never starts a tiny frame after the extension went', () => {
    const start = vi.fn();
    const { win, resize } = frameWindow(0, 0);
    const gone = new AbortController();
    deferWhileTiny(win, gone.signal, start);
    gone.abort();
    resize(400, 300);
    expect(start).not.toHaveBeenCalled();
  });
});

describe('siteUrl', () => {
  it('judges a frame without a URL of its own by the origin it inherited', () => {
    const at = (href: string, origin: string) => siteUrl({ location: { href }, origin });
    expect(at('https://news.test/a?b', 'https://news.test')).toBe('https://news.test/a?b');
    expect(at('about:srcdoc', 'https://news.test')).toBe('https://news.test');
    expect(at('about:blank', 'null')).toBe('null'); // sandboxed: no site, so inactive
  });
});
