import MiniSearch, { type SearchResult } from 'minisearch';
import type { Entry, NameForm, SearchEngine, SearchHit } from './types';

/**
 * Full-text search over the dataset's entries with MiniSearch: prefix and fuzzy matching (typos),
 * accents and case folded on both sides ("organizacion" finds "Organización"), small words ignored,
 * and a ranking that puts names first, then facts, events and sources.
 */

/**
 * Words too common to tell entries apart, in the UI's languages (the names are full of them). Not
 * "un": in French and Spanish an article, but also the United Nations.
 */
const STOP_WORDS = new Set(
  'a an and as at by for from in of on or the to with au aux d de des du en et l la le les pour sur une al con del el las los para por y'.split(
    ' ',
  ),
);

/** Lowercase, accents removed: what both the index and the query are compared as. */
export function foldTerm(term: string): string {
  return term
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}

/** Field weights: an acronym or a title hit says far more than a word in a note. */
const BOOST = { acronym: 6, title: 3, value: 2, text: 1 } as const;

/** Relative weight of each kind at equal text relevance: people mostly look up names and facts. */
const KIND_BOOST: Record<Entry['kind'], number> = { name: 1.5, fact: 1.2, event: 1, source: 0.8 };

/**
 * Claims at which a fact's rank is doubled: facts many sources speak of (the head, the member states)
 * are what people ask about, more than their neighbours with similar titles (the head's term).
 */
const CLAIMS_FOR_FULL_LIFT = 20;

/** Lift for facts tracked over time (head, member states, budget, staff): the key facts cards show. */
const TRACKED_FACT_BOOST = 1.3;

/**
 * Lift of each kind of name form: the official form outranks other spellings and informal names, and a
 * misnomer (a wrong name) ranks below them, so that an ordinary query finds the right name first.
 */
const FORM_BOOST: Record<NameForm, number> = { official: 1.2, variant: 1, alias: 1, misnomer: 0.8 };

/** Fuzziness: about one typo per five letters, none under four letters (acronyms must match). */
const FUZZY_RATIO = 0.2;
const FUZZY_MIN_LENGTH = 4;
/** Most edits allowed in one term, whatever its length: keeps long words from matching anything. */
const MAX_FUZZY_EDITS = 2;

interface Doc {
  id: string;
  kind: Entry['kind'];
  title: string;
  acronym: string;
  value: string;
  text: string;
  rank: number;
}

/** Builds a search engine over `entries`. */
export function buildSearchEngine(entries: readonly Entry[]): SearchEngine {
  const byId = new Map(entries.map((e) => [e.id, e]));
  const index = new MiniSearch<Doc>({
    fields: ['title', 'acronym', 'value', 'text'],
    storeFields: ['kind', 'rank'],
    processTerm: (term) => {
      const folded = foldTerm(term);
      return STOP_WORDS.has(folded) ? null : folded;
    },
    searchOptions: {
      boost: BOOST,
      prefix: (term) => term.length >= 2,
      fuzzy: (term) => (term.length >= FUZZY_MIN_LENGTH ? FUZZY_RATIO : false),
      maxFuzzy: MAX_FUZZY_EDITS,
      boostDocument: (_id, _term, stored) => (stored?.rank as number | undefined) ?? 1,
    },
  });
  index.addAll(entries.map(toDoc));

  return {
    size: entries.length,
    get: (id) => byId.get(id),
    search(query: string, limit = 20): SearchHit[] {
      const q = query.trim();
      if (q === '') return [];
      // Every word must match (AND); if that finds nothing, any word may (OR), so one stray word
      // in a long query does not empty the list.
      let results: SearchResult[] = index.search(q, { combineWith: 'AND' });
      if (results.length === 0) results = index.search(q, { combineWith: 'OR' });
      const hits = results.flatMap((r) => {
        const entry = byId.get(r.id as string);
        return entry ? [{ entry, score: r.score }] : [];
      });
      return officialFirst(hits, byId).slice(0, limit);
    },
  };
}

/**
 * Official names first: a variant, misnomer or alias found is listed after the official name it stands
 * for, which is brought up to just before it when it ranked lower or was not found at all (a search for
 * "Intergovernmental Committee on European Migration" lists ICEM's real name, then the misnomer).
 */
export function officialFirst(hits: readonly SearchHit[], byId: ReadonlyMap<string, Entry>): SearchHit[] {
  const out: SearchHit[] = [];
  const placed = new Set<string>();
  for (const hit of hits) {
    if (placed.has(hit.entry.id)) continue;
    const officialId = hit.entry.kind === 'name' ? hit.entry.official?.id : undefined;
    const official = officialId === undefined ? undefined : byId.get(officialId);
    if (official && !placed.has(official.id)) {
      out.push({ entry: official, score: hit.score });
      placed.add(official.id);
    }
    out.push(hit);
    placed.add(hit.entry.id);
  }
  return out;
}

function toDoc(entry: Entry): Doc {
  const base = { id: entry.id, kind: entry.kind, rank: KIND_BOOST[entry.kind] };
  switch (entry.kind) {
    case 'name':
      return {
        ...base,
        rank: base.rank * FORM_BOOST[entry.form],
        title: entry.title,
        acronym: [entry.acronym, entry.era].filter(Boolean).join(' '),
        value: entry.eraName,
        text: [entry.from.slice(0, 4), entry.to?.slice(0, 4), entry.note].filter(Boolean).join(' '),
      };
    case 'fact':
      return {
        ...base,
        // Facts many sources speak of are the ones people ask about (the head, not the head's term).
        rank:
          base.rank *
          (1 + Math.min(entry.claims.length, CLAIMS_FOR_FULL_LIFT) / CLAIMS_FOR_FULL_LIFT) *
          (entry.history ? TRACKED_FACT_BOOST : 1),
        title: entry.title,
        acronym: '',
        value: entry.value,
        text: [entry.subject, entry.asOf?.slice(0, 4), entry.note].filter(Boolean).join(' '),
      };
    case 'event':
      return { ...base, title: entry.title, acronym: '', value: entry.date.slice(0, 4), text: '' };
    case 'source':
      return {
        ...base,
        title: entry.title,
        acronym: '',
        value: entry.url ? hostOfUrl(entry.url) : '',
        text: [entry.sourceKind, entry.date?.slice(0, 4)].filter(Boolean).join(' '),
      };
  }
}

function hostOfUrl(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return '';
  }
}
