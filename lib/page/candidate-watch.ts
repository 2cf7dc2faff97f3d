import { isInSkippedRegion } from './dom-rules';
import { ScanTask } from './scan';
import { createYield, MUTATION_FLUSH_DELAY_MS, runSliced, type YieldFn } from './slices';

/**
 * Waits for the first text on a page that may hold a mention, doing nothing else: most pages never
 * show one, and for them this is all IOM Lens does. It reads the page once with the scan's pre-check
 * (in slices, skipping what the lens skips), then tests the text of each page change, and calls
 * `onFound` once, at the first candidate. Nothing else is touched until then: not the settings (the
 * first use of an extension storage API costs milliseconds), not the highlighter, not the hover cards.
 */

/**
 * Pages whose HTML is at most this many bytes are first tested whole, with one `body.textContent`: it
 * holds every piece the walk would read (and more: scripts, inline JSON), in the same order, so no
 * candidate in it means none anywhere. One native call, the baseline's own, instead of a walk from script
 * that touches every container (24 of the 25 saved real pages that load have no candidate in it). Up to
 * this size that call stays within a slice; larger pages, and pages with a candidate in it, are walked.
 */
export const WHOLE_READ_MAX_HTML_BYTES = 400_000;

/** The size of the page's HTML as loaded (bytes), or Infinity when the browser does not say. */
function htmlBytes(win: typeof globalThis): number {
  const [nav] = win.performance.getEntriesByType?.('navigation') ?? [];
  const bytes = (nav as PerformanceNavigationTiming | undefined)?.decodedBodySize;
  return bytes ? bytes : Number.POSITIVE_INFINITY;
}

/** What the watch needs; parameters so tests can drive it. */
export interface CandidateWatchDeps {
  /** The page's document. */
  doc: Document;
  /** The window the DOM classes come from (MutationObserver, performance). */
  win: typeof globalThis;
  /** The detector's pre-check. */
  hasCandidate(text: string): boolean;
  /** Called once, at the first candidate; the watch has stopped by then. */
  onFound(): void;
  /** Gives the main thread back between slices of the first read. */
  yieldToMain?: YieldFn;
}

/** Figures about the watch's work, for tests and the benchmark (ms from `performance.now()`). */
export interface CandidateWatchStats {
  /** When the watch started. */
  startedAt: number;
  /** When the first read of the page finished without a candidate, or null. */
  firstScanDoneAt: number | null;
  /** Pieces of text the first read tested. */
  pieces: number;
  /** Slices of the first read, and the longest. */
  slices: number;
  longestSliceMs: number;
  /** Time spent reading and testing, in total (slices and mutation callbacks). */
  workMs: number;
  /** Mutation records tested. */
  mutationRecords: number;
}

/** A running watch. */
export interface CandidateWatch {
  /** Its figures. */
  readonly stats: CandidateWatchStats;
  /** True once a candidate was found (the watch has then stopped). */
  readonly found: boolean;
  /** True while the first read is still to finish. */
  readonly scanning: boolean;
  /** Stops watching (`onFound` will not be called). */
  dispose(): void;
}

/** Starts watching `deps.doc` for a candidate. */
export function watchForCandidates(deps: CandidateWatchDeps): CandidateWatch {
  const { doc, win } = deps;
  const now = () => win.performance.now();
  const stats: CandidateWatchStats = {
    startedAt: now(),
    firstScanDoneAt: null,
    pieces: 0,
    slices: 0,
    longestSliceMs: 0,
    workMs: 0,
    mutationRecords: 0,
  };
  const stop = new AbortController();
  let found = false;
  let scanning = true;

  const dispose = () => {
    stop.abort();
    observer.disconnect();
    clearTimeout(timer);
    changed.clear();
    scanning = false;
  };
  const foundOne = () => {
    if (found || stop.signal.aborted) return;
    found = true;
    dispose();
    deps.onFound();
  };

  /** True when `text`, added or changed at `node`, may hold a mention the lens would read. */
  const candidateAt = (node: Node, text: string | null) => {
    if (text === null || text.length < 2 || !deps.hasCandidate(text)) return false;
    // Rarely reached: only then is the node's place looked up (script, editor, head, our own UI).
    const body = doc.body;
    return body !== null && !isInSkippedRegion(node, body);
  };

  // Page changes are gathered and their text tested together a moment later, as the lens does: a page
  // that rewrites the same large text node a thousand times a second gets it read twenty times.
  const changed = new Set<Node>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const testChanges = () => {
    timer = undefined;
    const started = now();
    for (const node of changed) {
      changed.delete(node);
      if (
        node.isConnected &&
        candidateAt(node, node.nodeType === 3 ? (node as Text).data : node.textContent)
      ) {
        return foundOne();
      }
    }
    stats.workMs += now() - started;
  };
  const observer = new win.MutationObserver((records) => {
    const started = now();
    stats.mutationRecords += records.length;
    for (const record of records) {
      if (record.type === 'childList') {
        for (const node of record.addedNodes)
          if (node.nodeType === 1 || node.nodeType === 3) changed.add(node);
      } else {
        // Changed text, or an editor turned back into page text (contenteditable removed).
        changed.add(record.target);
      }
    }
    if (timer === undefined && changed.size > 0) timer = setTimeout(testChanges, MUTATION_FLUSH_DELAY_MS);
    stats.workMs += now() - started;
  });
  observer.observe(doc.documentElement, {
    childList: true,
    characterData: true,
    subtree: true,
    attributes: true,
    attributeFilter: ['contenteditable'],
  });

  const yieldToMain = deps.yieldToMain ?? createYield(win);
  const firstRead = async () => {
    // In a task of its own: the caller gets its watch before `onFound` can run.
    await yieldToMain();
    if (stop.signal.aborted) return;
    const body = doc.body;
    if (body && doc.designMode !== 'on' && htmlBytes(win) <= WHOLE_READ_MAX_HTML_BYTES) {
      const started = now();
      const clear = !deps.hasCandidate(body.textContent ?? '');
      const ms = now() - started;
      stats.slices++;
      stats.workMs += ms;
      stats.longestSliceMs = Math.max(stats.longestSliceMs, ms);
      if (clear) {
        stats.pieces = 1;
        scanning = false;
        stats.firstScanDoneAt = now();
        return;
      }
    }
    // The scan asks `hasCandidate` of each piece and walks only those it answers yes to: answering
    // no while noting the yes is all the reading the watch needs.
    let hit = false;
    const task = new ScanTask(
      body && doc.designMode !== 'on' ? [body] : [],
      {
        hasCandidate: (text) => {
          if (!hit && deps.hasCandidate(text)) hit = true;
          return false;
        },
        block: () => undefined,
      },
      now,
      () => hit,
    );
    await runSliced(task, {
      now,
      yieldToMain,
      signal: stop.signal,
      onSlice: (ms) => {
        stats.slices++;
        stats.workMs += ms;
        stats.longestSliceMs = Math.max(stats.longestSliceMs, ms);
      },
    });
    stats.pieces = task.counts.pieces;
    if (hit) return foundOne();
    if (stop.signal.aborted) return;
    scanning = false;
    stats.firstScanDoneAt = now();
  };
  // Read the page once it is parsed (content scripts at document_idle mostly start after that).
  if (doc.readyState !== 'loading') void firstRead();
  else doc.addEventListener('DOMContentLoaded', () => void firstRead(), { once: true, signal: stop.signal });

  return {
    stats,
    get found() {
      return found;
    },
    get scanning() {
      return scanning;
    },
    dispose,
  };
}
