/**
 * Finds English in a French or Spanish card. The words an English card (and the card's English strings)
 * write, less every word the other language legitimately writes (its locale strings, the dataset's words in
 * that language, its month names) and less proper names (people, an acronym the language has no own form
 * for), are English-only: a French or Spanish card containing one of them shows an English value. Shared by
 * the unit locale test (on models) and the e2e test (on the rendered card's text).
 */
import type { CardCell, CardModel } from '@/lib/card/types';
import type { CompiledDataset, Displays } from '@/lib/dataset/types';
import en from '@/public/_locales/en/messages.json';
import es from '@/public/_locales/es/messages.json';
import fr from '@/public/_locales/fr/messages.json';

/** A language a card is translated into. */
export type TranslatedLang = 'fr' | 'es';

type Messages = Record<string, { message: string }>;
const MESSAGES: Record<'en' | TranslatedLang, Messages> = { en, fr, es };

/** Lower-cased words (runs of letters) of a text; placeholders ($DATE$) are not words. */
export function wordsOf(text: string): string[] {
  return (text.replace(/\$[A-Z_]+\$/g, ' ').match(/\p{L}+/gu) ?? []).map((w) => w.toLocaleLowerCase());
}

/** Every value of a model's rows: for all time, then and today. */
const cellsOf = (model: CardModel): CardCell[] =>
  model.rows.flatMap((r) => [r.value, r.then, r.today].flatMap((c) => c ?? []));

/** Every text of a model a reader sees as a value or a label (not source titles or sources' own words). */
export function cardTexts(model: CardModel): string[] {
  const cells = cellsOf(model);
  return [
    model.asOf.text,
    model.stoodFor,
    model.name.name,
    model.name.acronym,
    model.current.name,
    model.current.acronym,
    ...model.timeline.flatMap((n) => [n.name, n.acronym]),
    ...cells.flatMap((c) => [c.value, c.asOfText ?? '']),
    ...model.charts.flatMap((c) => [c.title, c.text]),
  ];
}

/**
 * The dataset's own words a card shows on request (why sources disagreed, what each claimed, why a claim
 * was rejected), except those the model itself marks as English for want of a translation.
 */
export function cardProse(model: CardModel): string[] {
  const cells = cellsOf(model);
  return cells.flatMap((c) => [
    ...c.conflicts.flatMap((k) => [
      k.noteLang ? '' : (k.note ?? ''),
      ...k.alternatives.map((a) => a.value),
      ...k.claims.flatMap((claim) => [
        claim.valueLang ? '' : claim.value,
        claim.reasonLang ? '' : (claim.reason ?? ''),
      ]),
    ]),
    ...c.rejected.flatMap((r) => [r.value, r.reasonLang ? '' : r.reason]),
  ]);
}

/** Texts the model marks as English for want of a translation (none, once the dataset has them all). */
export function markedEnglish(model: CardModel): string[] {
  const cells = cellsOf(model);
  return cells.flatMap((c) =>
    [
      ...c.conflicts.flatMap((k) => [
        k.noteLang ? (k.note ?? '') : [],
        ...k.claims.flatMap((claim) => [
          claim.valueLang ? claim.value : [],
          claim.reasonLang ? (claim.reason ?? '') : [],
        ]),
      ]),
      ...c.rejected.flatMap((r) => (r.reasonLang ? [r.reason] : [])),
    ].flat(),
  );
}

/** Words `lang` legitimately writes: its strings, the dataset's words in it, its month names. */
function vocabularyOf(dataset: Pick<CompiledDataset, 'names' | 'facts'>, lang: TranslatedLang): Set<string> {
  const texts: string[] = Object.values(MESSAGES[lang]).map((m) => m.message);
  const inLang = (d: Displays | undefined) => d?.[lang] ?? '';
  for (const fact of dataset.facts) {
    for (const item of [fact, ...(fact.history ?? [])]) {
      texts.push(inLang(item.displays), inLang(item.titleDisplays), inLang(item.noteDisplays));
    }
    for (const claim of fact.claims) texts.push(inLang(claim.displays), inLang(claim.reasonDisplays));
  }
  for (const name of dataset.names) {
    for (const form of name.forms.filter((f) => f.lang === lang)) texts.push(form.name, form.acronym ?? '');
  }
  for (let month = 0; month < 12; month++) {
    const date = new Date(Date.UTC(2000, month, 15));
    for (const style of ['long', 'short'] as const) {
      texts.push(new Intl.DateTimeFormat(lang, { month: style, timeZone: 'UTC' }).format(date));
    }
  }
  return new Set(texts.flatMap(wordsOf));
}

/** Words every language writes alike: people's names, and acronyms `lang` has no form of its own for. */
function properWords(dataset: Pick<CompiledDataset, 'names' | 'facts'>, lang: TranslatedLang): Set<string> {
  const texts: string[] = [];
  for (const fact of dataset.facts) {
    for (const item of [fact, ...(fact.history ?? [])]) {
      if (item.value.type === 'person') texts.push(item.value.person);
    }
  }
  for (const name of dataset.names) {
    if (!name.forms.some((f) => f.lang === lang && f.acronym)) texts.push(name.acronym);
  }
  return new Set(texts.flatMap(wordsOf));
}

/**
 * The English-only words among `englishTexts` (an English card's texts) and the English card strings:
 * none of them may appear in a card in `lang`.
 */
export function englishOnlyWords(
  dataset: Pick<CompiledDataset, 'names' | 'facts'>,
  lang: TranslatedLang,
  englishTexts: readonly string[],
): Set<string> {
  const vocabulary = vocabularyOf(dataset, lang);
  const proper = properWords(dataset, lang);
  const cardStrings = Object.entries(MESSAGES.en)
    .filter(([key]) => key.startsWith('card_'))
    .map(([, m]) => m.message);
  const english = [...englishTexts, ...cardStrings].flatMap(wordsOf);
  return new Set(english.filter((w) => !vocabulary.has(w) && !proper.has(w)));
}

/** The English-only words found in `texts`, each with the text it was found in. */
export function englishIn(texts: readonly string[], englishOnly: ReadonlySet<string>): string[] {
  return texts.flatMap((text) =>
    wordsOf(text)
      .filter((w) => englishOnly.has(w))
      .map((w) => `"${w}" in "${text}"`),
  );
}
