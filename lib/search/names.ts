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
  variants?: { lang: string; name: string; note?: string }[];
  aliases?: { lang: string; name: string; from?: { date: string } | string }[];
}

/** One entry per form, variant and alias of every name: every era, every language. */
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
      id: `name:${record.id}:${form.lang}`,
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
      form: 'variant',
      note: variant.note,
    }));
    const aliases: NameEntry[] = (record.aliases ?? []).map((alias, i) => ({
      ...common,
      id: `name:${record.id}:alias:${i}`,
      title: alias.name,
      lang: alias.lang,
      form: 'alias',
      from: typeof alias.from === 'string' ? alias.from : (alias.from?.date ?? common.from),
    }));
    return [...forms, ...variants, ...aliases];
  });
}
