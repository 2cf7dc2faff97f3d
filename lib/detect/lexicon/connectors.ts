/**
 * Prepositions and articles between the words of a long name. Writers swap them and drop or add the
 * article ("Organização Internacional para Migrações", "… de Migrações", "Organización Internacional de
 * las Migraciones", "International Organization for the Migration"), so inside a long name of the
 * language any preposition of the list, with any article of the list or none, stands for the data's own.
 * Spelling knowledge, not names: the names come from the data. Plain lower-case words.
 */
export const CONNECTORS: Readonly<
  Record<string, { prepositions: readonly string[]; articles: readonly string[] }>
> = {
  en: { prepositions: ['for', 'of', 'on'], articles: ['the'] },
  fr: { prepositions: ['pour', 'de', 'des', 'du'], articles: ['les', 'la'] },
  es: { prepositions: ['para', 'de', 'del'], articles: ['las', 'la', 'los'] },
  pt: { prepositions: ['para', 'de', 'da', 'das', 'do', 'dos'], articles: ['as', 'a', 'os', 'o'] },
  it: { prepositions: ['per', 'di', 'delle', 'della', 'dei', 'degli'], articles: ['le', 'la', 'i', 'gli'] },
  de: { prepositions: ['für', 'der', 'zur'], articles: ['die', 'der'] },
};
