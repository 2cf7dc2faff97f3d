/** Statistics and printing for the page benchmark: medians, spreads, units, and the targets' verdicts. */

/** The value below which a fraction `q` of `values` lie (nearest rank). */
export function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const at = (i: number) => sorted[i] ?? Number.NaN;
  return sorted.length % 2 ? at(mid) : (at(mid - 1) + at(mid)) / 2;
}

/** Milliseconds, one decimal below 10. */
export const ms = (v: number) => `${v.toFixed(v < 10 ? 1 : 0)} ms`;

/** A ratio, `n/a` when it is not a number. */
export const ratio = (v: number) => (Number.isFinite(v) ? `${v.toFixed(v < 10 ? 2 : 1)}x` : 'n/a');

/** The middle half of `list`: its first and third quartiles. */
export const spread = (list: number[]) => `${ms(quantile(list, 0.25))}–${ms(quantile(list, 0.75))}`;

/**
 * How much `costs` exceed `bases`, load by load (`costs[i]` and `bases[i]` measured in the same round):
 * the median of the rounds' ratios less one, with its first and third quartiles. Pairing each load with
 * its neighbour cancels the drift of a shared machine between rounds, which the fastest of each list alone
 * does not.
 */
export function pairedExcess(costs: number[], bases: number[]): { median: number; q1: number; q3: number } {
  if (costs.length === 0 || costs.length !== bases.length)
    throw new Error(`bench: ${costs.length} costs paired with ${bases.length} bases`);
  const excess = costs.map((cost, i) => cost / (bases[i] as number) - 1);
  return { median: median(excess), q1: quantile(excess, 0.25), q3: quantile(excess, 0.75) };
}

/**
 * Collects the targets a run misses; `check` prints OK or MISSED in place. A miss that the mechanism's
 * own floor explains (`checkFloor`) is printed and listed apart, and does not fail the run.
 */
export class Targets {
  readonly missed: string[] = [];
  readonly explained: string[] = [];

  check(ok: boolean, what: string): 'OK' | 'MISSED' {
    if (!ok) this.missed.push(what);
    return ok ? 'OK' : 'MISSED';
  }

  /**
   * A target with a floor measured in the same run: OK when met; a miss is explained when the floor
   * alone misses it too (no work of ours could meet it), and only an unexplained miss fails the run.
   */
  checkFloor(target: FloorTarget, what: string): string {
    const verdict = judgeFloor(target);
    if (verdict === 'missed') this.missed.push(what);
    if (verdict === 'floor') this.explained.push(what);
    return formatVerdict(verdict, target);
  }
}

/** A figure, its limit, and the floor measured beside it (same unit); `atLeast` for "≥" targets. */
export interface FloorTarget {
  value: number;
  limit: number;
  floor: number;
  atLeast?: boolean;
  /** How the floor is printed (ms by default). */
  show?: (v: number) => string;
}

/** Met, missed, or missed where the floor alone misses too ('floor'). */
export type FloorVerdict = 'met' | 'missed' | 'floor';

export function judgeFloor({ value, limit, floor, atLeast = false }: FloorTarget): FloorVerdict {
  const meets = (v: number) => (atLeast ? v >= limit : v <= limit);
  if (meets(value)) return 'met';
  return meets(floor) ? 'missed' : 'floor';
}

/** How a verdict is printed: OK, MISSED, or MISSED with the floor that explains it. */
export function formatVerdict(verdict: FloorVerdict, { floor, show = ms }: FloorTarget): string {
  if (verdict === 'met') return 'OK';
  if (verdict === 'missed') return `MISSED (the floor, ${show(floor)}, meets it)`;
  return `MISSED, explained by the floor (${show(floor)} alone misses it)`;
}
