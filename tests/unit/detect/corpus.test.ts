// @vitest-environment node
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detect } from '@/lib/detect';
import { evaluate, parseCorpus } from '@/lib/detect/evaluation';

/** The labelled dev corpus lives beside the project, never inside it. */
const CORPUS = resolve(__dirname, '../../../../shared/corpus/mentions-dev.jsonl');
const present = existsSync(CORPUS);
if (!present) console.warn(`Skipping the dev-corpus targets: ${CORPUS} is absent (CI always has it).`);

describe('detector on the dev corpus', () => {
  it.skipIf(!present)('reaches precision >= 0.99 and recall >= 0.99', () => {
    const lines = parseCorpus(readFileSync(CORPUS, 'utf8'));
    expect(lines.filter((l) => !l.ok)).toEqual([]);
    const passages = lines.flatMap((l) => (l.ok ? [l.value] : []));
    const { overall, errors } = evaluate(passages, (text) => detect(text));
    const summary = errors.map((e) => `${e.kind} ${e.id} ${e.surface}: ${e.context}`);
    expect(overall.precision, summary.join('\n')).toBeGreaterThanOrEqual(0.99);
    expect(overall.recall, summary.join('\n')).toBeGreaterThanOrEqual(0.99);
  });
});
