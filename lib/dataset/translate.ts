/**
 * Adds French and Spanish to a compiled fact: its text values (displays.ts), its head titles, and what
 * the card says beside them: how a conflict was settled and why a claim was rejected (explanations.ts).
 */
import { displaysOf, phrasesOf, type TranslationTable, titleDisplaysOf } from './displays';
import type { DatasetIssue } from './errors';
import { explanationDisplays, quotableValues } from './explanations';
import type { CompiledClaim, CompiledFact, Displays, HistoryEntry } from './types';
import type { Value } from './values';

function withDisplays<T extends CompiledFact | HistoryEntry>(
  item: T,
  table: TranslationTable,
  values: ReadonlyMap<string, Value>,
): T {
  const displays = displaysOf(item.value, table);
  const titleDisplays = item.title ? titleDisplaysOf(item.title, item.value, table) : undefined;
  const noteDisplays = item.note ? explanationDisplays(item.note, values, table) : undefined;
  return {
    ...item,
    ...(displays ? { displays } : {}),
    ...(titleDisplays ? { titleDisplays } : {}),
    ...(noteDisplays ? { noteDisplays } : {}),
  };
}

function claimWithDisplays(
  claim: CompiledClaim,
  table: TranslationTable,
  values: ReadonlyMap<string, Value>,
): CompiledClaim {
  const displays = claim.value ? displaysOf(claim.value, table) : undefined;
  const reasonDisplays = claim.reason ? explanationDisplays(claim.reason, values, table) : undefined;
  return { ...claim, ...(displays ? { displays } : {}), ...(reasonDisplays ? { reasonDisplays } : {}) };
}

/** True when both languages are there. */
const complete = (d: Displays | undefined): boolean => Boolean(d?.fr && d.es);

/**
 * Adds `displays` (and `titleDisplays`) to a fact and its history. For properties marked `translated`
 * (the card's text rows), a phrase without French or Spanish is a problem naming the phrase.
 */
export function translateFact(
  fact: CompiledFact,
  table: TranslationTable,
  required: boolean,
  file: string,
): { fact: CompiledFact; issues: DatasetIssue[] } {
  const issues: DatasetIssue[] = [];
  const values = quotableValues([
    fact.value,
    ...(fact.history ?? []).flatMap((h) => [h.value, ...(h.alternatives ?? []).map((a) => a.value)]),
    ...(fact.alternatives ?? []).map((a) => a.value),
    ...fact.claims.flatMap((c) => (c.value ? [c.value] : [])),
  ]);
  const translated = withDisplays(fact, table, values);
  if (translated.history) translated.history = translated.history.map((h) => withDisplays(h, table, values));
  translated.claims = translated.claims.map((c) => {
    // Typed claim values only where a card may show them (its rows' competing and rejected values): the
    // rest of the dataset does not pay for them.
    const { value, ...rest } = claimWithDisplays(c, table, values);
    return required && value ? { ...rest, value } : rest;
  });
  if (required) {
    const missing = new Set<string>();
    const shown: { value: Value; title?: string }[] = [
      fact,
      ...(fact.history ?? []),
      ...fact.claims.flatMap((c) => (c.value ? [{ value: c.value }] : [])),
    ];
    for (const item of shown) {
      for (const phrase of [...(phrasesOf(item.value) ?? []), ...(item.title ? [item.title] : [])]) {
        const known = table.get(phrase);
        if (!known?.fr || !known.es) missing.add(phrase);
      }
    }
    for (const phrase of missing) {
      const message = `no French and Spanish for "${phrase}": add it to data/translations.json (the card shows this text)`;
      issues.push({ file, id: fact.id, field: 'displays', message });
    }
    // What the card shows besides the values: how conflicts were settled and why claims were rejected.
    const untranslated = [
      ...[translated, ...(translated.history ?? [])].flatMap((item) =>
        item.note && !complete(item.noteDisplays) ? [`note "${item.note}"`] : [],
      ),
      ...translated.claims.flatMap((c) =>
        c.reason && !complete(c.reasonDisplays) ? [`reason "${c.reason}" of claim ${c.id}`] : [],
      ),
    ];
    for (const what of new Set(untranslated)) {
      const message = `no French and Spanish for the ${what}: add it to data/translations.json (the card shows it)`;
      issues.push({ file, id: fact.id, field: 'displays', message });
    }
  }
  return { fact: translated, issues };
}
