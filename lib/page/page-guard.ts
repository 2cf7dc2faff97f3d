/**
 * Keeps IOM Lens honest on pages that fight it, and gone once the extension is: puts back the one style
 * element and the one highlight when the page removes them (the very same objects, so the highlighter
 * still owns them), stops for good when a page keeps removing them, removes what an older instance of
 * the content script left behind (Firefox injects the updated script into open pages beside the dead
 * one's nodes), and notices when the extension was updated, reloaded or removed under the page (Chromium
 * leaves the old script running with a dead extension context) so that everything is removed.
 */

import { OWN_ELEMENT_PREFIX } from './dom-rules';
import { HIGHLIGHT_NAME, STYLE_ATTRIBUTE } from './highlighter';

/**
 * How often the guard looks, in ms, while the page is visible: the registry of highlights has no change
 * event, and Chromium tells an orphaned content script nothing. Each look is a property read and a map
 * lookup; hidden tabs are left alone (the guard looks again when they are shown).
 */
export const GUARD_INTERVAL_MS = 2000;

/**
 * Repairs allowed per page before IOM Lens stops there. A page that removes our style or highlight once
 * (a framework resetting <head>, a page clearing its own highlights) gets them back; one that keeps
 * removing them does not want them, and putting them back forever would be a fight on every change.
 */
export const MAX_REPAIRS = 3;

/** The parts of the content lens the guard needs (lib/page/controller.ts ContentLens). */
export interface GuardedLens {
  /** The running lens, or null while IOM Lens is paused or off on this site. */
  readonly lens: unknown;
  /** Calls `listener` after the mentions change and when the lens starts or stops. */
  onChange(listener: () => void): () => void;
  /** Removes everything. */
  dispose(): void;
}

/** What the guard needs; parameters so unit tests can pass fakes. */
export interface GuardDeps {
  /** The page's document. */
  doc: Document;
  /** The page's window (timers, events). */
  win: Window;
  /** The page's highlight registry (`CSS.highlights`), where the browser has one. */
  registry?: Pick<Map<string, unknown>, 'get' | 'set'>;
  /** The content lens. */
  lens: GuardedLens;
  /** False once the extension context is gone (WXT's `ctx.isValid`, which then aborts `signal`). */
  isContextValid: () => boolean;
  /** Told once when IOM Lens stops on a page that keeps removing what it adds. */
  onGiveUp?: (repairs: number) => void;
  /** Aborts when the content script goes away. */
  signal: AbortSignal;
}

/** The guard of one page. */
export interface PageGuard {
  /** Looks now: context still valid, style and highlight still in place. */
  check(): void;
  /** Repairs made so far. */
  readonly repairs: number;
}

/**
 * Removes what an earlier instance of the content script left in `doc`: its style elements and UI hosts.
 * The extension adds them only as children of <html> (hosts) and <head> (the style), so only those two
 * short lists are looked at. Visiting every element of a large page (100,000 on a 5 MB one) took a 50 ms
 * task on every page load, and even <body>'s children are hundreds on many pages.
 */
export function removeLeftovers(doc: Document): number {
  const stale: Element[] = [];
  for (const parent of [doc.documentElement, doc.head]) {
    for (const el of parent?.children ?? []) {
      const ours =
        el.localName.startsWith(OWN_ELEMENT_PREFIX) ||
        (el.localName === 'style' && el.hasAttribute(STYLE_ATTRIBUTE));
      if (ours) stale.push(el);
    }
  }
  for (const el of stale) el.remove();
  return stale.length;
}

/** Starts guarding the page; everything stops when `signal` aborts. */
export function startPageGuard(deps: GuardDeps): PageGuard {
  const { doc, win, registry, lens, signal } = deps;
  /** Our highlight and style element, as last seen in place right after the lens committed. */
  let highlight: unknown;
  let style: Element | null = null;
  let repairs = 0;
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const remember = () => {
    if (lens.lens === null) {
      highlight = undefined;
      style = null;
      return;
    }
    // Called right after a commit, which registers our highlight again if it was missing: what the
    // registry holds now is ours (a page squatting our name in between is replaced by the lens too).
    highlight = registry?.get(HIGHLIGHT_NAME) ?? highlight;
    style = doc.querySelector(`style[${STYLE_ATTRIBUTE}]`) ?? style;
  };

  const giveUp = () => {
    stopped = true;
    lens.dispose();
    deps.onGiveUp?.(repairs);
  };

  const check = () => {
    if (stopped || signal.aborted) return;
    if (!deps.isContextValid()) return; // WXT aborts `signal`: the content script removes everything
    if (lens.lens === null) return;
    // The highlighter adds its style element when the first mention is painted, after any commit: learn
    // it here too (adding it to <head> is a change the head observer reports).
    style = doc.querySelector(`style[${STYLE_ATTRIBUTE}]`) ?? style;
    let repaired = false;
    if (style && !style.isConnected) {
      (doc.head ?? doc.documentElement).append(style);
      repaired = true;
    }
    if (registry && highlight !== undefined && registry.get(HIGHLIGHT_NAME) !== highlight) {
      registry.set(HIGHLIGHT_NAME, highlight);
      repaired = true;
    }
    if (!repaired) return;
    repairs++;
    if (repairs > MAX_REPAIRS) giveUp();
  };

  const schedule = () => {
    clearTimeout(timer);
    timer = undefined;
    if (signal.aborted || stopped || doc.visibilityState === 'hidden') return;
    timer = setTimeout(() => {
      check();
      schedule();
    }, GUARD_INTERVAL_MS);
  };

  const unlisten = lens.onChange(remember);
  // Removing our style is a change of <head>'s children: repair it at once rather than at the next look.
  const Observer = (win as unknown as { MutationObserver?: typeof MutationObserver }).MutationObserver;
  const observer = Observer ? new Observer(() => check()) : null;
  const observeHead = () => {
    if (doc.head) observer?.observe(doc.head, { childList: true });
  };
  observeHead();
  const options = { signal, passive: true } as const;
  doc.addEventListener('DOMContentLoaded', observeHead, { ...options, once: true });
  doc.addEventListener(
    'visibilitychange',
    () => {
      check();
      schedule();
    },
    options,
  );
  win.addEventListener('focus', check, options);
  win.addEventListener('pageshow', check, options);
  schedule();
  signal.addEventListener(
    'abort',
    () => {
      clearTimeout(timer);
      observer?.disconnect();
      unlisten();
    },
    { once: true },
  );
  remember();
  return {
    check,
    get repairs() {
      return repairs;
    },
  };
}
