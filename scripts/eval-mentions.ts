/**
 * Scores the detector against the labelled mentions corpus and prints precision, recall and F1
 * (overall and per name), then every error with its context and the detector's reasons. Then, so that a
 * gain on one slice is not a loss on another: the corpus per language and per kind of mention, a k-fold
 * check (the detector fixed, each fold scored on its own), and the project's own sentence sets per set
 * and per language.
 *
 *   npm run eval:mentions [-- --corpus FILE] [--folds K] [--sets DIR]
 *
 * A passage's optional `url` and `title` are handed to the detector as the CLI and the browser hand them.
 */
import './lib/closed-pipe';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyzeBlock, detect, explainDocument } from '@/lib/detect';
import {
  type CorpusPassage,
  type DetectorError,
  judge,
  parseCorpus,
  type Scores,
  summarize,
} from '@/lib/detect/evaluation';
import { foldReport, scoresByKind, scoresByLanguage, scoresBySet } from '@/lib/detect/slices';
import { readSentenceSets } from './lib/sentence-sets';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DEFAULT_CORPUS = resolve(root, '../shared/corpus/mentions-dev.jsonl');
/** The project's own sentence sets, one file per set. */
const DEFAULT_SETS = resolve(root, 'tests/fixtures/detector');
/**
 * Folds of the k-fold check: 5 leaves about 17 passages and a dozen gold mentions per fold of the
 * 86-passage dev corpus, enough for one miss to show as a drop of under 0.1.
 */
const DEFAULT_FOLDS = 5;

/** The value after `--flag`, or undefined when the flag is absent; a flag without a value is a usage error. */
function option(argv: readonly string[], flag: string, what: string): string | undefined {
  const i = argv.indexOf(flag);
  if (i < 0) return undefined;
  const value = argv[i + 1];
  if (!value || value.startsWith('--')) {
    console.error(`eval:mentions: ${flag} needs ${what}`);
    process.exit(2);
  }
  return value;
}

function foldCount(argv: readonly string[]): number {
  const raw = option(argv, '--folds', 'a number of folds');
  if (raw === undefined) return DEFAULT_FOLDS;
  const k = Number(raw);
  if (!Number.isInteger(k) || k < 2) {
    console.error(`eval:mentions: --folds must be an integer of at least 2, got ${raw}`);
    process.exit(2);
  }
  return k;
}

const pct = (x: number) => x.toFixed(3).padStart(9);

function row(label: string, s: Scores, width = 8): string {
  return `${label.padEnd(width)}${pct(s.precision)}${pct(s.recall)}${pct(s.f1)}   ${s.correct}/${s.predicted} predicted correct, ${s.found}/${s.gold} gold found`;
}

/** Why the detector decided as it did on the acronym at this span, if it was an acronym candidate. */
function why(passage: CorpusPassage, e: DetectorError): string {
  const { decisions } = explainDocument([analyzeBlock(passage.text)], {
    url: passage.url,
    title: passage.title,
  });
  const d = decisions.find((x) => x.hit.start < e.end && e.start < x.hit.end);
  if (!d) return 'not a candidate (no acronym or long name matched here)';
  const cues = d.nearCues.length > 0 ? d.nearCues.join(', ') : 'none';
  return `${d.accepted ? 'accepted' : 'rejected'} by ${d.reason}: score ${d.score} vs threshold ${d.threshold}; near cues: ${cues}`;
}

/** The detector as the CLI runs it: the passage's url and title are its page context. */
const detectPassage = (text: string, p: CorpusPassage) => detect(text, { url: p.url, title: p.title });

/** A table of slices under a heading, rows in the map's order. */
function table(heading: string, slices: ReadonlyMap<string, Scores>): void {
  const width = Math.max(12, ...[...slices.keys()].map((k) => k.length + 2));
  console.log(`\n${heading}`);
  console.log(`${''.padEnd(width)}${'precision'.padStart(9)}${'recall'.padStart(9)}${'F1'.padStart(9)}`);
  for (const [label, s] of slices) console.log(row(label, s, width));
}

function printFolds(judgements: Parameters<typeof foldReport>[0], k: number): void {
  if (judgements.length < k) {
    console.log(`\nk-fold check skipped: ${judgements.length} passages cannot fill ${k} folds`);
    return;
  }
  const report = foldReport(judgements, k);
  table(
    `k-fold check (${k} folds of the corpus, rules and weights fixed, each fold scored on its own)`,
    new Map(report.folds.map((s, i) => [`fold ${i + 1}`, s])),
  );
  const f = (x: number) => x.toFixed(3);
  console.log(
    `precision mean ${f(report.precision.mean)} (min ${f(report.precision.min)}, max ${f(report.precision.max)}); ` +
      `recall mean ${f(report.recall.mean)} (min ${f(report.recall.min)}, max ${f(report.recall.max)})`,
  );
}

/** Scores the own sentence sets per set and per language, with their errors. Returns false on bad lines. */
function printSentenceSets(dir: string): boolean {
  if (!existsSync(dir)) {
    console.log(`\nOwn sentence sets: skipped, ${dir} is absent`);
    return true;
  }
  const sets = readSentenceSets(dir);
  for (const e of sets.errors) console.error(e);
  const judgements = judge(sets.passages, detectPassage);
  const result = summarize(judgements);
  const setOf = (p: CorpusPassage) => sets.setOf.get(p) ?? '?';
  table(
    `Own sentence sets: ${relative(process.cwd(), dir)} (${sets.passages.length} passages), per set`,
    new Map([['all sets', result.overall], ...scoresBySet(judgements, setOf)]),
  );
  table('Own sentence sets per language', scoresByLanguage(judgements));
  table('Own sentence sets per kind', scoresByKind(judgements));
  console.log(`\nOwn sentence set errors: ${result.errors.length}`);
  for (const e of result.errors)
    console.log(`- ${e.kind} in ${e.id}: "${e.surface.replace(/\s+/g, ' ')}" as ${e.label}: ${e.context}`);
  return sets.errors.length === 0;
}

function main(): void {
  const argv = process.argv.slice(2);
  const given = option(argv, '--corpus', 'a file path');
  const file = given === undefined ? DEFAULT_CORPUS : resolve(given);
  const k = foldCount(argv);
  const setsDir = resolve(option(argv, '--sets', 'a directory') ?? DEFAULT_SETS);
  if (!existsSync(file)) {
    console.error(`eval:mentions: corpus not found at ${file}`);
    process.exit(1);
  }
  const lines = parseCorpus(readFileSync(file, 'utf8'));
  const bad = lines.filter((l) => !l.ok);
  for (const l of bad) if (!l.ok) console.error(`${file}:${l.line}: ${l.error}`);
  const passages = lines.flatMap((l) => (l.ok ? [l.value] : []));
  const judgements = judge(passages, detectPassage);
  const result = summarize(judgements);

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

  table(
    'Per language (of the passage: its lang field, else its stopwords or script)',
    scoresByLanguage(judgements),
  );
  table('Per kind (precision by the predicted kind, recall by the gold kind)', scoresByKind(judgements));
  printFolds(judgements, k);
  const setsOk = printSentenceSets(setsDir);
  if (bad.length > 0 || !setsOk) process.exit(1);
}

main();
