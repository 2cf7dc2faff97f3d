import type { PageState } from '@/components/PopupPage';
import type { PageReport } from '@/lib/messages';
import { hostOf, isActiveOn } from '@/lib/settings/host-patterns';
import type { Settings } from '@/lib/settings/schema';

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
