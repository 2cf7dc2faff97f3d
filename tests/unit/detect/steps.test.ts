// @vitest-environment node
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  analyzeBlock,
  explainDocument,
  explainDocumentSteps,
  resolveDocument,
  resolveDocumentSteps,
  warmUpSteps,
} from '@/lib/detect';
import { parseCorpus } from '@/lib/detect/evaluation';

const CORPUS = resolve(__dirname, '../../../../shared/corpus/mentions-dev.jsonl');
const present = existsSync(CORPUS);
if (!present)
  console.warn(`Skipping the stepwise decision on the dev corpus: ${CORPUS} is absent (CI always has it).`);

/** Drives a stepwise decision to its end; returns its result and how many steps it took. */
function run<R>(steps: Generator<void, R, void>): { result: R; steps: number } {
  for (let n = 0; ; n++) {
    const next = steps.next();
    if (next.done) return { result: next.value, steps: n };
  }
}

const DOCUMENT = [
  'The International Organization for Migration (IOM) opened an office in Douglas.',
  'The Isle of Man (IOM) government welcomed it.',
  'IOM staff will assist migrants arriving by ferry.',
  'In 1956 ICEM moved refugees from Hungary; the ICM poll was published later.',
  'Nothing to see in this paragraph.',
];

describe('stepwise document decision', () => {
  it('decides exactly as the one-call decision, step by step', () => {
    const blocks = DOCUMENT.map(analyzeBlock);
    const stepwise = run(resolveDocumentSteps(blocks, { title: 'IOM in Douglas' }));
    expect(stepwise.result).toEqual(resolveDocument(blocks, { title: 'IOM in Douglas' }));
    expect(run(explainDocumentSteps(blocks)).result).toEqual(explainDocument(blocks));
    // At least a step per block (its cues) and per acronym candidate (its score).
    const acronyms = blocks.reduce((n, b) => n + b.acronyms.length, 0);
    expect(stepwise.steps).toBeGreaterThanOrEqual(blocks.length + acronyms);
  });

  it('takes no steps when the document has nothing to decide', () => {
    const blocks = ['Plain text.', 'More plain text.'].map(analyzeBlock);
    expect(run(resolveDocumentSteps(blocks))).toEqual({ result: [[], []], steps: 0 });
  });

  it.skipIf(!present)('gives the one-call result on the dev corpus read as one long document', () => {
    const passages = parseCorpus(readFileSync(CORPUS, 'utf8')).flatMap((l) => (l.ok ? [l.value] : []));
    const blocks = passages.map((p) => analyzeBlock(p.text));
    expect(run(resolveDocumentSteps(blocks)).result).toEqual(resolveDocument(blocks));
  });
});

describe('warm-up', () => {
  it('prepares the detector in several steps, then analyses as before', () => {
    const text = 'Staff of the IOM office met ICEM archivists about migrants from Hungary.';
    const before = resolveDocument([analyzeBlock(text)]);
    const { steps } = run(warmUpSteps());
    // Cue table, two finders, candidates, a long name, an acronym, a sample, a decision: one step each.
    expect(steps).toBeGreaterThanOrEqual(7);
    expect(resolveDocument([analyzeBlock(text)])).toEqual(before);
  });
});
