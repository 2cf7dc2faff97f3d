import type { PageReport } from '@/lib/messages';
import type { Settings } from '@/lib/settings';
import { type CandidateWatch, watchForCandidates } from './candidate-watch';
import type { PageDetector } from './detector';
import type { Highlighter } from './highlighter';
import type { LensKit } from './kit';
import type { PageLens } from './lens';
import type { MentionRegistry } from './mention-index';
import { buildReport, Reporter } from './report';
import { type UrlWatch, watchUrl } from './url-watch';

/**
 * Where settings come from (lib/settings in the extension, a fake in tests). Which pages they allow is the
 * kit's `isActiveOn`: the host-pattern rules load with the kit, not on every page.
 */
export interface SettingsSource {
  /** Reads the current settings. */
  load(): Promise<Settings>;
  /** Calls back with the new settings on every change; returns the unsubscribe. */
  watch(cb: (settings: Settings) => void): () => void;
}

/** What the content script passes in. */
export interface ContentLensDeps<A, K extends LensKit = LensKit> {
  /** The page's document. */
  doc: Document;
  /** The page's window. */
  win: Window & typeof globalThis;
  /** The detector functions. */
  detector: PageDetector<A>;
  /** The settings. */
  settings: SettingsSource;
  /** Sends a report to the background. */
  sendReport: (report: PageReport) => Promise<unknown>;
  /** Aborts when the extension context goes away (WXT's `ctx.signal`): everything is removed. */
  signal: AbortSignal;
  /**
   * Loads the lens, the highlighter and the rest of what only pages with a candidate need (the
   * `page-lens.js` chunk in the extension; `lensKit` in tests). Asked once, at the first candidate.
   */
  loadKit: () => Promise<K>;
  /**
   * Called once, when the page has shown a candidate and the kit is loaded, before the settings apply:
   * the content script wires what only such pages need there (hover cards, page guard).
   */
  onWake?: (kit: K) => void;
  /** False once the extension was updated or removed under the page: then nothing more starts. */
  isContextValid?: () => boolean;
}

/** The content script's lens, following the settings and the URL. */
export interface ContentLens {
  /** The running lens, or null while IOM Lens is paused or not allowed on this site. */
  readonly lens: PageLens | null;
  /** The page's mentions, or null while inactive. */
  readonly registry: MentionRegistry | null;
  /**
   * While the page has shown no candidate: the watch for one (settings unread, nothing else running).
   * Null from the first candidate on.
   */
  readonly watch: CandidateWatch | null;
  /** The page's current mentions, as sent to the background (the popup asks for it when the background lost it). */
  report(): PageReport;
  /** Scrolls the mention with this id into view and selects it; false if it is gone or hidden. */
  reveal(id: number): boolean;
  /** Calls `listener` after the mentions change and when the lens starts or stops; returns the unsubscribe. */
  onChange(listener: () => void): () => void;
  /** Removes everything: highlights, style, observers, listeners, timers. */
  dispose(): void;
}

/**
 * The address the site rules judge a document by: its URL, or for a frame without a URL of its own
 * (srcdoc, about:blank, blob:, data:) the origin it inherited, that is the site of the page that made it.
 */
export function siteUrl(win: { location: Pick<Location, 'href'>; origin: string }): string {
  // The document's origin, not `location.origin`: Chromium gives a srcdoc frame's location the origin "null".
  return /^https?:/.test(win.location.href) ? win.location.href : win.origin;
}

/**
 * Wires candidate watch → settings → lens → highlighter → reporter. Until the page shows a candidate
 * only the watch runs (most pages never show one); from then on the lens runs while the settings allow
 * this page (not paused, allow and deny lists) and is torn down at once when they stop allowing it.
 */
export function startContentLens<A, K extends LensKit = LensKit>(deps: ContentLensDeps<A, K>): ContentLens {
  const { doc, win, signal } = deps;
  let lens: PageLens<A> | null = null;
  let kit: K | null = null;
  let highlighter: Highlighter | null = null;
  let current: Settings | null = null;
  let disposed = false;
  const changeListeners = new Set<() => void>();
  const notifyChange = () => {
    for (const listener of changeListeners) listener();
  };
  const currentReport = () => buildReport(win.location.href, lens?.registry ?? null, doc);
  const reporter = new Reporter(currentReport, deps.sendReport);

  const apply = (settings: Settings) => {
    // Settings apply once the kit is loaded (until then a change is kept in `heard`, below).
    if (disposed || !kit) return;
    current = settings;
    const active = kit.isActiveOn(settings, siteUrl(win));
    if (!active) {
      if (lens) turnOff();
      reporter.schedule(true);
      return;
    }
    if (highlighter && lens) {
      highlighter.setStyle(settings.highlightStyle);
      lens.setEras(settings.eras);
      return;
    }
    const painter = kit.createHighlighter(doc, win, settings.highlightStyle);
    highlighter = painter;
    lens = kit.createLens<A>({
      doc,
      win,
      detector: deps.detector,
      sink: painter.sink,
      afterCommit: painter.ensureRegistered,
      eras: settings.eras,
      onChange: () => {
        reporter.schedule();
        notifyChange();
      },
      // SPA navigations without a Navigation API event show up as page changes.
      onPageChange: () => urls?.check(),
    });
    startWhenParsed(lens);
  };

  /** Starts `started` once the document is parsed: scanning a half-parsed page would only scan it twice. */
  const startWhenParsed = (started: PageLens<A>) => {
    if (doc.readyState !== 'loading') return started.start();
    doc.addEventListener(
      'DOMContentLoaded',
      () => {
        if (lens === started) started.start();
      },
      { once: true, signal },
    );
  };

  const turnOff = () => {
    lens?.stop();
    lens = null;
    highlighter?.dispose();
    highlighter = null;
    notifyChange();
  };

  let urls: UrlWatch | null = null;
  let unwatch: (() => void) | null = null;

  /** The first candidate: from here on the settings decide, and page changes are the lens's. */
  const wake = () => {
    watch = null;
    if (disposed) return;
    if (deps.isContextValid && !deps.isContextValid()) {
      dispose(); // the extension went away under the page: its APIs are gone
      return;
    }
    urls = watchUrl(win, () => {
      if (current) apply(current);
      lens?.requestCommit(); // the title and the URL are part of the detector's context
      reporter.schedule(true);
    });
    // The kit and the settings load side by side; a change heard meanwhile is newer than what was read.
    let heard: Settings | null = null;
    unwatch = deps.settings.watch((settings) => {
      if (kit) apply(settings);
      else heard = settings;
    });
    Promise.all([deps.loadKit(), deps.settings.load()]).then(
      ([loaded, settings]) => {
        if (disposed) return;
        kit = loaded;
        deps.onWake?.(loaded);
        apply(heard ?? settings);
      },
      (error: unknown) => {
        // Seen when the extension was updated under the page: nothing more can start here.
        console.warn('[iom-lens] could not load the page lens', error);
        dispose();
      },
    );
  };
  let watch: CandidateWatch | null = watchForCandidates({
    doc,
    win,
    hasCandidate: deps.detector.hasCandidate,
    onFound: wake,
  });

  const dispose = () => {
    if (disposed) return;
    disposed = true;
    watch?.dispose();
    watch = null;
    unwatch?.();
    urls?.dispose();
    turnOff();
    reporter.dispose(); // after turnOff, whose last change notice would schedule a report
    changeListeners.clear();
  };
  if (signal.aborted) dispose();
  else signal.addEventListener('abort', dispose, { once: true });

  return {
    get lens() {
      return lens;
    },
    get registry() {
      return lens?.registry ?? null;
    },
    get watch() {
      return watch;
    },
    report: currentReport,
    reveal(id) {
      const entry = lens?.registry.get(id);
      return entry && kit ? kit.revealMention(doc, win, entry) : false;
    },
    onChange(listener) {
      changeListeners.add(listener);
      return () => changeListeners.delete(listener);
    },
    dispose,
  };
}
