import { describe, expect, it } from 'vitest';
import { SPARK_WIDTH, sparkGeometry, yearOf } from '@/lib/card/sparkline';
import type { CardChart } from '@/lib/card/types';

const chart = (points: [string, number][], mark: CardChart['mark'] = null): CardChart => ({
  id: 'members',
  title: 'Member states over time',
  points: points.map(([date, value]) => ({ date, value })),
  mark,
  text: '',
});

describe('the sparkline’s geometry', () => {
  it('places a year, a month and a day at the middle of what they name', () => {
    expect(yearOf('1975')).toBe(1975.5);
    expect(yearOf('1975-01')).toBeCloseTo(1975 + 0.5 / 12);
    expect(yearOf('1975-01-01')).toBeCloseTo(1975 + 0.5 / 365);
  });

  it('draws one run across figures close together, from the left edge to the right, the latest dotted', () => {
    const g = sparkGeometry(
      chart([
        ['2000', 10],
        ['2005', 20],
        ['2010', 40],
      ]),
    );
    expect(g.gaps).toEqual([]);
    expect(g.runs).toHaveLength(1);
    const xs = (g.runs[0]?.points ?? '').split(' ').map((p) => Number(p.split(',')[0]));
    expect(xs[0]).toBe(3);
    expect(xs.at(-1)).toBe(SPARK_WIDTH - 3);
    expect(g.end).toEqual({ x: SPARK_WIDTH - 3, y: 3 });
  });

  it('leaves a gap where figures are further apart than a figure stands for, a lone figure as a dot', () => {
    const g = sparkGeometry(
      chart([
        ['1951', 15],
        ['1953', 22],
        ['1996', 59],
        ['2020', 170],
        ['2023', 175],
      ]),
    );
    expect(g.runs).toHaveLength(3);
    expect(g.runs[1]?.dot).not.toBeNull(); // 1996, alone between two gaps
    expect(g.runs[0]?.dot).toBeNull();
    expect(g.gaps).toHaveLength(2);
  });

  it('marks a date with a line and an era with a band, widening the axis to reach them', () => {
    const line = sparkGeometry(
      chart(
        [
          ['2000', 1],
          ['2001', 2],
          ['2002', 3],
        ],
        { from: '1990' },
      ),
    );
    expect(line.mark).toEqual({ x: 3, width: 0 });
    const band = sparkGeometry(
      chart(
        [
          ['1950', 1],
          ['1960', 2],
          ['2020', 3],
        ],
        { from: '1980', to: '1989-11-14' },
      ),
    );
    expect(band.mark?.width).toBeGreaterThan(0);
    expect((band.mark?.x ?? 0) + (band.mark?.width ?? 0)).toBeLessThan(SPARK_WIDTH);
    expect(
      sparkGeometry(
        chart([
          ['2000', 1],
          ['2001', 2],
          ['2002', 3],
        ]),
      ).mark,
    ).toBeNull();
  });
});
