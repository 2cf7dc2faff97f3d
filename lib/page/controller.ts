import type { PageReport } from '@/lib/messages';
import type { Settings } from '@/lib/settings';
import { type CandidateWatch, watchForCandidates } from './candidate-watch';
import type { PageDetector } from './detector';
import { createHighlighter, type Highlighter } from './highlighter';
import { PageLens } from './lens';
import type { MentionRegistry } from './mention-index';
import { buildReport, Reporter } from './report';
import { revealMention } from './reveal';
import { type UrlWatch, watchUrl } from './url-watch';

/** Where settings come from (lib/settings in the extension, a fake in tests). */
export interface SettingsSource {
  /** Reads the current settings. */
  load(): Promise<Settings>;
  /** Calls back with the new settings on every change; returns the unsubscribe. */
  watch(cb: (settings: Settings) => void): () => void;
  /** True when IOM Lens runs on `url` with `settings`. */
  isActiveOn(settings: Settings, url: string): boolean;
}

/** What the content script passes in. */
export interface ContentLensDeps<A> {
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
   * Called once, when the page first shows a candidate and before the settings are read: the content
   * script wires what only pages with mentions need there (hover cards, page guard).
   */
  onWake?: () => void;
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
 * Wires candidate watch → settings → lens → highlighter → reporter. Until the page shows a candidate
 * only the watch runs (most pages never show one); from then on the lens runs while the settings allow
 * this page (not paused, allow and deny lists) and is torn down at once when they stop allowing it.
 */
export function startContentLens<A>(deps: ContentLensDeps<A>): ContentLens {
  const { doc, win, signal } = deps;
  let lens: PageLens<A> | null = null;
  let highlighter: Highlighter | null = null;
  let current: Settings | null = null;
  let disposed = false;
  const changeListeners = new Set<() => void>();
  const notifyChange = () => {
    for (const listener of changeListeners) listener();
  };
  const currentReport = () => buildReport(win.location.href, lens?.registry ?? null);
  const reporter = new Reporter(currentReport, deps.sendReport);

  const apply = (settings: Settings) => {
    if (disposed) return;
    current = settings;
    const active = deps.settings.isActiveOn(settings, win.location.href);
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
    const painter = createHighlighter(doc, win, settings.highlightStyle);
    highlighter = painter;
    lens = new PageLens<A>({
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
  let unwatchFirst: (() => void) | null = null;

  /** The first candidate: from here on the settings decide, and pages changes are the lens's. */
  const wake = () => {
    watch = null;
    if (disposed) return;
    if (deps.isContextValid && !deps.isContextValid()) {
      dispose(); // the extension went away under the page: its APIs are gone
      return;
    }
    deps.onWake?.();
    urls = watchUrl(win, () => {
      if (current) apply(current);
      lens?.requestCommit(); // the title is part of the detector's context
      reporter.schedule(true);
    });
    unwatch = deps.settings.watch(apply);
    let heardChange = false;
    unwatchFirst = deps.settings.watch(() => {
      heardChange = true;
    });
    deps.settings.load().then(
      (settings) => {
        unwatchFirst?.();
        // A change that arrived while loading is newer than what was loaded.
        if (!heardChange) apply(settings);
      },
      () => {
        // loadSettings never rejects (it falls back to the defaults); nothing else to do here.
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
    unwatchFirst?.();
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
      return entry ? revealMention(doc, win, entry) : false;
    },
    onChange(listener) {
      changeListeners.add(listener);
      return () => changeListeners.delete(listener);
    },
    dispose,
  };
}
