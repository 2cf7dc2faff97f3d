/**
 * Scores the detector against the labelled mentions corpus and prints precision, recall and F1
 * (overall and per name), then every error with its context and the detector's reasons.
 *
 *   npm run eval:mentions [-- --corpus FILE]
 */
import './lib/closed-pipe';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyzeBlock, detect, explainDocument } from '@/lib/detect';
import {
  type CorpusPassage,
  type DetectorError,
  evaluate,
  parseCorpus,
  type Scores,
} from '@/lib/detect/evaluation';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DEFAULT_CORPUS = resolve(root, '../shared/corpus/mentions-dev.jsonl');

function corpusPath(argv: readonly string[]): string {
  const i = argv.indexOf('--corpus');
  if (i < 0) return DEFAULT_CORPUS;
  const file = argv[i + 1];
  if (!file) {
    console.error('eval:mentions: --corpus needs a file path');
    process.exit(2);
  }
  return resolve(file);
}

const pct = (x: number) => x.toFixed(3).padStart(9);

function row(label: string, s: Scores): string {
  return `${label.padEnd(8)}${pct(s.precision)}${pct(s.recall)}${pct(s.f1)}   ${s.correct}/${s.predicted} predicted correct, ${s.found}/${s.gold} gold found`;
}

/** Why the detector decided as it did on the acronym at this span, if it was an acronym candidate. */
function why(passage: CorpusPassage, e: DetectorError): string {
  const { decisions } = explainDocument([analyzeBlock(passage.text)]);
  const d = decisions.find((x) => x.hit.start < e.end && e.start < x.hit.end);
  if (!d) return 'not a candidate (no acronym or long name matched here)';
  const cues = d.nearCues.length > 0 ? d.nearCues.join(', ') : 'none';
  return `${d.accepted ? 'accepted' : 'rejected'} by ${d.reason}: score ${d.score} vs threshold ${d.threshold}; near cues: ${cues}`;
}

function main(): void {
  const file = corpusPath(process.argv.slice(2));
  if (!existsSync(file)) {
    console.error(`eval:mentions: corpus not found at ${file}`);
    process.exit(1);
  }
  const lines = parseCorpus(readFileSync(file, 'utf8'));
  const bad = lines.filter((l) => !l.ok);
  for (const l of bad) if (!l.ok) console.error(`${file}:${l.line}: ${l.error}`);
  const passages = lines.flatMap((l) => (l.ok ? [l.value] : []));
  const result = evaluate(passages, (text) => detect(text));

  console.log(`Mentions corpus: ${relative(process.cwd(), file)} (${passages.length} passages)\n`);
  console.log(`${''.padEnd(8)}${'precision'.padStart(9)}${'recall'.padStart(9)}${'F1'.padStart(9)}`);
  console.log(row('overall', result.overall));
  for (const [name, s] of Object.entries(result.perName)) console.log(row(name, s));

  const byId = new Map(passages.map((p) => [p.id, p]));
  console.log(`\nErrors: ${result.errors.length}`);
  for (const e of result.errors) {
    const passage = byId.get(e.id);
    const confidence = e.confidence === undefined ? '' : ` confidence ${e.confidence}`;
    const meaning = e.meaning ? ` (${e.meaning})` : '';
    console.log(`\n- ${e.kind} in ${e.id}: "${e.surface}" as ${e.label}${meaning}${confidence}`);
    console.log(`  ${e.context}`);
    if (passage) console.log(`  why: ${why(passage, e)}`);
  }
  if (bad.length > 0) process.exit(1);
}

main();
