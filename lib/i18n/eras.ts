import type { Era } from '@/lib/mention';
import type { UiLanguage } from './index';

/** The slice of data/compiled/names.json this module reads. */
export interface NameRecord {
  era: string;
  acronym: string;
  name: string;
  from: { date: string };
  to: { date: string } | null;
  forms: { lang: string; name: string; acronym?: string }[];
}

/** One era's name in a given language, with the years it was used. */
export interface EraLabel {
  /** The era. */
  era: Era;
  /** The acronym in that language, else the English one. */
  acronym: string;
  /** The full name in that language, else the English one. */
  name: string;
  /** The year it came into use. */
  from: string;
  /** The year it went out of use; null for the current name. */
  to: string | null;
}

/** The organization's names in `lang`, one per era, in the order of `eras`, for labels and pickers. */
export function eraLabels(names: readonly NameRecord[], eras: readonly Era[], lang: UiLanguage): EraLabel[] {
  return eras.flatMap((era) => {
    const record = names.find((n) => n.era === era);
    if (!record) return [];
    const form = record.forms.find((f) => f.lang === lang);
    return [
      {
        era,
        acronym: form?.acronym ?? record.acronym,
        name: form?.name ?? record.name,
        from: record.from.date.slice(0, 4),
        to: record.to ? record.to.date.slice(0, 4) : null,
      },
    ];
  });
}
