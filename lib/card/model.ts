/**
 * The one factory that turns the compiled dataset, a mention and the reader's moment into the card's
 * model (props). Everything the card decides lives here: which name the mention is, which moment the
 * card answers for, which values show then and today, which sources count, how conflicts read. The
 * components only render the result; the `card` CLI prints it (scripts/card.ts).
 */
import type { CompiledDataset, CompiledFact, CompiledName } from '@/lib/dataset/types';
import type { Translate } from '@/lib/i18n';
import { formatIsoDate } from '@/lib/i18n/dates';
import { type CellContext, cellOf, sourceOf, uniqueSources, unknownCell, valueIn } from './cells';
import { chartsOf } from './chart';
import { formatDateValue } from './format';
import { type Moment, momentFor, nameAt, type ReaderContext } from './moment';
import { thenCell, todayCell } from './rows';
import { cardLanguage, cardTranslator } from './strings';
import type { CardAsOf, CardCell, CardMention, CardModel, CardName, CardRow, CardRowId } from './types';

/** The parts of the compiled dataset the card reads (tests pass small in-memory ones). */
export type CardDataset = Pick<CompiledDataset, 'names' | 'facts' | 'sources'> &
  Partial<Pick<CompiledDataset, 'subjects'>>;

/** How a row of facts is made: its main fact and, optionally, a second fact completing it. */
interface RowSpec {
  /** Row id (label `card_fact_<id>`). */
  id: Exclude<CardRowId, 'name'>;
  /** Property of the main fact; the row is left out when that fact is missing or unsourced. */
  property: string;
  /** Property of a fact shown after the main value ("5 Dec 1951, Brussels"; "related organization, since 2016"). */
  with?: string;
}

/**
 * The card's facts, in display order: what a reader asks first about an organization. Facts with a
 * history (or an as-of date) get a value then and today; the others one value for all time.
 */
export const CARD_ROWS: readonly RowSpec[] = [
  { id: 'founded', property: 'founded', with: 'founding-place' },
  { id: 'headquarters', property: 'headquarters' },
  { id: 'un', property: 'un-relationship', with: 'un-related-since' },
  { id: 'members', property: 'member-states' },
  { id: 'head', property: 'director-general' },
  { id: 'budget', property: 'budget' },
  { id: 'staff', property: 'staff' },
];

export type { ReaderContext } from './moment';

/** Subject id of the organization itself when the dataset lists no subjects. */
const DEFAULT_ORGANIZATION_SUBJECT = 'org';

/**
 * Builds the card's model for `mention` at the reader's moment (`context`: the page's date and the
 * option to use it). Throws, naming the mention, when its name id is not in the dataset's names
 * timeline (the detector and the dataset disagree: a bug to surface, not to hide).
 */
export function createCardModel(
  dataset: CardDataset,
  mention: CardMention,
  context: ReaderContext = {},
): CardModel {
  const lang = cardLanguage(mention.lang);
  const t = cardTranslator(lang);
  const record = dataset.names.find((n) => n.id === mention.nameId);
  if (!record) {
    throw new Error(
      `card model: the mention "${mention.surface}" has name id "${mention.nameId}", which is not in the dataset's names (${dataset.names.map((n) => n.id).join(', ')})`,
    );
  }
  const currentRecord = dataset.names.find((n) => n.to === null) ?? dataset.names[dataset.names.length - 1];
  const name = cardName(record, lang);
  const current = currentRecord ? cardName(currentRecord, lang) : name;
  const ctx: CellContext = { t, titles: new Map(dataset.sources.map((s) => [s.id, s.title])) };
  const organization =
    dataset.subjects?.find((s) => s.kind === 'organization')?.id ?? DEFAULT_ORGANIZATION_SUBJECT;
  const facts = new Map(
    dataset.facts.filter((f) => f.subject === organization).map((f) => [f.property, f] as const),
  );
  const moment = momentFor(record, context);
  const asOf = asOfOf(moment, name, t);

  const surface = mention.surface.replace(/\s+/g, ' ').trim();
  const nameRow = nameRowOf(dataset.names, record, currentRecord, moment, asOf, ctx);
  return {
    lang,
    surface,
    name,
    stoodFor: stoodFor(surface, record, name),
    isCurrent: record.id === currentRecord?.id,
    current,
    asOf,
    rows: [
      ...(nameRow ? [nameRow] : []),
      ...CARD_ROWS.flatMap((spec) => {
        const row = factRow(spec, facts, moment, asOf.label, ctx);
        return row ? [row] : [];
      }),
    ],
    charts: chartsOf(facts, moment, t),
    timeline: dataset.names.map((n) => cardName(n, lang)),
    query: name.name,
  };
}

/** The moment for people: which date the card used and why. */
function asOfOf(moment: Moment, name: CardName, t: Translate): CardAsOf {
  switch (moment.origin) {
    case 'page':
      return {
        origin: 'page',
        date: moment.date,
        via: moment.via,
        text: t('card_asOfPageDate', formatIsoDate(moment.date, t.lang)),
        label: formatIsoDate(moment.date.slice(0, 4), t.lang),
      };
    case 'era': {
      const years = t('card_years', [moment.from.slice(0, 4), moment.to.slice(0, 4)]);
      return {
        origin: 'era',
        date: moment.from,
        until: moment.to,
        text: t('card_asOfEra', [name.acronym, years]),
        label: years,
      };
    }
    case 'today':
      return { origin: 'today', date: null, text: t('card_asOfToday'), label: '' };
  }
}

/** "Full name (ACRONYM)" in the card's language. */
function nameWithAcronym(name: CardName): string {
  return name.acronym && name.acronym !== name.name ? `${name.name} (${name.acronym})` : name.name;
}

/** The organization's name then (at the page's date, or the mention's own name over its era) and today. */
function nameRowOf(
  names: readonly CompiledName[],
  record: CompiledName,
  currentRecord: CompiledName | undefined,
  moment: Moment,
  asOf: CardAsOf,
  ctx: CellContext,
): CardRow | null {
  if (moment.origin === 'today' || !currentRecord) return null;
  const lang = ctx.t.lang;
  const cell = (n: CompiledName, asOfText: string): CardCell => ({
    value: nameWithAcronym(cardName(n, lang)),
    asOf: n.from?.date ?? null,
    asOfText,
    marks: [],
    status: 'agreed',
    conflicts: [],
    sources: uniqueSources(n.sources.flatMap((id) => sourceOf(id, ctx.titles))),
    rejected: [],
  });
  const since = (n: CompiledName) =>
    n.from ? ctx.t('card_since', formatIsoDate(n.from.date, lang)) : ctx.t('card_asOfToday');
  const span = (n: CompiledName) =>
    n.to ? ctx.t('card_years', [n.from?.date.slice(0, 4) ?? '?', n.to.date.slice(0, 4)]) : since(n);
  const thenName = moment.origin === 'page' ? nameAt(names, moment.date) : record;
  // The current name already in force then: the heading says it, a row "IOM → IOM" would say nothing.
  if (thenName?.id === currentRecord.id) return null;
  return changingRow(
    'name',
    cell(currentRecord, since(currentRecord)),
    thenName ? cell(thenName, span(thenName)) : unknownCell(asOf.label, ctx.t),
  );
}

/** A row of a value today and, when the card has a moment other than today, its value then. */
function changingRow(id: CardRowId, today: CardCell, then?: CardCell): CardRow {
  if (!then) return { id, today };
  return { id, then, today };
}

/** Case-, accent- and punctuation-blind form of a name, to compare a surface with official forms. */
function plain(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** What the summary calls the name: what the heading (the surface) does not already say. */
function stoodFor(surface: string, record: CompiledName, name: CardName): string {
  const written = plain(surface);
  const acronyms = new Set(
    [record.acronym, ...record.forms.map((f) => f.acronym ?? '')].filter(Boolean).map(plain),
  );
  const fullNames = new Set(record.forms.map((f) => plain(f.name)));
  if (acronyms.has(written)) return name.name; // ICEM → Intergovernmental Committee for European Migration
  if (fullNames.has(written)) return name.acronym; // the full name → ICEM
  return nameWithAcronym(name); // a variant or an alias: say both
}

/** A name in the card's language: the official form in that language, else the English one. */
function cardName(record: CompiledName, lang: string): CardName {
  const form = record.forms.find((f) => f.lang === lang);
  return {
    id: record.id,
    era: record.era,
    acronym: form?.acronym ?? record.acronym,
    name: form?.name ?? record.name,
    fromYear: record.from ? record.from.date.slice(0, 4) : null,
    toYear: record.to ? record.to.date.slice(0, 4) : null,
  };
}

/** True for facts that change over time: they get a value then and today. */
function changes(fact: CompiledFact): boolean {
  return (fact.history?.length ?? 0) > 0 || fact.asOf !== undefined;
}

function factRow(
  spec: RowSpec,
  facts: ReadonlyMap<string, CompiledFact>,
  moment: Moment,
  label: string,
  ctx: CellContext,
): CardRow | null {
  const main = facts.get(spec.property);
  if (!main) return null;
  if (changes(main)) {
    // Never a value without a source: an unsourced current value leaves the row out.
    const today = todayCell(main, ctx);
    if (!today) return null;
    return changingRow(
      spec.id,
      today,
      moment.origin === 'today' ? undefined : thenCell(main, moment, label, ctx),
    );
  }
  const extra = spec.with ? facts.get(spec.with) : undefined;
  if (spec.id === 'un') {
    // A status without a history (older data): today's, dated by its companion "since" date.
    const today = statusToday(main, extra, ctx);
    if (!today) return null;
    return changingRow(spec.id, today, moment.origin === 'today' ? undefined : unknownCell(label, ctx.t));
  }
  const value = fixedCell(main, extra, ctx);
  return value ? { id: spec.id, value } : null;
}

/** A current status dated by a companion date fact ("related organization", since 19 Sep 2016). */
function statusToday(main: CompiledFact, since: CompiledFact | undefined, ctx: CellContext): CardCell | null {
  const date = since?.value.type === 'date' ? since.value : undefined;
  const shown = since && date ? [{ fact: main }, { fact: since }] : [{ fact: main }];
  return cellOf(
    shown,
    valueIn(main, ctx.t),
    date?.date ?? null,
    date ? ctx.t('card_since', formatDateValue(date, ctx.t)) : undefined,
    ctx,
  );
}

/** A value for all time, with its companion ("5 Dec 1951, Brussels"); null without a supporting source. */
function fixedCell(main: CompiledFact, extra: CompiledFact | undefined, ctx: CellContext): CardCell | null {
  const mainCell = cellOf([{ fact: main }], valueIn(main, ctx.t), null, undefined, ctx);
  if (!mainCell) return null;
  const extraCell = extra ? cellOf([{ fact: extra }], valueIn(extra, ctx.t), null, undefined, ctx) : null;
  if (!extra || !extraCell) return mainCell;
  const more =
    extra.value.type === 'date' ? ctx.t('card_since', valueIn(extra, ctx.t)) : valueIn(extra, ctx.t);
  return (
    cellOf([{ fact: main }, { fact: extra }], `${mainCell.value}, ${more}`, null, undefined, ctx) ?? mainCell
  );
}
