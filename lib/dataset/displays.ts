/**
 * French and Spanish for the dataset's text values, from data/translations.json. Numbers and dates are not
 * translated here: cards format them from the typed value with the reader's locale.
 */
import type { DatasetIssue } from './errors';
import { explanationDisplays, quotableValues } from './explanations';
import type { TranslationRecord } from './schema';
import type { CompiledClaim, CompiledFact, DisplayLang, Displays, HistoryEntry } from './types';
import type { Value } from './values';

/** Languages the dataset writes text values in besides English. */
export const DISPLAY_LANGS: readonly DisplayLang[] = ['fr', 'es'];

/** Translations by English phrase; person-specific forms (a title's grammatical gender) by `en|person`. */
export type TranslationTable = ReadonlyMap<string, TranslationRecord>;

/** Key of a translation that applies to one person only (Directrice générale for Amy E. Pope). */
export function translationKey(en: string, of?: string): string {
  return of ? `${en}|${of}` : en;
}

/** The English phrases of a value that need translating, or null when the value has no text to translate. */
export function phrasesOf(value: Value): string[] | null {
  switch (value.type) {
    case 'text':
      return [value.text];
    case 'place':
      return value.country ? [value.place, value.country] : [value.place];
    case 'person':
      return value.country ? [value.country] : null;
    case 'list':
      return value.list;
    default:
      return null;
  }
}

/** The value written in one language, or undefined when a phrase of it has no translation. */
export function writeIn(value: Value, lang: DisplayLang, table: TranslationTable): string | undefined {
  const t = (en: string) => table.get(en)?.[lang];
  switch (value.type) {
    case 'text':
      return t(value.text);
    case 'place': {
      const place = t(value.place);
      if (!value.country) return place;
      const country = t(value.country);
      return place && country ? `${place}, ${country}` : undefined;
    }
    case 'person': {
      const country = value.country ? t(value.country) : undefined;
      return country ? `${value.person} (${country})` : undefined;
    }
    case 'list': {
      const items = value.list.map(t);
      return items.every((i) => i !== undefined) ? items.join('; ') : undefined;
    }
    default:
      return undefined;
  }
}

/** French and Spanish of a value; undefined when it has no text or a phrase lacks a translation. */
export function displaysOf(value: Value, table: TranslationTable): Displays | undefined {
  const out: Displays = {};
  for (const lang of DISPLAY_LANGS) {
    const written = writeIn(value, lang, table);
    if (written !== undefined) out[lang] = written;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

/** A head's title in French and Spanish: the holder's own form first (its grammatical gender), else the title's. */
export function titleDisplaysOf(title: string, holder: Value, table: TranslationTable): Displays | undefined {
  const own = holder.type === 'person' ? table.get(translationKey(title, holder.person)) : undefined;
  const found = own ?? table.get(title);
  return found ? { fr: found.fr, es: found.es } : undefined;
}

function withDisplays<T extends CompiledFact | HistoryEntry>(
  item: T,
  table: TranslationTable,
  values: ReadonlyMap<string, Value>,
): T {
  const displays = displaysOf(item.value, table);
  const titleDisplays = item.title ? titleDisplaysOf(item.title, item.value, table) : undefined;
  const noteDisplays = item.note ? explanationDisplays(item.note, values, table) : undefined;
  return {
    ...item,
    ...(displays ? { displays } : {}),
    ...(titleDisplays ? { titleDisplays } : {}),
    ...(noteDisplays ? { noteDisplays } : {}),
  };
}

function claimWithDisplays(
  claim: CompiledClaim,
  table: TranslationTable,
  values: ReadonlyMap<string, Value>,
): CompiledClaim {
  const displays = claim.value ? displaysOf(claim.value, table) : undefined;
  const reasonDisplays = claim.reason ? explanationDisplays(claim.reason, values, table) : undefined;
  return { ...claim, ...(displays ? { displays } : {}), ...(reasonDisplays ? { reasonDisplays } : {}) };
}

/** True when both languages are there. */
const complete = (d: Displays | undefined): boolean => Boolean(d?.fr && d.es);

/**
 * Adds `displays` (and `titleDisplays`) to a fact and its history. For properties marked `translated`
 * (the card's text rows), a phrase without French or Spanish is a problem naming the phrase.
 */
export function translateFact(
  fact: CompiledFact,
  table: TranslationTable,
  required: boolean,
  file: string,
): { fact: CompiledFact; issues: DatasetIssue[] } {
  const issues: DatasetIssue[] = [];
  const values = quotableValues([
    fact.value,
    ...(fact.history ?? []).flatMap((h) => [h.value, ...(h.alternatives ?? []).map((a) => a.value)]),
    ...(fact.alternatives ?? []).map((a) => a.value),
    ...fact.claims.flatMap((c) => (c.value ? [c.value] : [])),
  ]);
  const translated = withDisplays(fact, table, values);
  if (translated.history) translated.history = translated.history.map((h) => withDisplays(h, table, values));
  translated.claims = translated.claims.map((c) => {
    // Typed claim values only where a card may show them (its rows' competing and rejected values): the
    // rest of the dataset does not pay for them.
    const { value, ...rest } = claimWithDisplays(c, table, values);
    return required && value ? { ...rest, value } : rest;
  });
  if (required) {
    const missing = new Set<string>();
    const shown: { value: Value; title?: string }[] = [
      fact,
      ...(fact.history ?? []),
      ...fact.claims.flatMap((c) => (c.value ? [{ value: c.value }] : [])),
    ];
    for (const item of shown) {
      for (const phrase of [...(phrasesOf(item.value) ?? []), ...(item.title ? [item.title] : [])]) {
        const known = table.get(phrase);
        if (!known?.fr || !known.es) missing.add(phrase);
      }
    }
    for (const phrase of missing) {
      const message = `no French and Spanish for "${phrase}": add it to data/translations.json (the card shows this text)`;
      issues.push({ file, id: fact.id, field: 'displays', message });
    }
    // What the card shows besides the values: how conflicts were settled and why claims were rejected.
    const untranslated = [
      ...[translated, ...(translated.history ?? [])].flatMap((item) =>
        item.note && !complete(item.noteDisplays) ? [`note "${item.note}"`] : [],
      ),
      ...translated.claims.flatMap((c) =>
        c.reason && !complete(c.reasonDisplays) ? [`reason "${c.reason}" of claim ${c.id}`] : [],
      ),
    ];
    for (const what of new Set(untranslated)) {
      const message = `no French and Spanish for the ${what}: add it to data/translations.json (the card shows it)`;
      issues.push({ file, id: fact.id, field: 'displays', message });
    }
  }
  return { fact: translated, issues };
}
