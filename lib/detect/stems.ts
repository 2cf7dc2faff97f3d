/**
 * Migration stems: every long name and alias of the organization contains one (a unit test checks the
 * names timeline), so the detector only looks for long names around them.
 * Lower-case stems; the case variants actually searched are derived by `stemVariants`.
 */
export const MIGRATION_STEMS: readonly string[] = [
  'migra', // en, fr, es, pt, it, de: Migration, migrations, Migraciones, Migrações, migrazioni, Migrants, migratoires
  'миграц', // ru: миграции
  'هجرة', // ar: للهجرة (the article's alif drops after the preposition, so no ال here)
  '移民', // zh: 国际移民组织
  '移住', // ja: 国際移住機関
];

/** The spellings of a stem a case-sensitive search must look for: lower, Capitalised and UPPER. */
export function stemVariants(stem: string): string[] {
  const capitalised = stem.charAt(0).toUpperCase() + stem.slice(1);
  return [...new Set([stem, capitalised, stem.toUpperCase()])];
}

/** True when the text contains a migration stem in any case. */
export function containsStem(text: string): boolean {
  const lower = text.toLowerCase();
  return MIGRATION_STEMS.some((stem) => lower.includes(stem));
}
