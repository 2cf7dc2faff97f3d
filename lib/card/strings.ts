/**
 * The card speaks the mention's language, not the browser's: a French mention gets a French card in
 * an English browser. Browser i18n only serves the browser's locale, so the card bundles the same
 * _locales files the browser uses (one source of strings) and picks one by the mention's language.
 */
import { type LocaleMessages, type Translate, translatorFromMessages, type UiLanguage } from '@/lib/i18n';
import en from '@/public/_locales/en/messages.json';
import es from '@/public/_locales/es/messages.json';
import fr from '@/public/_locales/fr/messages.json';

const TABLES: Record<UiLanguage, LocaleMessages> = { en, fr, es };

/** The card's language for a mention's language: French and Spanish have their own, all else English. */
export function cardLanguage(mentionLang: string | undefined): UiLanguage {
  const base = (mentionLang ?? '').toLowerCase().split(/[-_]/)[0];
  return base === 'fr' || base === 'es' ? base : 'en';
}

const cache = new Map<UiLanguage, Translate>();

/** The card's strings in `lang`, from the bundled _locales tables. */
export function cardTranslator(lang: UiLanguage): Translate {
  let t = cache.get(lang);
  if (!t) {
    t = translatorFromMessages(TABLES[lang], lang);
    cache.set(lang, t);
  }
  return t;
}
