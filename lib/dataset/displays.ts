/**
 * French and Spanish for the dataset's text values, from data/translations.json. Numbers and dates are not
 * translated here: cards format them from the typed value with the reader's locale.
 */
import type { TranslationRecord } from './schema';
import type { DisplayLang, Displays } from './types';
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
