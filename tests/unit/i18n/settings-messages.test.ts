import { describe, expect, it } from 'vitest';
import { translatorFromMessages } from '@/lib/i18n';
import { saveFailureText, settingsFileProblemText } from '@/lib/i18n/settings-messages';
import { parseSettingsFile } from '@/lib/settings';
import en from '@/public/_locales/en/messages.json';
import es from '@/public/_locales/es/messages.json';
import fr from '@/public/_locales/fr/messages.json';

const problemOf = (text: string) => {
  const r = parseSettingsFile(text);
  if (r.ok) throw new Error('expected a refusal');
  return r.problem;
};
const file = (settings: unknown) => JSON.stringify({ format: 'iom-lens-settings', version: 2, settings });

describe('settings messages', () => {
  it('says in each language what is wrong in a settings file and where', () => {
    const syntax = problemOf('{\n  "format": 1\n  "x": 2\n}');
    expect(settingsFileProblemText(translatorFromMessages(en, 'en'), syntax)).toBe(
      'The file is not valid JSON: the error is at line 3, column 3.',
    );
    expect(settingsFileProblemText(translatorFromMessages(fr, 'fr'), syntax)).toBe(
      "Le fichier n'est pas du JSON valide : l'erreur est à la ligne 3, colonne 3.",
    );
    const invalid = problemOf(file({ hoverDelayMs: 'fast' }));
    expect(settingsFileProblemText(translatorFromMessages(en, 'en'), invalid)).toBe(
      'settings.hoverDelayMs should be a whole number of milliseconds from 0 to 2000, not "fast".',
    );
    expect(settingsFileProblemText(translatorFromMessages(es, 'es'), invalid)).toBe(
      'settings.hoverDelayMs debe ser un número entero de milisegundos entre 0 y 2000, no "fast".',
    );
    expect(settingsFileProblemText(translatorFromMessages(fr, 'fr'), problemOf(file({ colour: 1 })))).toBe(
      'Réglage inconnu : settings.colour.',
    );
  });

  it('says in each language why settings were not saved', () => {
    expect(
      saveFailureText(translatorFromMessages(en, 'en'), { kind: 'too-large', bytes: 9000, limit: 8192 }),
    ).toBe(
      'Not saved: the settings take 9000 bytes and the browser syncs at most 8192. Remove some sites from the lists.',
    );
    expect(saveFailureText(translatorFromMessages(es, 'es'), { kind: 'rate' })).toMatch(/^No se guardó/);
  });
});
