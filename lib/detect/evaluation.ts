import * as v from 'valibot';
import type { Era, Mention } from '@/lib/mention';
import { type LineResult, readJsonLines } from './jsonl';
import { nameTable } from './names';

/** A labelled passage of the mentions corpus. */
export const CorpusPassage = v.object({
  id: v.string(),
  text: v.string(),
  category: v.optional(v.string()),
  /** Language of the passage, when the set says (the project's own sentence sets do). */
  lang: v.optional(v.string()),
  /** The page's URL and title, handed to the detector as the browser hands the page's. */
  url: v.optional(v.string()),
  title: v.optional(v.string()),
  mentions: v.array(
    v.object({
      start: v.number(),
      end: v.number(),
      surface: v.optional(v.string()),
      is_iom: v.boolean(),
      name: v.string(),
      meaning: v.optional(v.string()),
    }),
  ),
});

/** A validated corpus passage. */
export type CorpusPassage = v.InferOutput<typeof CorpusPassage>;

/** Parses a corpus in JSON lines, reporting bad lines by number. */
export function parseCorpus(content: string): LineResult<CorpusPassage>[] {
  return [...readJsonLines(content, CorpusPassage)];
}

/**
 * The era a gold label names: "full-IOM", "IOM" and "OIM" are IOM, "CIME" is ICEM, "CIM" is ICM.
 * Labels are an acronym or an era, optionally prefixed ("full-", "alias-"); null when unknown.
 */
export function goldEra(label: string): Era | null {
  const key = label.slice(label.lastIndexOf('-') + 1);
  const info = nameTable().acronyms.get(key);
  if (info) return info.era;
  const byEra = [...nameTable().acronyms.values()].find((a) => a.era === key.toUpperCase());
  return byEra ? byEra.era : null;
}

/** Precision, recall and F1 with the counts behind them. */
export interface Scores {
  /** Predicted mentions that overlap a gold mention of the organization. */
  correct: number;
  /** Predicted mentions. */
  predicted: number;
  /** Gold mentions of the organization overlapped by a prediction. */
  found: number;
  /** Gold mentions of the organization. */
  gold: number;
  /** correct / predicted (1 when nothing was predicted). */
  precision: number;
  /** found / gold (1 when there is nothing to find). */
  recall: number;
  /** Harmonic mean of precision and recall. */
  f1: number;
}

/** One detector error, with enough context to see why. */
export interface DetectorError {
  /** Missed gold mention, prediction overlapping no gold mention, or found with the wrong era. */
  kind: 'missed' | 'false-positive' | 'wrong-era';
  /** Passage id. */
  id: string;
  /** Span in the passage text. */
  start: number;
  /** End of the span. */
  end: number;
  /** Text of the span. */
  surface: string;
  /** The gold label (missed, wrong-era) or the predicted era (false positive). */
  label: string;
  /** What the span means according to the corpus, when it says. */
  meaning?: string;
  /** The detector's confidence, for predictions. */
  confidence?: number;
  /** Up to CONTEXT_CHARS characters either side, the span in [[ ]]. */
  context: string;
}

/** The outcome of scoring a detector against a corpus. */
export interface Evaluation {
  /** Scores over every mention. */
  overall: Scores;
  /** Scores per era: precision by predicted era, recall by gold era. */
  perName: Record<Era, Scores>;
  /** Every error, in corpus order. */
  errors: DetectorError[];
}

type Counts = Record<'correct' | 'predicted' | 'found' | 'gold', number>;

/** Characters of context shown on each side of an error. */
const CONTEXT_CHARS = 80;

function tally(correct: number, predicted: number, found: number, gold: number): Scores {
  const precision = predicted === 0 ? 1 : correct / predicted;
  const recall = gold === 0 ? 1 : found / gold;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { correct, predicted, found, gold, precision, recall, f1 };
}

function context(text: string, start: number, end: number): string {
  const before = text.slice(Math.max(0, start - CONTEXT_CHARS), start);
  const after = text.slice(end, end + CONTEXT_CHARS);
  return `${before}[[${text.slice(start, end)}]]${after}`.replace(/\s+/g, ' ');
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) =>
  a.start < b.end && b.start < a.end;

/** A gold mention of a corpus passage. */
export type GoldMention = CorpusPassage['mentions'][number];

/** What became of one passage: each prediction right or wrong, each gold mention found or not. */
export interface Judgement {
  /** The passage. */
  passage: CorpusPassage;
  /** Every predicted mention; correct when it overlaps a gold mention of the organization. */
  predictions: { mention: Mention; correct: boolean }[];
  /** Every gold mention of the organization, with the prediction overlapping it, if any. */
  golds: { gold: GoldMention; hit: Mention | undefined }[];
}

/**
 * Runs the detector on every passage and matches its predictions with the gold mentions: a gold mention
 * with is_iom true is found when a predicted span overlaps it; a predicted span that overlaps no such
 * mention is a false positive. The detector also gets the passage (for its url and title).
 */
export function judge(
  passages: readonly CorpusPassage[],
  detect: (text: string, passage: CorpusPassage) => Mention[],
): Judgement[] {
  return passages.map((passage) => {
    const predicted = detect(passage.text, passage);
    const gold = passage.mentions.filter((m) => m.is_iom);
    return {
      passage,
      predictions: predicted.map((mention) => ({
        mention,
        correct: gold.some((g) => overlaps(g, mention)),
      })),
      golds: gold.map((g) => ({ gold: g, hit: predicted.find((m) => overlaps(g, m)) })),
    };
  });
}

/**
 * Scores judgements in slices: a prediction counts (for precision) in the slice `ofPrediction` names, a gold
 * mention (for recall) in the slice `ofGold` names; null leaves it out. Slices come back in order of
 * first appearance.
 */
export function scoreSlices(
  judgements: readonly Judgement[],
  ofPrediction: (mention: Mention, passage: CorpusPassage) => string | null,
  ofGold: (gold: GoldMention, passage: CorpusPassage) => string | null,
): Map<string, Scores> {
  const counts = new Map<string, Counts>();
  const bump = (key: string | null, field: keyof Counts) => {
    if (key === null) return;
    let c = counts.get(key);
    if (!c) {
      c = { correct: 0, predicted: 0, found: 0, gold: 0 };
      counts.set(key, c);
    }
    c[field]++;
  };
  for (const j of judgements) {
    for (const p of j.predictions) {
      const key = ofPrediction(p.mention, j.passage);
      bump(key, 'predicted');
      if (p.correct) bump(key, 'correct');
    }
    for (const g of j.golds) {
      const key = ofGold(g.gold, j.passage);
      bump(key, 'gold');
      if (g.hit) bump(key, 'found');
    }
  }
  return new Map([...counts].map(([k, c]) => [k, tally(c.correct, c.predicted, c.found, c.gold)]));
}

/** Every error of the judgements, in corpus order. */
function errorsOf(judgements: readonly Judgement[]): DetectorError[] {
  const errors: DetectorError[] = [];
  for (const { passage: p, predictions, golds } of judgements) {
    for (const { mention: m, correct } of predictions) {
      if (correct) continue;
      const negative = p.mentions.find((g) => overlaps(g, m));
      errors.push({
        kind: 'false-positive',
        id: p.id,
        start: m.start,
        end: m.end,
        surface: m.surface,
        label: m.name,
        meaning: negative?.meaning,
        confidence: m.confidence,
        context: context(p.text, m.start, m.end),
      });
    }
    for (const { gold: g, hit } of golds) {
      const base = {
        id: p.id,
        start: g.start,
        end: g.end,
        surface: p.text.slice(g.start, g.end),
        label: g.name,
        meaning: g.meaning,
        context: context(p.text, g.start, g.end),
      };
      const era = goldEra(g.name);
      if (!hit) errors.push({ kind: 'missed', ...base });
      else if (era && hit.name !== era)
        errors.push({ kind: 'wrong-era', ...base, confidence: hit.confidence });
    }
  }
  return errors;
}

/** Scores of judgements already made: overall, per era, and the errors. */
export function summarize(judgements: readonly Judgement[]): Evaluation {
  const eras: Era[] = ['PICMME', 'ICEM', 'ICM', 'IOM'];
  const empty = tally(0, 0, 0, 0);
  const all = scoreSlices(
    judgements,
    () => 'all',
    () => 'all',
  );
  // Precision by predicted era, recall by gold era (a gold label of no known era counts only overall).
  const byEra = scoreSlices(
    judgements,
    (m) => m.name,
    (g) => goldEra(g.name),
  );
  return {
    overall: all.get('all') ?? empty,
    perName: Object.fromEntries(eras.map((e) => [e, byEra.get(e) ?? empty])) as Record<Era, Scores>,
    errors: errorsOf(judgements),
  };
}

/** Scores predictions against the corpus (see `judge`): overall, per era, and every error. */
export function evaluate(
  passages: readonly CorpusPassage[],
  detect: (text: string, passage: CorpusPassage) => Mention[],
): Evaluation {
  return summarize(judge(passages, detect));
}
