/** How precise a date is: a year, a month or a day. */
export type Precision = 'year' | 'month' | 'day';

/** A date as the dataset stores it: an ISO string cut at its precision (1951, 1952-10, 1989-11-14). */
export interface DateValue {
  /** ISO date cut at its precision: YYYY, YYYY-MM or YYYY-MM-DD. */
  date: string;
  /** Which part of the date is known. */
  precision: Precision;
}

const ISO_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** Days in a month of the proleptic Gregorian calendar (month 1–12). */
function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** True for YYYY, YYYY-MM or YYYY-MM-DD naming a real calendar date. */
export function isIsoDate(text: string): boolean {
  const m = ISO_DATE.exec(text);
  if (!m) return false;
  const year = Number(m[1]);
  if (m[2] === undefined) return true;
  const month = Number(m[2]);
  if (month < 1 || month > 12) return false;
  if (m[3] === undefined) return true;
  const day = Number(m[3]);
  return day >= 1 && day <= daysInMonth(year, month);
}

/** Parses an ISO date string into a DateValue; throws on a malformed date. */
export function parseDate(text: string): DateValue {
  if (!isIsoDate(text)) throw new Error(`malformed date "${text}"`);
  const parts = text.split('-').length;
  return { date: text, precision: parts === 1 ? 'year' : parts === 2 ? 'month' : 'day' };
}

/** True when `coarse` is the same date as `fine` or a period containing it (1952 contains 1952-10). */
export function dateContains(coarse: string, fine: string): boolean {
  return fine === coarse || fine.startsWith(`${coarse}-`);
}

/** Orders ISO date strings chronologically; a period sorts before the dates inside it. */
export function compareDates(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A date written for people: "1952", "October 1952", "14 November 1989". */
export function formatDate(value: DateValue | string): string {
  const text = typeof value === 'string' ? value : value.date;
  const [year, month, day] = text.split('-');
  if (month === undefined) return String(year);
  const monthName = MONTHS[Number(month) - 1];
  return day === undefined ? `${monthName} ${year}` : `${Number(day)} ${monthName} ${year}`;
}
