/**
 * A changing fact's value today and then: at the page's date (the value in force, or the latest figure
 * on or before it) or over a former name's era (its first and last value). What the dataset does not
 * know for that moment is said to be unknown, never replaced by today's value.
 */
import type { CompiledFact } from '@/lib/dataset/types';
import { formatIsoDate } from '@/lib/i18n/dates';
import { asOfTextOf, type CellContext, cellOf, type Shown, shownDate, unknownCell, valueIn } from './cells';
import { before, type Moment, onOrBefore } from './moment';
import type { CardCell } from './types';

/**
 * Oldest figure that still stands for a date, in years: counts, budgets and staff change every year, and a
 * figure a decade older than the page says more about its own year than about the page's.
 */
export const SNAPSHOT_MAX_AGE_YEARS = 10;

/** The fact's dated values, oldest first: its history, or the fact itself when it has only an as-of date. */
function datedValues(fact: CompiledFact): Shown[] {
  if (fact.history && fact.history.length > 0) return fact.history.map((entry) => ({ fact, entry }));
  return fact.asOf ? [{ fact }] : [];
}

const dateOf = (s: Shown): string => shownDate(s)?.date ?? '';
const untilOf = (s: Shown): string | undefined => s.entry?.until?.date;
const isTenure = (fact: CompiledFact) => fact.time === 'tenure';
const item = (s: Shown) => s.entry ?? s.fact;

function single(s: Shown, ctx: CellContext): CardCell | null {
  return cellOf([s], valueIn(item(s), ctx.t), dateOf(s) || null, asOfTextOf(s, ctx), ctx);
}

/** The current value (the latest of its history), dated; null when nothing supports it. */
export function todayCell(fact: CompiledFact, ctx: CellContext): CardCell | null {
  const latest = datedValues(fact).at(-1);
  if (!latest) return cellOf([{ fact }], valueIn(fact, ctx.t), null, undefined, ctx);
  return single(confirmedBy(latest, fact), ctx);
}

/** The value at the card's moment; `label` names the moment in "not known for …". */
export function thenCell(fact: CompiledFact, moment: Moment, label: string, ctx: CellContext): CardCell {
  const values = datedValues(fact);
  const found =
    moment.origin === 'page'
      ? atDate(values, fact, moment.date, ctx)
      : moment.origin === 'era'
        ? overEra(values, fact, moment.from, moment.to, label, ctx)
        : null;
  return found ?? unknownCell(label, ctx.t);
}

function atDate(
  values: readonly Shown[],
  fact: CompiledFact,
  date: string,
  ctx: CellContext,
): CardCell | null {
  const found = values.filter((s) => onOrBefore(dateOf(s), date)).at(-1);
  if (!found) return null;
  const last = confirmedBy(found, fact, date);
  if (isTenure(fact)) {
    const until = untilOf(last);
    if (until && before(until, date)) return null; // ended, and no successor is known
  } else if (Number(date.slice(0, 4)) - Number(dateOf(last).slice(0, 4)) > SNAPSHOT_MAX_AGE_YEARS) {
    return null;
  }
  return single(last, ctx);
}

/**
 * A snapshot figure dated by the latest confirmation of it on or before `date` (175 in 2023, still 175 in
 * 2024: "as of 2024"); tenures keep their start.
 */
function confirmedBy(s: Shown, fact: CompiledFact, date?: string): Shown {
  const confirmed = s.entry?.confirmed;
  if (isTenure(fact) || !confirmed || (date !== undefined && !onOrBefore(confirmed.date, date))) return s;
  return { ...s, confirmed };
}

/**
 * Over an era [from, to): a tenure's values in force at some time in it, a snapshot's figures dated in it;
 * one value alone, or the first and the last.
 */
function overEra(
  values: readonly Shown[],
  fact: CompiledFact,
  from: string,
  to: string,
  label: string,
  ctx: CellContext,
): CardCell | null {
  const tenure = isTenure(fact);
  const inEra = values.filter((s) => {
    const start = dateOf(s);
    if (tenure) {
      const until = untilOf(s);
      // Ended before the era began (or exactly as it began): not in force in it.
      const ended = until !== undefined && (before(until, from) || until === from);
      return onOrBefore(start, to) && !ended;
    }
    return onOrBefore(from, start) && before(start, to);
  });
  const first = inEra[0];
  const last = inEra.at(-1);
  if (!first || !last) return null;
  if (first === last) return single(first, ctx);
  const t = ctx.t;
  const written = (s: Shown) => {
    if (tenure) return valueIn(item(s), t);
    const date = formatIsoDate(dateOf(s), t.lang);
    // Which end of the span is a projection, since the row's "projected" mark cannot say.
    const when = item(s).projected ? `${date}, ${t('card_mark_projected')}` : date;
    return t('card_valueAt', [valueIn(item(s), t), when]);
  };
  return cellOf(
    [first, last],
    t('card_span', [written(first), written(last)]),
    dateOf(first),
    tenure ? label : undefined,
    ctx,
  );
}
