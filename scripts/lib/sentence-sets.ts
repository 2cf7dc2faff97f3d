import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { type CorpusPassage, parseCorpus } from '@/lib/detect/evaluation';

/**
 * The project's own labelled sentence sets (tests/fixtures/detector/*.jsonl, written for the project, one
 * file per set): read in file-name order, each passage tagged with its set, bad lines named FILE:LINE.
 */
export interface SentenceSets {
  /** Every good passage, in file order. */
  passages: CorpusPassage[];
  /** The set (file name without .jsonl) of each passage. */
  setOf: Map<CorpusPassage, string>;
  /** Bad lines as "FILE:LINE: reason". */
  errors: string[];
}

export function readSentenceSets(dir: string): SentenceSets {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .sort();
  if (files.length === 0) throw new Error(`${dir}: no .jsonl sentence sets`);
  const sets: SentenceSets = { passages: [], setOf: new Map(), errors: [] };
  for (const file of files) {
    const path = join(dir, file);
    for (const line of parseCorpus(readFileSync(path, 'utf8'))) {
      if (!line.ok) {
        sets.errors.push(`${path}:${line.line}: ${line.error}`);
        continue;
      }
      sets.passages.push(line.value);
      sets.setOf.set(line.value, basename(file, '.jsonl'));
    }
  }
  return sets;
}
