// @vitest-environment node
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detect } from '@/lib/detect';
import { judge, summarize } from '@/lib/detect/evaluation';
import { scoresBySet } from '@/lib/detect/slices';
import { readSentenceSets } from '../../../scripts/lib/sentence-sets';

/** The project's own sentence sets: positives and look-alikes written for the detector's rules. */
const SETS = resolve(__dirname, '../../fixtures/detector');

describe("detector on the project's own sentence sets", () => {
  const sets = readSentenceSets(SETS);
  const judgements = judge(sets.passages, (text, p) => detect(text, { url: p.url, title: p.title }));
  const { overall, errors } = summarize(judgements);
  const summary = errors.map((e) => `${e.kind} ${e.id} ${e.surface}: ${e.context}`).join('\n');

  it('reads every line of every set', () => {
    expect(sets.errors).toEqual([]);
    expect(new Set(sets.setOf.values()).size).toBeGreaterThanOrEqual(10);
  });

  it('reaches precision >= 0.98 and recall >= 0.97 over all sets', () => {
    expect(overall.precision, summary).toBeGreaterThanOrEqual(0.98);
    expect(overall.recall, summary).toBeGreaterThanOrEqual(0.97);
  });

  it('takes no look-alike in any set', () => {
    for (const [set, s] of scoresBySet(judgements, (p) => sets.setOf.get(p) ?? '?'))
      expect(s.correct, `${set}\n${summary}`).toBe(s.predicted);
  });
});
