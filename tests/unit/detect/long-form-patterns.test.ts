// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { longFormPatterns } from '@/lib/detect/long-form-patterns';
import stored from '@/lib/detect/long-form-patterns.json';
import { findLongForms } from '@/lib/detect/long-forms';
import { type LongName, nameTable } from '@/lib/detect/names';

const name = (text: string, lang = 'en', kind: LongName['kind'] = 'long'): LongName => ({
  text,
  era: 'IOM',
  nameId: 'test',
  lang,
  kind,
});

describe('long-form patterns', () => {
  it('are stored for the bundled names data (else run npx tsx scripts/long-form-patterns.ts)', () => {
    expect(stored).toEqual(longFormPatterns(nameTable().longNames));
  });

  it('order the names longest first, so that the longer name wins where two match at one place', () => {
    const { names } = longFormPatterns([
      name('UN Migration'),
      name('International Organization for Migration'),
    ]);
    expect(names.map((n) => n.text)).toEqual(['International Organization for Migration', 'UN Migration']);
  });

  it('fold accents, join words across any spacing and read heads in upper case', () => {
    const [spanish] = longFormPatterns([name('Organización Internacional para las Migraciones', 'es')]).names;
    const re = new RegExp(spanish?.pattern ?? '', 'i');
    expect(re.test('Organizacion  Internacional para las\nMigraciones')).toBe(true);
    expect(spanish?.heads.every((h) => h === h.toUpperCase())).toBe(true);
  });

  it('reach far enough around a stem for the longest name with line breaks in it', () => {
    const { maxBefore, maxAfter } = longFormPatterns(nameTable().longNames);
    const text = 'the Intergovernmental\n      Committee for European\n      Migration said';
    const stem = text.indexOf('Migration');
    expect(stem).toBeLessThanOrEqual(maxBefore);
    const hits = findLongForms(text, [
      [Math.max(0, stem - maxBefore), Math.min(text.length, stem + maxAfter)],
    ]);
    expect(hits.map((h) => text.slice(h.start, h.end).replace(/\s+/g, ' '))).toEqual([
      'Intergovernmental Committee for European Migration',
    ]);
  });
});
