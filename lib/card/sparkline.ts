/**
 * The sparkline's geometry as plain numbers: dated figures to points in a small box, and the card's
 * moment to a marker line or band. Pure, so the drawing is tested without a browser.
 */
import { SNAPSHOT_MAX_AGE_YEARS } from './rows';
import type { CardChart } from './types';

/** Drawing box of the sparkline, in CSS px: wide enough to read a trend, low enough to sit in a row. */
export const SPARK_WIDTH = 240;
export const SPARK_HEIGHT = 36;
/** Inner margin, in px, so the line's stroke and end dots are not clipped. */
const PAD = 3;

/** A dataset date (YYYY[-MM[-DD]]) as a fractional year, at the middle of what it names. */
export function yearOf(date: string): number {
  const [y = 0, m, d] = date.split('-').map(Number);
  if (m === undefined) return y + 0.5;
  if (d === undefined) return y + (m - 0.5) / 12;
  return y + (m - 1) / 12 + (d - 0.5) / 365;
}

/** Where the chart's line and marker go. */
export interface SparkGeometry {
  /** The solid runs of the line (figures close enough to join): `points`, or a dot for a lone figure. */
  runs: { points: string; dot: { x: number; y: number } | null }[];
  /**
   * `points` attributes of the joins across gaps: two figures further apart than a figure stands for
   * (`SNAPSHOT_MAX_AGE_YEARS`), between which the card says "not known"; drawn faint and dashed.
   */
  gaps: string[];
  /** The marker: a line at x, or a band from x to x + width. */
  mark: { x: number; width: number } | null;
  /** The latest figure's point, drawn as a dot. */
  end: { x: number; y: number };
}

/** Lays `chart` out in the sparkline box; the x axis spans the figures and the marked moment. */
export function sparkGeometry(chart: CardChart): SparkGeometry {
  const xs = chart.points.map((p) => yearOf(p.date));
  const markFrom = chart.mark ? yearOf(chart.mark.from) : null;
  const markTo = chart.mark?.to ? yearOf(chart.mark.to) : null;
  const span = [...xs, ...(markFrom === null ? [] : [markFrom]), ...(markTo === null ? [] : [markTo])];
  const x0 = Math.min(...span);
  const x1 = Math.max(...span);
  const values = chart.points.map((p) => p.value);
  const v0 = Math.min(0, ...values);
  const v1 = Math.max(...values);
  const sx = (x: number) => PAD + ((x - x0) / (x1 - x0 || 1)) * (SPARK_WIDTH - 2 * PAD);
  const sy = (v: number) => SPARK_HEIGHT - PAD - ((v - v0) / (v1 - v0 || 1)) * (SPARK_HEIGHT - 2 * PAD);
  const round = (n: number) => Math.round(n * 10) / 10;
  const at = chart.points.map((p, i) => ({ x: round(sx(xs[i] ?? 0)), y: round(sy(p.value)) }));
  const written = (ps: readonly { x: number; y: number }[]) => ps.map((p) => `${p.x},${p.y}`).join(' ');
  const runs: SparkGeometry['runs'] = [];
  const close = (ps: { x: number; y: number }[]) =>
    runs.push({ points: written(ps), dot: ps.length === 1 ? (ps[0] ?? null) : null });
  const gaps: string[] = [];
  let run: { x: number; y: number }[] = [];
  at.forEach((p, i) => {
    const previous = at[i - 1];
    if (previous && (xs[i] ?? 0) - (xs[i - 1] ?? 0) > SNAPSHOT_MAX_AGE_YEARS) {
      close(run);
      gaps.push(written([previous, p]));
      run = [];
    }
    run.push(p);
  });
  close(run);
  const mark =
    markFrom === null
      ? null
      : { x: round(sx(markFrom)), width: markTo === null ? 0 : round(sx(markTo) - sx(markFrom)) };
  return { runs, gaps, mark, end: at.at(-1) ?? { x: 0, y: 0 } };
}
