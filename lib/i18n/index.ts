/**
 * UI strings. Entry points build a `Translate` from the browser's i18n (the `_locales` matching the
 * browser's language); components receive it as a prop and never touch browser APIs. Tests, and
 * anything that must show a given language whatever the browser's (a French mention's card), build
 * one from a messages.json object with the same substitution rules as the browser.
 */
import type english from '@/public/_locales/en/messages.json';

/** The name of a UI string, checked against the English messages at compile time. */
export type MessageKey = keyof typeof english;

/** The languages the UI is translated into (IOM's official languages); the first is the default. */
export const UI_LANGUAGES = ['en', 'fr', 'es'] as const;

/** One language of the UI. */
export type UiLanguage = (typeof UI_LANGUAGES)[number];

/** Looks up a UI string and fills its placeholders. */
export interface Translate {
  (key: MessageKey, substitutions?: string | readonly string[]): string;
  /** The language of the strings this function returns (BCP 47), for plurals, dates and `lang`. */
  readonly lang: UiLanguage;
}

/** One entry of a `_locales/<lang>/messages.json` file. */
export interface LocaleMessage {
  /** The text, with `$name$` placeholders and `$$` for a dollar sign. */
  message: string;
  /** Context for translators. */
  description?: string;
  /** What each `$name$` stands for: usually `$1`, `$2`… (the substitutions). */
  placeholders?: Record<string, { content: string; example?: string }>;
}

/** A whole messages.json file. */
export type LocaleMessages = Record<string, LocaleMessage>;

/** The language a browser-reported locale (`fr-CA`, `es_419`) falls back to, English if none fits. */
export function uiLanguageOf(locale: string | undefined): UiLanguage {
  const base = (locale ?? '').toLowerCase().split(/[-_]/)[0];
  return (UI_LANGUAGES as readonly string[]).includes(base ?? '') ? (base as UiLanguage) : 'en';
}

/**
 * Builds a Translate over a messages file, substituting as browsers do: `$name$` becomes the
 * placeholder's content, in which `$1`…`$9` are the substitutions; `$$` is a dollar sign. A missing
 * key returns the key itself, so the gap is visible rather than blank.
 */
export function translatorFromMessages(messages: LocaleMessages, lang: UiLanguage): Translate {
  const t = (key: MessageKey, substitutions?: string | readonly string[]) => {
    const entry = messages[key];
    if (!entry) return key;
    const subs =
      substitutions === undefined ? [] : typeof substitutions === 'string' ? [substitutions] : substitutions;
    const fill = (text: string) => text.replace(/\$(\d)/g, (_, n: string) => subs[Number(n) - 1] ?? '');
    const placeholders = entry.placeholders ?? {};
    return entry.message.replace(/\$\$|\$([A-Za-z0-9_@]+)\$/g, (whole, name?: string) => {
      if (whole === '$$') return '$';
      const placeholder = Object.entries(placeholders).find(([k]) => k.toLowerCase() === name?.toLowerCase());
      return placeholder ? fill(placeholder[1].content) : whole;
    });
  };
  return Object.assign(t, { lang });
}

/** The browser's `i18n.getMessage`, the only part of the i18n API the UI needs. */
export type GetMessage = (key: string, substitutions?: string | string[]) => string;

/** Builds a Translate over the browser's i18n; `lang` comes from the `locale` message itself. */
export function translatorFromBrowser(getMessage: GetMessage): Translate {
  const t = (key: MessageKey, substitutions?: string | readonly string[]) =>
    getMessage(
      key,
      substitutions === undefined
        ? undefined
        : typeof substitutions === 'string'
          ? substitutions
          : [...substitutions],
    ) || key;
  return Object.assign(t, { lang: uiLanguageOf(getMessage('locale')) });
}

/** Picks the singular or plural message for `count` by the language's plural rules and fills in the number. */
export function plural(t: Translate, count: number, one: MessageKey, other: MessageKey): string {
  const form = new Intl.PluralRules(t.lang).select(count);
  return t(form === 'one' ? one : other, new Intl.NumberFormat(t.lang).format(count));
}
