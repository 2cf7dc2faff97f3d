// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { cueHeads, finderAlternative } from '@/lib/detect/cue-heads';
import stored from '@/lib/detect/cue-heads.json';
import { cueLexicon, findCues } from '@/lib/detect/cues';
import { sourceHeads } from '@/lib/detect/pattern-heads';

describe('sourceHeads', () => {
  it('reads a literal start up to the first group, class escape or quantified atom', () => {
    expect(sourceHeads('migra(?:nt|tion)')).toEqual(['migra']);
    expect(sourceHeads('voluntary\\s+return')).toEqual(['voluntary']);
    expect(sourceHeads('cross(?:ed|ing)?\\s+the')).toEqual(['cross']);
    expect(sourceHeads('intra-?operative')).toEqual(['intra']);
  });

  it('keeps an atom that a plus repeats, and nothing after it', () => {
    expect(sourceHeads('ab+c')).toEqual(['ab']);
  });

  it('spells out a plain class into one head per member', () => {
    expect(sourceHeads('r[ée]fugi[ée]')).toEqual(['réfugié', 'réfugie', 'refugié', 'refugie']);
  });

  it('stops at a class with a range, a negation or an escape', () => {
    expect(sourceHeads('ab[a-z]c')).toEqual(['ab']);
    expect(sourceHeads('ab[^c]d')).toEqual(['ab']);
    expect(sourceHeads('ab[\\s-]c')).toEqual(['ab']);
  });

  it('takes an escaped symbol as itself', () => {
    expect(sourceHeads('U\\.N\\.')).toEqual(['U.N.']);
    expect(sourceHeads('\\.xxx')).toEqual(['.xxx']);
  });

  it('knows nothing of a source that starts with a group or is an alternation at its top', () => {
    expect(sourceHeads('(?:a|b)c')).toEqual(['']);
    expect(sourceHeads('abc|def')).toEqual(['']);
    expect(sourceHeads('(?:abc|def)x|y')).toEqual(['']);
  });

  it('stops multiplying heads past a bound, keeping the ones it has', () => {
    expect(sourceHeads('a[bc][de][fg][hi]j')).toEqual([
      'abdf',
      'abdg',
      'abef',
      'abeg',
      'acdf',
      'acdg',
      'acef',
      'aceg',
    ]);
  });

  it('gives heads that every match of the source starts with', () => {
    const cases: [string, string][] = [
      ['fle(?:d|e|eing|es)$', 'fleeing'],
      ['humanit(?:ar|air|är|ár)', 'humanitär'],
      ['d[ée]plac[ée]', 'déplacée'],
      ['19(?:5[1-9]|[67]\\d|80)', '1967'],
    ];
    for (const [source, text] of cases) {
      const match = new RegExp(source, 'iy').exec(text)?.[0] ?? '';
      expect(match, source).not.toBe('');
      expect(
        sourceHeads(source).some((h) => match.toUpperCase().startsWith(h.toUpperCase())),
        source,
      ).toBe(true);
    }
  });
});

describe('finderAlternative', () => {
  it('lower-cases an ASCII head when case-insensitive and escapes symbols', () => {
    expect(finderAlternative('U.N.', false)).toBe('U\\.N\\.');
    expect(finderAlternative('Geneva', true)).toBe('geneva');
    expect(finderAlternative('Internationale', true)).toBe('internat');
  });

  it('stands a non-ASCII letter inside an ASCII head for any character, and drops it at the end', () => {
    expect(finderAlternative('rückkehr', true)).toBe('r.ckkehr');
    expect(finderAlternative('réfugié', true)).toBe('r.fugi');
    expect(finderAlternative('asé', true)).toBe('as');
  });

  it('keeps a head in another script whole', () => {
    expect(finderAlternative('мигра', true)).toBe('мигра');
  });
});

describe('cue heads data', () => {
  it('matches the lexicon and the names (else run npx tsx scripts/cue-heads.ts)', () => {
    expect(stored).toEqual(cueHeads());
  });

  it('has a finder that finds every place where a source of its flavour matches', () => {
    const { ci, cs } = cueLexicon();
    const samples: [typeof ci, string, string, string][] = [
      [ci, stored.ci.finder, 'gi', 'Les réfugiés et la RÜCKKEHR des migrants; мигранты в Женеве; 移民.'],
      [cs, stored.cs.finder, 'g', 'The UN and UNHCR said; U.N. staff, ICEM CFD and the 1956 crisis.'],
    ];
    for (const [entries, finder, flags, text] of samples) {
      const found = new Set<number>();
      const re = new RegExp(finder, flags);
      for (let m = re.exec(text); m !== null; m = re.exec(text)) {
        found.add(m.index);
        re.lastIndex = m.index + 1;
      }
      for (const { sources } of entries) {
        for (const source of sources) {
          const sticky = new RegExp(source, flags.replace('g', 'y'));
          for (let at = 0; at < text.length; at++) {
            sticky.lastIndex = at;
            if (sticky.test(text) && !/\w/.test(text.charAt(at - 1) || ' ')) {
              expect(found.has(at), `${source} at ${at}`).toBe(true);
            }
          }
        }
      }
    }
  });
});

describe('cue scanner', () => {
  it('finds cues in several languages and cases, overlapping ones included', () => {
    const ids = (text: string) => findCues(text).map((h) => cueLexicon().cues[h.cue]?.id);
    expect(ids('Missing Migrants')).toEqual(expect.arrayContaining(['missing-migrants', 'migration']));
    expect(ids('RÉFUGIÉS')).toContain('refugees');
    expect(ids('беженцы')).toContain('refugees');
    expect(ids('refugee')).toEqual(ids('REFUGEE'));
  });
});
