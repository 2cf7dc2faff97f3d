import * as v from 'valibot';
import type { Era, Mention } from '@/lib/mention';
import { type LineResult, readJsonLines } from './jsonl';
import { nameTable } from './names';

/** A labelled passage of the mentions corpus. */
export const CorpusPassage = v.object({
  id: v.string(),
  text: v.string(),
  category: v.optional(v.string()),
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

/**
 * Scores predictions against the corpus: a gold mention with is_iom true is found when a predicted span
 * overlaps it; a predicted span that overlaps no such mention is a false positive.
 */
export function evaluate(
  passages: readonly CorpusPassage[],
  detect: (text: string) => Mention[],
): Evaluation {
  const eras: Era[] = ['PICMME', 'ICEM', 'ICM', 'IOM'];
  const counts = new Map<Era | 'all', Counts>();
  for (const key of ['all', ...eras] as const)
    counts.set(key, { correct: 0, predicted: 0, found: 0, gold: 0 });
  const bump = (era: Era | null, field: keyof Counts) => {
    for (const key of era ? (['all', era] as const) : (['all'] as const)) {
      const c = counts.get(key);
      if (c) c[field]++;
    }
  };
  const errors: DetectorError[] = [];
  for (const p of passages) {
    const predicted = detect(p.text);
    const gold = p.mentions.filter((m) => m.is_iom);
    for (const m of predicted) {
      bump(m.name, 'predicted');
      if (gold.some((g) => overlaps(g, m))) bump(m.name, 'correct');
      else {
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
    }
    for (const g of gold) {
      const era = goldEra(g.name);
      bump(era, 'gold');
      const hit = predicted.find((m) => overlaps(g, m));
      const base = {
        id: p.id,
        start: g.start,
        end: g.end,
        surface: p.text.slice(g.start, g.end),
        label: g.name,
        meaning: g.meaning,
        context: context(p.text, g.start, g.end),
      };
      if (!hit) errors.push({ kind: 'missed', ...base });
      else {
        bump(era, 'found');
        if (era && hit.name !== era) errors.push({ kind: 'wrong-era', ...base, confidence: hit.confidence });
      }
    }
  }
  const scores = (key: Era | 'all') => {
    const c = counts.get(key) ?? { correct: 0, predicted: 0, found: 0, gold: 0 };
    return tally(c.correct, c.predicted, c.found, c.gold);
  };
  return {
    overall: scores('all'),
    perName: Object.fromEntries(eras.map((e) => [e, scores(e)])) as Record<Era, Scores>,
    errors,
  };
}
