import { SPARK_HEIGHT, SPARK_WIDTH, sparkGeometry } from '@/lib/card/sparkline';
import type { CardChart } from '@/lib/card/types';

/** Props of the sparkline. */
export interface SparklineProps {
  /** The figures, the marked moment and the words for both, in the card's language. */
  chart: CardChart;
}

/** Radius of the dot on the latest figure, in px. */
const END_DOT_RADIUS = 2.5;
/** Radius of a lone figure's dot, in px: the width of the line, a little more to be seen. */
const DOT_RADIUS = 1.5;

/**
 * A figure over time (member states, budget) as a small inline SVG line, the card's moment marked by a line (a date) or a
 * band (an era). An image to assistive technology, named by the same numbers in words (also its tooltip).
 */
export function Sparkline({ chart }: SparklineProps) {
  const { runs, gaps, mark, end } = sparkGeometry(chart);
  return (
    <figure class="chart" data-testid="card-chart" data-chart={chart.id} data-mark={chart.mark?.from}>
      <figcaption class="chart-title">{chart.title}</figcaption>
      <svg
        role="img"
        aria-label={chart.text}
        viewBox={`0 0 ${SPARK_WIDTH} ${SPARK_HEIGHT}`}
        width={SPARK_WIDTH}
        height={SPARK_HEIGHT}
      >
        <title>{chart.text}</title>
        {mark &&
          (mark.width > 0 ? (
            <rect
              class="mark"
              data-testid="chart-mark"
              x={mark.x}
              y={0}
              width={mark.width}
              height={SPARK_HEIGHT}
            />
          ) : (
            <line class="mark" data-testid="chart-mark" x1={mark.x} x2={mark.x} y1={0} y2={SPARK_HEIGHT} />
          ))}
        {gaps.map((points) => (
          <polyline key={points} class="gap" data-testid="chart-gap" points={points} />
        ))}
        {runs.map(({ points, dot }) =>
          // A lone figure between two gaps has no line to draw: a dot shows it.
          dot ? (
            <circle key={points} class="dot" r={DOT_RADIUS} cx={dot.x} cy={dot.y} />
          ) : (
            <polyline key={points} class="line" points={points} />
          ),
        )}
        <circle class="end" r={END_DOT_RADIUS} cx={end.x} cy={end.y} />
      </svg>
    </figure>
  );
}
