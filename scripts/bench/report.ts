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

/** Collects the targets a run misses; `check` prints OK or MISSED in place. */
export class Targets {
  readonly missed: string[] = [];

  check(ok: boolean, what: string): 'OK' | 'MISSED' {
    if (!ok) this.missed.push(what);
    return ok ? 'OK' : 'MISSED';
  }
}
