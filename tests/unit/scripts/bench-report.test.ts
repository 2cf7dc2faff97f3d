// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  formatVerdict,
  judgeFloor,
  median,
  ms,
  pairedExcess,
  ratio,
  Targets,
} from '../../../scripts/bench/report';

describe('judgeFloor', () => {
  it('meets an at-most target at or below the limit, whatever the floor', () => {
    expect(judgeFloor({ value: 15, limit: 15, floor: 20 })).toBe('met');
  });

  it('calls a miss ours when the floor alone would have met the target', () => {
    expect(judgeFloor({ value: 44, limit: 15, floor: 4 })).toBe('missed');
  });

  it('calls a miss explained when the floor alone misses the target too', () => {
    expect(judgeFloor({ value: 44, limit: 15, floor: 16 })).toBe('floor');
  });

  it('reads at-least targets the other way round', () => {
    expect(judgeFloor({ value: 12, limit: 10, floor: 5, atLeast: true })).toBe('met');
    expect(judgeFloor({ value: 3, limit: 10, floor: 12, atLeast: true })).toBe('missed');
    expect(judgeFloor({ value: 3, limit: 10, floor: 5, atLeast: true })).toBe('floor');
  });
});

describe('formatVerdict', () => {
  it('prints the floor beside a miss, in the unit asked for', () => {
    expect(formatVerdict('met', { value: 1, limit: 2, floor: 0 })).toBe('OK');
    expect(formatVerdict('missed', { value: 44, limit: 15, floor: 4 })).toBe(
      'MISSED (the floor, 4.0 ms, meets it)',
    );
    expect(formatVerdict('floor', { value: 3, limit: 10, floor: 5, atLeast: true, show: ratio })).toBe(
      'MISSED, explained by the floor (5.00x alone misses it)',
    );
  });
});

describe('Targets', () => {
  it('fails the run only for misses the floor does not explain', () => {
    const targets = new Targets();
    expect(targets.check(true, 'slice')).toBe('OK');
    expect(targets.check(false, 'size')).toBe('MISSED');
    expect(targets.checkFloor({ value: 44, limit: 15, floor: 4 }, 'article')).toMatch(/^MISSED \(/);
    expect(targets.checkFloor({ value: 44, limit: 15, floor: 20 }, 'style')).toMatch(/^MISSED, explained/);
    expect(targets.checkFloor({ value: 10, limit: 15, floor: 20 }, 'met')).toBe('OK');
    expect(targets.missed).toEqual(['size', 'article']);
    expect(targets.explained).toEqual(['style']);
  });
});

describe('printing', () => {
  it('takes the middle of an even list as the mean of its two middle values', () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
  });

  it('prints one decimal below 10 and ratios as n/a when they are not numbers', () => {
    expect(ms(9.94)).toBe('9.9 ms');
    expect(ms(44.4)).toBe('44 ms');
    expect(ratio(Number.NaN)).toBe('n/a');
    expect(ratio(12.34)).toBe('12.3x');
  });
});

describe('pairedExcess', () => {
  it('takes the median of the rounds’ ratios, not the fastest of each list against the other', () => {
    // The base's fastest load (90) and the cost's (110) came in different rounds: fastest against
    // fastest says +22 %, while two of the three rounds say +10 % or less.
    expect(pairedExcess([110, 150, 150], [100, 90, 140]).median).toBeCloseTo(0.1);
    expect(pairedExcess([110, 120, 130, 140], [100, 100, 100, 100])).toEqual({
      median: expect.closeTo(0.25),
      q1: expect.closeTo(0.2),
      q3: expect.closeTo(0.4),
    });
  });

  it('names a mismatch between the lists', () => {
    expect(() => pairedExcess([1, 2], [1])).toThrow(/2 costs paired with 1 bases/);
    expect(() => pairedExcess([], [])).toThrow(/0 costs/);
  });
});
