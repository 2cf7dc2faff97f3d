import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Mention } from '@/lib/mention';
import type { Block } from '@/lib/page';
import type { BlockRecord } from '@/lib/page/block-records';
import type { MentionDecider, PageDetector } from '@/lib/page/detector';
import { DetectorRun } from '@/lib/page/detector-run';
import { noWorkYet, STOPPED, WorkMeter } from '@/lib/page/work-meter';
import { iomAcronym } from './helpers';

function meter() {
  const stats = noWorkYet();
  // A clock that moves 1 ms per read, so that every slice ends.
  let t = 0;
  return {
    stats,
    meter: new WorkMeter(
      stats,
      () => t++,
      async () => {},
    ),
  };
}

function record(text: string, analysis: string | null = null): BlockRecord<string> {
  const block: Block = { nodes: [], starts: [], data: [], text };
  return { block, analysis, mentions: [], entries: [] };
}

/** A mention covering all of `text`. */
const mention = (text: string): Mention => iomAcronym(0, { end: text.length, surface: text });

/** A detector whose deciding half counts its loads, warm-ups and analyses. */
function countingDetector(extra: Partial<MentionDecider<string>> = {}) {
  const counts = { loads: 0, warmUps: 0, analyses: 0 };
  const decider: MentionDecider<string> = {
    analyzeBlock: (text) => {
      counts.analyses++;
      return `analysed ${text}`;
    },
    resolveDocument: (blocks) => blocks.map((b) => [mention(b)]),
    *warmUpSteps() {
      counts.warmUps++;
      yield;
    },
    ...extra,
  };
  const detector: PageDetector<string> = {
    hasCandidate: () => true,
    load: async () => {
      counts.loads++;
      return decider;
    },
  };
  return { detector, counts };
}

const running = () => new AbortController().signal;

afterEach(() => vi.restoreAllMocks());

describe('DetectorRun', () => {
  it('loads the deciding half once however often it is asked', async () => {
    const { detector, counts } = countingDetector();
    const run = new DetectorRun(detector, meter().meter);
    run.startLoading();
    run.startLoading();
    await run.analyze([record('IOM')], running());
    expect(counts.loads).toBe(1);
  });

  it('warms the detector up once, before the first analysis, and counts it as preparing', async () => {
    const { detector, counts } = countingDetector();
    const { meter: m, stats } = meter();
    const run = new DetectorRun(detector, m);
    await run.analyze([record('IOM one')], running());
    await run.analyze([record('IOM two')], running());
    expect(counts.warmUps).toBe(1);
    expect(stats.phaseMs.prepare).toBeGreaterThan(0);
  });

  it('analyses each pending record and keeps an analysis a record already has', async () => {
    const { detector, counts } = countingDetector();
    const run = new DetectorRun(detector, meter().meter);
    const pending = [record('IOM one'), record('IOM two', 'earlier')];
    await expect(run.analyze(pending, running())).resolves.toBe(true);
    expect(pending.map((r) => r.analysis)).toEqual(['analysed IOM one', 'earlier']);
    expect(counts.analyses).toBe(1);
  });

  it('neither loads nor analyses when nothing is pending', async () => {
    const { detector, counts } = countingDetector();
    const run = new DetectorRun(detector, meter().meter);
    await expect(run.analyze([], running())).resolves.toBe(true);
    expect(counts.loads).toBe(0);
  });

  it('gives up, with a warning, when the deciding half cannot load', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const detector: PageDetector<string> = {
      hasCandidate: () => true,
      load: () => Promise.reject(new Error('extension context invalidated')),
    };
    const run = new DetectorRun(detector, meter().meter);
    await expect(run.analyze([record('IOM')], running())).resolves.toBe(false);
    expect(warn).toHaveBeenCalledWith('[iom-lens] could not load the detector', expect.any(Error));
  });

  it('stops analysing when the lens stopped', async () => {
    const { detector, counts } = countingDetector();
    const controller = new AbortController();
    controller.abort();
    const run = new DetectorRun(detector, meter().meter);
    await expect(run.analyze([record('IOM')], controller.signal)).resolves.toBe(false);
    expect(counts.analyses).toBe(0);
  });

  it('decides nothing before the deciding half loaded', async () => {
    const { detector } = countingDetector();
    const run = new DetectorRun(detector, meter().meter);
    await expect(run.resolve(['analysed IOM'], { title: 'A page' }, running())).resolves.toEqual([]);
  });

  it('decides the whole page in one call, with its title, when the detector has no steps', async () => {
    const titles: (string | undefined)[] = [];
    const { detector } = countingDetector({
      resolveDocument: (blocks, context) => {
        titles.push(context?.title);
        return blocks.map((b) => [mention(b)]);
      },
    });
    const run = new DetectorRun(detector, meter().meter);
    await run.analyze([record('IOM')], running());
    const resolved = await run.resolve(['a', 'b'], { title: 'A page' }, running());
    expect(resolved).toEqual([[mention('a')], [mention('b')]]);
    expect(titles).toEqual(['A page']);
  });

  it('decides in steps when the detector offers them, and returns STOPPED when the lens stops', async () => {
    const controller = new AbortController();
    const { detector } = countingDetector({
      *resolveDocumentSteps(blocks) {
        controller.abort();
        // More steps than one slice takes.
        for (let i = 0; i < 100_000; i++) yield;
        return blocks.map(() => []);
      },
    });
    const run = new DetectorRun(detector, meter().meter);
    await run.analyze([record('IOM')], running());
    await expect(run.resolve(['a'], { title: 'A page' }, controller.signal)).resolves.toBe(STOPPED);
  });
});
