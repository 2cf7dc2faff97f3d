/** Formats a dataset date (YYYY, YYYY-MM or YYYY-MM-DD) in `lang`, at the precision it has. */
export function formatIsoDate(iso: string, lang: string): string {
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(iso);
  if (!m) return iso;
  const [, year, month, day] = m;
  if (!month) return year ?? iso;
  // Noon UTC, formatted in UTC: no time zone can move the date to a neighbouring day.
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day ?? 1), 12));
  return new Intl.DateTimeFormat(lang, {
    timeZone: 'UTC',
    year: 'numeric',
    month: day ? 'short' : 'long',
    ...(day ? { day: 'numeric' } : {}),
  }).format(date);
}
