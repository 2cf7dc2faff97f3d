import namesFile from '@/data/compiled/names.json';
import type { Era } from '@/lib/mention';

/** One written form of a name in the names timeline (form, variant or alias). */
interface NameEntryForm {
  /** Language code. */
  lang: string;
  /** The name as written. */
  name: string;
  /** The acronym used with this form, if any. */
  acronym?: string;
}

/** The fields of the names timeline the detector reads; the file holds more. */
export interface NamesTimeline {
  /** Every name the organization has had, oldest first. */
  names: readonly {
    /** Stable id: picmme, icem, icm, iom. */
    id: string;
    /** The era this name defines. */
    era: string;
    /** The acronym of the English name. */
    acronym: string;
    /** The English name. */
    name: string;
    /** Official forms in several languages. */
    forms: readonly NameEntryForm[];
    /** Spellings seen in real documents. */
    variants: readonly NameEntryForm[];
    /** Other names used for the organization (e.g. UN Migration). */
    aliases: readonly NameEntryForm[];
  }[];
}

/** A long name the detector looks for. */
export interface LongName {
  /** The name as written in the data. */
  text: string;
  /** Which era it names. */
  era: Era;
  /** Id of the name in the timeline. */
  nameId: string;
  /** Language of the form. */
  lang: string;
  /** Long name (form or variant) or alias. */
  kind: 'long' | 'alias';
}

/** What an acronym stands for. */
export interface AcronymInfo {
  /** The acronym as written (case-sensitive). */
  acronym: string;
  /** The era it names. */
  era: Era;
  /** Id of the name in the timeline. */
  nameId: string;
  /** Languages whose forms use this acronym, English first when present. */
  langs: string[];
}

/** The detector's view of the names timeline. */
export interface NameTable {
  /** Every long form, variant and alias. */
  longNames: LongName[];
  /** Every acronym, keyed by its exact spelling. */
  acronyms: Map<string, AcronymInfo>;
}

const ERAS: readonly Era[] = ['PICMME', 'ICEM', 'ICM', 'IOM'];

function toEra(value: string): Era {
  if ((ERAS as readonly string[]).includes(value)) return value as Era;
  throw new Error(`names.json: unknown era "${value}" (expected one of ${ERAS.join(', ')})`);
}

/** Builds the detector's name table from a names timeline (validated for the fields it needs). */
export function buildNameTable(timeline: NamesTimeline): NameTable {
  const longNames: LongName[] = [];
  const acronyms = new Map<string, AcronymInfo>();
  const addAcronym = (acronym: string, era: Era, nameId: string, lang: string) => {
    const info = acronyms.get(acronym);
    if (!info) acronyms.set(acronym, { acronym, era, nameId, langs: [lang] });
    else if (!info.langs.includes(lang)) info.langs.push(lang);
  };
  for (const entry of timeline.names) {
    const era = toEra(entry.era);
    addAcronym(entry.acronym, era, entry.id, 'en');
    for (const form of entry.forms) {
      longNames.push({ text: form.name, era, nameId: entry.id, lang: form.lang, kind: 'long' });
      if (form.acronym) addAcronym(form.acronym, era, entry.id, form.lang);
    }
    for (const variant of entry.variants) {
      longNames.push({ text: variant.name, era, nameId: entry.id, lang: variant.lang, kind: 'long' });
    }
    for (const alias of entry.aliases) {
      longNames.push({ text: alias.name, era, nameId: entry.id, lang: alias.lang, kind: 'alias' });
    }
  }
  return { longNames, acronyms };
}

/**
 * Every acronym of a names timeline, longest first (so CIME wins over CIM where both match), in the
 * timeline's order otherwise. data:build writes them to data/compiled/acronyms.json, which is all the
 * pre-check that every page runs needs of the names (see candidate-pattern.ts).
 */
export function acronymsOf(timeline: NamesTimeline): string[] {
  return [...buildNameTable(timeline).acronyms.keys()].sort((a, b) => b.length - a.length);
}

let table: NameTable | undefined;

/** The name table of the bundled names timeline, built on first use. */
export function nameTable(): NameTable {
  // Assigning (not casting) makes the compiler check the JSON's shape against the fields read here.
  const timeline: NamesTimeline = namesFile;
  table ??= buildNameTable(timeline);
  return table;
}
