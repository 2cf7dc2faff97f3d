/**
 * Puts the mentions of a tab's frames in one list for the popup. Each frame reports for itself; the
 * top-level page's report also says where its frames sit among its mentions (`frames`), so a frame it
 * can place comes in page order, between the top page's mentions. A frame it cannot place (nested in
 * another frame, or navigated away from its `src`) comes after them, still as a group of its own.
 */
import type { PageReport, ReportedMention } from '@/lib/messages';
import { TOP_FRAME_ID } from '@/lib/tab-reports';

/**
 * One mention on the page, as the popup lists it: its id, the text around it, and the frame it is in
 * (absent or 0: the top-level page).
 */
export type PopupMention = Pick<ReportedMention, 'id' | 'before' | 'text' | 'after'> & { frameId?: number };

/** Mentions listed together: a run of the top-level page's (label null) or one frame's (labelled). */
export interface MentionGroup {
  /** The frame they are in (0: the top-level page). */
  frameId: number;
  /** What names the frame for the reader (its title or site); null for the top-level page. */
  label: string | null;
  mentions: readonly PopupMention[];
}

/** The frame a report is from: the top-level page when it does not say. */
const frameOf = (report: PageReport) => report.frameId ?? TOP_FRAME_ID;

/** The groups of mentions to list, in page order where it is known; groups without mentions left out. */
export function groupByFrame(reports: readonly PageReport[]): MentionGroup[] {
  const top = reports.find((r) => frameOf(r) === TOP_FRAME_ID);
  const others = reports.filter((r) => r !== top).sort((a, b) => frameOf(a) - frameOf(b));
  const placed = new Map<number, PageReport[]>(); // top-page mention index → frames just before it
  const unplaced = new Set(others);
  for (const slot of top?.frames ?? []) {
    const frame = [...unplaced].find((r) => r.url === slot.url);
    if (!frame) continue;
    unplaced.delete(frame);
    placed.set(slot.after, [...(placed.get(slot.after) ?? []), frame]);
  }
  const groups: MentionGroup[] = [];
  const push = (group: MentionGroup) => {
    if (group.mentions.length > 0) groups.push(group);
  };
  const topMentions = top ? mentionsOf(top) : [];
  let chunk: PopupMention[] = [];
  for (let i = 0; i <= topMentions.length; i++) {
    const frames = placed.get(Math.min(i, topMentions.length)) ?? [];
    if (frames.length > 0) {
      push({ frameId: TOP_FRAME_ID, label: null, mentions: chunk });
      chunk = [];
      for (const frame of frames) push(frameGroup(frame));
    }
    const mention = topMentions[i];
    if (mention) chunk.push(mention);
  }
  push({ frameId: TOP_FRAME_ID, label: null, mentions: chunk });
  for (const frame of unplaced) push(frameGroup(frame));
  return groups;
}

/** A report's painted mentions as the popup lists them, each naming its frame. */
function mentionsOf(report: PageReport): PopupMention[] {
  const frameId = frameOf(report);
  return (report.mentions ?? []).map(({ id, before, text, after }) => ({ id, before, text, after, frameId }));
}

function frameGroup(report: PageReport): MentionGroup {
  return { frameId: frameOf(report), label: frameLabel(report), mentions: mentionsOf(report) };
}

/** What names a frame for a reader: its title, else its site, else its address (an `about:srcdoc` frame). */
export function frameLabel(report: Pick<PageReport, 'title' | 'url'>): string {
  const title = report.title?.trim();
  if (title) return title;
  try {
    const { host } = new URL(report.url);
    if (host) return host;
  } catch {
    // not a URL: said as it is below
  }
  return report.url;
}
