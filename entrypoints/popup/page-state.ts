import type { PageState, PopupMention } from '@/components/PopupPage';
import type { PageReport } from '@/lib/messages';
import { hostOf, isActiveOn } from '@/lib/settings/host-patterns';
import type { Settings } from '@/lib/settings/schema';

/** A report's mention as the content script may send it (fields beyond `count` are optional). */
interface ReportedMention {
  text?: unknown;
  before?: unknown;
  after?: unknown;
  index?: unknown;
}

/** Snippet context kept on each side of a mention in the popup list: a few words, one line. */
const CONTEXT_CHARS = 40;

/** Turns the tab's report into what the "On this page" section shows. */
export function pageState(
  report: PageReport | null,
  settings: Settings | null,
  url: string | null,
): PageState {
  if (settings && url !== null && hostOf(url) !== null && !isActiveOn(settings, url))
    return { kind: 'inactive' };
  if (report === null) return { kind: 'unavailable' };
  const raw = (report as PageReport & { mentions?: unknown }).mentions;
  const list: ReportedMention[] = Array.isArray(raw) ? raw : [];
  const mentions: PopupMention[] = list.flatMap((m, i) => {
    if (typeof m !== 'object' || m === null || typeof m.text !== 'string') return [];
    return [
      {
        index: typeof m.index === 'number' ? m.index : i,
        text: m.text,
        before: typeof m.before === 'string' ? tail(m.before) : '',
        after: typeof m.after === 'string' ? head(m.after) : '',
      },
    ];
  });
  return { kind: 'ready', count: Math.max(report.count, mentions.length), mentions };
}

function tail(s: string): string {
  const one = s.replace(/\s+/g, ' ');
  return one.length <= CONTEXT_CHARS ? one : one.slice(one.length - CONTEXT_CHARS).replace(/^\S*\s/, '');
}

function head(s: string): string {
  const one = s.replace(/\s+/g, ' ');
  return one.length <= CONTEXT_CHARS ? one : one.slice(0, CONTEXT_CHARS).replace(/\s\S*$/, '');
}
