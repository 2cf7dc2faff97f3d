/**
 * Where the card goes: a pure function of plain numbers (the mention's client rects, the card's size,
 * the viewport), so every case is unit-tested without a browser. It runs Floating UI's own
 * `computePosition` and middleware over a "plain platform" that answers from those numbers instead of
 * measuring the DOM; the card view measures once and calls this with the results.
 */
import {
  computePosition,
  flip,
  inline,
  offset,
  type Platform,
  type Rect,
  type Side,
  shift,
  size,
  type VirtualElement,
} from '@floating-ui/dom';

/** Space between the mention and the card: close enough to read as "about this word", far enough not to touch it. */
export const CARD_GAP_PX = 6;

/** Smallest distance kept between the card and the viewport's edges, so its border and shadow stay visible. */
export const VIEWPORT_MARGIN_PX = 8;

/** A rectangle in viewport (client) coordinates, as `getClientRects()` gives them. */
export interface PlainRect {
  /** Left edge. */
  left: number;
  /** Top edge. */
  top: number;
  /** Width (≥ 0). */
  width: number;
  /** Height (≥ 0). */
  height: number;
}

/** What placement needs to know, all in CSS pixels. */
export interface PlacementInput {
  /** The mention's client rects: one per line box it occupies (more than one when it wraps). */
  rects: readonly PlainRect[];
  /** The card's natural size, before any height cap. */
  card: { width: number; height: number };
  /** The viewport's size (documentElement.clientWidth × innerHeight: without scrollbars). */
  viewport: { width: number; height: number };
  /** Pointer position, if the card opens on hover: picks the line of a wrapped mention under it. */
  pointer?: { x: number; y: number };
  /** Right-to-left page: alignment mirrors. */
  rtl?: boolean;
}

/** Where the card goes. */
export interface CardPlacement {
  /** Left edge of the card, viewport coordinates (position: fixed). */
  x: number;
  /** Top edge of the card, viewport coordinates. */
  y: number;
  /** The mention's side the card sits on. */
  side: Side;
  /** Height the card must not exceed (it scrolls inside) so that it fits without covering the mention. */
  maxHeight: number;
  /** Width the card must not exceed, for viewports narrower than the card. */
  maxWidth: number;
}

/**
 * Widest the card may be laid out in a viewport `viewportWidth` wide: its CSS width, or on a phone
 * (360 px and less) the viewport minus the margins. The card view measures the card at this width, so
 * its height is that of the text as it will wrap, not as it would in a wider card.
 */
export function cardWidthLimit(viewportWidth: number): number {
  return Math.max(0, Math.floor(viewportWidth - 2 * VIEWPORT_MARGIN_PX));
}

/** Preferred side: below the text, where the eye is heading; above when there is no room below. */
const PREFERRED_SIDE = 'bottom' as const;

/**
 * The one side tried when the preferred one lacks room. Never sideways: beside a word a card hides the
 * rest of its line, and on narrow viewports there is no room beside anything. Too tall for both? `size`
 * caps its height on the roomier side and the card scrolls inside.
 */
const FALLBACK_SIDES = ['top'] as const;

/** Decides where the card goes: beside the mention (never over it), inside the viewport when it can be. */
export async function placeCard(input: PlacementInput): Promise<CardPlacement> {
  const rects = input.rects.filter((r) => r.width > 0 || r.height > 0);
  if (rects.length === 0) throw new Error('placeCard: the mention has no visible client rects');
  const reference = virtualReference(rects);
  // The "floating element" is a plain box whose height `size` may cap; the platform reads it back.
  const floating = { width: input.card.width, height: input.card.height };
  const viewport = input.viewport;
  let maxHeight = input.card.height;
  let maxWidth = input.card.width;

  // Floating UI's DOM typings want Elements; this platform only ever sees the virtual reference and
  // the plain box above, and answers from numbers, so its functions are typed for what they get.
  const platform = {
    getElementRects: async ({ reference: ref }: { reference: VirtualElement }) => {
      const r = ref.getBoundingClientRect();
      return {
        reference: { x: r.x, y: r.y, width: r.width, height: r.height },
        floating: { x: 0, y: 0, width: floating.width, height: floating.height },
      };
    },
    getClippingRect: async () => ({ x: 0, y: 0, width: viewport.width, height: viewport.height }),
    getDimensions: async () => ({ width: floating.width, height: floating.height }),
    getClientRects: async (ref: VirtualElement) => Array.from(ref.getClientRects?.() ?? []),
    isRTL: async () => input.rtl === true,
    // No offset parents, scales or documents here: coordinates are already viewport coordinates.
    getOffsetParent: async () => undefined,
    isElement: async () => false,
    getDocumentElement: async () => ({}),
    getScale: async () => ({ x: 1, y: 1 }),
    convertOffsetParentRelativeRectToViewportRelativeRect: async ({ rect }: { rect: Rect }) => rect,
  } as unknown as Platform;

  const { x, y, placement } = await computePosition(
    reference,
    // Only the plain platform above ever looks at the floating element.
    floating as unknown as HTMLElement,
    {
      strategy: 'fixed',
      placement: PREFERRED_SIDE,
      platform,
      middleware: [
        // A wrapped mention: anchor to the line under the pointer, or span the lines sensibly.
        inline(input.pointer ? { x: input.pointer.x, y: input.pointer.y } : {}),
        offset(CARD_GAP_PX),
        flip({
          padding: VIEWPORT_MARGIN_PX,
          // Overflow along the line is shift's job; flipping for it would send the card sideways.
          crossAxis: false,
          fallbackPlacements: [...FALLBACK_SIDES],
          fallbackStrategy: 'bestFit',
        }),
        // Slides along the mention's edge only (never across it), keeping the card on screen.
        shift({ padding: VIEWPORT_MARGIN_PX }),
        size({
          padding: VIEWPORT_MARGIN_PX,
          apply: ({ availableHeight, availableWidth }) => {
            maxHeight = Math.max(0, Math.floor(Math.min(input.card.height, availableHeight)));
            maxWidth = Math.max(0, Math.floor(Math.min(input.card.width, availableWidth)));
            floating.height = maxHeight;
            floating.width = maxWidth;
          },
        }),
      ],
    },
  );
  return { x: Math.round(x), y: Math.round(y), side: placement.split('-')[0] as Side, maxHeight, maxWidth };
}

/** A Floating UI virtual element over a set of client rects (a mention, possibly on several lines). */
export function virtualReference(rects: readonly PlainRect[]): VirtualElement {
  const clientRects = rects.map(toClientRect);
  const left = Math.min(...rects.map((r) => r.left));
  const top = Math.min(...rects.map((r) => r.top));
  const right = Math.max(...rects.map((r) => r.left + r.width));
  const bottom = Math.max(...rects.map((r) => r.top + r.height));
  const bounds = toClientRect({ left, top, width: right - left, height: bottom - top });
  return { getBoundingClientRect: () => bounds, getClientRects: () => clientRects };
}

function toClientRect(r: PlainRect) {
  return {
    x: r.left,
    y: r.top,
    left: r.left,
    top: r.top,
    width: r.width,
    height: r.height,
    right: r.left + r.width,
    bottom: r.top + r.height,
  };
}

/** True when two rects overlap by more than a hairline (tests and debug checks: the card must never cover the mention). */
export function rectsOverlap(a: PlainRect, b: PlainRect): boolean {
  const EPS = 0.5;
  return (
    a.left < b.left + b.width - EPS &&
    b.left < a.left + a.width - EPS &&
    a.top < b.top + b.height - EPS &&
    b.top < a.top + a.height - EPS
  );
}
