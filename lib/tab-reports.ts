import type { PageReport } from './messages';

/** The top-level page's frame id in every browser. */
export const TOP_FRAME_ID = 0;

/**
 * Mention reports kept by the background, per tab and per frame of the tab (each frame runs its own
 * lens and reports for itself): a frame is forgotten when it goes, a tab when it closes or its
 * top-level page goes.
 */
export class TabReports {
  private readonly byTab = new Map<number, Map<number, PageReport>>();

  /** Keeps `report` as frame `frameId`'s of tab `tabId` (the top-level page's when no frame is named). */
  set(tabId: number, report: PageReport, frameId: number = TOP_FRAME_ID): void {
    const frames = this.byTab.get(tabId) ?? new Map<number, PageReport>();
    this.byTab.set(tabId, frames);
    frames.set(frameId, { ...report, frameId });
  }

  /** The top-level page's report, as the tab's report was before frames: null when it sent none. */
  get(tabId: number): PageReport | null {
    return this.byTab.get(tabId)?.get(TOP_FRAME_ID) ?? null;
  }

  /** Every frame's report, each with its `frameId`: the top-level page first, then by frame id. */
  frames(tabId: number): PageReport[] {
    const frames = this.byTab.get(tabId);
    if (!frames) return [];
    return [...frames.values()].sort((a, b) => (a.frameId ?? 0) - (b.frameId ?? 0));
  }

  /** Mentions found in the whole tab: every frame's count, summed (the badge shows it). */
  count(tabId: number): number {
    let total = 0;
    for (const report of this.byTab.get(tabId)?.values() ?? []) total += report.count;
    return total;
  }

  /** Forgets one frame; the top-level page going takes the whole tab's reports with it. */
  forgetFrame(tabId: number, frameId: number): boolean {
    if (frameId === TOP_FRAME_ID) return this.byTab.delete(tabId);
    return this.byTab.get(tabId)?.delete(frameId) ?? false;
  }

  /** Forgets every report of the tab. */
  forget(tabId: number): void {
    this.byTab.delete(tabId);
  }
}

/** Badge text for a mention count: empty for none, "999+" past what fits on the badge. */
export function badgeText(count: number): string {
  const BADGE_MAX = 999; // four characters is all a toolbar badge shows legibly
  if (count <= 0) return '';
  return count > BADGE_MAX ? `${BADGE_MAX}+` : String(count);
}
