import { describe, expect, it } from 'vitest';
import { plural, translatorFromBrowser, translatorFromMessages, uiLanguageOf } from '@/lib/i18n';
import fr from '@/public/_locales/fr/messages.json';

describe('i18n', () => {
  it('fills named placeholders from the substitutions, as browsers do', () => {
    const t = translatorFromMessages(
      { a: { message: 'Open $TITLE$ ($$5)', placeholders: { title: { content: '$1' } } } },
      'en',
    );
    expect(t('a' as never, 'the report')).toBe('Open the report ($5)');
  });

  it('returns the key for a missing message, so the gap shows', () => {
    expect(translatorFromMessages({}, 'en')('saved')).toBe('saved');
  });

  it('uses the language plural rules: 0 and 1 are singular in French', () => {
    const t = translatorFromMessages(fr, 'fr');
    expect(plural(t, 0, 'pageCountOne', 'pageCountOther')).toBe('0 mention sur cette page.');
    expect(plural(t, 1, 'pageCountOne', 'pageCountOther')).toBe('1 mention sur cette page.');
    expect(plural(t, 1200, 'pageCountOne', 'pageCountOther')).toBe('1\u202f200 mentions sur cette page.');
  });

  it('maps browser locales to a UI language, English by default', () => {
    expect(uiLanguageOf('fr-CA')).toBe('fr');
    expect(uiLanguageOf('es_419')).toBe('es');
    expect(uiLanguageOf('de')).toBe('en');
    expect(uiLanguageOf(undefined)).toBe('en');
  });

  it('reads the language from the browser messages and falls back to the key', () => {
    const t = translatorFromBrowser((key) => (key === 'locale' ? 'es' : key === 'saved' ? 'Guardado.' : ''));
    expect(t.lang).toBe('es');
    expect(t('saved')).toBe('Guardado.');
    expect(t('cancel')).toBe('cancel');
  });
});
