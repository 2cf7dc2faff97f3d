import type { PageReport } from '@/lib/messages';
import { hostOf, isActiveOn } from '@/lib/settings/host-patterns';
import type { Settings } from '@/lib/settings/schema';
import { groupByFrame, type MentionGroup, type PopupMention } from './frame-order';

export type { MentionGroup, PopupMention };

/** What the popup knows about the current tab. */
export type PageState =
  | { kind: 'loading' }
  /** No content script answers there: a browser page, the store, a PDF viewer… */
  | { kind: 'unavailable' }
  /** IOM Lens is paused or turned off for this site, so nothing was looked for. */
  | { kind: 'inactive' }
  /**
   * Mentions found: `count` in every frame, `mentions` the listed ones in list order; `groups` the same
   * split by frame when mentions of a frame are listed (absent when all are the top-level page's).
   */
  | { kind: 'ready'; count: number; mentions: readonly PopupMention[]; groups?: readonly MentionGroup[] };

/** Turns the tab's reports (one per frame that sent one) into what the "On this page" section shows. */
export function pageState(
  reports: PageReport | readonly PageReport[] | null,
  settings: Settings | null,
  url: string | null,
): PageState {
  if (settings && url !== null && hostOf(url) !== null && !isActiveOn(settings, url))
    return { kind: 'inactive' };
  if (reports === null) return { kind: 'unavailable' };
  const all = Array.isArray(reports) ? reports : [reports as PageReport];
  if (all.length === 0) return { kind: 'unavailable' };
  let count = 0;
  for (const report of all) count += Math.max(report.count, report.mentions?.length ?? 0);
  if (all.length === 1 && (all[0]?.frameId ?? 0) === 0)
    return { kind: 'ready', count, mentions: all[0]?.mentions ?? [] };
  const groups = groupByFrame(all);
  const mentions = groups.flatMap((g) => g.mentions);
  return groups.every((g) => g.label === null)
    ? { kind: 'ready', count, mentions }
    : { kind: 'ready', count, mentions, groups };
}
