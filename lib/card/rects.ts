/**
 * Client rects of a mention. Mentions are StaticRanges (cheap while the page mutates) and those have
 * no geometry, so a live Range is made for the measurement and dropped right after.
 */
import type { PlainRect } from './placement';

/** The visible client rects of `range`, one per line box; empty when it is not rendered or gone. */
export function clientRectsOf(doc: Document, range: AbstractRange): PlainRect[] {
  const { startContainer, endContainer } = range;
  if (!startContainer.isConnected || !endContainer.isConnected) return [];
  const live = doc.createRange();
  try {
    live.setStart(startContainer, range.startOffset);
    live.setEnd(endContainer, range.endOffset);
  } catch {
    return []; // the nodes changed under the range since it was made
  }
  const rects: PlainRect[] = [];
  for (const r of live.getClientRects()) {
    if (r.width > 0 && r.height > 0)
      rects.push({ left: r.left, top: r.top, width: r.width, height: r.height });
  }
  return rects;
}

/** Slack around rects when testing a point: pointer coordinates can sit a pixel outside the glyphs' box. */
export const HIT_SLOP_PX = 1;

/** True when (x, y) lies in one of `rects`, give or take HIT_SLOP_PX. */
export function rectsContain(rects: readonly PlainRect[], x: number, y: number): boolean {
  return rects.some(
    (r) =>
      x >= r.left - HIT_SLOP_PX &&
      x <= r.left + r.width + HIT_SLOP_PX &&
      y >= r.top - HIT_SLOP_PX &&
      y <= r.top + r.height + HIT_SLOP_PX,
  );
}

/** The viewport's size without scrollbars, in CSS pixels. */
export function viewportOf(doc: Document, win: Window): { width: number; height: number } {
  // In quirks mode documentElement measures the whole document, not the viewport.
  const root = doc.compatMode === 'CSS1Compat' ? doc.documentElement : null;
  return { width: root?.clientWidth || win.innerWidth, height: root?.clientHeight || win.innerHeight };
}

/** True when some rect is at least partly inside the viewport. */
export function anyInViewport(
  rects: readonly PlainRect[],
  viewport: { width: number; height: number },
): boolean {
  return rects.some(
    (r) => r.left + r.width > 0 && r.top + r.height > 0 && r.left < viewport.width && r.top < viewport.height,
  );
}
