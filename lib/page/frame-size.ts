/**
 * Frames too small to read in: tracking pixels, hidden frames, spacer and most ad frames. The content
 * script runs in every frame (docs/content-script.md), and in these it starts nothing, not even the
 * candidate watch, until the frame grows to a readable size.
 */

/**
 * Narrowest frame read, in CSS px: a few words of body text (about 6 px a character at 16 px), so a
 * mention with any text around it can show. Narrower frames are pixels, spacers and buttons.
 */
export const MIN_FRAME_WIDTH_PX = 100;

/**
 * Shortest frame read, in CSS px: two lines of body text (16 px type on a 1.2 line height, with a little
 * padding). One-line frames are badges, tickers and the thinnest ad slots, not text people read.
 */
export const MIN_FRAME_HEIGHT_PX = 40;

/** True when a frame's viewport of `width`×`height` CSS px is under either threshold (0×0 when hidden). */
export function isTinyFrame(width: number, height: number): boolean {
  return width < MIN_FRAME_WIDTH_PX || height < MIN_FRAME_HEIGHT_PX;
}

/**
 * True when `win` is a subframe too small to read in; it then calls `start` once, the first time the
 * frame is resized to a readable size (a frame shown or enlarged later), until `signal` aborts. The
 * top-level page is never tiny (a small window is still where the person reads).
 */
export function deferWhileTiny(win: Window, signal: AbortSignal, start: () => void): boolean {
  if (win === win.top || !isTinyFrame(win.innerWidth, win.innerHeight)) return false;
  const controller = new AbortController();
  const stop = () => controller.abort();
  signal.addEventListener('abort', stop, { once: true });
  win.addEventListener(
    'resize',
    () => {
      if (isTinyFrame(win.innerWidth, win.innerHeight)) return;
      stop();
      signal.removeEventListener('abort', stop);
      start();
    },
    { signal: controller.signal },
  );
  return true;
}
