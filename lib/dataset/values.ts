import { type DateValue, formatDate, parseDate } from './dates';

/** Kinds of typed value a claim can carry. */
export const VALUE_TYPES = ['date', 'number', 'text', 'list', 'person', 'place', 'name'] as const;

/** One of VALUE_TYPES. */
export type ValueType = (typeof VALUE_TYPES)[number];

/** How a figure is hedged in its source: "over 150", "about 8,400", "nearly 19,000". */
export type Qualifier = 'over' | 'about' | 'nearly';

/** A typed value as compiled: the `type` tag plus the fields of that type. */
export type Value =
  | ({ type: 'date' } & DateValue)
  | {
      type: 'number';
      /** The figure itself (a budget in units, not millions). */
      number: number;
      /** Currency or unit; absent for plain counts. */
      unit?: 'USD';
      /** Hedge word of the source, if any. */
      qualifier?: Qualifier;
      /** What a money figure measures (expenditure, programme budget, …): figures of different measures differ. */
      measure?: string;
    }
  | { type: 'text' /** A short phrase written for the dataset. */; text: string }
  | { type: 'list' /** Items, each a short phrase. */; list: string[] }
  | {
      type: 'person' /** Full name as the source spells it. */;
      person: string /** Nationality. */;
      country?: string;
    }
  | { type: 'place' /** City or site. */; place: string /** Country. */; country?: string }
  | {
      type: 'name' /** A name of the organization or a programme. */;
      name: string /** Its acronym. */;
      acronym?: string;
    };

/** Lower-case, accent-free, punctuation-free form used to compare phrases. */
export function normalizeText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function tokens(text: string): string[] {
  return normalizeText(text).split(' ').filter(Boolean);
}

/** Builds a typed value from a claim's raw JSON value (already shape-checked), deriving date precision. */
export function toValue(raw: Record<string, unknown>): Value {
  if (typeof raw.date === 'string') return { type: 'date', ...parseDate(raw.date) };
  if (typeof raw.number === 'number')
    return { type: 'number', ...(raw as Omit<Extract<Value, { type: 'number' }>, 'type'>) };
  if (typeof raw.text === 'string') return { type: 'text', text: raw.text };
  if (Array.isArray(raw.list)) return { type: 'list', list: raw.list as string[] };
  if (typeof raw.person === 'string')
    return { type: 'person', ...(raw as { person: string; country?: string }) };
  if (typeof raw.place === 'string')
    return { type: 'place', ...(raw as { place: string; country?: string }) };
  return { type: 'name', ...(raw as { name: string; acronym?: string }) };
}

const SCALES: readonly [number, string][] = [
  [1e9, 'billion'],
  [1e6, 'million'],
];

function formatNumber(n: number): string {
  return n.toLocaleString('en-US', { maximumFractionDigits: 3 });
}

function formatAmount(value: Extract<Value, { type: 'number' }>): string {
  const prefix = value.unit === 'USD' ? 'US$' : '';
  for (const [scale, word] of SCALES) {
    if (value.number >= scale) return `${prefix}${formatNumber(value.number / scale)} ${word}`;
  }
  return `${prefix}${formatNumber(value.number)}`;
}

/** The value written for people: "14 November 1989", "over 150", "US$1.3 billion (expenditure)". */
export function displayValue(value: Value): string {
  switch (value.type) {
    case 'date':
      return formatDate(value);
    case 'number': {
      const amount = formatAmount(value);
      const hedged = value.qualifier ? `${value.qualifier} ${amount}` : amount;
      return value.measure ? `${hedged} (${value.measure})` : hedged;
    }
    case 'text':
      return value.text;
    case 'list':
      return value.list.join('; ');
    case 'person':
    case 'place': {
      const main = value.type === 'person' ? value.person : value.place;
      if (!value.country) return main;
      return value.type === 'person' ? `${main} (${value.country})` : `${main}, ${value.country}`;
    }
    case 'name':
      return value.acronym ? `${value.name} (${value.acronym})` : value.name;
  }
}

function sameOptional(a: string | undefined, b: string | undefined): boolean {
  return a === undefined || b === undefined || normalizeText(a) === normalizeText(b);
}

/**
 * True when a source asserting `winner` also asserts `claim`: equal values, or `claim` is a coarser
 * or partial form of it (1952 of 1952-10; "over 100" of 150; a sub-list; a name without accents).
 */
export function implies(winner: Value, claim: Value): boolean {
  if (winner.type !== claim.type) return false;
  switch (claim.type) {
    case 'date':
      return (
        winner.type === 'date' && (winner.date === claim.date || winner.date.startsWith(`${claim.date}-`))
      );
    case 'number': {
      if (winner.type !== 'number' || winner.unit !== claim.unit) return false;
      if (!sameOptional(winner.measure, claim.measure)) return false;
      // "nearly N" (below N) and "over N" (above N) exclude each other although the figure is the same.
      const hedges = new Set([winner.qualifier, claim.qualifier]);
      if (hedges.has('nearly') && hedges.has('over')) return false;
      if (winner.number === claim.number) return true;
      return claim.qualifier === 'over' && winner.number > claim.number;
    }
    case 'text': {
      if (winner.type !== 'text') return false;
      return ` ${normalizeText(winner.text)} `.includes(` ${normalizeText(claim.text)} `);
    }
    case 'list': {
      if (winner.type !== 'list') return false;
      const items = new Set(winner.list.map(normalizeText));
      return claim.list.every((item) => items.has(normalizeText(item)));
    }
    case 'person': {
      if (winner.type !== 'person' || !sameOptional(winner.country, claim.country)) return false;
      const names = new Set(tokens(winner.person));
      return tokens(claim.person).every((t) => names.has(t));
    }
    case 'place':
      return (
        winner.type === 'place' &&
        normalizeText(winner.place) === normalizeText(claim.place) &&
        sameOptional(winner.country, claim.country)
      );
    case 'name':
      return (
        winner.type === 'name' &&
        normalizeText(winner.name) === normalizeText(claim.name) &&
        sameOptional(winner.acronym, claim.acronym)
      );
  }
}

/** How much a value says, so the most specific claim of a group becomes its representative. */
export function specificity(value: Value): number {
  switch (value.type) {
    case 'date':
      return value.date.length;
    case 'number':
      return value.qualifier === 'over' ? 0 : value.qualifier ? 1 : 2;
    case 'text':
      return normalizeText(value.text).length;
    case 'list':
      return value.list.length;
    case 'person':
      return tokens(value.person).length + (value.country ? 1 : 0);
    case 'place':
      return value.country ? 1 : 0;
    case 'name':
      return value.acronym ? 1 : 0;
  }
}
