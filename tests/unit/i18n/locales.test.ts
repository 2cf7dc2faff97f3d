import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type LocaleMessages, UI_LANGUAGES } from '@/lib/i18n';

const ROOT = join(__dirname, '../../..');
const load = (lang: string): LocaleMessages =>
  JSON.parse(readFileSync(join(ROOT, 'public/_locales', lang, 'messages.json'), 'utf8'));

/** Every source file that can show UI text. */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

/** Keys used in code: `t('key'…`, `getMessage('key'…`, message-key literals typed as MessageKey, `__MSG_key__`. */
function usedKeys(): Map<string, string> {
  const used = new Map<string, string>();
  const files = [
    ...['components', 'entrypoints', 'lib'].flatMap((d) => sourceFiles(join(ROOT, d))),
    join(ROOT, 'wxt.config.ts'),
  ];
  const patterns = [
    /\bt\(\s*'([A-Za-z0-9_]+)'/g,
    /getMessage\(\s*'([A-Za-z0-9_]+)'/g,
    /__MSG_([A-Za-z0-9_]+)__/g,
    /\bplural\([^)]*?'([A-Za-z0-9_]+)',\s*'([A-Za-z0-9_]+)'/g,
  ];
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    for (const re of patterns) {
      for (const match of text.matchAll(re)) {
        for (const key of match.slice(1)) if (key) used.set(key, relative(ROOT, file));
      }
    }
  }
  return used;
}

describe('locales', () => {
  const english = load('en');

  it('has the same keys and placeholders in English, French and Spanish', () => {
    for (const lang of UI_LANGUAGES) {
      const messages = load(lang);
      expect(Object.keys(messages).sort(), lang).toEqual(Object.keys(english).sort());
      for (const [key, entry] of Object.entries(messages)) {
        expect(Object.keys(entry.placeholders ?? {}).sort(), `${lang}:${key}`).toEqual(
          Object.keys(english[key]?.placeholders ?? {}).sort(),
        );
        const named = [...entry.message.matchAll(/\$([A-Za-z0-9_]+)\$/g)]
          .map((m) => m[1]?.toLowerCase())
          .sort();
        expect([...new Set(named)], `${lang}:${key} placeholders used`).toEqual(
          Object.keys(entry.placeholders ?? {}).sort(),
        );
        expect(entry.message.trim(), `${lang}:${key}`).not.toBe('');
      }
    }
  });

  it('names its own language in the locale message', () => {
    for (const lang of UI_LANGUAGES) expect(load(lang).locale?.message).toBe(lang);
  });

  it('keeps the store description within the 132 characters browsers allow', () => {
    for (const lang of UI_LANGUAGES)
      expect(load(lang).extDescription?.message.length).toBeLessThanOrEqual(132);
  });

  it('defines every key the code uses', () => {
    const used = usedKeys();
    expect(used.size).toBeGreaterThan(40);
    const missing = [...used].filter(([key]) => !(key in english)).map(([key, file]) => `${key} (${file})`);
    expect(missing).toEqual([]);
  });

  it('uses every key it defines', () => {
    // Looser than above: a key may also be used through a table of keys (`underline: 'styleUnderline'`).
    const code = [
      ...['components', 'entrypoints', 'lib'].flatMap((d) => sourceFiles(join(ROOT, d))),
      join(ROOT, 'wxt.config.ts'),
    ]
      .map((file) => readFileSync(file, 'utf8'))
      .join('\n');
    const unused = Object.keys(english).filter(
      (key) => !code.includes(`'${key}'`) && !code.includes(`__MSG_${key}__`),
    );
    expect(unused).toEqual([]);
  });
});
