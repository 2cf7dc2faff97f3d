import { describe, expect, it } from 'vitest';
import {
  CARD_GAP_PX,
  type CardPlacement,
  cardWidthLimit,
  type PlacementInput,
  type PlainRect,
  placeCard,
  rectsOverlap,
  VIEWPORT_MARGIN_PX,
} from '@/lib/card/placement';

const VIEWPORT = { width: 1280, height: 800 };
const CARD = { width: 340, height: 260 };

function place(over: Partial<PlacementInput> & { rects: PlainRect[] }): Promise<CardPlacement> {
  return placeCard({ card: CARD, viewport: VIEWPORT, ...over });
}

function cardRect(p: CardPlacement, card = CARD): PlainRect {
  return {
    left: p.x,
    top: p.y,
    width: Math.min(card.width, p.maxWidth),
    height: Math.min(card.height, p.maxHeight),
  };
}

function insideViewport(r: PlainRect, viewport = VIEWPORT): boolean {
  return (
    r.left >= 0 && r.top >= 0 && r.left + r.width <= viewport.width && r.top + r.height <= viewport.height
  );
}

describe('card placement', () => {
  it('puts the card below a mention with room below, centred on it, one gap away', async () => {
    const mention = { left: 600, top: 100, width: 40, height: 18 };
    const p = await place({ rects: [mention] });
    expect(p.side).toBe('bottom');
    expect(p.y).toBe(100 + 18 + CARD_GAP_PX);
    expect(p.x).toBe(Math.round(620 - CARD.width / 2));
    expect(p.maxHeight).toBe(CARD.height);
  });

  it('flips above a mention near the bottom of the viewport', async () => {
    const mention = { left: 600, top: 700, width: 40, height: 18 };
    const p = await place({ rects: [mention] });
    expect(p.side).toBe('top');
    expect(p.y + CARD.height).toBe(700 - CARD_GAP_PX);
    expect(rectsOverlap(cardRect(p), mention)).toBe(false);
  });

  it('shifts along the line to stay inside the viewport near its left and right edges', async () => {
    const left = await place({ rects: [{ left: 2, top: 100, width: 30, height: 18 }] });
    expect(left.x).toBe(VIEWPORT_MARGIN_PX);
    const right = await place({ rects: [{ left: 1250, top: 100, width: 28, height: 18 }] });
    expect(right.x + CARD.width).toBe(VIEWPORT.width - VIEWPORT_MARGIN_PX);
    expect(right.side).toBe('bottom');
  });

  it('anchors a wrapped mention to the line under the pointer', async () => {
    // "International Organization / for Migration": end of one line, start of the next.
    const first = { left: 1000, top: 100, width: 260, height: 18 };
    const second = { left: 20, top: 120, width: 120, height: 18 };
    const onSecond = await place({ rects: [first, second], pointer: { x: 60, y: 128 } });
    expect(onSecond.side).toBe('bottom');
    expect(onSecond.y).toBe(138 + CARD_GAP_PX);
    expect(onSecond.x).toBe(VIEWPORT_MARGIN_PX); // centred on the second line, then shifted into view
    const onFirst = await place({ rects: [first, second], pointer: { x: 1100, y: 108 } });
    expect(onFirst.x).toBe(VIEWPORT.width - VIEWPORT_MARGIN_PX - CARD.width);
    for (const p of [onSecond, onFirst]) {
      expect(rectsOverlap(cardRect(p), first)).toBe(false);
      expect(rectsOverlap(cardRect(p), second)).toBe(false);
    }
  });

  it('caps the height instead of covering the mention when neither side has room for the whole card', async () => {
    const viewport = { width: 800, height: 400 };
    const card = { width: 340, height: 520 };
    const mention = { left: 300, top: 150, width: 60, height: 18 };
    const p = await placeCard({ rects: [mention], card, viewport });
    expect(['top', 'bottom']).toContain(p.side);
    expect(p.maxHeight).toBeLessThan(card.height);
    const r = cardRect(p, card);
    expect(rectsOverlap(r, mention)).toBe(false);
    expect(insideViewport(r, viewport)).toBe(true);
  });

  it('narrows the card to a viewport narrower than it', async () => {
    const viewport = { width: 300, height: 700 };
    const p = await placeCard({
      rects: [{ left: 100, top: 50, width: 40, height: 18 }],
      card: CARD,
      viewport,
    });
    expect(p.maxWidth).toBeLessThanOrEqual(300 - 2 * VIEWPORT_MARGIN_PX);
    expect(insideViewport(cardRect(p), viewport)).toBe(true);
  });

  it('lays a card out no wider than a phone viewport minus its margins', () => {
    expect(cardWidthLimit(360)).toBe(360 - 2 * VIEWPORT_MARGIN_PX);
    expect(cardWidthLimit(320.6)).toBe(304);
    expect(cardWidthLimit(10)).toBe(0);
  });

  it('on a 360 × 740 phone, keeps a tall card inside the viewport and off the tapped mention', async () => {
    const viewport = { width: 360, height: 740 };
    const card = { width: cardWidthLimit(360), height: 900 };
    for (let top = 0; top <= viewport.height - 22; top += 61) {
      for (const left of [0, 150, 300]) {
        const mention = { left, top, width: 60, height: 22 };
        const p = await placeCard({
          rects: [mention],
          card,
          viewport,
          pointer: { x: left + 30, y: top + 11 },
        });
        const placed = cardRect(p, card);
        expect(insideViewport(placed, viewport), `mention at ${left},${top}`).toBe(true);
        expect(rectsOverlap(placed, mention), `mention at ${left},${top}`).toBe(false);
      }
    }
  });

  it('never covers the mention, wherever the mention is', async () => {
    for (let top = 0; top <= VIEWPORT.height - 18; top += 97) {
      for (let left = 0; left <= VIEWPORT.width - 40; left += 211) {
        const mention = { left, top, width: 40, height: 18 };
        const p = await place({ rects: [mention] });
        expect(rectsOverlap(cardRect(p), mention), `mention at ${left},${top}`).toBe(false);
      }
    }
  });

  it('ignores empty rects and refuses a mention with none visible', async () => {
    const p = await place({
      rects: [
        { left: 0, top: 0, width: 0, height: 0 },
        { left: 600, top: 100, width: 40, height: 18 },
      ],
    });
    expect(p.side).toBe('bottom');
    await expect(place({ rects: [] })).rejects.toThrow(/no visible client rects/);
  });
});
