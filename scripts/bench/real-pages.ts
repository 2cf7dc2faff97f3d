/**
 * The real-pages benchmark's pure parts (scripts/bench-real-pages.ts runs the browsers): which pages there
 * are, a page's figures from its loads, the total over all pages with the targets, and the printed
 * table. No browser here, so all of it is unit-tested.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { ProfileSplit } from './measure';
import { median, ms, ratio } from './report';

/** The saved real pages, read where they lie (relative to the project root; never copied into it). */
export const REAL_PAGES_DIR = '../shared/benchmarks/real-pages';

/** Targets of issue 17, item 1. */
export const REAL_PAGES_TARGET = {
  /** Mean thread time above the no-op, as a multiple of the mean textContent + regex baseline. */
  meanOverBaseline: 1.5,
  /** No page's thread time above the no-op may exceed its own baseline by more than this (ms). */
  beyondBaselineMs: 5,
};

/** Pages whose breakdown is printed: the dearest, as the issue asks. */
export const DEAREST_PAGES = 10;

/** The `.html` files of `dir`, sorted by name; null when the folder is absent (../shared not there). */
export function listRealPages(dir: string): string[] | null {
  if (!existsSync(dir)) return null;
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isFile() && e.name.toLowerCase().endsWith('.html'))
    .map((e) => e.name)
    .sort();
}

/** What the loads of one page gave, one entry per load (run) of each variant. */
export interface PageSamples {
  name: string;
  bytes: number;
  /** IOM Lens: thread time of our scripts' evaluation plus the content script's self-timed work (ms). */
  ext: number[];
  /** The no-op content script: its evaluation's thread time (ms). */
  noop: number[];
  /** No extension: `body.textContent` + the candidate regex, main-thread time (ms). */
  baseline: number[];
  /** IOM Lens: the longest slice of its own work per load (ms). */
  longest: number[];
  /** IOM Lens: where its time went per load, by part (ms): script evaluations and self-timed phases. */
  parts: Array<Record<string, number>>;
  /** The no-op's evaluation per load, by script (ms). */
  noopParts: Array<Record<string, number>>;
  /**
   * The same no-op declared for every frame (all_frames, match_about_blank), thread time per load (ms): the
   * floor of running in frames at all, which the top-only no-op does not pay. Absent in older samples.
   */
  noopFrames?: number[];
  /** The sampling profile of a separate, untraced load of each: IOM Lens's and the no-op's. */
  extProfile: ProfileSplit[];
  noopProfile: ProfileSplit[];
  /** Mentions IOM Lens found on the page (the last load's count). */
  mentions: number;
  /** Set when a load timed out or failed: the page is reported so, without figures. */
  problem: string | null;
}

/** A page's figures by the two methods, each above the no-op (ms, medians; may be below 0). */
export interface Methods {
  /** Trace: our scripts' evaluation, and the work the content script times itself (watch or lens). */
  traceEvaluation: number;
  traceSelfTimed: number;
  /** Profile: samples charged with the time to the next (the page bench's figure), split as ProfileSplit. */
  profile: number;
  profileEvaluation: number;
  profileLater: number;
  /** Profile: each sample counted as one sampling interval. */
  profileSampled: number;
}

/** A page's printed figures (medians over its loads). */
export interface PageRow {
  name: string;
  kb: number;
  ext: number;
  noop: number;
  /** Ours above the no-op, never below 0. */
  own: number;
  /**
   * What the no-op costs more when it runs in every frame (ms): the browser's price of a content script
   * world in each of the page's frames, whatever the script. NaN when not measured.
   */
  framesFloor: number;
  /** Our evaluations in subframes (ms): the frame gate's, and what it imported. */
  subframes: number;
  baseline: number;
  /** own / baseline. */
  ratio: number;
  /** own − baseline: what the 5 ms target bounds. */
  beyond: number;
  /** The longest slice of any load. */
  longest: number;
  mentions: number;
  parts: Record<string, number>;
  noopParts: Record<string, number>;
  methods: Methods;
  problem: string | null;
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

/** Parts named after a script are its evaluation (`content.js`, `content.js in subframes`); others are phases. */
const isEvaluation = (key: string) => /\.js\b/.test(key);

/** The two methods' figures of a page, each above the no-op's by the same method. */
function methodsOf(
  s: PageSamples,
  parts: Record<string, number>,
  noopParts: Record<string, number>,
): Methods {
  const evaluations = (p: Record<string, number>) =>
    sum(Object.entries(p).flatMap(([k, v]) => (isEvaluation(k) ? [v] : [])));
  const self = sum(Object.entries(parts).flatMap(([k, v]) => (isEvaluation(k) ? [] : [v])));
  const above = (key: keyof ProfileSplit) =>
    median(s.extProfile.map((p) => p[key])) - median(s.noopProfile.map((p) => p[key]));
  return {
    traceEvaluation: evaluations(parts) - evaluations(noopParts),
    traceSelfTimed: self,
    profile: above('charged'),
    profileEvaluation: above('evaluation'),
    profileLater: above('later'),
    profileSampled: above('sampled'),
  };
}

/** Median per key over a list of records (a key missing from a record counts as 0 there). */
export function medianParts(list: Array<Record<string, number>>): Record<string, number> {
  const keys = [...new Set(list.flatMap((r) => Object.keys(r)))].sort();
  return Object.fromEntries(keys.map((k) => [k, median(list.map((r) => r[k] ?? 0))]));
}

/** A page's figures from its samples; a page with a problem, or no loads, keeps only its name and problem. */
export function pageRow(s: PageSamples): PageRow {
  const problem = s.problem ?? (s.ext.length === 0 ? 'no loads' : null);
  const ext = median(s.ext);
  const noop = median(s.noop);
  const own = Math.max(0, ext - noop);
  const baseline = median(s.baseline);
  const parts = medianParts(s.parts);
  const noopParts = medianParts(s.noopParts);
  return {
    name: s.name,
    kb: s.bytes / 1024,
    ext,
    noop,
    own,
    framesFloor: s.noopFrames?.length ? median(s.noopFrames) - noop : Number.NaN,
    subframes: Object.entries(parts).reduce((sum, [k, v]) => (k.includes('in subframes') ? sum + v : sum), 0),
    baseline,
    ratio: own / baseline,
    beyond: own - baseline,
    longest: s.longest.length > 0 ? Math.max(...s.longest) : Number.NaN,
    mentions: s.mentions,
    parts,
    noopParts,
    methods: methodsOf(s, parts, noopParts),
    problem,
  };
}

/** The total over the measured pages, and the targets' verdicts. */
export interface Total {
  pages: number;
  measured: number;
  /** Pages reported without figures, as `name (problem)`. */
  problems: string[];
  meanOwn: number;
  meanBaseline: number;
  /** meanOwn / meanBaseline. */
  ratio: number;
  meanOk: boolean;
  /** Pages whose own time exceeds their baseline by more than the target. */
  overBudget: string[];
  mentions: number;
}

const mean = (values: number[]) => sum(values) / values.length;
const meanOf = mean;
const measuredRows = (rows: PageRow[]) => rows.filter((r) => !r.problem);

export function total(rows: PageRow[]): Total {
  const measured = rows.filter((r) => !r.problem);
  const meanOwn = mean(measured.map((r) => r.own));
  const meanBaseline = mean(measured.map((r) => r.baseline));
  const ratioOfMeans = meanOwn / meanBaseline;
  return {
    pages: rows.length,
    measured: measured.length,
    problems: rows.filter((r) => r.problem).map((r) => `${r.name} (${r.problem})`),
    meanOwn,
    meanBaseline,
    ratio: ratioOfMeans,
    meanOk: measured.length > 0 && ratioOfMeans <= REAL_PAGES_TARGET.meanOverBaseline,
    overBudget: measured.filter((r) => r.beyond > REAL_PAGES_TARGET.beyondBaselineMs).map((r) => r.name),
    mentions: measured.reduce((sum, r) => sum + r.mentions, 0),
  };
}

const HEADER = [
  'page',
  'KB',
  'IOM Lens',
  'no-op',
  'above no-op',
  'baseline',
  'ratio',
  'beyond baseline',
  'longest slice',
  'mentions',
  'profile above no-op',
];

/** Columns after the first are right-aligned numbers. */
function table(lines: string[][]): string[] {
  const widths = HEADER.map((_, i) => Math.max(...lines.map((l) => (l[i] ?? '').length)));
  return lines.map((l) =>
    l.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join('  '),
  );
}

/** The per-page table and its total line; a page with a problem shows it in place of figures. */
export function formatTable(rows: PageRow[], sum: Total): string[] {
  const signed = (v: number) => `${v > 0 ? '+' : ''}${ms(v)}`;
  const lines = rows.map((r) =>
    r.problem
      ? [r.name, r.kb.toFixed(0), r.problem.toUpperCase(), '', '', '', '', '', '', '', '']
      : [
          r.name,
          r.kb.toFixed(0),
          ms(r.ext),
          ms(r.noop),
          ms(r.own),
          ms(r.baseline),
          ratio(r.ratio),
          signed(r.beyond),
          ms(r.longest),
          String(r.mentions),
          ms(r.methods.profile),
        ],
  );
  if (sum.measured === 0)
    return table([HEADER, ...lines, ['no page measured', '', '', '', '', '', '', '', '', '', '']]);
  lines.push([
    `mean of ${sum.measured} pages`,
    '',
    '',
    '',
    ms(sum.meanOwn),
    ms(sum.meanBaseline),
    ratio(sum.ratio),
    signed(sum.meanOwn - sum.meanBaseline),
    '',
    `${sum.mentions} total`,
    ms(meanOf(measuredRows(rows).map((r) => r.methods.profile))),
  ]);
  return table([HEADER, ...lines]);
}

/** How a part of the time is printed: script evaluations by file, the lens's phases by name. */
function partLabel(key: string): string {
  if (isEvaluation(key)) return `evaluating ${key}`;
  if (key === 'watch') return 'candidate watch (read + observer callbacks)';
  return `lens ${key}`;
}

/** Where the time went on the `n` dearest measured pages, one line each, dearest first. */
export function formatBreakdown(rows: PageRow[], n = DEAREST_PAGES): string[] {
  return rows
    .filter((r) => !r.problem)
    .sort((a, b) => b.own - a.own)
    .slice(0, n)
    .map((r) => {
      const parts = Object.entries(r.parts)
        .filter(([, v]) => v >= 0.05)
        .sort(([, a], [, b]) => b - a)
        .map(([k, v]) => `${partLabel(k)} ${ms(v)}`);
      const noop = Object.entries(r.noopParts).map(([k, v]) => `${k} ${ms(v)}`);
      return `${r.name}: ${ms(r.own)} above the no-op = ${parts.join(', ') || 'nothing measured'}; less the no-op's evaluation ${noop.join(', ') || '0 ms'}`;
    });
}

/**
 * The floor of running in every frame, against what we pay in frames: per page with frames, and the mean
 * above the no-op once that floor is taken off, beside the baseline (the target's ratio, floor excluded).
 */
export function formatFramesFloor(rows: PageRow[]): string[] {
  const measured = measuredRows(rows).filter((r) => !Number.isNaN(r.framesFloor));
  if (measured.length === 0) return [];
  const framed = measured
    .filter((r) => r.subframes >= 0.05 || r.framesFloor >= 0.5)
    .sort((a, b) => b.framesFloor - a.framesFloor)
    .map((r) => `${r.name}: floor ${ms(r.framesFloor)}, ours in subframes ${ms(r.subframes)}`);
  const floor = mean(measured.map((r) => r.framesFloor));
  const above = mean(measured.map((r) => Math.max(0, r.own - Math.max(0, r.framesFloor))));
  const baseline = mean(measured.map((r) => r.baseline));
  return [
    `pages with frames: ${framed.join('; ') || 'none'}`,
    `mean floor ${ms(floor)}; mean above the no-op less the floor ${ms(above)} = ${(above / baseline).toFixed(2)}x the mean baseline`,
  ];
}

/** The folder of the real pages for a project root. */
export const realPagesDir = (root: string) => path.resolve(root, REAL_PAGES_DIR);

/**
 * The two methods side by side, as means over the measured pages, each split the same way: the script
 * evaluations, and what runs after them (the candidate watch's read and observer callbacks, the lens).
 * The profile is taken on loads of its own; the trace's self-timed part is wall time.
 */
export function formatMethods(rows: PageRow[]): string[] {
  const measured = measuredRows(rows);
  if (measured.length === 0) return [];
  const m = (key: keyof Methods) => mean(measured.map((r) => r.methods[key]));
  const trace = m('traceEvaluation') + m('traceSelfTimed');
  return [
    `trace ${ms(trace)} above the no-op = evaluation ${ms(m('traceEvaluation'))} (thread time) + self-timed work ${ms(m('traceSelfTimed'))} (wall time)`,
    `profile ${ms(m('profile'))} above the no-op = evaluation ${ms(m('profileEvaluation'))} + later ${ms(m('profileLater'))} (each sample charged with the time to the next); counting each sample as one interval: ${ms(m('profileSampled'))}`,
    `difference ${ms(m('profile') - trace)}: in the evaluation ${ms(m('profileEvaluation') - m('traceEvaluation'))}, after it ${ms(m('profileLater') - m('traceSelfTimed'))}; gaps between samples charged to ours ${ms(m('profile') - m('profileSampled'))}`,
  ];
}
