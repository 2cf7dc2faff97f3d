/**
 * Countries in the card's language. The dataset names a person's nationality or a place's country in
 * English; the browser's Intl.DisplayNames writes a region in any language from its ISO code, so the
 * card only needs each English name's code.
 */

/** ISO 3166-1 alpha-2 codes of the countries the dataset names, by their English name. */
const COUNTRY_CODES: Readonly<Record<string, string>> = {
  Belgium: 'BE',
  Italy: 'IT',
  Morocco: 'MA',
  Netherlands: 'NL',
  Portugal: 'PT',
  Switzerland: 'CH',
  Thailand: 'TH',
  'United States': 'US',
};

const namers = new Map<string, Intl.DisplayNames>();

/** `country` (English, as the dataset writes it) in `lang`; unchanged when its code is not known here. */
export function countryIn(country: string, lang: string): string {
  const code = COUNTRY_CODES[country];
  if (!code || lang === 'en') return country;
  let namer = namers.get(lang);
  if (!namer) {
    namer = new Intl.DisplayNames([lang], { type: 'region' });
    namers.set(lang, namer);
  }
  return namer.of(code) ?? country;
}
