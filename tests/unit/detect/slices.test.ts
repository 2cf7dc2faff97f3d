// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { type CorpusPassage, judge } from '@/lib/detect/evaluation';
import {
  assignFolds,
  foldReport,
  goldKind,
  mentionKind,
  passageLanguage,
  scoresByKind,
  scoresByLanguage,
  scoresBySet,
} from '@/lib/detect/slices';
import type { Mention } from '@/lib/mention';

const predicted = (start: number, end: number, kind: Mention['kind'] = 'acronym'): Mention => ({
  start,
  end,
  surface: 'x',
  name: 'IOM',
  nameId: 'iom',
  lang: 'en',
  kind,
  confidence: 0.9,
});

const gold = (start: number, end: number, name = 'IOM', is_iom = true) => ({ start, end, name, is_iom });

describe('evaluation slices', () => {
  it('takes a passage language from its lang field, else from its stopwords, else from its script', () => {
    expect(passageLanguage({ text: 'The office and the staff of the mission', lang: 'pl' })).toBe('pl');
    expect(passageLanguage({ text: 'Les migrants et la mission dans le pays' })).toBe('fr');
    expect(passageLanguage({ text: 'وقالت المنظمة إن المهاجرين وصلوا' })).toBe('ar');
    expect(passageLanguage({ text: 'IOM 2024' })).toBe('other');
  });

  it('names kinds the same way for gold labels and predictions', () => {
    expect(['full-ICEM', 'IOM', 'OIM', 'alias-IOM'].map(goldKind)).toEqual([
      'long form',
      'acronym',
      'acronym',
      'descriptive',
    ]);
    expect((['long', 'acronym', 'alias'] as const).map((kind) => mentionKind({ kind }))).toEqual([
      'long form',
      'acronym',
      'descriptive',
    ]);
  });

  it('counts precision by the predicted kind and recall by the gold kind', () => {
    const passages: CorpusPassage[] = [
      {
        id: 'a',
        text: 'International Organization for Migration (IOM) and Isle of Man (IOM)',
        mentions: [gold(0, 40, 'full-IOM'), gold(42, 45), gold(64, 67, 'IOM', false)],
      },
    ];
    // The long form is found; the own acronym is missed; the island's acronym is taken.
    const judgements = judge(passages, () => [predicted(0, 40, 'long'), predicted(64, 67)]);
    const byKind = scoresByKind(judgements);
    expect([...byKind.keys()]).toEqual(['long form', 'acronym']);
    expect(byKind.get('long form')).toMatchObject({ correct: 1, predicted: 1, found: 1, gold: 1 });
    expect(byKind.get('acronym')).toMatchObject({ correct: 0, predicted: 1, found: 0, gold: 1 });
  });

  it('scores each language and each named set on its own passages only', () => {
    const passages: CorpusPassage[] = [
      { id: 'en-1', lang: 'en', text: 'IOM here', mentions: [gold(0, 3)] },
      { id: 'de-1', lang: 'de', text: 'IOM hier', mentions: [gold(0, 3)] },
      { id: 'de-2', lang: 'de', text: 'IOM dort', mentions: [] },
    ];
    const judgements = judge(passages, (text) => (text === 'IOM hier' ? [] : [predicted(0, 3)]));
    const byLanguage = scoresByLanguage(judgements);
    expect([...byLanguage.keys()]).toEqual(['de', 'en']);
    expect(byLanguage.get('en')).toMatchObject({ precision: 1, recall: 1 });
    expect(byLanguage.get('de')).toMatchObject({ correct: 0, predicted: 1, found: 0, gold: 1 });
    const bySet = scoresBySet(judgements, (p) => p.id.slice(0, 2));
    expect(bySet.get('de')).toEqual(byLanguage.get('de'));
  });

  it('deals folds by category so that each fold gets its share and sizes differ by at most one', () => {
    const passages = [
      ...Array.from({ length: 7 }, (_, i) => ({ id: `p${i + 1}`, category: 'positive' })),
      ...Array.from({ length: 4 }, (_, i) => ({ id: `n${i + 1}`, category: 'hard-negative' })),
    ];
    const folds = assignFolds(passages, 3);
    const sizes = [0, 1, 2].map((f) => folds.filter((x) => x === f).length);
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
    for (const category of ['positive', 'hard-negative']) {
      const per = [0, 1, 2].map(
        (f) => passages.filter((p, i) => p.category === category && folds[i] === f).length,
      );
      expect(Math.max(...per) - Math.min(...per)).toBeLessThanOrEqual(1);
    }
    // The same split on every run and in any input order.
    const reversed = assignFolds([...passages].reverse(), 3).reverse();
    expect(reversed).toEqual(folds);
  });

  it('orders ids naturally, so p2 and p10 are dealt as numbers', () => {
    const folds = assignFolds(
      ['p10', 'p2', 'p1'].map((id) => ({ id })),
      3,
    );
    expect(folds).toEqual([2, 1, 0]);
  });

  it('rejects a fold count that cannot split the passages', () => {
    expect(() => assignFolds([{ id: 'a' }, { id: 'b' }], 1)).toThrow(/at least 2/);
    expect(() => assignFolds([{ id: 'a' }, { id: 'b' }], 3)).toThrow(/more than the 2 passages/);
  });

  it('reports each fold and the spread of precision and recall across folds', () => {
    const passages: CorpusPassage[] = ['a', 'b', 'c', 'd'].map((id) => ({
      id,
      text: `IOM ${id}`,
      mentions: [gold(0, 3)],
    }));
    // Only passage d is missed: one fold of two loses half its recall.
    const report = foldReport(
      judge(passages, (text) => (text === 'IOM d' ? [] : [predicted(0, 3)])),
      2,
    );
    expect(report.folds.map((s) => s.recall)).toEqual([1, 0.5]);
    expect(report.recall).toEqual({ mean: 0.75, min: 0.5, max: 1 });
    expect(report.precision).toEqual({ mean: 1, min: 1, max: 1 });
  });
});
