/**
 * The one factory that turns the compiled dataset and a mention into the card's model (props).
 * Everything the card decides lives here: which name the mention is, which facts show and in what
 * order, which sources count, how conflicts read. The components only render the result.
 */
import type { CompiledDataset, CompiledFact, CompiledName, Status } from '@/lib/dataset/types';
import type { Translate } from '@/lib/i18n';
import { formatDateValue, formatValue } from './format';
import { cardLanguage, cardTranslator } from './strings';
import type {
  CardClaim,
  CardConflict,
  CardFactRow,
  CardMention,
  CardModel,
  CardName,
  CardRowId,
  CardSource,
} from './types';

/** The parts of the compiled dataset the card reads (tests pass small in-memory ones). */
export type CardDataset = Pick<CompiledDataset, 'names' | 'facts' | 'sources'> &
  Partial<Pick<CompiledDataset, 'subjects'>>;

/** How a row of key facts is made: its main fact and, optionally, a second fact completing it. */
interface RowSpec {
  /** Row id (label `card_fact_<id>`). */
  id: CardRowId;
  /** Property of the main fact; the row is left out when that fact is missing or unsourced. */
  property: string;
  /** Property of a fact shown after the main value ("5 Dec 1951, Brussels"; "related organization, since 2016"). */
  with?: string;
}

/** The card's key facts, in display order: what a reader asks first about an organization. */
export const CARD_ROWS: readonly RowSpec[] = [
  { id: 'founded', property: 'founded', with: 'founding-place' },
  { id: 'headquarters', property: 'headquarters' },
  { id: 'un', property: 'un-relationship', with: 'un-related-since' },
  { id: 'members', property: 'member-states' },
  { id: 'head', property: 'director-general' },
  { id: 'budget', property: 'budget' },
  { id: 'staff', property: 'staff' },
];

/** Subject id of the organization itself when the dataset lists no subjects. */
const DEFAULT_ORGANIZATION_SUBJECT = 'org';

/** Status order, least settled last: a row shows the least settled status of its facts. */
const STATUS_RANK: Record<Status, number> = { agreed: 0, resolved: 1, disputed: 2 };

/**
 * Builds the card's model for `mention`. Throws, naming the mention, when its name id is not in the
 * dataset's names timeline (the detector and the dataset disagree: a bug to surface, not to hide).
 */
export function createCardModel(dataset: CardDataset, mention: CardMention): CardModel {
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
  const titles = new Map(dataset.sources.map((s) => [s.id, s.title]));
  const organization =
    dataset.subjects?.find((s) => s.kind === 'organization')?.id ?? DEFAULT_ORGANIZATION_SUBJECT;
  const facts = new Map(
    dataset.facts.filter((f) => f.subject === organization).map((f) => [f.property, f] as const),
  );

  const surface = mention.surface.replace(/\s+/g, ' ').trim();
  return {
    lang,
    surface,
    name,
    stoodFor: stoodFor(surface, record, name),
    isCurrent: record.id === currentRecord?.id,
    current,
    facts: CARD_ROWS.flatMap((spec) => {
      const row = factRow(spec, facts, titles, t);
      return row ? [row] : [];
    }),
    timeline: dataset.names.map((n) => cardName(n, lang)),
    query: name.name,
  };
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
  const withAcronym = name.acronym !== name.name ? `${name.name} (${name.acronym})` : name.name;
  if (acronyms.has(written)) return name.name; // ICEM → Intergovernmental Committee for European Migration
  if (fullNames.has(written)) return name.acronym; // the full name → ICEM
  return withAcronym; // a variant or an alias: say both
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

function factRow(
  spec: RowSpec,
  facts: ReadonlyMap<string, CompiledFact>,
  titles: ReadonlyMap<string, string>,
  t: Translate,
): CardFactRow | null {
  const main = facts.get(spec.property);
  if (!main) return null;
  const mainSources = supportingSources(main, titles);
  // Never a value without a source: an unsourced fact is treated as missing.
  if (mainSources.length === 0) return null;
  const extra = spec.with ? facts.get(spec.with) : undefined;
  const extraSources = extra ? supportingSources(extra, titles) : [];
  const parts = extra && extraSources.length > 0 ? [main, extra] : [main];

  let value = formatValue(main.value, t);
  if (parts.length === 2 && extra) {
    const more =
      extra.value.type === 'date'
        ? t('card_since', formatValue(extra.value, t))
        : formatValue(extra.value, t);
    value = `${value}, ${more}`;
  }
  const sources = uniqueSources([...mainSources, ...(parts.length === 2 ? extraSources : [])]);
  const status = parts.reduce<Status>(
    (worst, f) => (STATUS_RANK[f.status] > STATUS_RANK[worst] ? f.status : worst),
    'agreed',
  );
  return {
    id: spec.id,
    value,
    ...(main.asOf ? { asOf: { kind: main.time ?? 'snapshot', date: formatDateValue(main.asOf, t) } } : {}),
    status,
    conflicts: parts.flatMap((f) => {
      const conflict = conflictOf(f, titles);
      return conflict ? [conflict] : [];
    }),
    sources,
  };
}

/** Sources of the claims that support the current value (for a changing property, its latest entry). */
function supportingSources(fact: CompiledFact, titles: ReadonlyMap<string, string>): CardSource[] {
  const latest = fact.history?.[fact.history.length - 1];
  const ids = latest ? new Set(latest.claims) : null;
  const claims = fact.claims.filter((c) => (ids ? ids.has(c.id) : c.verdict === 'supports'));
  return uniqueSources(claims.flatMap((c) => sourceOf(c.source, titles)));
}

function sourceOf(id: string, titles: ReadonlyMap<string, string>): CardSource[] {
  const title = titles.get(id);
  // A claim citing a source the dataset does not list cannot be shown as evidence; the build refuses
  // such data, so this only guards against a hand-edited bundle.
  return title === undefined ? [] : [{ id, title }];
}

function uniqueSources(sources: CardSource[]): CardSource[] {
  const seen = new Set<string>();
  return sources.filter((s) => !seen.has(s.id) && seen.add(s.id));
}

/** What the sources said, for a fact that was not simply agreed. */
function conflictOf(fact: CompiledFact, titles: ReadonlyMap<string, string>): CardConflict | null {
  if (fact.status === 'agreed') return null;
  const claimsById = new Map(fact.claims.map((c) => [c.id, c]));
  const claims: CardClaim[] = fact.claims
    .filter((c) => c.verdict !== 'superseded')
    .flatMap((c) =>
      sourceOf(c.source, titles).map((source) => ({
        id: c.id,
        value: c.display,
        source,
        verdict: c.verdict,
        ...(c.reason ? { reason: c.reason } : {}),
      })),
    );
  return {
    property: fact.property,
    status: fact.status,
    ...(fact.note ? { note: fact.note } : {}),
    alternatives: (fact.alternatives ?? []).map((a) => ({
      value: a.display,
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
