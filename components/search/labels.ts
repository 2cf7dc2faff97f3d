import type { MessageKey, Translate } from '@/lib/i18n';
import type { NameEntry, NameForm } from '@/lib/search/types';

/** UI strings for the dataset's verdicts. */
const VERDICTS: Record<string, MessageKey> = {
  supports: 'verdictSupports',
  superseded: 'verdictSuperseded',
  rejected: 'verdictRejected',
};

/** UI strings for the dataset's kinds of source document. */
const SOURCE_KINDS: Record<string, MessageKey> = {
  'official-site': 'sourceKindOfficialSite',
  'treaty-text': 'sourceKindTreatyText',
  'un-document': 'sourceKindUnDocument',
  'government-record': 'sourceKindGovernmentRecord',
  archive: 'sourceKindArchive',
  academic: 'sourceKindAcademic',
  news: 'sourceKindNews',
  encyclopedia: 'sourceKindEncyclopedia',
  aggregator: 'sourceKindAggregator',
  blog: 'sourceKindBlog',
};

/** A verdict in the UI's language (the dataset's own word if it is a new one). */
export function verdictLabel(t: Translate, verdict: string): string {
  const key = VERDICTS[verdict];
  return key ? t(key) : verdict;
}

/** A kind of source in the UI's language (the dataset's own word if it is a new one). */
export function sourceKindLabel(t: Translate, kind: string | undefined): string | undefined {
  if (kind === undefined) return undefined;
  const key = SOURCE_KINDS[kind];
  return key ? t(key) : kind.replaceAll('-', ' ');
}

/** UI strings for the name forms other than the official one. */
const NAME_FORMS: Record<Exclude<NameForm, 'official'>, MessageKey> = {
  variant: 'nameFormVariant',
  misnomer: 'nameFormMisnomer',
  alias: 'nameFormAlias',
};

/**
 * What a name that is not the official one is, with the official name it stands for ("Misnomer for
 * ICEM"); undefined for an official form.
 */
export function nameFormLabel(t: Translate, entry: NameEntry): string | undefined {
  if (entry.form === 'official') return undefined;
  const official = entry.official;
  return t(NAME_FORMS[entry.form], official ? (official.acronym ?? official.title) : entry.era);
}
