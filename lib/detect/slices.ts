import type { Mention } from '@/lib/mention';
import { type CorpusPassage, type GoldMention, type Judgement, type Scores, scoreSlices } from './evaluation';
import { countStopwords, guessLanguage, type LangCounts } from './language';

/**
 * Slices of an evaluation, so that a gain on one kind of text is not hidden by a loss on another:
 * per language, per kind of mention, and per fold of a fixed split of the corpus.
 */

/** How a mention is written, as the evaluation tables name it. */
export type SliceKind = 'long form' | 'acronym' | 'descriptive';

/** The kinds in table order. */
export const SLICE_KINDS: readonly SliceKind[] = ['long form', 'acronym', 'descriptive'];

/** Slice of passages whose language neither their `lang` field nor their words tell. */
export const UNKNOWN_LANGUAGE = 'other';

/** Scripts whose language the stopword lists (Latin and Cyrillic) cannot tell, by a letter range. */
const SCRIPTS: readonly (readonly [RegExp, string])[] = [
  [/[\u0600-\u06ff]/, 'ar'],
  [/[\u3040-\u30ff]/, 'ja'],
  [/[\u4e00-\u9fff]/, 'zh'],
];

/**
 * The language of a passage: its `lang` field when the set gives one, else the detector's stopword guess,
 * else its script (Arabic, Japanese kana, Chinese), else UNKNOWN_LANGUAGE.
 */
export function passageLanguage(passage: Pick<CorpusPassage, 'text' | 'lang'>): string {
  if (passage.lang) return passage.lang;
  const counts: LangCounts = {};
  countStopwords(passage.text, 0, passage.text.length, counts);
  const guess = guessLanguage(counts);
  if (guess) return guess;
  return SCRIPTS.find(([re]) => re.test(passage.text))?.[1] ?? UNKNOWN_LANGUAGE;
}

/**
 * The kind of a gold label: "full-…" is a long form, "alias-…" a descriptive name ("UN Migration
 * Agency"), anything else an acronym.
 */
export function goldKind(label: string): SliceKind {
  if (label.startsWith('full-')) return 'long form';
  if (label.startsWith('alias-')) return 'descriptive';
  return 'acronym';
}

/** The kind of a predicted mention, in the same terms as `goldKind`. */
export function mentionKind(mention: Pick<Mention, 'kind'>): SliceKind {
  if (mention.kind === 'long') return 'long form';
  if (mention.kind === 'alias') return 'descriptive';
  return 'acronym';
}

/** Scores per language of the passage (precision and recall both by the passage's language). */
export function scoresByLanguage(judgements: readonly Judgement[]): Map<string, Scores> {
  const lang = new Map<CorpusPassage, string>();
  const of = (_: unknown, p: CorpusPassage) => {
    let l = lang.get(p);
    if (l === undefined) {
      l = passageLanguage(p);
      lang.set(p, l);
    }
    return l;
  };
  return sortedByKey(scoreSlices(judgements, of, of));
}

/** Scores per kind: precision by the predicted mention's kind, recall by the gold label's kind. */
export function scoresByKind(judgements: readonly Judgement[]): Map<SliceKind, Scores> {
  const scores = scoreSlices(
    judgements,
    (m) => mentionKind(m),
    (g: GoldMention) => goldKind(g.name),
  );
  const ordered = new Map<SliceKind, Scores>();
  for (const kind of SLICE_KINDS) {
    const s = scores.get(kind);
    if (s) ordered.set(kind, s);
  }
  return ordered;
}

/** Scores per named set (e.g. one file of sentences each), in the sets' order of appearance. */
export function scoresBySet(
  judgements: readonly Judgement[],
  setOf: (passage: CorpusPassage) => string,
): Map<string, Scores> {
  return scoreSlices(
    judgements,
    (_, p) => setOf(p),
    (_, p) => setOf(p),
  );
}

function sortedByKey<V>(map: Map<string, V>): Map<string, V> {
  return new Map([...map].sort(([a], [b]) => a.localeCompare(b)));
}

/**
 * Assigns each passage to one of k folds, the same way on every run: passages are grouped by category
 * (positive, hard-negative, …) and sorted by id, then dealt round-robin, the deal going on from group to
 * group, so every fold gets its share of each category and fold sizes differ by at most one.
 */
export function assignFolds(
  passages: readonly Pick<CorpusPassage, 'id' | 'category'>[],
  k: number,
): number[] {
  if (!Number.isInteger(k) || k < 2) throw new Error(`folds: k must be an integer of at least 2, got ${k}`);
  if (k > passages.length)
    throw new Error(`folds: k = ${k} is more than the ${passages.length} passages to split`);
  const order = passages
    .map((p, i) => ({ i, category: p.category ?? '', id: p.id }))
    .sort((a, b) =>
      a.category === b.category ? compareIds(a.id, b.id) : a.category.localeCompare(b.category),
    );
  const folds = new Array<number>(passages.length);
  order.forEach((p, n) => {
    folds[p.i] = n % k;
  });
  return folds;
}

/** Ids in natural order ("d9" before "d10"), so the split does not depend on zero padding. */
function compareIds(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}

/** The spread of a score across folds. */
export interface Spread {
  mean: number;
  min: number;
  max: number;
}

/** A k-fold check of a fixed detector: each fold's scores and the spread of precision and recall. */
export interface FoldReport {
  /** Scores of fold 1..k, in order. */
  folds: Scores[];
  precision: Spread;
  recall: Spread;
}

function spread(values: readonly number[]): Spread {
  const sum = values.reduce((a, b) => a + b, 0);
  return { mean: sum / values.length, min: Math.min(...values), max: Math.max(...values) };
}

/**
 * Scores each fold on its own (rules and weights stay fixed: nothing is fitted to the other folds), so the
 * spread shows how much of the overall figure rests on a few passages.
 */
export function foldReport(judgements: readonly Judgement[], k: number): FoldReport {
  const folds = assignFolds(
    judgements.map((j) => j.passage),
    k,
  );
  const foldOf = new Map(judgements.map((j, i) => [j.passage, String(folds[i])]));
  const of = (_: unknown, p: CorpusPassage) => foldOf.get(p) ?? null;
  const scores = scoreSlices(judgements, of, of);
  const empty: Scores = { correct: 0, predicted: 0, found: 0, gold: 0, precision: 1, recall: 1, f1: 1 };
  const list = Array.from({ length: k }, (_, i) => scores.get(String(i)) ?? empty);
  return {
    folds: list,
    precision: spread(list.map((s) => s.precision)),
    recall: spread(list.map((s) => s.recall)),
  };
}
