import type { Mention } from '@/lib/mention';
import { analyzeBlock } from './block';
import { blockContext, type Candidate, clamp, gatherFactsSteps, round, scoreCandidate } from './score';
import { drain, type Steps } from './steps';
import type { AcronymHit, BlockAnalysis, DocumentContext, LongFormHit } from './types';

/** Second pass: the organization is already present in the document (long name, definition, confident mention). */
const ORG_BONUS = 1;
/** A first-pass score this far above the threshold makes the mention itself evidence of the organization. */
const CONFIDENT_MARGIN = 1;
/** Local cues at least this strong decide an acronym in a document that defines it both ways. */
const MIXED_DECISIVE = 1;
/**
 * Cues of another meaning at least this strong in an ambiguous acronym's own sentence (net of cues for
 * the organization) reject it, whatever the rest of the document is about: "the latest ICM opinion poll"
 * in a sidebar of a page on the organization's history is the pollster.
 */
const SENTENCE_VETO = 1;
/** Confidence of an acronym defined right where it stands: "International Organization for Migration (IOM)". */
const DEFINED_HERE_CONFIDENCE = 0.97;
/** Confidence of an acronym whose document defines it as the organization elsewhere. */
const DEFINED_IN_DOCUMENT_CONFIDENCE = 0.93;
/** Slope of the score-to-confidence curve: two cues above the threshold give about 0.95. */
const CONFIDENCE_SLOPE = 1.2;

/** Why an acronym was accepted or rejected. */
export type Reason =
  | 'defined-here'
  | 'defined-in-document'
  | 'defined-both-ways'
  | 'compound-look-alike'
  | 'needs-organization-evidence'
  | 'other-meaning-in-sentence'
  | 'score';

/** The decision on one acronym candidate, with what it was based on (for the eval report and tests). */
export interface Decision {
  /** Index of the block. */
  block: number;
  /** The candidate. */
  hit: AcronymHit;
  /** Accepted as the organization. */
  accepted: boolean;
  /** What decided it. */
  reason: Reason;
  /** Final score (for score decisions) and the threshold it was compared with. */
  score: number;
  /** The acronym's threshold. */
  threshold: number;
  /** Ids of the cues near the candidate; in parentheses when outside its sentence. */
  nearCues: string[];
  /** The mention, when accepted. */
  mention?: Mention;
}

/** Maps a score to 0.5..0.98: at the threshold about 0.65, two cues above it about 0.95. */
export function confidenceOf(score: number, threshold: number): number {
  const x = 1 / (1 + Math.exp(-CONFIDENCE_SLOPE * (score - threshold + 0.5)));
  return round(clamp(x, 0.5, 0.98));
}

function longMention(text: string, f: LongFormHit): Mention {
  return {
    start: f.start,
    end: f.end,
    surface: text.slice(f.start, f.end),
    name: f.era,
    nameId: f.nameId,
    lang: f.lang,
    kind: f.kind,
    confidence: f.confidence,
  };
}

function acronymMention(text: string, c: Candidate, confidence: number): Mention {
  return {
    start: c.hit.start,
    end: c.hit.end,
    surface: text.slice(c.hit.start, c.hit.end),
    name: c.info.era,
    nameId: c.info.nameId,
    lang: c.lang,
    kind: 'acronym',
    confidence,
  };
}

/** A definition's place in the document. */
interface DefinitionSite {
  /** Index of the block. */
  block: number;
  /** Offset of the acronym in the block. */
  start: number;
  /** Whether it defines the organization. */
  own: boolean;
}

/** The definitions of one acronym in a document. */
interface Definitions {
  /** Where, in document order. */
  sites: DefinitionSite[];
  /** Some define it as the organization. */
  own: boolean;
  /** Some define it as something else. */
  foreign: boolean;
}

/** The last definition before the candidate, or the first one after it (sites are in document order). */
function nearestDefinition(sites: readonly DefinitionSite[], c: Candidate): DefinitionSite | undefined {
  let lo = 0;
  let hi = sites.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const d = sites[mid] as DefinitionSite;
    if (d.block < c.block || (d.block === c.block && d.start < c.hit.start)) lo = mid + 1;
    else hi = mid;
  }
  return sites[lo - 1] ?? sites[0];
}

/**
 * Decides every acronym candidate of a document and explains each decision. Long names are always
 * accepted; see docs/detector.md for the rules.
 */
export function explainDocument(
  blocks: readonly BlockAnalysis[],
  context: DocumentContext = {},
): { mentions: Mention[][]; decisions: Decision[] } {
  return drain(explainDocumentSteps(blocks, context));
}

/**
 * {@link explainDocument} in small steps: it yields after each block's cues and each candidate's score,
 * the parts that grow with the page, so that the page lens can spread a long document's decision over
 * several slices of the main thread. The result is the same as explainDocument's.
 */
export function* explainDocumentSteps(
  blocks: readonly BlockAnalysis[],
  context: DocumentContext = {},
): Steps<{ mentions: Mention[][]; decisions: Decision[] }> {
  const result = yield* decideSteps(blocks, context);
  result.decisions.sort((a, b) => a.block - b.block || a.hit.start - b.hit.start);
  return result;
}

/** The decision itself: decisions in the order they were taken (explainDocumentSteps sorts them). */
function* decideSteps(
  blocks: readonly BlockAnalysis[],
  context: DocumentContext,
): Steps<{ mentions: Mention[][]; decisions: Decision[] }> {
  const mentions: Mention[][] = blocks.map(() => []);
  const decisions: Decision[] = [];
  if (!blocks.some((b) => b.longForms.length > 0 || b.acronyms.length > 0)) return { mentions, decisions };

  blocks.forEach((b, i) => {
    for (const f of b.longForms) mentions[i]?.push(longMention(b.text, f));
  });
  if (!blocks.some((b) => b.acronyms.length > 0)) return { mentions, decisions };

  const titleLongForms = context.title ? analyzeBlock(context.title).longForms.length : 0;
  const facts = yield* gatherFactsSteps(blocks, context.title, context.url);
  const candidates: Candidate[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i] as BlockAnalysis;
    if (b.acronyms.length === 0) continue;
    const context = blockContext(b, i, facts);
    for (const hit of b.acronyms) {
      candidates.push(scoreCandidate(context, facts, hit));
      yield;
    }
  }

  // Definitions anywhere in the document, per acronym, in document order.
  const definitions = new Map<string, Definitions>();
  for (const c of candidates) {
    if (!c.hit.definition) continue;
    const defs = definitions.get(c.hit.acronym) ?? { sites: [], own: false, foreign: false };
    const own = c.hit.definition.meaning === 'own';
    defs.sites.push({ block: c.block, start: c.hit.start, own });
    if (own) defs.own = true;
    else defs.foreign = true;
    definitions.set(c.hit.acronym, defs);
  }

  const decide = (c: Candidate, accepted: boolean, reason: Reason, score: number, confidence = 0) => {
    const text = (blocks[c.block] as BlockAnalysis).text;
    const mention = accepted ? acronymMention(text, c, confidence) : undefined;
    if (mention) mentions[c.block]?.push(mention);
    decisions.push({
      block: c.block,
      hit: c.hit,
      accepted,
      reason,
      score: round(score),
      threshold: c.policy.threshold,
      nearCues: c.nearCues,
      mention,
    });
  };

  // Pass 1: what definitions settle, and confident scores.
  const pending: Candidate[] = [];
  // The organization is present: a long name in the title or the text, or a page of its own site.
  let evidence =
    titleLongForms > 0 || blocks.some((b) => b.longForms.length > 0) || facts.site?.organization === true;
  for (const c of candidates) {
    const defs = definitions.get(c.hit.acronym) ?? { sites: [], own: false, foreign: false };
    const { own, foreign } = defs;
    if (c.compound) decide(c, false, 'compound-look-alike', c.base);
    else if (c.hit.definition) {
      const isOwn = c.hit.definition.meaning === 'own';
      decide(c, isOwn, 'defined-here', c.base, DEFINED_HERE_CONFIDENCE);
      if (isOwn) evidence = true;
    } else if (own && !foreign) {
      decide(c, true, 'defined-in-document', c.base, DEFINED_IN_DOCUMENT_CONFIDENCE);
      evidence = true;
    } else if (foreign && !own) decide(c, false, 'defined-in-document', c.base);
    else if (own && foreign) {
      // Both meanings defined (a page about the Isle of Man office of the organization): local cues,
      // and on a tie the nearest definition before the mention (or the first one after it).
      const accepted =
        Math.abs(c.inSentence) >= MIXED_DECISIVE
          ? c.inSentence > 0
          : (nearestDefinition(defs.sites, c)?.own ?? false);
      decide(c, accepted, 'defined-both-ways', c.inSentence, DEFINED_IN_DOCUMENT_CONFIDENCE);
    } else if (!c.policy.needsOrgEvidence && c.base >= c.policy.threshold + CONFIDENT_MARGIN) {
      decide(c, true, 'score', c.base, confidenceOf(c.base, c.policy.threshold));
      evidence = true;
    } else pending.push(c);
    yield;
  }

  // Pass 2: the rest, with a bonus when the organization is already present in the document.
  for (const c of pending) {
    if (c.policy.needsOrgEvidence && !evidence) {
      decide(c, false, 'needs-organization-evidence', c.base);
      continue;
    }
    if (c.policy.needsOrgEvidence && c.inSentence <= -SENTENCE_VETO) {
      decide(c, false, 'other-meaning-in-sentence', c.base);
      continue;
    }
    const score = c.base + (evidence ? ORG_BONUS : 0);
    const accepted = score >= c.policy.threshold;
    decide(c, accepted, 'score', score, confidenceOf(score, c.policy.threshold));
    yield;
  }

  for (const list of mentions) list.sort((a, b) => a.start - b.start);
  return { mentions, decisions };
}

/**
 * Decides every candidate of a document at once: definitions anywhere in the document and the title count
 * for all blocks. Returns one array of accepted mentions per block, offsets relative to that block's text.
 */
export function resolveDocument(
  blocks: readonly BlockAnalysis[],
  context: DocumentContext = {},
): Mention[][] {
  return drain(decideSteps(blocks, context)).mentions;
}

/** {@link resolveDocument} in small steps (see {@link explainDocumentSteps}); the same result. */
export function* resolveDocumentSteps(
  blocks: readonly BlockAnalysis[],
  context: DocumentContext = {},
): Steps<Mention[][]> {
  return (yield* decideSteps(blocks, context)).mentions;
}
