// @vitest-environment node
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ACRONYM_POLICIES } from '@/lib/detect/lexicon/acronym-policy';
import { CON_CUES, PRO_CUES } from '@/lib/detect/lexicon/cues';
import { LOOK_ALIKES } from '@/lib/detect/lexicon/look-alikes';
import { SPEAKER_AFTER, SPEAKER_BEFORE } from '@/lib/detect/lexicon/speakers';
import { nameTable } from '@/lib/detect/names';
import { isSpoken } from '@/lib/detect/score';

const cueSources = [...PRO_CUES, ...CON_CUES].flatMap((c) => [...(c.ci ?? []), ...(c.cs ?? [])]);
const lookAlikeSources = LOOK_ALIKES.flatMap((l) => [...l.expansions, ...(l.compounds ?? [])]);

/** A quantified group that itself ends in a quantifier: the shape behind catastrophic backtracking. */
const NESTED_QUANTIFIER = /\([^()]*[+*}]\)[+*{]/;

describe('detector lexicon', () => {
  it('has unique cue ids with a sign that says which side they argue for', () => {
    const ids = [...PRO_CUES, ...CON_CUES].map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(PRO_CUES.every((c) => c.weight > 0)).toBe(true);
    expect(CON_CUES.every((c) => c.weight < 0)).toBe(true);
  });

  it('compiles every pattern, with no nested quantifiers and no unbounded repetition of a group', () => {
    for (const source of [...cueSources, ...lookAlikeSources]) {
      expect(() => new RegExp(source), source).not.toThrow();
      expect(NESTED_QUANTIFIER.test(source), source).toBe(false);
    }
  });

  it('writes speaker patterns in lower case, since they meet lower-cased text', () => {
    // Escapes (\\s, \\p{L}) may hold capitals; nothing else may.
    const capitals = [...SPEAKER_BEFORE, ...SPEAKER_AFTER].filter((s) =>
      /\p{Lu}/u.test(s.replace(/\\(?:[pP]\{[^}]*\}|.)/g, '')),
    );
    expect(capitals).toEqual([]);
  });

  it('finds a speaker pattern whatever the case of the text around the acronym', () => {
    for (const text of ['according to the IOM', 'According to the IOM', 'ACCORDING TO THE IOM']) {
      expect(isSpoken(text, text.length - 3, text.length), text).toBe(true);
    }
    const after = "IOM's Budget was cut";
    expect(isSpoken(after, 0, 3)).toBe(true);
    expect(isSpoken('the IOM cafeteria', 4, 7)).toBe(false);
  });

  it('starts every Latin-script pattern with a literal letter, which the scanner dispatches on', () => {
    const bad = cueSources.filter((s) => /^[([\\]/.test(s) && !/^\\\./.test(s));
    expect(bad).toEqual([]);
  });

  it('speaks only of acronyms the names data has', () => {
    const known = new Set(nameTable().acronyms.keys());
    const named = [
      ...LOOK_ALIKES.map((l) => l.acronym),
      ...Object.keys(ACRONYM_POLICIES),
      ...[...PRO_CUES, ...CON_CUES].flatMap((c) => c.only ?? []),
    ];
    expect(named.filter((a) => !known.has(a))).toEqual([]);
  });

  it('is plain data, so a bundle that only needs the pre-check can drop it', () => {
    const dir = resolve(__dirname, '../../../lib/detect/lexicon');
    for (const file of readdirSync(dir)) {
      const source = readFileSync(resolve(dir, file), 'utf8');
      expect(source.includes('${'), `${file} interpolates into a template literal`).toBe(false);
      expect(/\b(?:new|Object\.)\w*\(/.test(source), `${file} calls a constructor at load time`).toBe(false);
    }
  });
});
