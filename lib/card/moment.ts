/**
 * The reader's moment: the date a card answers for, and why. A dated page answers for its date; an
 * undated page with a former name answers for that name's era (ICEM → 1952–1980); anything else answers
 * for today. Pure: the page's date comes in already found (lib/page-date).
 */
import type { CompiledName, HistoryEntry } from '@/lib/dataset/types';
import type { PageDateOrigin } from '@/lib/page-date';

/** The moment a card answers for. */
export type Moment =
  | { origin: 'page'; date: string; via: PageDateOrigin | 'given' }
  | { origin: 'era'; from: string; to: string }
  | { origin: 'today' };

/** What the card knows about when it is read. */
export interface ReaderContext {
  /** The page's date, if it has one: found on the page, or `given` (the card CLI's --date). */
  pageDate?: { date: string; origin: PageDateOrigin | 'given' } | null;
  /** The option "show facts as of the page's date" (on by default). */
  usePageDate?: boolean;
}

/** The moment for a mention of `name`: the page's date when allowed, else the name's era, else today. */
export function momentFor(name: CompiledName, context: ReaderContext = {}): Moment {
  const page = context.pageDate;
  if (page && context.usePageDate !== false) return { origin: 'page', date: page.date, via: page.origin };
  if (name.to && name.from) return { origin: 'era', from: name.from.date, to: name.to.date };
  return { origin: 'today' };
}

/**
 * True when date `a` is on or before `b`, each at its own precision: a year is on or before every date
 * inside it (1979 ≤ 1979-05) and a date inside a year is on or before it (1979-05 ≤ 1979).
 */
export function onOrBefore(a: string, b: string): boolean {
  const n = Math.min(a.length, b.length);
  return a.slice(0, n) <= b.slice(0, n);
}

/** True when date `a` is strictly before `b` at their common precision (1979 is not before 1979-05). */
export function before(a: string, b: string): boolean {
  const n = Math.min(a.length, b.length);
  return a.slice(0, n) < b.slice(0, n);
}

/**
 * The entry in force at `date`: for a tenure, the one begun on or before it and not yet ended (a
 * successor starting in the same year as the date wins only when the date says no more than the year);
 * for a snapshot, the latest on or before it.
 */
export function entryAt(history: readonly HistoryEntry[], date: string): HistoryEntry | null {
  let found: HistoryEntry | null = null;
  for (const entry of history) {
    if (onOrBefore(entry.asOf.date, date)) found = entry;
  }
  return found;
}

/** The snapshot entries dated inside [from, to] (the era of a name), oldest first. */
export function snapshotsWithin(history: readonly HistoryEntry[], from: string, to: string): HistoryEntry[] {
  return history.filter((e) => onOrBefore(from, e.asOf.date) && before(e.asOf.date, to));
}

/** The tenures overlapping [from, to): begun before its end and not ended at or before its start. */
export function tenuresWithin(history: readonly HistoryEntry[], from: string, to: string): HistoryEntry[] {
  return history.filter(
    (e) => before(e.asOf.date, to) && (e.until === undefined || before(from, e.until.date)),
  );
}

/** The name in force at `date` (the names timeline is oldest first). */
export function nameAt(names: readonly CompiledName[], date: string): CompiledName | null {
  let found: CompiledName | null = null;
  for (const name of names) {
    if (!name.from || onOrBefore(name.from.date, date)) found = name;
  }
  return beforeFirstName(names, date) ? null : found;
}

/** True when `date` is before the first name took effect (the organization did not exist yet). */
function beforeFirstName(names: readonly CompiledName[], date: string): boolean {
  const first = names[0]?.from?.date;
  return first !== undefined && before(date, first);
}
