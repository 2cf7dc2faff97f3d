/**
 * Every delay of the hover card, with the reason it has that value, and the small state machine that
 * turns "the pointer is over X" into "show the card for M" / "hide the card". Pure: timers come from a
 * clock parameter, so tests drive it with fake timers.
 */

/**
 * Dwell before a card shows, unless the settings say otherwise (options page, `hoverDelayMs`). Long
 * enough that a pointer crossing a paragraph opens nothing, short enough to feel like an answer.
 * Wikipedia's previews settle at 500 ms for link text a reader may want to click; a mention is plain
 * text, so less is fine. Kept equal to the settings' default (a unit test checks).
 */
export const DEFAULT_DWELL_MS = 300;

/**
 * Delay before a card hides once the pointer has left both the mention and the card. Covers the trip
 * across the gap between them and an unsteady hand, so the card neither flickers nor escapes the
 * pointer chasing it (WCAG 1.4.13 "hoverable"); Wikipedia's previews use the same 300 ms.
 */
export const HIDE_DELAY_MS = 300;

/**
 * Quiet time after the last scroll or touch-move before hovering counts again. Scrolling moves text
 * under a still pointer: nothing should open for words that merely pass by. 150 ms outlasts the gap
 * between wheel or momentum-scroll events (16–100 ms) without feeling sticky once scrolling stops.
 */
export const SCROLL_SETTLE_MS = 150;

/** Timer functions (window's by default): a parameter so tests can use fake timers. */
export interface Clock {
  /** Schedules `fn` after `ms`. */
  setTimeout(fn: () => void, ms: number): unknown;
  /** Cancels a scheduled call. */
  clearTimeout(id: unknown): void;
}

/** What the hover intent tells the card view to do. */
export interface HoverCallbacks<M> {
  /** The pointer rested on `mention` long enough: show (or switch to) its card. */
  show(mention: M): void;
  /** The pointer left mention and card long enough, or the card was dismissed: hide it. */
  hide(): void;
  /** The pointer rests on `mention` and its card will be wanted soon: a hint to load what it needs. */
  prepare?(mention: M): void;
}

/** Where the pointer is, as the hit-test reports it. */
export type PointerOver<M> = { kind: 'mention'; mention: M } | { kind: 'card' } | { kind: 'nothing' };

/** The hover state machine; one per page. */
export interface HoverIntent<M> {
  /** Reports where the pointer is now (at most once per frame). */
  pointer(over: PointerOver<M>): void;
  /** Scrolling or a touch drag: cancels a pending show; hovering resumes after SCROLL_SETTLE_MS. */
  suspend(): void;
  /** True while suspended by scrolling or touch. */
  readonly suspended: boolean;
  /** Escape: hide now and keep this mention's card shut until the pointer leaves it. */
  dismiss(): void;
  /** The card was opened by keyboard: it stays until dismissed or replaced, whatever the pointer does. */
  openPinned(mention: M): void;
  /** Hide now (focus left a pinned card, the page changed): unlike dismiss, the mention can reopen at once. */
  close(): void;
  /** The mention whose card is open, if any. */
  readonly open: M | null;
  /** Changes the dwell (settings changed); applies from the next hover. */
  setDwell(ms: number): void;
  /** Cancels every timer; the intent is dead afterwards. */
  dispose(): void;
}

/** Options of {@link createHoverIntent}. */
export interface HoverIntentOptions<M> extends HoverCallbacks<M> {
  /** Dwell before showing, in ms (settings.hoverDelayMs). */
  dwellMs?: number;
  /** Timers; window's by default. */
  clock?: Clock;
  /** Mention identity (default ===). */
  same?: (a: M, b: M) => boolean;
}

/**
 * Creates the hover state machine: show after the dwell, hide HIDE_DELAY_MS after the pointer leaves
 * both mention and card, nothing while suspended, a dismissed card stays shut until the pointer leaves
 * its mention, a pinned (keyboard-opened) card ignores the pointer.
 */
export function createHoverIntent<M>(options: HoverIntentOptions<M>): HoverIntent<M> {
  const clock: Clock = options.clock ?? {
    setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
    clearTimeout: (id) => globalThis.clearTimeout(id as ReturnType<typeof setTimeout>),
  };
  const same = options.same ?? ((a: M, b: M) => a === b);
  let dwellMs = options.dwellMs ?? DEFAULT_DWELL_MS;

  let open: M | null = null;
  let pinned = false;
  /** The mention waiting out its dwell. */
  let pending: M | null = null;
  let showTimer: unknown = null;
  let hideTimer: unknown = null;
  let settleTimer: unknown = null;
  /** Escape closed this mention's card: ignore it until the pointer is somewhere else. */
  let dismissed: M | null = null;
  let disposed = false;

  const cancelShow = () => {
    if (showTimer !== null) clock.clearTimeout(showTimer);
    showTimer = null;
    pending = null;
  };
  const cancelHide = () => {
    if (hideTimer !== null) clock.clearTimeout(hideTimer);
    hideTimer = null;
  };
  const hideNow = () => {
    cancelHide();
    if (open === null) return;
    open = null;
    pinned = false;
    options.hide();
  };
  const scheduleHide = () => {
    if (open === null || pinned || hideTimer !== null) return;
    hideTimer = clock.setTimeout(() => {
      hideTimer = null;
      hideNow();
    }, HIDE_DELAY_MS);
  };
  const showNow = (mention: M) => {
    cancelShow();
    cancelHide();
    open = mention;
    pinned = false;
    options.show(mention);
  };

  const onMention = (mention: M) => {
    if (dismissed !== null && same(dismissed, mention)) return scheduleHide();
    dismissed = null;
    if (open !== null && same(open, mention)) {
      cancelShow();
      cancelHide();
      return;
    }
    if (pending !== null && same(pending, mention)) return;
    cancelShow();
    // Another card may be open: it stays until this one replaces it, with no blank between two cards.
    // Should the pointer move on before the dwell ends, leaving this mention starts its hide delay.
    cancelHide();
    pending = mention;
    options.prepare?.(mention);
    if (dwellMs <= 0) return showNow(mention);
    showTimer = clock.setTimeout(() => {
      showTimer = null;
      if (pending !== null) showNow(pending);
    }, dwellMs);
  };

  return {
    pointer(over) {
      if (disposed) return;
      if (over.kind === 'card') {
        cancelShow();
        cancelHide();
        return;
      }
      if (settleTimer !== null) {
        // Still scrolling: the pointer may leave things, but nothing new opens.
        if (over.kind === 'nothing' || (open !== null && !same(open, over.mention))) scheduleHide();
        return;
      }
      if (over.kind === 'mention') return onMention(over.mention);
      dismissed = null;
      cancelShow();
      scheduleHide();
    },
    suspend() {
      if (disposed) return;
      cancelShow();
      if (settleTimer !== null) clock.clearTimeout(settleTimer);
      settleTimer = clock.setTimeout(() => {
        settleTimer = null;
      }, SCROLL_SETTLE_MS);
    },
    get suspended() {
      return settleTimer !== null;
    },
    dismiss() {
      if (disposed) return;
      dismissed = open ?? pending;
      cancelShow();
      hideNow();
    },
    openPinned(mention) {
      if (disposed) return;
      dismissed = null;
      showNow(mention);
      pinned = true;
    },
    close() {
      if (disposed) return;
      cancelShow();
      hideNow();
    },
    get open() {
      return open;
    },
    setDwell(ms) {
      dwellMs = Math.max(0, ms);
    },
    dispose() {
      disposed = true;
      cancelShow();
      cancelHide();
      if (settleTimer !== null) clock.clearTimeout(settleTimer);
      settleTimer = null;
      open = null;
    },
  };
}

/**
 * Longest touch that still counts as a tap. Browsers start a long-press (text selection, context menu)
 * at 400–500 ms (Android's long-press timeout is 400 ms, Chromium's touch gesture config and Firefox's
 * `ui.click_hold_context_menus.delay` 500 ms): a touch held this long belongs to the browser, not to us.
 */
export const TAP_MAX_MS = 400;

/**
 * How far a finger may drift between touching down and lifting and still have tapped. A finger is
 * never still; beyond this it is a scroll or a selection drag. Android's touch slop is 8 dp; a little
 * more forgives a thumb.
 */
export const TAP_SLOP_PX = 10;
