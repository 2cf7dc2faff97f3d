import { type Cue, cueTable, findCues, finishCueHits, scanCues } from './cues';
import { addCounts, guessLanguage, type LangCounts } from './language';
import { type AcronymPolicy, policyFor } from './lexicon/acronym-policy';
import { SPEAKER_AFTER, SPEAKER_BEFORE } from './lexicon/speakers';
import { type AcronymInfo, nameTable } from './names';
import { type SiteEntry, siteBonus, siteOf } from './sites';
import { drain, type Steps } from './steps';
import { rangesAround, sentenceStarts } from './text';
import type { AcronymHit, BlockAnalysis, CueHit } from './types';

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
/** Characters of candidate-free blocks scanned for document-level cues, so huge pages stay bounded. */
const DOC_CUE_BUDGET = 200_000;
/** Cue hits read per window at most; bounds the work on hostile text packed with cue words. */
const MAX_HITS_PER_WINDOW = 256;
/** Characters before an acronym searched for an article ("la OIM", "dell'OIM"). */
const ARTICLE_LOOKBACK = 12;
/** Characters before an acronym searched for a speaker pattern: "director of operations at the". */
const SPEAKER_LOOKBACK = 64;
/** Characters after an acronym searched for a speaker pattern: "'s regional office", " szóvivője". */
const SPEAKER_LOOKAHEAD = 40;
/**
 * A speaker or citation pattern around the acronym ("according to IOM", "IOM estimates", "IOM's budget")
 * weighs one cue: it shows an organization, and the other meanings' own words can still outweigh it.
 */
const SPEAKER_WEIGHT = 1;

/** An acronym candidate with everything its decision needs. */
export interface Candidate {
  /** Index of its block. */
  block: number;
  /** The acronym hit. */
  hit: AcronymHit;
  /** What the acronym stands for in the names data. */
  info: AcronymInfo;
  /** The detector's prior knowledge of the acronym. */
  policy: AcronymPolicy;
  /** Language to report for the mention. */
  lang: string;
  /** Prior, cues (near, far, title) and look-alike penalty: everything but the organization bonus. */
  base: number;
  /** Cues in the mention's own sentence: what decides in a document defining the acronym both ways. */
  inSentence: number;
  /** Ids of the near cues, in parentheses when outside the sentence (for explanations). */
  nearCues: string[];
  /** Inside a compound look-alike such as "ICEM CFD". */
  compound: boolean;
}

const lazyCues = new WeakMap<BlockAnalysis, readonly CueHit[]>();

function applies(cue: Cue, acronym: string): boolean {
  return cue.only === null || cue.only.has(acronym);
}

/** Limits x to [lo, hi]. */
export function clamp(x: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, x));
}

/** Rounds to three decimals, for reports. */
export function round(x: number): number {
  return Math.round(x * 1000) / 1000;
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

let speakerRes: { before: RegExp; after: RegExp } | undefined;

/**
 * True when a speaker or citation pattern stands right before or right after the acronym. The patterns
 * are lower case and meet lower-cased text: compiling the two alternations case-insensitive (`i`) cost
 * twice as much (about 12 against 6 ms in Node), and this is most of the detector's warm-up's last step.
 */
export function isSpoken(text: string, start: number, end: number): boolean {
  speakerRes ??= {
    before: new RegExp(`(?:^|[^\\p{L}])(?:${SPEAKER_BEFORE.join('|')})\\s*$`, 'u'),
    after: new RegExp(`^(?:${SPEAKER_AFTER.join('|')})`, 'u'),
  };
  return (
    speakerRes.after.test(text.slice(end, end + SPEAKER_LOOKAHEAD).toLowerCase()) ||
    speakerRes.before.test(text.slice(Math.max(0, start - SPEAKER_LOOKBACK), start).toLowerCase())
  );
}

/** Document-wide facts every candidate is scored against. */
export interface DocumentFacts {
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
  /** The listed site the page belongs to (data/sites.json), or null. */
  site: SiteEntry | null;
}

/** Collects what the whole document says: cues per block, look-alikes, languages (see DOC_CUE_BUDGET). */
export function gatherFacts(
  blocks: readonly BlockAnalysis[],
  title: string | undefined,
  url?: string,
): DocumentFacts {
  return drain(gatherFactsSteps(blocks, title, url));
}

/**
 * {@link gatherFacts} one block at a time: yields after each block, so that a caller on a page's main
 * thread can stop between blocks (scanning a block's cues is the costly part).
 */
export function* gatherFactsSteps(
  blocks: readonly BlockAnalysis[],
  title: string | undefined,
  url?: string,
): Steps<DocumentFacts> {
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
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i] as BlockAnalysis;
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
    yield;
  }
  const titleCues = new Set<number>();
  if (title) note(findCues(title), -1, titleCues);
  const longFormLang = Object.entries(longFormLangs).sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
  const site = siteOf(url);
  return { cueHits, docCues, titleCues, lookAlikes, docLang: guessLanguage(counts), longFormLang, site };
}

/** What every candidate of one block shares. */
export interface BlockContext {
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

/** Prepares what all candidates of one block share: its cues, language and sentence starts. */
export function blockContext(block: BlockAnalysis, index: number, facts: DocumentFacts): BlockContext {
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

/** Scores one acronym candidate against its block and its document (before the organization bonus). */
export function scoreCandidate(context: BlockContext, facts: DocumentFacts, hit: AcronymHit): Candidate {
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
  if (isSpoken(block.text, hit.start, hit.end)) {
    local += SPEAKER_WEIGHT;
    inSentence += SPEAKER_WEIGHT;
    nearCues.push('speaker');
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
  prior += siteBonus(facts.site, acronym);

  const base =
    prior + local + clamp(far, -FAR_CAP, FAR_CAP) + clamp(title, -TITLE_CAP, TITLE_CAP) + lookAlike;
  return { block: blockIndex, hit, info, policy, lang, base, inSentence, nearCues, compound };
}
