import { describe, expect, it } from 'vitest';
import { createTapRecognizer } from '@/lib/card/tap';
import { TAP_MAX_MS, TAP_SLOP_PX } from '@/lib/card/timing';

const at = (x: number, y: number, time: number, id = 1) => ({ id, x, y, time });

describe('tap recognizer', () => {
  it('reports a quick touch that stays put as a tap at the lifting point', () => {
    const taps = createTapRecognizer();
    taps.down(at(100, 50, 0));
    taps.move(at(103, 52, 40));
    expect(taps.up(at(104, 53, 120))).toEqual({ x: 104, y: 53 });
  });

  it('leaves a long-press to the browser (text selection, context menu)', () => {
    const taps = createTapRecognizer();
    taps.down(at(100, 50, 0));
    expect(taps.up(at(100, 50, TAP_MAX_MS + 1))).toBeNull();
  });

  it('treats a finger that drifts past the slop as a scroll, even if it comes back', () => {
    const taps = createTapRecognizer();
    taps.down(at(100, 50, 0));
    taps.move(at(100, 50 + TAP_SLOP_PX + 1, 30));
    expect(taps.up(at(100, 50, 80))).toBeNull();
    taps.down(at(100, 50, 200));
    expect(taps.up(at(100 + TAP_SLOP_PX + 1, 50, 260))).toBeNull();
  });

  it('ignores a pinch: no tap while or after a second finger touches', () => {
    const taps = createTapRecognizer();
    taps.down(at(100, 50, 0, 1));
    taps.down(at(200, 80, 10, 2));
    expect(taps.up(at(200, 80, 60, 2))).toBeNull();
    expect(taps.up(at(100, 50, 70, 1))).toBeNull();
    taps.down(at(100, 50, 300, 3));
    expect(taps.up(at(100, 50, 350, 3))).toEqual({ x: 100, y: 50 });
  });

  it('forgets the touch when the browser cancels it', () => {
    const taps = createTapRecognizer();
    taps.down(at(100, 50, 0));
    taps.cancel();
    expect(taps.up(at(100, 50, 50))).toBeNull();
  });
});
