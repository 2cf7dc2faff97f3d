// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { detect } from '@/lib/detect';

/** Base size of each hostile text; the test compares four runs on it with one run on four times as much. */
const N = 12_000;
/**
 * Same amount of text either way, so linear work gives a ratio near 1 and quadratic work near 4; 3 leaves
 * room for a loaded shared machine and garbage collection on the larger heap.
 */
const MAX_RATIO = 3;
/** Shortest measurement worth comparing, in ms: below it timer noise dominates. */
const MIN_MEASURE_MS = 8;
/** Rounds of interleaved measurements: a load spike on the shared machine hits both sides alike. */
const ROUNDS = 5;

/** Hostile inputs: each repeats a piece that would make a backtracking or rescanning detector blow up. */
const HOSTILE: Record<string, (size: number) => string> = {
  'packed acronyms': (n) => 'IOM '.repeat(n / 4),
  'acronyms glued together': (n) => 'IOMICEM'.repeat(n / 7),
  'unclosed brackets after acronyms': (n) => 'IOM ('.repeat(n / 5),
  'one unclosed bracket before a long tail': (n) => `IOM (${'word '.repeat(n / 5)}`,
  'brackets only': (n) => `${'('.repeat(n / 2)}IOM${')'.repeat(n / 2)}`,
  'long names cut short': (n) => 'International Organization for '.repeat(n / 31),
  'long names with maximal gaps': (n) =>
    `International${' '.repeat(16)}Organization${' '.repeat(16)}for${' '.repeat(16)}`.repeat(n / 63),
  'packed stems': (n) => 'migra'.repeat(n / 5),
  'repeated stems': (n) => 'Migration '.repeat(n / 10),
  'repeated aliases': (n) => 'UN Migration '.repeat(n / 13),
  'cue words around acronyms': (n) => 'refugee migrant IOM Isle of Man '.repeat(n / 32),
  'definitions both ways': (n) =>
    'Isle of Man (IOM) and International Organization for Migration (IOM) '.repeat(n / 69),
  'one endless sentence of cue prefixes': (n) => 'migrat'.repeat(n / 6),
};

/** Time of one call, in ms. */
function time(run: () => unknown): number {
  const t0 = performance.now();
  run();
  return performance.now() - t0;
}

/** Several interleaved rounds on up to 48,000 characters each: generous for a loaded shared machine. */
const TEST_TIMEOUT_MS = 60_000;

describe('detector on hostile input', { timeout: TEST_TIMEOUT_MS }, () => {
  it.each(Object.entries(HOSTILE))('runs in linear time: %s', (_name, make) => {
    const small = make(N);
    const large = make(4 * N);
    // Warm-up on both sizes: compile the regexes, let V8 optimise, grow the heap.
    detect(small);
    detect(large);
    const reps = Math.max(
      1,
      Math.ceil(
        MIN_MEASURE_MS /
          Math.max(
            time(() => detect(small)),
            0.01,
          ),
      ),
    );
    let onSmall = Number.POSITIVE_INFINITY;
    let onLarge = Number.POSITIVE_INFINITY;
    for (let round = 0; round < ROUNDS; round++) {
      onSmall = Math.min(
        onSmall,
        time(() => {
          for (let i = 0; i < 4 * reps; i++) detect(small);
        }),
      );
      onLarge = Math.min(
        onLarge,
        time(() => {
          for (let i = 0; i < reps; i++) detect(large);
        }),
      );
    }
    expect(onLarge / onSmall).toBeLessThan(MAX_RATIO);
  });
});
