import { isWordCode } from './text';

/**
 * Loose initials check (Schwartz & Hearst, "A simple algorithm for identifying abbreviation definitions
 * in biomedical text", PSB 2003): reading both right to left, every letter of the acronym must occur in
 * the candidate expansion in order, and the acronym's first letter must start a word. It accepts
 * "Isle of Man", "intraoperative monitoring", "ischemic cardiomyopathy" and "Oracle Identity Manager"
 * for IOM/ICM/OIM, and rejects "(Gibson)" or "(2019)".
 *
 * Returns the expansion (from the word where the match starts), or null when the letters do not fit.
 * `maxWords` bounds how far back the expansion may reach, as in the paper: min(|A| + 5, 2|A|).
 */
export function matchInitials(acronym: string, candidate: string): string | null {
  const short = acronym.toLowerCase();
  const maxWords = Math.min(short.length + 5, short.length * 2);
  const tokens = candidate.trim().split(/\s+/);
  const long = tokens.slice(-maxWords).join(' ');
  const lower = long.toLowerCase();
  let s = short.length - 1;
  let l = lower.length - 1;
  while (s >= 0) {
    const c = short.charAt(s);
    if (!isWordCode(c.charCodeAt(0))) {
      s--;
      continue;
    }
    // The first acronym letter must begin a word; the others may sit anywhere.
    while (l >= 0 && (lower.charAt(l) !== c || (s === 0 && l > 0 && isWordCode(lower.charCodeAt(l - 1)))))
      l--;
    if (l < 0) return null;
    l--;
    s--;
  }
  const start = lower.lastIndexOf(' ', l) + 1;
  const expansion = long.slice(start);
  // A one-word "expansion" (e.g. "Iomega") is a word, not a definition.
  return expansion.trim().split(/\s+/).length >= 2 ? expansion : null;
}
