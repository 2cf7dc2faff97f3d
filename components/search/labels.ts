import type { MessageKey, Translate } from '@/lib/i18n';

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
