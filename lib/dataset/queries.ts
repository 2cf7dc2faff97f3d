/** Read-only lookups over the compiled dataset, shared by the facts script, cards and popup. */
import { formatDate } from './dates';
import type { CompiledDataset, CompiledFact, CompiledName, CompiledSource } from './types';
import { normalizeText } from './values';

function matchesAll(haystack: string, words: readonly string[]): boolean {
  const text = ` ${normalizeText(haystack)} `;
  return words.every((w) => text.includes(normalizeText(w)));
}

function wordsOf(query: readonly string[]): string[] {
  return query.flatMap((q) => normalizeText(q).split(' ')).filter(Boolean);
}

/** Text a fact is found by: subject, property id and label, current and past values. */
export function factSearchText(dataset: CompiledDataset, fact: CompiledFact): string {
  const subject = dataset.subjects.find((s) => s.id === fact.subject)?.label ?? fact.subject;
  const history = fact.history?.map((h) => h.display) ?? [];
  return [fact.subject, subject, fact.property, fact.label, fact.display, ...history].join(' | ');
}

/** Facts whose search text contains every word (case and accents ignored). */
export function findFacts(dataset: CompiledDataset, query: readonly string[]): CompiledFact[] {
  const words = wordsOf(query);
  if (words.length === 0) return [];
  return dataset.facts.filter((fact) => matchesAll(factSearchText(dataset, fact), words));
}

/** Names any of whose forms, variants or aliases contain every word. */
export function findNames(dataset: CompiledDataset, query: readonly string[]): CompiledName[] {
  const words = wordsOf(query);
  if (words.length === 0) return [];
  return dataset.names.filter((name) =>
    [name, ...name.forms, ...name.variants, ...name.aliases].some((f) =>
      matchesAll(`${f.name} ${'acronym' in f ? (f.acronym ?? '') : ''} ${name.id}`, words),
    ),
  );
}

/** The name in use on an ISO date (YYYY, YYYY-MM or YYYY-MM-DD), or null before the first name. */
export function nameAt(names: readonly CompiledName[], date: string): CompiledName | null {
  let current: CompiledName | null = null;
  for (const name of names) {
    // ISO strings order chronologically; a name known only by its year counts from the start of that year.
    if (name.from && name.from.date <= date) current = name;
  }
  return current;
}

/** A fact's current value with its date, as a card shows it: "175 (2024)", "Amy E. Pope (since 1 October 2023)". */
export function factHeadline(fact: CompiledFact): string {
  if (!fact.asOf) return fact.display;
  const when = formatDate(fact.asOf);
  return fact.time === 'tenure' ? `${fact.display} (since ${when})` : `${fact.display} (${when})`;
}

/** Titles of the sources whose claims support a fact, best tier first. */
export function supportingSources(dataset: CompiledDataset, fact: CompiledFact): CompiledSource[] {
  const ids = new Set(fact.claims.filter((c) => c.verdict === 'supports').map((c) => c.source));
  return dataset.sources.filter((s) => ids.has(s.id)).sort((a, b) => a.tier - b.tier);
}
