import { analyzeBlock } from './block';
import { type Cue, cueTable, findCues, finishCueHits, scanCues } from './cues';
import { addCounts, guessLanguage, type LangCounts } from './language';
import { type AcronymPolicy, policyFor } from './lexicon/acronym-policy';
import { type AcronymInfo, nameTable } from './names';
import { rangesAround, sentenceStarts } from './text';
import type { AcronymHit, BlockAnalysis, CueHit, DocumentContext, LongFormHit, Mention } from './types';

/** Cues within this many characters of an acronym (same block) count in full: about two sentences. */
export const NEAR_RADIUS = 250;
/** A cue in the near window but outside the mention's sentence counts this much of its weight. */
const OUTSIDE_SENTENCE = 0.6;
/** Each distinct cue elsewhere in the document counts this much… */
const FAR_WEIGHT = 0.3;
/** …up to this much in total, so a long page cannot outvote the words around the mention. */
const FAR_CAP = 1;
/** The title is read by everyone: each distinct cue in it counts fully, up to this much. */
const TITLE_CAP = 2;
/** A look-alike expansion ("Institute of Medicine") in the same block as the acronym. */
const LOOK_ALIKE_SAME_BLOCK = -3;
/** A look-alike expansion elsewhere in the document or in the title. */
const LOOK_ALIKE_ELSEWHERE = -2;
/** Second pass: the organization is already present in the document (long name, definition, confident mention). */
const ORG_BONUS = 1;
/** A first-pass score this far above the threshold makes the mention itself evidence of the organization. */
const CONFIDENT_MARGIN = 1;
/** Characters of candidate-free blocks scanned for document-level cues, so huge pages stay bounded. */
const DOC_CUE_BUDGET = 200_000;
/** Cue hits read per window at most; bounds the work on hostile text packed with cue words. */
const MAX_HITS_PER_WINDOW = 256;
/** Local cues at least this strong decide an acronym in a document that defines it both ways. */
const MIXED_DECISIVE = 1;
/** Confidence of an acronym defined right where it stands: "International Organization for Migration (IOM)". */
const DEFINED_HERE_CONFIDENCE = 0.97;
/** Confidence of an acronym whose document defines it as the organization elsewhere. */
const DEFINED_IN_DOCUMENT_CONFIDENCE = 0.93;
/** Slope of the score-to-confidence curve: two cues above the threshold give about 0.95. */
const CONFIDENCE_SLOPE = 1.2;
/** Characters before an acronym searched for an article ("la OIM", "dell'OIM"). */
const ARTICLE_LOOKBACK = 12;

/** Why an acronym was accepted or rejected. */
export type Reason =
  | 'defined-here'
  | 'defined-in-document'
  | 'defined-both-ways'
  | 'compound-look-alike'
  | 'needs-organization-evidence'
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

interface Candidate {
  block: number;
  hit: AcronymHit;
  info: AcronymInfo;
  policy: AcronymPolicy;
  lang: string;
  /** Prior, cues (near, far, title) and look-alike penalty: everything but the organization bonus. */
  base: number;
  /** Cues in the mention's own sentence: what decides in a document defining the acronym both ways. */
  inSentence: number;
  nearCues: string[];
  compound: boolean;
}

const lazyCues = new WeakMap<BlockAnalysis, readonly CueHit[]>();

function applies(cue: Cue, acronym: string): boolean {
  return cue.only === null || cue.only.has(acronym);
}

function clamp(x: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, x));
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/** Maps a score to 0.5..0.98: at the threshold about 0.65, two cues above it about 0.95. */
export function confidenceOf(score: number, threshold: number): number {
  const x = 1 / (1 + Math.exp(-CONFIDENCE_SLOPE * (score - threshold + 0.5)));
  return round(clamp(x, 0.5, 0.98));
}

/** First index of a hit starting at or after `from` (hits are sorted by start). */
function lowerBound(hits: readonly CueHit[], from: number): number {
  let lo = 0;
  let hi = hits.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((hits[mid]?.start ?? 0) < from) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Distinct cues whose hits start in [from, to), each with the share of its weight it earns: full inside
 * the sentence [sentenceFrom, sentenceTo), OUTSIDE_SENTENCE elsewhere in the window.
 */
function cuesIn(
  hits: readonly CueHit[],
  [from, to]: readonly [number, number],
  [sentenceFrom, sentenceTo]: readonly [number, number],
): Map<number, number> {
  const out = new Map<number, number>();
  const first = lowerBound(hits, from);
  const end = Math.min(hits.length, first + MAX_HITS_PER_WINDOW);
  for (let i = first; i < end; i++) {
    const h = hits[i];
    if (!h || h.start >= to) break;
    const share = h.start >= sentenceFrom && h.end <= sentenceTo ? 1 : OUTSIDE_SENTENCE;
    if (share > (out.get(h.cue) ?? 0)) out.set(h.cue, share);
  }
  return out;
}

const articleTests = new Map<string, readonly { re: RegExp; bonus: number }[]>();

/** The bonus for the article right before the acronym ("la OIM", "dell'OIM"), 0 when none fits. */
function articleBonus(text: string, start: number, acronym: string, policy: AcronymPolicy): number {
  if (!policy.articles) return 0;
  let tests = articleTests.get(acronym);
  if (!tests) {
    tests = policy.articles.map((a) => ({
      re: new RegExp(`(?:^|[^\\p{L}])${a.pattern}\\s*$`, 'iu'),
      bonus: a.bonus,
    }));
    articleTests.set(acronym, tests);
  }
  const before = text.slice(Math.max(0, start - ARTICLE_LOOKBACK), start);
  return Math.max(0, ...tests.filter((t) => t.re.test(before)).map((t) => t.bonus));
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

/** Document-wide facts every candidate is scored against. */
interface DocumentFacts {
  /** Cue hits per block (scanned lazily for blocks without acronyms, within a budget). */
  cueHits: (readonly CueHit[])[];
  /** Distinct cues present anywhere in the blocks. */
  docCues: Set<number>;
  /** Distinct cues in the title. */
  titleCues: Set<number>;
  /** For each acronym, the blocks holding one of its look-alike expansions (-1: the title). */
  lookAlikes: Map<string, Set<number>>;
  /** Language guessed from all blocks with acronyms. */
  docLang: string | null;
  /** The most frequent language among the document's long names. */
  longFormLang: string | null;
}

function gatherFacts(blocks: readonly BlockAnalysis[], title: string | undefined): DocumentFacts {
  const cues = cueTable();
  const cueHits: (readonly CueHit[])[] = [];
  const docCues = new Set<number>();
  const lookAlikes = new Map<string, Set<number>>();
  const note = (hits: readonly CueHit[], block: number, into: Set<number>) => {
    for (const h of hits) {
      into.add(h.cue);
      const of = cues[h.cue]?.lookAlikeOf;
      if (of !== undefined) {
        const set = lookAlikes.get(of) ?? new Set<number>();
        set.add(block);
        lookAlikes.set(of, set);
      }
    }
  };
  let budget = DOC_CUE_BUDGET;
  const counts: LangCounts = {};
  const longFormLangs: LangCounts = {};
  blocks.forEach((b, i) => {
    let hits = b.cues ?? lazyCues.get(b);
    if (!hits) {
      if (b.text.length <= budget) {
        const found: CueHit[] = [];
        scanCues(b.text, 0, b.text.length, found);
        hits = finishCueHits(found, b.longForms);
        lazyCues.set(b, hits);
        budget -= b.text.length;
      } else hits = [];
    }
    cueHits.push(hits);
    note(hits, i, docCues);
    addCounts(counts, b.langCounts);
    for (const f of b.longForms) longFormLangs[f.lang] = (longFormLangs[f.lang] ?? 0) + 1;
  });
  const titleCues = new Set<number>();
  if (title) note(findCues(title), -1, titleCues);
  const longFormLang = Object.entries(longFormLangs).sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
  return { cueHits, docCues, titleCues, lookAlikes, docLang: guessLanguage(counts), longFormLang };
}

/** What every candidate of one block shares. */
interface BlockContext {
  /** The block. */
  block: BlockAnalysis;
  /** Index of the block in the document. */
  index: number;
  /** Its cue hits. */
  hits: readonly CueHit[];
  /** Language guessed from its stopwords. */
  lang: string | null;
  /** Sentence starts near its acronyms, sorted. */
  sentenceStarts: number[];
}

function blockContext(block: BlockAnalysis, index: number, facts: DocumentFacts): BlockContext {
  const starts: number[] = [];
  for (const [from, to] of rangesAround(block.acronyms, block.text.length, NEAR_RADIUS, NEAR_RADIUS + 1)) {
    sentenceStarts(block.text, from, to, starts);
  }
  return {
    block,
    index,
    hits: facts.cueHits[index] ?? [],
    lang: guessLanguage(block.langCounts),
    sentenceStarts: starts,
  };
}

/** First index of a sorted array holding a value greater than `x`. */
function upperBound(xs: readonly number[], x: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((xs[mid] ?? 0) <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The sentence around a hit, clipped to NEAR_RADIUS on each side. */
function sentenceOf(starts: readonly number[], hit: AcronymHit): [number, number] {
  const i = upperBound(starts, hit.start);
  const from = Math.max(hit.start - NEAR_RADIUS, starts[i - 1] ?? 0);
  const to = Math.min(
    hit.end + NEAR_RADIUS,
    starts[upperBound(starts, hit.end - 1)] ?? Number.POSITIVE_INFINITY,
  );
  return [from, to];
}

/** Characters a compound look-alike can start before its acronym ("ANSYS ICEM"). */
const COMPOUND_LOOKBACK = 16;

function scoreCandidate(context: BlockContext, facts: DocumentFacts, hit: AcronymHit): Candidate {
  const cues = cueTable();
  const { block, hits, index: blockIndex } = context;
  const { acronym } = hit;
  const info = nameTable().acronyms.get(acronym) as AcronymInfo;
  const policy = policyFor(acronym);
  const blockLang = context.lang;
  const guessed = blockLang ?? facts.docLang;
  // The language of the acronym: its own definition's, else the text's, else the document's long names'.
  const lang =
    [hit.definition?.lang, blockLang, facts.docLang, facts.longFormLang].find(
      (l): l is string => l !== undefined && l !== null && info.langs.includes(l),
    ) ??
    info.langs[0] ??
    'en';

  let compound = false;
  for (let i = lowerBound(hits, hit.start - COMPOUND_LOOKBACK); i < hits.length; i++) {
    const h = hits[i] as CueHit;
    if (h.start > hit.start) break;
    if (h.end >= hit.end && cues[h.cue]?.compound && cues[h.cue]?.lookAlikeOf === acronym) compound = true;
  }

  const sentence = sentenceOf(context.sentenceStarts, hit);
  const near = cuesIn(hits, [hit.start - NEAR_RADIUS, hit.end + NEAR_RADIUS], sentence);
  let local = 0;
  let inSentence = 0;
  const nearCues: string[] = [];
  for (const [index, share] of near) {
    const cue = cues[index] as Cue;
    if (cue.weight !== 0 && applies(cue, acronym)) {
      local += share * cue.weight;
      if (share === 1) inSentence += cue.weight;
      nearCues.push(share === 1 ? cue.id : `(${cue.id})`);
    }
  }
  let far = 0;
  for (const index of facts.docCues) {
    const cue = cues[index] as Cue;
    if (!near.has(index) && applies(cue, acronym)) far += FAR_WEIGHT * cue.weight;
  }
  let title = 0;
  for (const index of facts.titleCues) {
    const cue = cues[index] as Cue;
    if (applies(cue, acronym)) title += cue.weight;
  }
  const lookAlikeBlocks = facts.lookAlikes.get(acronym);
  const lookAlike = !lookAlikeBlocks
    ? 0
    : lookAlikeBlocks.has(blockIndex)
      ? LOOK_ALIKE_SAME_BLOCK
      : LOOK_ALIKE_ELSEWHERE;
  let prior = policy.prior;
  if (policy.languages && guessed && policy.languages.langs.includes(guessed))
    prior += policy.languages.bonus;
  prior += articleBonus(block.text, hit.start, acronym, policy);

  const base =
    prior + local + clamp(far, -FAR_CAP, FAR_CAP) + clamp(title, -TITLE_CAP, TITLE_CAP) + lookAlike;
  return { block: blockIndex, hit, info, policy, lang, base, inSentence, nearCues, compound };
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
  const mentions: Mention[][] = blocks.map(() => []);
  const decisions: Decision[] = [];
  if (!blocks.some((b) => b.longForms.length > 0 || b.acronyms.length > 0)) return { mentions, decisions };

  blocks.forEach((b, i) => {
    for (const f of b.longForms) mentions[i]?.push(longMention(b.text, f));
  });
  if (!blocks.some((b) => b.acronyms.length > 0)) return { mentions, decisions };

  const titleLongForms = context.title ? analyzeBlock(context.title).longForms.length : 0;
  const facts = gatherFacts(blocks, context.title);
  const candidates: Candidate[] = [];
  blocks.forEach((b, i) => {
    if (b.acronyms.length === 0) return;
    const context = blockContext(b, i, facts);
    for (const hit of b.acronyms) candidates.push(scoreCandidate(context, facts, hit));
  });

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
  let evidence = titleLongForms > 0 || blocks.some((b) => b.longForms.length > 0);
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
  }

  // Pass 2: the rest, with a bonus when the organization is already present in the document.
  for (const c of pending) {
    if (c.policy.needsOrgEvidence && !evidence) {
      decide(c, false, 'needs-organization-evidence', c.base);
      continue;
    }
    const score = c.base + (evidence ? ORG_BONUS : 0);
    const accepted = score >= c.policy.threshold;
    decide(c, accepted, 'score', score, confidenceOf(score, c.policy.threshold));
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
  return explainDocument(blocks, context).mentions;
}
