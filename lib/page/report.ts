import type { PageReport, ReportedMention } from '@/lib/messages';
import type { MentionRegistry } from './mention-index';

/**
 * Wait between a change of the page's mentions and the report to the background, in ms: the badge
 * need not follow faster than a person notices, and a page rendering a list changes many times.
 */
export const REPORT_DEBOUNCE_MS = 250;

/** The report for `url`: the count, how many are painted, and the painted ones in document order. */
export function buildReport(url: string, registry: MentionRegistry | null): PageReport {
  if (registry === null) return { url, count: 0, highlighted: 0, mentions: [] };
  const mentions: ReportedMention[] = [];
  for (const entry of registry.entries((e) => e.highlighted)) {
    mentions.push({ id: entry.id, surface: entry.surface, name: entry.name, ...entry.snippet });
  }
  return { url, count: registry.size, highlighted: registry.highlightedCount, mentions };
}

/** Sends reports to the background: debounced, and only when something changed. */
export class Reporter {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private lastSent = '';

  constructor(
    private readonly build: () => PageReport,
    private readonly send: (report: PageReport) => Promise<unknown>,
  ) {}

  /** Sends a report soon (or now with `immediate`). */
  schedule(immediate = false): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (immediate) this.flush();
    else this.timer = setTimeout(() => this.flush(), REPORT_DEBOUNCE_MS);
  }

  /** Cancels a scheduled report. */
  dispose(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private flush(): void {
    this.timer = undefined;
    const report = this.build();
    const key = JSON.stringify(report);
    if (key === this.lastSent) return;
    this.lastSent = key;
    this.send(report).catch(() => {
      // The background can be gone for a moment (extension update, MV3 worker restart): send again
      // with the next change.
      this.lastSent = '';
    });
  }
}
