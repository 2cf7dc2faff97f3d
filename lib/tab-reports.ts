import type { PageReport } from './messages';

/** Per-tab mention reports kept by the background, forgotten when a tab closes or navigates. */
export class TabReports {
  private readonly byTab = new Map<number, PageReport>();

  set(tabId: number, report: PageReport): void {
    this.byTab.set(tabId, report);
  }

  get(tabId: number): PageReport | null {
    return this.byTab.get(tabId) ?? null;
  }

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
