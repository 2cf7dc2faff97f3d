import type { NameEntry } from './types';

/** A name record of data/compiled/names.json (or the dataset's `names`), as far as the search reads it. */
export interface NameRecordInput {
  id: string;
  era: string;
  acronym: string;
  name: string;
  from: { date: string };
  to?: { date: string } | null;
  forms: { lang: string; name: string; acronym?: string }[];
  variants?: { lang: string; name: string; note?: string; misnomer?: boolean }[];
  aliases?: { lang: string; name: string; from?: { date: string } | string }[];
}

/** Entry id of an official form of a name record. */
function formId(recordId: string, lang: string): string {
  return `name:${recordId}:${lang}`;
}

/** The official form a variant, misnomer or alias in `lang` stands for: that language's, else the first (English). */
function officialFor(record: NameRecordInput, lang: string): NameEntry['official'] {
  const form = record.forms.find((f) => f.lang === lang) ?? record.forms[0];
  if (!form) return undefined;
  return { id: formId(record.id, form.lang), title: form.name, acronym: form.acronym };
}

/**
 * One entry per form, variant and alias of every name: every era, every language. Variants and
 * misnomers keep the dataset's note on why they exist and point to the official name they stand for.
 */
export function nameEntries(names: readonly NameRecordInput[]): NameEntry[] {
  const current = names.find((n) => !n.to) ?? names[names.length - 1];
  const currentLabel = current ? `${current.name} (${current.acronym})` : '';
  return names.flatMap((record) => {
    const common = {
      kind: 'name' as const,
      era: record.era,
      eraName: record.name,
      from: record.from.date,
      to: record.to ? record.to.date : null,
      current: currentLabel,
    };
    const forms: NameEntry[] = record.forms.map((form) => ({
      ...common,
      id: formId(record.id, form.lang),
      title: form.name,
      acronym: form.acronym,
      lang: form.lang,
      form: 'official',
    }));
    const variants: NameEntry[] = (record.variants ?? []).map((variant, i) => ({
      ...common,
      id: `name:${record.id}:variant:${i}`,
      title: variant.name,
      lang: variant.lang,
      form: variant.misnomer ? 'misnomer' : 'variant',
      note: variant.note,
      official: officialFor(record, variant.lang),
    }));
    const aliases: NameEntry[] = (record.aliases ?? []).map((alias, i) => ({
      ...common,
      id: `name:${record.id}:alias:${i}`,
      title: alias.name,
      lang: alias.lang,
      form: 'alias',
      from: typeof alias.from === 'string' ? alias.from : (alias.from?.date ?? common.from),
      official: officialFor(record, alias.lang),
    }));
    return [...forms, ...variants, ...aliases];
  });
}
