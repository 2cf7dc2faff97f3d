/**
 * The figures of the card's sparklines: member states and budget over time, with the card's moment
 * marked, and the same figures in words for people who do not see the chart.
 */
import type { CompiledFact, HistoryEntry } from '@/lib/dataset/types';
import type { Translate } from '@/lib/i18n';
import { formatIsoDate } from '@/lib/i18n/dates';
import { formatValue } from './format';
import { before, type Moment } from './moment';
import type { CardChart } from './types';

/** Fewest dated figures worth a line: one point is not a trend. */
export const MIN_CHART_POINTS = 3;

/** The figures charted, in display order, with the row label that names them. */
const CHARTED = [
  { id: 'members', property: 'member-states', label: 'card_fact_members' },
  { id: 'budget', property: 'budget', label: 'card_fact_budget' },
] as const;

/**
 * The sparklines the series allow: a figure with enough dated values, whose series has begun by the moment
 * marked (a budget series starting in 2008 says nothing about 1975).
 */
export function chartsOf(
  facts: ReadonlyMap<string, CompiledFact>,
  moment: Moment,
  t: Translate,
): CardChart[] {
  return CHARTED.flatMap(({ id, property, label }) => {
    const chart = chartOf(id, t(label), facts.get(property), moment, t);
    return chart ? [chart] : [];
  });
}

/** One figure's dated values, one per date (two sources' figures for one date: the later listed one). */
function seriesOf(fact: CompiledFact | undefined): HistoryEntry[] {
  const series: HistoryEntry[] = [];
  for (const entry of fact?.history ?? []) {
    if (entry.value.type !== 'number') continue;
    // Two figures for one date would draw a vertical jump: keep the later one.
    if (series.at(-1)?.asOf.date === entry.asOf.date) series.pop();
    series.push(entry);
  }
  return series;
}

function chartOf(
  id: CardChart['id'],
  what: string,
  fact: CompiledFact | undefined,
  moment: Moment,
  t: Translate,
): CardChart | null {
  const series = seriesOf(fact);
  const first = series[0];
  if (!first || series.length < MIN_CHART_POINTS) return null;
  const mark =
    moment.origin === 'page'
      ? { from: moment.date }
      : moment.origin === 'era'
        ? { from: moment.from, to: moment.to }
        : null;
  if (mark && before(mark.to ?? mark.from, first.asOf.date)) return null;
  const list = new Intl.ListFormat(t.lang, { type: 'conjunction' }).format(
    series.map((e) => {
      const date = formatIsoDate(e.asOf.date, t.lang);
      // A projection is said as such in words too, as the row says it beside the value.
      const when = e.projected ? `${date}, ${t('card_mark_projected')}` : date;
      return t('card_valueAt', [formatValue(e.value, t), when]);
    }),
  );
  const marked = mark
    ? mark.to
      ? t('card_years', [mark.from.slice(0, 4), mark.to.slice(0, 4)])
      : formatIsoDate(mark.from, t.lang)
    : null;
  return {
    id,
    title: t('card_chartLabel', what),
    points: series.map((e) => ({
      date: e.asOf.date,
      value: e.value.type === 'number' ? e.value.number : 0,
    })),
    mark,
    text: marked ? t('card_chartTextMarked', [what, list, marked]) : t('card_chartText', [what, list]),
  };
}
