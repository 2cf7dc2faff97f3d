// @vitest-environment node
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  formatBreakdown,
  formatFramesFloor,
  formatMethods,
  formatTable,
  listRealPages,
  medianParts,
  type PageSamples,
  pageRow,
  REAL_PAGES_TARGET,
  total,
} from '../../../scripts/bench/real-pages';

/** A page's samples: three loads unless told otherwise. */
const samples = (over: Partial<PageSamples> = {}): PageSamples => ({
  name: 'page',
  bytes: 10_240,
  ext: [10, 12, 30],
  noop: [7, 8, 9],
  baseline: [2, 3, 4],
  longest: [1, 5, 2],
  parts: [{ 'content.js': 9, watch: 3 }],
  noopParts: [{ 'content.js': 8 }],
  extProfile: [{ charged: 20, sampled: 12, evaluation: 9, later: 11 }],
  noopProfile: [{ charged: 4, sampled: 3, evaluation: 4, later: 0 }],
  mentions: 0,
  problem: null,
  ...over,
});

describe('listRealPages', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'real-pages-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('lists the .html files sorted by name, leaving out notes and folders', async () => {
    for (const name of ['b.html', 'a.HTML', 'ABOUT.md']) await writeFile(path.join(dir, name), '');
    await mkdir(path.join(dir, 'c.html'));
    expect(listRealPages(dir)).toEqual(['a.HTML', 'b.html']);
  });

  it('says null when the folder is absent, so the bench can skip with a notice', () => {
    expect(listRealPages(path.join(dir, 'missing'))).toBeNull();
  });
});

describe('formatFramesFloor', () => {
  it('prints the floor of running in every frame beside what we pay in subframes, and the ratio without it', () => {
    const framed = pageRow(
      samples({
        name: 'framed',
        ext: [30],
        noop: [5],
        noopFrames: [15],
        baseline: [4],
        parts: [{ 'frame-gate.js in subframes': 12, 'content.js': 9 }],
      }),
    );
    const plain = pageRow(samples({ name: 'plain', ext: [9], noop: [5], noopFrames: [5], baseline: [4] }));
    expect(framed).toMatchObject({ framesFloor: 10, subframes: 12 });
    expect(formatFramesFloor([framed, plain])).toEqual([
      'pages with frames: framed: floor 10 ms, ours in subframes 12 ms',
      // (25 − 10 + 4 − 0) / 2 = 9.5 ms above less the floor, against a mean baseline of 4 ms.
      'mean floor 5.0 ms; mean above the no-op less the floor 9.5 ms = 2.38x the mean baseline',
    ]);
  });

  it('prints nothing when the every-frame no-op was not measured', () => {
    expect(formatFramesFloor([pageRow(samples())])).toEqual([]);
  });
});

describe('pageRow', () => {
  it('takes medians of each variant and subtracts the no-op from ours', () => {
    const row = pageRow(samples());
    expect(row).toMatchObject({ ext: 12, noop: 8, own: 4, baseline: 3, beyond: 1, longest: 5, kb: 10 });
    expect(row.ratio).toBeCloseTo(4 / 3);
  });

  it('never reports ours below 0 when the no-op happened to be dearer', () => {
    expect(pageRow(samples({ ext: [5], noop: [6] })).own).toBe(0);
  });

  it('takes the median of each part over the loads, a part missing from a load counting 0 there', () => {
    expect(medianParts([{ a: 1, b: 4 }, { a: 3 }, { a: 2, b: 6 }])).toEqual({ a: 2, b: 4 });
  });

  it('keeps the problem of a page that timed out, and calls a page without loads one with a problem', () => {
    expect(pageRow(samples({ problem: 'timed out', ext: [] })).problem).toBe('timed out');
    expect(pageRow(samples({ ext: [], noop: [], baseline: [] })).problem).toBe('no loads');
  });
});

describe('total', () => {
  const rows = [
    pageRow(samples({ name: 'cheap', ext: [9], noop: [8], baseline: [3], mentions: 2 })),
    pageRow(samples({ name: 'dear', ext: [20], noop: [8], baseline: [3] })),
    pageRow(samples({ name: 'hung', ext: [], problem: 'timed out' })),
  ];

  it('averages the measured pages only, and lists the others with their problem', () => {
    const sum = total(rows);
    expect(sum).toMatchObject({ pages: 3, measured: 2, meanOwn: 6.5, meanBaseline: 3, mentions: 2 });
    expect(sum.problems).toEqual(['hung (timed out)']);
    expect(sum.ratio).toBeCloseTo(6.5 / 3);
  });

  it('checks the mean against 1.5x the mean baseline and each page against 5 ms beyond its own', () => {
    const sum = total(rows);
    expect(sum.meanOk).toBe(false);
    expect(sum.overBudget).toEqual(['dear']);
    const fine = total([pageRow(samples({ ext: [8 + 3 * REAL_PAGES_TARGET.meanOverBaseline], noop: [8] }))]);
    expect(fine.meanOk).toBe(true);
    expect(fine.overBudget).toEqual([]);
  });

  it('meets no target when no page was measured', () => {
    expect(total([rows[2] as ReturnType<typeof pageRow>]).meanOk).toBe(false);
  });
});

describe('formatTable', () => {
  it('prints a header, a line per page with its figures, and the mean with the mentions in total', () => {
    const rows = [
      pageRow(samples({ name: 'heise', mentions: 3 })),
      pageRow(samples({ name: 'hung', problem: 'timed out' })),
    ];
    const lines = formatTable(rows, total(rows));
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(/^page\s+KB\s+IOM Lens\s+no-op\s+above no-op\s+baseline\s+ratio/);
    expect(lines[1]).toMatch(
      /^heise\s+10\s+12 ms\s+8\.0 ms\s+4\.0 ms\s+3\.0 ms\s+1\.33x\s+\+1\.0 ms\s+5\.0 ms\s+3\s+16 ms$/,
    );
    expect(lines[2]).toMatch(/^hung\s+10\s+TIMED OUT/);
    expect(lines[3]).toMatch(/^mean of 1 pages\s+4\.0 ms\s+3\.0 ms\s+1\.33x\s+\+1\.0 ms\s+3 total\s+16 ms$/);
  });

  it('says so when no page was measured instead of printing NaN', () => {
    const rows = [pageRow(samples({ name: 'hung', problem: 'timed out' }))];
    const lines = formatTable(rows, total(rows));
    expect(lines.at(-1)).toMatch(/^no page measured/);
    expect(lines.join('\n')).not.toContain('NaN');
  });
});

describe('two methods', () => {
  it('sets the trace and the profile above the no-op side by side, each split into evaluation and later', () => {
    expect(pageRow(samples()).methods).toEqual({
      traceEvaluation: 1,
      traceSelfTimed: 3,
      profile: 16,
      profileEvaluation: 5,
      profileLater: 11,
      profileSampled: 9,
    });
  });

  it('explains the difference: where the profile differs from the trace, and the gaps it charges to us', () => {
    const rows = [pageRow(samples()), pageRow(samples({ name: 'hung', problem: 'timed out' }))];
    expect(formatMethods(rows)).toEqual([
      'trace 4.0 ms above the no-op = evaluation 1.0 ms (thread time) + self-timed work 3.0 ms (wall time)',
      'profile 16 ms above the no-op = evaluation 5.0 ms + later 11 ms (each sample charged with the time to the next); counting each sample as one interval: 9.0 ms',
      'difference 12 ms: in the evaluation 4.0 ms, after it 8.0 ms; gaps between samples charged to ours 7.0 ms',
    ]);
    expect(formatMethods([rows[1] as ReturnType<typeof pageRow>])).toEqual([]);
  });
});

describe('formatBreakdown', () => {
  it('lists the dearest measured pages first with their parts, largest first, and the no-op evaluation', () => {
    const rows = [
      pageRow(samples({ name: 'cheap', ext: [9], noop: [8] })),
      pageRow(samples({ name: 'dear', ext: [20], noop: [8], parts: [{ 'content.js': 9, watch: 11 }] })),
      pageRow(samples({ name: 'hung', problem: 'timed out' })),
    ];
    expect(formatBreakdown(rows, 1)).toEqual([
      "dear: 12 ms above the no-op = candidate watch (read + observer callbacks) 11 ms, evaluating content.js 9.0 ms; less the no-op's evaluation content.js 8.0 ms",
    ]);
    expect(formatBreakdown(rows).map((l) => l.split(':')[0])).toEqual(['dear', 'cheap']);
  });

  it('counts the evaluation in subframes as an evaluation, apart from the top frame', () => {
    const row = pageRow(samples({ parts: [{ 'content.js': 9, 'content.js in subframes': 2, watch: 3 }] }));
    expect(row.methods.traceEvaluation).toBe(3);
    expect(formatBreakdown([row])[0]).toContain('evaluating content.js in subframes 2.0 ms');
  });

  it("names the lens's phases as the lens's", () => {
    const [line] = formatBreakdown([pageRow(samples({ parts: [{ analyze: 2, 'detector.js': 1 }] }))]);
    expect(line).toContain('lens analyze 2.0 ms, evaluating detector.js 1.0 ms');
  });
});

describe('npm run bench -- real-pages without ../shared', () => {
  it('prints a notice naming the missing folder and exits 0, before building or launching anything', () => {
    const root = path.resolve(import.meta.dirname, '../../..');
    const missing = path.join(os.tmpdir(), 'iom-lens-no-real-pages');
    const result = spawnSync(path.join(root, 'node_modules/.bin/tsx'), ['scripts/bench-real-pages.ts'], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, BENCH_REAL_PAGES_DIR: missing, BENCH_EXTENSION_DIR: missing },
    });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(`skipped (no ${missing};`);
  }, 30_000);
});
