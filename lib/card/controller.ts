/**
 * The hover card's content-script side: listens to the pointer, hit-tests at most once per frame,
 * runs the hover timing, opens a card at once on a tap (touch has no hover), moves between mentions on keyboard commands, and drives the card view, which
 * it loads on the first hover. Nothing is attached to the page until the page has a mention, and all
 * of it goes when the mentions go or the extension context ends.
 */
import type { MentionEntry, MentionRegistry } from '@/lib/page/mention-index';
import { revealMention } from '@/lib/page/reveal';
import type { CardView, CreateCardView } from './contract';
import { mentionAt } from './hit-test';
import type { PlainRect } from './placement';
import { clientRectsOf, viewportOf } from './rects';
import { createTapRecognizer, type TouchPoint } from './tap';
import { type Clock, createHoverIntent, type PointerOver } from './timing';

/** Where the page's mentions come from (the content lens). */
export interface MentionSource {
  /** The current mentions, or null while IOM Lens is off on this page. */
  readonly registry: MentionRegistry | null;
  /** Calls `listener` after the mentions change or the lens starts or stops; returns the unsubscribe. */
  onChange(listener: () => void): () => void;
}

/** Where the hover delay comes from (the settings). */
export interface DwellSource {
  /** Current hover delay in ms. */
  load(): Promise<number>;
  /** Calls `cb` with the new delay on every change; returns the unsubscribe. */
  watch(cb: (ms: number) => void): () => void;
}

/** What the controller needs; parameters, so tests drive it in happy-dom. */
export interface CardControllerDeps {
  /** The page's document. */
  doc: Document;
  /** The page's window. */
  win: Window & typeof globalThis;
  /** The page's mentions. */
  mentions: MentionSource;
  /** Loads the card UI (the lazily imported chunk in the extension). */
  loadView: () => Promise<CreateCardView>;
  /** Asks the background to open the search on `query`. */
  openSearch: (query: string) => void;
  /** The hover delay setting; the default dwell when absent. */
  dwell?: DwellSource;
  /** Timers (fake ones in tests). */
  clock?: Clock;
  /** Measures a range (tests stand in for layout). */
  rectsOf?: (range: AbstractRange) => PlainRect[];
  /** Aborts when the extension context goes away: everything is removed. */
  signal: AbortSignal;
}

/** Direction of a keyboard move between mentions. */
export type Direction = 'next' | 'previous';

/** The hover card controller of one page. */
export interface CardController {
  /** Scrolls the next or previous mention into view and opens its card with focus in it. */
  navigate(direction: Direction): Promise<boolean>;
  /** Opens the card of mention `id` (no scrolling); with focus in it when asked. */
  open(id: number, options?: { focus?: boolean }): Promise<boolean>;
  /** True while the page listeners are attached (the page has mentions). */
  readonly attached: boolean;
  /** Id of the mention whose card is open, if any. */
  readonly openId: number | null;
  /** Removes every listener, timer and node. */
  dispose(): void;
}

/** Creates the controller; it waits, attaching nothing, until the page has a mention. */
export function createCardController(deps: CardControllerDeps): CardController {
  const { doc, win, signal } = deps;
  const rectsOf = deps.rectsOf ?? ((range: AbstractRange) => clientRectsOf(doc, range));
  let registry: MentionRegistry | null = null;
  let listeners: AbortController | null = null;
  let view: CardView | null = null;
  let viewLoading: Promise<CardView | null> | null = null;
  let frameRequest = 0;
  let repositionRequest = 0;
  let pointer = { x: 0, y: 0, overCard: false };
  /** The next show moves focus into the card (a keyboard command asked for it). */
  let focusNext = false;
  /** Where focus was before a keyboard command moved it into the card. */
  let returnFocus: HTMLElement | null = null;
  /** The open card was opened by a keyboard command (it closes when focus leaves it). */
  let openedByKeyboard = false;
  let stopDwell: (() => void) | null = null;
  let disposed = false;

  const intent = createHoverIntent<MentionEntry>({
    clock: deps.clock,
    same: (a, b) => a.id === b.id,
    prepare: () => void ensureView(),
    show: (entry) => {
      const focus = focusNext;
      focusNext = false;
      if (view) return showIn(view, entry, focus);
      void ensureView().then((loaded) => {
        // The pointer may have moved on while the card UI loaded.
        if (loaded && intent.open?.id === entry.id) showIn(loaded, entry, focus);
      });
    },
    hide: () => {
      const hadFocus = view?.hasFocus() ?? false;
      // Listeners first: emptying the card must not read as the user moving focus away.
      keys?.abort();
      keys = null;
      openedByKeyboard = false;
      view?.hide();
      if (hadFocus) restoreFocus();
      else returnFocus = null;
    },
  });

  /** Listeners that exist only while a card is open (Escape). */
  let keys: AbortController | null = null;

  const showIn = (target: CardView, entry: MentionEntry, focus: boolean) => {
    const shown = target.show(entry, { pointer: focus ? undefined : { x: pointer.x, y: pointer.y }, focus });
    if (!shown) return intent.close();
    if (!keys) {
      keys = new AbortController();
      win.addEventListener('keydown', onKeyDown, { capture: true, passive: true, signal: keys.signal });
      target.element?.addEventListener('focusout', onFocusOut, { passive: true, signal: keys.signal });
    }
  };

  const ensureView = (): Promise<CardView | null> => {
    viewLoading ??= deps.loadView().then(
      (create) => {
        if (disposed) return null;
        view = create({
          doc,
          win,
          rectsOf: deps.rectsOf,
          onOpenSearch: (query) => deps.openSearch(query),
          onClose: () => intent.dismiss(),
        });
        return view;
      },
      (error: unknown) => {
        console.warn('[iom-lens] could not load the hover card', error);
        viewLoading = null; // try again on the next hover
        return null;
      },
    );
    return viewLoading;
  };

  const restoreFocus = () => {
    const target = returnFocus;
    returnFocus = null;
    if (target?.isConnected) target.focus({ preventScroll: true });
    else (doc.activeElement as HTMLElement | null)?.blur?.();
  };

  // --- page listeners (only while the page has mentions) ---

  const onPointerMove = (event: PointerEvent) => {
    // A touch moving is a scroll or a selection, never a hover (nor, past the slop, a tap).
    if (event.pointerType === 'touch') {
      taps.move(touchPoint(event));
      return intent.suspend();
    }
    pointer = {
      x: event.clientX,
      y: event.clientY,
      overCard: onCard(event),
    };
    if (frameRequest === 0) frameRequest = win.requestAnimationFrame(hitTest);
  };

  /** At most once per frame, with the latest pointer position. */
  const hitTest = () => {
    frameRequest = 0;
    if (!registry) return;
    let over: PointerOver<MentionEntry>;
    if (pointer.overCard) over = { kind: 'card' };
    else {
      const entry = mentionAt(doc, registry, pointer.x, pointer.y, rectsOf);
      over = entry ? { kind: 'mention', mention: entry } : { kind: 'nothing' };
    }
    intent.pointer(over);
  };

  const onScroll = () => {
    intent.suspend();
    if (intent.open && repositionRequest === 0) {
      repositionRequest = win.requestAnimationFrame(() => {
        repositionRequest = 0;
        if (intent.open && view && !view.reposition()) intent.close();
      });
    }
  };

  const onPointerOut = (event: PointerEvent) => {
    // Leaving the window (onto the browser's own UI) brings no pointermove: count it as "over nothing".
    if (event.relatedTarget === null && event.pointerType !== 'touch') intent.pointer({ kind: 'nothing' });
  };

  const onPointerDown = (event: PointerEvent) => {
    // A touch may become a tap, a scroll or a long-press: the tap decides, when the finger lifts.
    if (event.pointerType === 'touch') return taps.down(touchPoint(event));
    // A click elsewhere closes the card, as it would any popover.
    if (intent.open && !onCard(event)) intent.close();
  };

  // Touch: no hover, so a tap opens the card at once and a tap elsewhere closes it. Listeners stay
  // passive: a long-press must still select text, and a drag still scroll.
  const taps = createTapRecognizer();
  const touchPoint = (event: PointerEvent): TouchPoint => ({
    id: event.pointerId,
    x: event.clientX,
    y: event.clientY,
    time: event.timeStamp,
  });
  /**
   * Whether an event came from inside the card. Events from the shadow tree reach the page with the
   * host as target; the host itself is a zero-size box at the viewport's origin, which a finger near
   * that corner can hit (browsers widen touches to nearby targets): that is not the card.
   */
  const onCard = (event: Event) => {
    const host = view?.element;
    if (!host) return false;
    const path = event.composedPath();
    return path[0] !== host && path.includes(host);
  };

  const onPointerUp = (event: PointerEvent) => {
    if (event.pointerType !== 'touch') return;
    const tap = taps.up(touchPoint(event));
    // Taps inside the card are its own (links, the close button, sources).
    if (!tap || !registry || onCard(event)) return;
    const entry = mentionAt(doc, registry, tap.x, tap.y, rectsOf);
    if (!entry) return intent.close();
    if (intent.open?.id === entry.id) return;
    pointer = { x: tap.x, y: tap.y, overCard: false };
    void openEntry(entry, false);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || !intent.open) return;
    // Ours when focus is in the card; otherwise the page may want Escape too (its own dialog).
    if (view?.hasFocus()) event.stopPropagation();
    intent.dismiss();
  };

  const onFocusOut = (event: FocusEvent) => {
    // Focus moving within the card arrives retargeted to the host: still inside.
    if (event.relatedTarget === view?.element) return;
    if (!openedByKeyboard) return; // a hover card stays until the pointer leaves it
    // Checked a task later: moving to the next mention re-renders the card, which drops focus for a
    // moment before the new card takes it.
    win.setTimeout(() => {
      if (disposed || !openedByKeyboard || view?.hasFocus()) return;
      returnFocus = null; // focus went where the user took it: do not pull it back
      intent.close();
    }, 0);
  };

  const attach = () => {
    if (listeners) return;
    listeners = new AbortController();
    const options = { passive: true, signal: listeners.signal };
    doc.addEventListener('pointermove', onPointerMove, options);
    doc.addEventListener('pointerdown', onPointerDown, options);
    doc.addEventListener('pointerup', onPointerUp, options);
    doc.addEventListener('pointercancel', () => taps.cancel(), options);
    doc.addEventListener('pointerout', onPointerOut, options);
    doc.addEventListener('scroll', onScroll, { ...options, capture: true });
    doc.addEventListener('touchmove', () => intent.suspend(), options);
    win.addEventListener('resize', onScroll, options);
    if (deps.dwell && !stopDwell) {
      const dwell = deps.dwell;
      stopDwell = dwell.watch((ms) => intent.setDwell(ms));
      void dwell.load().then(
        (ms) => intent.setDwell(ms),
        () => undefined, // settings loads never reject; the default dwell stays otherwise
      );
    }
  };

  const detach = () => {
    intent.close();
    listeners?.abort();
    listeners = null;
    taps.cancel();
    if (frameRequest) win.cancelAnimationFrame(frameRequest);
    if (repositionRequest) win.cancelAnimationFrame(repositionRequest);
    frameRequest = 0;
    repositionRequest = 0;
  };

  const sync = () => {
    if (disposed) return;
    registry = deps.mentions.registry;
    if (!registry || registry.size === 0) return detach();
    attach();
    const open = intent.open;
    if (open && registry.get(open.id) !== open) intent.close(); // its text changed or left the page
  };

  // --- keyboard navigation ---

  const openEntry = async (entry: MentionEntry, focus: boolean): Promise<boolean> => {
    const loaded = view ?? (await ensureView());
    if (!loaded || disposed) return false;
    if (focus) {
      const active = doc.activeElement as HTMLElement | null;
      if (active && active !== loaded.element) returnFocus = active;
    }
    focusNext = focus;
    intent.openPinned(entry);
    openedByKeyboard = focus && intent.open?.id === entry.id;
    return intent.open?.id === entry.id;
  };

  const pick = (entries: MentionEntry[], direction: Direction): MentionEntry | undefined => {
    const open = intent.open;
    const at = open ? entries.findIndex((e) => e.id === open.id) : -1;
    if (at >= 0) return entries[(at + (direction === 'next' ? 1 : entries.length - 1)) % entries.length];
    // No card open: start from what is on screen, like find-in-page.
    const height = viewportOf(doc, win).height;
    const tops = entries.map((e) => rectsOf(e.range)[0]);
    if (direction === 'next') {
      const i = tops.findIndex((r) => r !== undefined && r.top >= 0);
      return entries[Math.max(i, 0)];
    }
    let last = -1;
    tops.forEach((r, i) => {
      if (r !== undefined && r.top + r.height <= height) last = i;
    });
    return entries[last >= 0 ? last : entries.length - 1];
  };

  const unsubscribe = deps.mentions.onChange(sync);
  const dispose = () => {
    if (disposed) return;
    disposed = true;
    unsubscribe();
    stopDwell?.();
    detach();
    keys?.abort();
    intent.dispose();
    view?.dispose();
    view = null;
  };
  if (signal.aborted) dispose();
  else signal.addEventListener('abort', dispose, { once: true });
  sync();

  return {
    async navigate(direction) {
      if (!registry || disposed) return false;
      // Only painted mentions: the ones a reader can see on the page.
      const entries = registry.entries((e) => e.highlighted);
      const entry = pick(entries, direction);
      if (!entry || !revealMention(doc, win, entry)) return false;
      win.getSelection()?.removeAllRanges(); // the card marks the mention; a selection would hide the highlight
      return openEntry(entry, true);
    },
    async open(id, options = {}) {
      const entry = registry?.get(id);
      return entry ? openEntry(entry, options.focus === true) : false;
    },
    get attached() {
      return listeners !== null;
    },
    get openId() {
      return intent.open?.id ?? null;
    },
    dispose,
  };
}
