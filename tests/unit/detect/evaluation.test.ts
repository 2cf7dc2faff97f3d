// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { type CorpusPassage, evaluate, goldEra, parseCorpus } from '@/lib/detect/evaluation';
import type { Mention } from '@/lib/mention';

const mention = (start: number, end: number, name: Mention['name'] = 'IOM'): Mention => ({
  start,
  end,
  surface: 'x',
  name,
  nameId: name.toLowerCase(),
  lang: 'en',
  kind: 'acronym',
  confidence: 0.9,
});

describe('evaluation', () => {
  it('maps gold labels to eras through the names data', () => {
    expect(
      ['full-IOM', 'IOM', 'OIM', 'CIME', 'CIM', 'full-ICM', 'PICMME', 'full-PICMME'].map(goldEra),
    ).toEqual(['IOM', 'IOM', 'IOM', 'ICEM', 'ICM', 'ICM', 'PICMME', 'PICMME']);
    expect(goldEra('XYZ')).toBeNull();
  });

  it('counts a gold mention found when a prediction overlaps it, and a prediction overlapping none as false', () => {
    const passages: CorpusPassage[] = [
      {
        id: 'a',
        text: 'IOM and the Isle of Man (IOM) and more text here',
        mentions: [
          { start: 0, end: 3, is_iom: true, name: 'IOM' },
          { start: 25, end: 28, is_iom: false, name: 'IOM', meaning: 'Isle of Man' },
        ],
      },
      { id: 'b', text: 'ICEM and ICM', mentions: [{ start: 0, end: 4, is_iom: true, name: 'ICEM' }] },
    ];
    const predictions: Record<string, Mention[]> = {
      'IOM and the Isle of Man (IOM) and more text here': [mention(1, 5), mention(25, 28)],
      'ICEM and ICM': [],
    };
    const result = evaluate(passages, (text) => predictions[text] ?? []);
    expect(result.overall).toMatchObject({
      correct: 1,
      predicted: 2,
      found: 1,
      gold: 2,
      precision: 0.5,
      recall: 0.5,
    });
    expect(result.perName.ICEM).toMatchObject({ found: 0, gold: 1, recall: 0 });
    expect(result.errors.map((e) => [e.kind, e.id, e.meaning])).toEqual([
      ['false-positive', 'a', 'Isle of Man'],
      ['missed', 'b', undefined],
    ]);
    expect(result.errors[0]?.context).toContain('[[IOM]]');
  });

  it('reports an overlap with the wrong era without counting it as missed', () => {
    const passages: CorpusPassage[] = [
      { id: 'c', text: 'ICM', mentions: [{ start: 0, end: 3, is_iom: true, name: 'ICM' }] },
    ];
    const result = evaluate(passages, () => [mention(0, 3, 'IOM')]);
    expect(result.overall.recall).toBe(1);
    expect(result.errors.map((e) => e.kind)).toEqual(['wrong-era']);
  });

  it('reports bad corpus lines by number', () => {
    const lines = parseCorpus('{"id":"a","text":"t","mentions":[]}\n\n{"id":"b"}\nnot json\n');
    expect(lines.map((l) => (l.ok ? l.line : `${l.line}: ${l.error}`))).toEqual([
      1,
      '3: missing field "text"; missing field "mentions"',
      expect.stringMatching(/^4: not valid JSON/),
    ]);
  });
});
