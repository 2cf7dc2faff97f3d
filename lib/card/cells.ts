/**
 * One value of a card row with what supports it: the value in the card's language, its date, its marks
 * (about, projected, single source), its status and conflicts, the sources that support it and those
 * whose claims were rejected. A rejected claim never counts as support.
 */
import type { DateValue } from '@/lib/dataset/dates';
import type { CompiledClaim, CompiledFact, Displays, HistoryEntry, Status } from '@/lib/dataset/types';
import type { Value } from '@/lib/dataset/values';
import type { Translate } from '@/lib/i18n';
import { formatDateValue, formatValue } from './format';
import type { CardCell, CardClaim, CardConflict, CardMark, CardRejected, CardSource } from './types';

/** One value shown: a fact's own value, or one entry of its history. */
export interface Shown {
  fact: CompiledFact;
  entry?: HistoryEntry;
  /** The date to show when it is not the entry's own: a later date a source still gave the same figure. */
  confirmed?: DateValue;
}

/** What building a cell needs besides the values. */
export interface CellContext {
  t: Translate;
  /** Source titles by id. */
  titles: ReadonlyMap<string, string>;
}

/** Status order, least settled last: a cell shows the least settled status of its values. */
const STATUS_RANK: Record<Status, number> = { agreed: 0, resolved: 1, disputed: 2 };

/** What a value is written from: the typed value, its French and Spanish words, a head's title. */
interface Writable {
  value: Value;
  displays?: Displays;
  title?: string;
  titleDisplays?: Displays;
}

/**
 * A value in the card's language: the dataset's own words for French and Spanish where it has them, with a
 * head's title of the time ("Director" in the ICEM era). A title with no words in the card's language is
 * left out rather than written in English.
 */
export function valueIn(item: Writable, t: Translate): string {
  const own = t.lang === 'en' ? undefined : item.displays?.[t.lang];
  const value = own ?? formatValue(item.value, t);
  const title = t.lang === 'en' ? item.title : item.titleDisplays?.[t.lang];
  return title ? t('card_withTitle', [value, title]) : value;
}

/**
 * The dataset's own words (a note, a reason) in the card's language where the dataset has them; else the
 * English original, flagged `lang: 'en'` so that the view marks it for screen readers.
 */
export function proseIn(
  en: string,
  displays: Displays | undefined,
  t: Translate,
): { text: string; lang?: 'en' } {
  if (t.lang === 'en') return { text: en };
  const own = displays?.[t.lang];
  return own ? { text: own } : { text: en, lang: 'en' };
}

/**
 * What a claim says, in the card's language: in English as its source put it; in French or Spanish its
 * translation, else its typed value formatted in that language, else the English words, flagged.
 */
function claimValueIn(claim: CompiledClaim, t: Translate): { text: string; lang?: 'en' } {
  if (t.lang === 'en') return { text: claim.display };
  const own = claim.displays?.[t.lang];
  if (own) return { text: own };
  // A typed text value formatted "in French" would still be its English words.
  if (claim.value && claim.value.type !== 'text' && claim.value.type !== 'list') {
    return { text: formatValue(claim.value, t) };
  }
  return { text: claim.display, lang: 'en' };
}

/** The date a shown value is given as of: a later confirmation of the same figure, else its own date. */
export function shownDate(shown: Shown): DateValue | undefined {
  return shown.confirmed ?? shown.entry?.asOf ?? shown.fact.asOf;
}

/** The value a `Shown` stands for (with its own date and marks) and the fact's reliability. */
function parts(shown: Shown) {
  return { item: shown.entry ?? shown.fact, reliability: shown.fact.reliability };
}

/** The claims behind one shown value: its history entry's, or all of the fact's. */
function claimsOf(shown: Shown): CompiledClaim[] {
  if (!shown.entry) return shown.fact.claims;
  const ids = new Set(shown.entry.claims);
  const at = shown.entry.asOf.date;
  // Rejected claims about this entry's date are listed with it even though the entry does not cite them.
  return shown.fact.claims.filter((c) => ids.has(c.id) || (c.verdict === 'rejected' && c.asOf?.date === at));
}

/** The marks a value carries. */
export function marksOf(shown: Shown): CardMark[] {
  const { item, reliability } = parts(shown);
  const marks: CardMark[] = [];
  if (item.approximate) marks.push('approximate');
  if (item.projected) marks.push('projected');
  if (reliability === 'single-source') marks.push('single-source');
  return marks;
}

/**
 * True when `claim` supports the value shown. A history entry's own claims support it unless rejected
 * (reconciliation marks an older value's claims "superseded" at the level of the whole fact: they are
 * outdated today, not wrong then); a fact's current value is supported by its `supports` claims only.
 */
function supports(shown: Shown, claim: CompiledClaim): boolean {
  if (claim.verdict === 'rejected') return false;
  return shown.entry ? shown.entry.claims.includes(claim.id) : claim.verdict === 'supports';
}

/** Distinct sources of the supporting claims behind the values shown. */
export function supportingSources(shown: readonly Shown[], ctx: CellContext): CardSource[] {
  return uniqueSources(
    shown.flatMap((s) =>
      claimsOf(s)
        .filter((c) => supports(s, c))
        .flatMap((c) => sourceOf(c.source, ctx.titles)),
    ),
  );
}

/** "since 1969", "as of Apr 1953", "since about 1955" for one shown value; undefined when undated. */
export function asOfTextOf(shown: Shown, ctx: CellContext): string | undefined {
  const { item } = parts(shown);
  const date = shownDate(shown);
  if (!date) return undefined;
  const written = formatDateValue(date, ctx.t);
  const dated = item.approximate ? ctx.t('card_approximately', written) : written;
  return ctx.t((shown.fact.time ?? 'snapshot') === 'tenure' ? 'card_since' : 'card_asOf', dated);
}

/**
 * A cell showing `shown` (one value, or the first and last of a span) as `value`, dated `asOf`. Null when
 * no supporting source stands behind any of them: the card never shows a value bare.
 */
export function cellOf(
  shown: readonly Shown[],
  value: string,
  asOf: string | null,
  asOfText: string | undefined,
  ctx: CellContext,
): CardCell | null {
  const sources = supportingSources(shown, ctx);
  if (sources.length === 0) return null;
  const status = shown.reduce<Status>((worst, s) => {
    const own = s.entry?.status ?? s.fact.status;
    return STATUS_RANK[own] > STATUS_RANK[worst] ? own : worst;
  }, 'agreed');
  return {
    value,
    asOf,
    ...(asOfText ? { asOfText } : {}),
    marks: [...new Set(shown.flatMap(marksOf))],
    status,
    conflicts: shown.flatMap((s) => conflictOf(s, ctx) ?? []),
    sources,
    rejected: rejectedOf(shown, ctx),
  };
}

/** A cell saying the value is not known for the moment asked ("not known for 1975"). */
export function unknownCell(label: string, t: Translate): CardCell {
  return {
    value: t('card_notKnownFor', label),
    asOf: null,
    unknown: true,
    marks: [],
    status: 'agreed',
    conflicts: [],
    sources: [],
    rejected: [],
  };
}

/** Rejected claims behind the values shown, once per source, value and reason (a source may repeat itself). */
function rejectedOf(shown: readonly Shown[], ctx: CellContext): CardRejected[] {
  const seen = new Set<string>();
  const said = (c: CompiledClaim) => JSON.stringify([c.source, c.display, c.reason ?? '']);
  return shown.flatMap((s) =>
    claimsOf(s)
      .filter((c) => c.verdict === 'rejected' && !seen.has(said(c)) && seen.add(said(c)))
      .flatMap((c) =>
        sourceOf(c.source, ctx.titles).map((source) => {
          const reason = proseIn(c.reason ?? '', c.reasonDisplays, ctx.t);
          return {
            source,
            value: claimValueIn(c, ctx.t).text,
            reason: reason.text,
            ...(reason.lang ? { reasonLang: reason.lang } : {}),
          };
        }),
      ),
  );
}

export function sourceOf(id: string, titles: ReadonlyMap<string, string>): CardSource[] {
  const title = titles.get(id);
  // A claim citing a source the dataset does not list cannot be shown as evidence; the build refuses
  // such data, so this only guards against a hand-edited bundle.
  return title === undefined ? [] : [{ id, title }];
}

export function uniqueSources(sources: CardSource[]): CardSource[] {
  const seen = new Set<string>();
  return sources.filter((s) => !seen.has(s.id) && seen.add(s.id));
}

/** What the sources said, for a value that was not simply agreed. */
function conflictOf(shown: Shown, ctx: CellContext): CardConflict | null {
  const { t, titles } = ctx;
  const settled = shown.entry ?? shown.fact;
  if (settled.status === 'agreed') return null;
  const all = claimsOf(shown);
  const claimsById = new Map(shown.fact.claims.map((c) => [c.id, c]));
  const claims: CardClaim[] = all
    // Superseded claims are older values, not conflicts; an entry's own claims are its values then.
    .filter((c) => c.verdict !== 'superseded' || shown.entry !== undefined)
    .flatMap((c) =>
      sourceOf(c.source, titles).map((source) => {
        const value = claimValueIn(c, t);
        const reason = c.reason ? proseIn(c.reason, c.reasonDisplays, t) : null;
        return {
          id: c.id,
          value: value.text,
          ...(value.lang ? { valueLang: value.lang } : {}),
          source,
          verdict: c.verdict,
          ...(reason ? { reason: reason.text, ...(reason.lang ? { reasonLang: reason.lang } : {}) } : {}),
        };
      }),
    );
  return {
    property: shown.fact.property,
    status: settled.status,
    ...noteOf(settled, t),
    alternatives: (settled.alternatives ?? []).map((a) => ({
      // Typed: formatted in the card's language (its text, for a text value, is the dataset's English).
      value: t.lang === 'en' ? a.display : formatValue(a.value, t),
      sources: uniqueSources(
        a.claims.flatMap((id) => {
          const claim = claimsById.get(id);
          return claim ? sourceOf(claim.source, titles) : [];
        }),
      ),
    })),
    claims,
  };
}

/** Why a value was settled, in the card's language where the dataset has it. */
function noteOf(settled: { note?: string; noteDisplays?: Displays }, t: Translate) {
  if (!settled.note) return {};
  const note = proseIn(settled.note, settled.noteDisplays, t);
  return { note: note.text, ...(note.lang ? { noteLang: note.lang } : {}) };
}
