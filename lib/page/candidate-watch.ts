import { isInSkippedRegion } from './dom-rules';
import { ScanTask } from './scan';
import { pageShadowHostCandidates, shadowHostCandidates } from './shadow-hosts';
import { isShadowRoot, PAGE_CHANGES, type ScanRoot, ShadowRoots } from './shadow-roots';
import {
  createYield,
  MUTATION_FLUSH_DELAY_MS,
  runSliced,
  type SlicedTask,
  STEPS_PER_CLOCK_READ,
  type YieldFn,
} from './slices';

/**
 * Waits for the first text on a page that may hold a mention, doing nothing else: most pages never
 * show one, and for them this is all IOM Lens does. It reads the page once with the scan's pre-check
 * (in slices, skipping what the lens skips), then tests the text of each page change, and calls
 * `onFound` once, at the first candidate. Nothing else is touched until then: not the settings (the
 * first use of an extension storage API costs milliseconds), not the highlighter, not the hover cards.
 */

/**
 * Pages whose HTML is at most this many bytes are first tested whole, with one `body.textContent`: it
 * holds every piece of light-DOM text the walk would read (and more: scripts, inline JSON), in the same
 * order, so no candidate in it means none outside shadow trees. One native call, the baseline's own,
 * instead of a walk from script that touches every container (24 of the 25 saved real pages that load
 * have no candidate in it). Up to this size that call stays within a slice; larger pages, and pages with a
 * candidate in it, are walked.
 */
export const WHOLE_READ_MAX_HTML_BYTES = 400_000;

/** The size of the page's HTML as loaded (bytes), or Infinity when the browser does not say. */
function htmlBytes(win: typeof globalThis): number {
  const [nav] = win.performance.getEntriesByType?.('navigation') ?? [];
  const bytes = (nav as PerformanceNavigationTiming | undefined)?.decodedBodySize;
  return bytes ? bytes : Number.POSITIVE_INFINITY;
}

/**
 * The shadow roots of the hosts the scan would ask under `body` (custom elements, and containers without
 * child elements: lib/page/scan.ts), each noted by `shadows`, outside the regions the lens skips. Found by
 * a selector (shadow-hosts.ts): a loop over every element cost more than the page's whole read.
 */
function shadowHostRoots(body: HTMLElement, shadows: ShadowRoots): ShadowRoot[] {
  const roots: ShadowRoot[] = [];
  const { hosts, notDefined } = pageShadowHostCandidates(body);
  for (const el of hosts) {
    const root = shadows.rootOf(el);
    if (root !== null && !isInSkippedRegion(el, body)) roots.push(root);
  }
  shadows.laterUnder(body, notDefined);
  return roots;
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
    shadows.dispose();
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
    const hosts: Element[] = [];
    for (const node of changed) {
      changed.delete(node);
      if (!node.isConnected) continue;
      if (candidateAt(node, node.nodeType === 3 ? (node as Text).data : node.textContent)) {
        return foundOne();
      }
      // Shadow text is not in textContent: an added host is read with the scan, which follows its root;
      // on a page that has shown shadow roots, so is every added element (a host may be inside).
      if (node.nodeType === 1 && (shadows.rootOf(node as Element) !== null || shadows.any)) {
        hosts.push(node as Element);
      }
    }
    stats.workMs += now() - started;
    if (hosts.length > 0) void readLater(hosts);
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
  observer.observe(doc.documentElement, PAGE_CHANGES);
  // Shadow roots met by a read are observed like the document (its observer does not see inside them).
  const shadows = new ShadowRoots({
    win,
    observe: (root) => observer.observe(root, PAGE_CHANGES),
    onLateRoot: (root) => void readLater([root]),
    hostsIn: (region) => pageShadowHostCandidates(region).hosts,
  });

  const yieldToMain = deps.yieldToMain ?? createYield(win);
  const slices = {
    now,
    yieldToMain,
    signal: stop.signal,
    onSlice: (ms: number) => {
      stats.slices++;
      stats.workMs += ms;
      stats.longestSliceMs = Math.max(stats.longestSliceMs, ms);
    },
  };
  /** Reads `roots` and the shadow roots met in them in slices; true at a candidate. */
  const read = async (roots: ScanRoot[]) => {
    // The scan asks `hasCandidate` of each piece and walks only those it answers yes to: answering
    // no while noting the yes is all the reading the watch needs.
    let hit = false;
    const task = new ScanTask(
      roots,
      {
        hasCandidate: (text) => {
          if (!hit && deps.hasCandidate(text)) hit = true;
          return false;
        },
        block: () => undefined,
        shadows,
      },
      now,
      () => hit,
    );
    await runSliced(task, slices);
    stats.pieces += task.counts.pieces;
    return hit;
  };
  /**
   * Reads what came into shadow trees after the first read: the roots of added hosts and of the hosts
   * inside added elements, and roots that a re-check found. Each root's text is tested whole with one
   * `textContent`, as a small page's light DOM is: text the lens would read is in it, in order, and a
   * candidate in the root's own style sheet only wakes the lens early. The scan's walk made an app that
   * adds a hundred components pay for every piece of each (docs/content-script.md, "Speedometer 3").
   */
  const readLater = async (roots: ScanRoot[]) => {
    const queue = [...roots];
    let hit = false;
    const task: SlicedTask = {
      step: (deadline) => {
        for (let n = 1; queue.length > 0; n++) {
          if (n % STEPS_PER_CLOCK_READ === 0 && now() >= deadline) return false;
          const at = queue.pop() as ScanRoot;
          if (isShadowRoot(at)) {
            stats.pieces++;
            if (candidateAt(at.host, at.textContent)) {
              hit = true;
              return true;
            }
          } else {
            const root = shadows.rootOf(at);
            if (root !== null) queue.push(root);
          }
          // Most added components hold nothing in their light DOM: no selector run for them.
          if (at.firstElementChild === null) continue;
          for (const el of shadowHostCandidates(at)) {
            const root = shadows.rootOf(el);
            if (root !== null) queue.push(root);
          }
        }
        return true;
      },
    };
    if (!stop.signal.aborted && (await runSliced(task, slices)) && hit) foundOne();
  };
  /**
   * Tests a small page's light DOM whole with one `textContent` (the baseline's own call): null when it
   * has a candidate (the page is then walked), else the shadow roots still to read, since shadow text is
   * not in it (a page without roots pays one sweep over its elements for that).
   */
  const wholeReadClear = (body: HTMLElement): ScanRoot[] | null => {
    const started = now();
    const clear = !deps.hasCandidate(body.textContent ?? '');
    const roots = clear ? shadowHostRoots(body, shadows) : null;
    const ms = now() - started;
    stats.slices++;
    stats.workMs += ms;
    stats.longestSliceMs = Math.max(stats.longestSliceMs, ms);
    stats.pieces++;
    return roots;
  };
  const firstRead = async () => {
    // In a task of its own: the caller gets its watch before `onFound` can run.
    await yieldToMain();
    if (stop.signal.aborted) return;
    const body = doc.body;
    const readable = body !== null && doc.designMode !== 'on';
    const shadowRoots = readable && htmlBytes(win) <= WHOLE_READ_MAX_HTML_BYTES ? wholeReadClear(body) : null;
    const roots = shadowRoots ?? (readable ? [body] : []);
    if (roots.length > 0 && (await read(roots))) return foundOne();
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
