import type { PageState, PopupMention } from '@/components/PopupPage';
import type { PageReport, ReportedMention } from '@/lib/messages';
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
  const mentions = (report.mentions ?? []).map(popupMention);
  return { kind: 'ready', count: Math.max(report.count, mentions.length), mentions };
}

/** Splits a mention's snippet around the mention, so the list can mark it. */
export function popupMention(m: ReportedMention): PopupMention {
  const snippet = m.snippet.replace(/\s+/g, ' ');
  const surface = m.surface.replace(/\s+/g, ' ');
  // The snippet is centred on the mention: of several occurrences, take the one nearest the middle.
  let best = -1;
  for (let at = snippet.indexOf(surface); at >= 0; at = snippet.indexOf(surface, at + 1)) {
    const middle = snippet.length / 2;
    if (best < 0 || Math.abs(at + surface.length / 2 - middle) < Math.abs(best + surface.length / 2 - middle))
      best = at;
  }
  if (best < 0) return { index: m.index, text: surface, before: '', after: '' };
  return {
    index: m.index,
    text: snippet.slice(best, best + surface.length),
    before: snippet.slice(0, best),
    after: snippet.slice(best + surface.length),
  };
}
