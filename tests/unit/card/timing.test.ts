import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createHoverIntent,
  DEFAULT_DWELL_MS,
  HIDE_DELAY_MS,
  type HoverIntent,
  type PointerOver,
  SCROLL_SETTLE_MS,
} from '@/lib/card/timing';
import { DEFAULT_SETTINGS } from '@/lib/settings';

type M = { id: string };
const a: M = { id: 'a' };
const b: M = { id: 'b' };
const over = (mention: M): PointerOver<M> => ({ kind: 'mention', mention });
const nothing: PointerOver<M> = { kind: 'nothing' };
const card: PointerOver<M> = { kind: 'card' };

let events: string[];
let intent: HoverIntent<M>;

beforeEach(() => {
  vi.useFakeTimers();
  events = [];
  intent = createHoverIntent<M>({
    show: (m) => events.push(`show ${m.id}`),
    hide: () => events.push('hide'),
    prepare: (m) => events.push(`prepare ${m.id}`),
  });
});

afterEach(() => {
  intent.dispose();
  vi.useRealTimers();
});

describe('hover timing', () => {
  it('uses the settings default as its default dwell', () => {
    expect(DEFAULT_DWELL_MS).toBe(DEFAULT_SETTINGS.hoverDelayMs);
  });

  it('shows the card only after the pointer dwells on a mention', () => {
    intent.pointer(over(a));
    expect(events).toEqual(['prepare a']);
    vi.advanceTimersByTime(DEFAULT_DWELL_MS - 1);
    expect(events).toEqual(['prepare a']);
    vi.advanceTimersByTime(1);
    expect(events).toEqual(['prepare a', 'show a']);
    expect(intent.open).toBe(a);
  });

  it('keeps dwelling while the pointer moves within the same mention', () => {
    intent.pointer(over(a));
    vi.advanceTimersByTime(200);
    intent.pointer(over(a));
    vi.advanceTimersByTime(100);
    expect(events).toEqual(['prepare a', 'show a']);
  });

  it('shows nothing for a pointer that only passes over a mention', () => {
    intent.pointer(over(a));
    vi.advanceTimersByTime(100);
    intent.pointer(nothing);
    vi.advanceTimersByTime(1000);
    expect(events).toEqual(['prepare a']);
  });

  it('honours a dwell changed in the settings, including zero', () => {
    intent.setDwell(800);
    intent.pointer(over(a));
    vi.advanceTimersByTime(799);
    expect(intent.open).toBeNull();
    vi.advanceTimersByTime(1);
    expect(intent.open).toBe(a);
    intent.pointer(nothing);
    vi.advanceTimersByTime(HIDE_DELAY_MS);
    intent.setDwell(0);
    intent.pointer(over(b));
    expect(intent.open).toBe(b);
  });

  it('hides the card a moment after the pointer leaves mention and card', () => {
    intent.pointer(over(a));
    vi.advanceTimersByTime(DEFAULT_DWELL_MS);
    intent.pointer(nothing);
    vi.advanceTimersByTime(HIDE_DELAY_MS - 1);
    expect(intent.open).toBe(a);
    vi.advanceTimersByTime(1);
    expect(events.at(-1)).toBe('hide');
    expect(intent.open).toBeNull();
  });

  it('keeps the card while the pointer crosses the gap onto it and rests there (hoverable)', () => {
    intent.pointer(over(a));
    vi.advanceTimersByTime(DEFAULT_DWELL_MS);
    intent.pointer(nothing); // the gap between mention and card
    vi.advanceTimersByTime(HIDE_DELAY_MS - 50);
    intent.pointer(card);
    vi.advanceTimersByTime(60_000);
    expect(intent.open).toBe(a);
    expect(events).not.toContain('hide');
    intent.pointer(over(a)); // back onto the mention: still the same card, no flicker
    expect(events.filter((e) => e.startsWith('show'))).toEqual(['show a']);
  });

  it('switches from one card to the next without a blank in between', () => {
    intent.pointer(over(a));
    vi.advanceTimersByTime(DEFAULT_DWELL_MS);
    intent.pointer(over(b));
    vi.advanceTimersByTime(DEFAULT_DWELL_MS);
    expect(events).toEqual(['prepare a', 'show a', 'prepare b', 'show b']);
    expect(intent.open).toBe(b);
    vi.advanceTimersByTime(HIDE_DELAY_MS * 2);
    expect(intent.open).toBe(b);
  });

  it('opens nothing while scrolling and until scrolling has settled', () => {
    intent.suspend();
    intent.pointer(over(a));
    vi.advanceTimersByTime(SCROLL_SETTLE_MS - 1);
    expect(intent.suspended).toBe(true);
    expect(intent.open).toBeNull();
    vi.advanceTimersByTime(1);
    expect(intent.suspended).toBe(false);
    intent.pointer(over(a));
    vi.advanceTimersByTime(DEFAULT_DWELL_MS);
    expect(intent.open).toBe(a);
  });

  it('cancels a pending show when scrolling starts during the dwell', () => {
    intent.pointer(over(a));
    vi.advanceTimersByTime(DEFAULT_DWELL_MS - 10);
    intent.suspend();
    vi.advanceTimersByTime(1000);
    expect(intent.open).toBeNull();
  });

  it('dismisses with Escape and stays shut until the pointer leaves the mention (WCAG 1.4.13)', () => {
    intent.pointer(over(a));
    vi.advanceTimersByTime(DEFAULT_DWELL_MS);
    intent.dismiss();
    expect(events.at(-1)).toBe('hide');
    intent.pointer(over(a));
    vi.advanceTimersByTime(5000);
    expect(intent.open).toBeNull();
    intent.pointer(nothing);
    intent.pointer(over(a));
    vi.advanceTimersByTime(DEFAULT_DWELL_MS);
    expect(intent.open).toBe(a);
  });

  it('dismisses a card that is still dwelling, too', () => {
    intent.pointer(over(a));
    vi.advanceTimersByTime(100);
    intent.dismiss();
    vi.advanceTimersByTime(5000);
    expect(intent.open).toBeNull();
  });

  it('keeps a keyboard-opened card whatever the pointer does, until dismissed', () => {
    intent.openPinned(a);
    expect(events).toEqual(['show a']);
    intent.pointer(nothing);
    vi.advanceTimersByTime(10_000);
    expect(intent.open).toBe(a);
    intent.dismiss();
    expect(intent.open).toBeNull();
  });

  it('lets a deliberate hover on another mention replace a keyboard-opened card', () => {
    intent.openPinned(a);
    intent.pointer(over(b));
    vi.advanceTimersByTime(DEFAULT_DWELL_MS);
    expect(intent.open).toBe(b);
    intent.pointer(nothing);
    vi.advanceTimersByTime(HIDE_DELAY_MS);
    expect(intent.open).toBeNull();
  });

  it('closes without dismissing, so the same mention can open again at once', () => {
    intent.openPinned(a);
    intent.close();
    expect(intent.open).toBeNull();
    intent.pointer(over(a));
    vi.advanceTimersByTime(DEFAULT_DWELL_MS);
    expect(intent.open).toBe(a);
  });

  it('does nothing after dispose', () => {
    intent.pointer(over(a));
    intent.dispose();
    vi.advanceTimersByTime(5000);
    intent.pointer(over(b));
    vi.advanceTimersByTime(5000);
    expect(events).toEqual(['prepare a']);
  });
});
