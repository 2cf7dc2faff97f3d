/**
 * The figures of the card's sparkline: member states over time, with the card's moment marked, and the
 * same numbers in words for people who do not see the chart.
 */
import type { CompiledFact } from '@/lib/dataset/types';
import type { Translate } from '@/lib/i18n';
import { formatIsoDate } from '@/lib/i18n/dates';
import type { Moment } from './moment';
import type { CardChart } from './types';

/** Fewest dated figures worth a line: one point is not a trend. */
export const MIN_CHART_POINTS = 3;

/** The member-states chart, or null without enough dated counts. */
export function chartOf(fact: CompiledFact | undefined, moment: Moment, t: Translate): CardChart | null {
  const points: CardChart['points'] = [];
  for (const entry of fact?.history ?? []) {
    if (entry.value.type !== 'number') continue;
    const last = points.at(-1);
    // Two figures for one date (two sources' rounding) would draw a vertical jump: keep the later one.
    if (last?.date === entry.asOf.date) points.pop();
    points.push({ date: entry.asOf.date, value: entry.value.number });
  }
  if (points.length < MIN_CHART_POINTS) return null;
  const mark =
    moment.origin === 'page'
      ? { from: moment.date }
      : moment.origin === 'era'
        ? { from: moment.from, to: moment.to }
        : null;
  const number = new Intl.NumberFormat(t.lang);
  const list = new Intl.ListFormat(t.lang, { type: 'conjunction' }).format(
    points.map((p) => t('card_valueAt', [number.format(p.value), formatIsoDate(p.date, t.lang)])),
  );
  const marked = mark
    ? mark.to
      ? t('card_years', [mark.from.slice(0, 4), mark.to.slice(0, 4)])
      : formatIsoDate(mark.from, t.lang)
    : null;
  return {
    id: 'members',
    points,
    mark,
    text: marked ? t('card_chartTextMarked', [list, marked]) : t('card_chartText', list),
  };
}
