import type { PageReport, ReportedMention } from '@/lib/messages';
import { hostOf, isActiveOn } from '@/lib/settings/host-patterns';
import type { Settings } from '@/lib/settings/schema';

/** One mention on the page, as the popup lists it: its id and the text around it. */
export type PopupMention = Pick<ReportedMention, 'id' | 'before' | 'text' | 'after'>;

/** What the popup knows about the current tab. */
export type PageState =
  | { kind: 'loading' }
  /** No content script answers there: a browser page, the store, a PDF viewer… */
  | { kind: 'unavailable' }
  /** IOM Lens is paused or turned off for this site, so nothing was looked for. */
  | { kind: 'inactive' }
  | { kind: 'ready'; count: number; mentions: readonly PopupMention[] };

/** Turns the tab's report into what the "On this page" section shows. */
export function pageState(
  report: PageReport | null,
  settings: Settings | null,
  url: string | null,
): PageState {
  if (settings && url !== null && hostOf(url) !== null && !isActiveOn(settings, url))
    return { kind: 'inactive' };
  if (report === null) return { kind: 'unavailable' };
  const mentions = report.mentions ?? [];
  return { kind: 'ready', count: Math.max(report.count, mentions.length), mentions };
}
