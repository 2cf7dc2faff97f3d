import type { Mention } from '@/lib/mention';
import { eagerDetector, type PageDetector } from '@/lib/page';

/** What the fake detector keeps per block. */
export interface FakeAnalysis {
  text: string;
  hits: { start: number; end: number; surface: string; kind: 'acronym' | 'long' }[];
  definesForeign: boolean;
}

const HIT = /\bIOM\b|\bICEM\b|International Organization for\s+Migration/g;

/**
 * A small detector with the real one's contract: substring pre-check, per-block analysis, and a
 * document-level rule ("Isle of Man (IOM)" anywhere turns every IOM acronym down).
 */
export function fakeDetector(): PageDetector<FakeAnalysis> & { analyzed: string[]; checked: string[] } {
  const analyzed: string[] = [];
  const checked: string[] = [];
  const detector = eagerDetector<FakeAnalysis>({
    hasCandidate(text) {
      checked.push(text);
      return /IOM|ICEM|Migra/.test(text);
    },
    analyzeBlock(text) {
      analyzed.push(text);
      const hits = [...text.matchAll(HIT)].map((m) => ({
        start: m.index,
        end: m.index + m[0].length,
        surface: m[0],
        kind: m[0].length <= 4 ? ('acronym' as const) : ('long' as const),
      }));
      return { text, hits, definesForeign: /Isle of Man \(IOM\)/.test(text) };
    },
    resolveDocument(blocks) {
      const foreign = blocks.some((b) => b.definesForeign);
      return blocks.map((b) =>
        b.hits
          .filter((h) => !(foreign && h.kind === 'acronym'))
          .map(
            (h): Mention => ({
              ...h,
              name: h.surface === 'ICEM' ? 'ICEM' : 'IOM',
              nameId: h.surface === 'ICEM' ? 'icem' : 'iom',
              lang: 'en',
              confidence: h.kind === 'long' ? 1 : 0.9,
            }),
          ),
      );
    },
  });
  return { ...detector, analyzed, checked };
}

/** The detector's answer for "IOM" written at `start` (an acronym in English), with `over` changed. */
export function iomAcronym(start = 0, over: Partial<Mention> = {}): Mention {
  return {
    start,
    end: start + 3,
    surface: 'IOM',
    name: 'IOM',
    nameId: 'iom',
    lang: 'en',
    kind: 'acronym',
    confidence: 0.9,
    ...over,
  };
}

/** Range stand-in for happy-dom, which has no StaticRange. */
export function plainRange(init: StaticRangeInit): AbstractRange {
  return {
    ...init,
    collapsed: init.startContainer === init.endContainer && init.startOffset === init.endOffset,
  };
}

/** Replaces the body's content and returns the body. */
export function page(html: string): HTMLElement {
  document.body.innerHTML = html;
  return document.body;
}

/** The text a range covers (ranges here may span several text nodes). */
export function rangeText(range: AbstractRange): string {
  const live = document.createRange();
  live.setStart(range.startContainer, range.startOffset);
  live.setEnd(range.endContainer, range.endOffset);
  return live.toString();
}

/** Lets timers and tasks run. */
/**
 * Polls `ready` every few milliseconds until it holds, for starts that go through several kinds of task
 * (a MessageChannel yield, timers, promises) whose order Node does not fix; throws after `timeoutMs`.
 */
export async function until(ready: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!ready()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await tick(2);
  }
}

export function tick(ms = 0): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
