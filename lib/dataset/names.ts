import { parseDate } from './dates';
import type { DatasetIssue } from './errors';
import type { CompiledFact, CompiledName, NameForm } from './types';
import type { Model } from './validate';

/** Property ids of a name's forms: name-en, name-fr, … */
const FORM_PROPERTY = /^name-([a-z]{2})$/;

/** Builds the names timeline from the names file and the reconciled name facts; from/to come from facts. */
export function compileNames(
  model: Model,
  facts: ReadonlyMap<string, CompiledFact>,
): { names: CompiledName[]; issues: DatasetIssue[] } {
  const issues: DatasetIssue[] = [];
  const tierOf = (source: string) => model.sources.get(source)?.record.tier ?? 4;
  const entries = model.names.map(({ file, record }) => {
    const forms: NameForm[] = [];
    for (const property of model.properties.keys()) {
      const lang = FORM_PROPERTY.exec(property)?.[1];
      const fact = facts.get(`${record.id}/${property}`);
      if (!lang || fact?.value.type !== 'name') continue;
      const { name, acronym } = fact.value;
      forms.push({ lang, name, ...(acronym ? { acronym } : {}) });
    }
    const english = forms.find((f) => f.lang === 'en');
    if (!english?.acronym) {
      issues.push({
        file,
        id: record.id,
        field: 'id',
        message: 'no name-en fact with an acronym for this name',
      });
    }
    const fromFact = facts.get(record.fromFact);
    if (fromFact?.value.type !== 'date') {
      const message = `fromFact "${record.fromFact}" is not a date fact of the dataset`;
      issues.push({ file, id: record.id, field: 'fromFact', message });
    }
    const supporting = [`${record.id}/name-en`, record.fromFact].flatMap(
      (id) =>
        facts
          .get(id)
          ?.claims.filter((c) => c.verdict === 'supports')
          .map((c) => c.source) ?? [],
    );
    const sources = [...new Set(supporting)].sort((a, b) => tierOf(a) - tierOf(b) || a.localeCompare(b));
    const entry: CompiledName = {
      id: record.id,
      era: record.era,
      acronym: english?.acronym ?? '',
      name: english?.name ?? '',
      from:
        fromFact?.value.type === 'date'
          ? { date: fromFact.value.date, precision: fromFact.value.precision }
          : null,
      to: null,
      forms,
      variants: record.variants.map((v) => ({ ...v })),
      aliases: record.aliases.map((a) => ({
        lang: a.lang,
        name: a.name,
        from: parseDate(a.from),
        sources: a.sources,
      })),
      sources,
    };
    return entry;
  });
  entries.forEach((entry, i) => {
    entry.to = entries[i + 1]?.from ?? null;
    const previous = entries[i - 1];
    if (previous?.from && entry.from && previous.from.date >= entry.from.date) {
      const file = model.names[i]?.file ?? 'data/names.json';
      issues.push({ file, id: entry.id, field: 'fromFact', message: 'names must be listed oldest first' });
    }
  });
  return { names: entries, issues };
}
