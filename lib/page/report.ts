import type { FrameSlot, PageReport, ReportedMention } from '@/lib/messages';
import type { MentionEntry, MentionRegistry } from './mention-index';

/**
 * Wait between a change of the page's mentions and the report to the background, in ms: the badge
 * need not follow faster than a person notices, and a page rendering a list changes many times.
 */
export const REPORT_DEBOUNCE_MS = 250;

/** Most frames a report places (lib/message-policy.ts refuses more). */
const MAX_FRAME_SLOTS = 200;

/**
 * The report for `url`: the count, how many are painted, and the painted ones in document order; with
 * `doc`, also its title and where its frames sit among the mentions (the popup's page order).
 */
export function buildReport(url: string, registry: MentionRegistry | null, doc?: Document): PageReport {
  const context = doc ? { ...(doc.title ? { title: doc.title } : {}), ...frameSlots(doc, registry) } : {};
  if (registry === null) return { url, count: 0, highlighted: 0, mentions: [], ...context };
  const mentions: ReportedMention[] = [];
  for (const entry of registry.entries((e) => e.highlighted)) {
    mentions.push({ id: entry.id, surface: entry.surface, name: entry.name, ...entry.snippet });
  }
  return { url, count: registry.size, highlighted: registry.highlightedCount, mentions, ...context };
}

/** The document's frames in document order, each with how many painted mentions come before it. */
function frameSlots(doc: Document, registry: MentionRegistry | null): { frames?: FrameSlot[] } {
  const elements = [...doc.querySelectorAll<HTMLIFrameElement>('iframe, frame')].slice(0, MAX_FRAME_SLOTS);
  if (elements.length === 0) return {};
  const painted: MentionEntry[] = registry ? [...registry.entries((e) => e.highlighted)] : [];
  const frames = elements.map((element) => ({
    url: frameUrl(element),
    after: painted.filter(
      (entry) =>
        element.compareDocumentPosition(entry.range.startContainer) & Node.DOCUMENT_POSITION_PRECEDING,
    ).length,
  }));
  return { frames };
}

/** Where a frame is: its document's URL when this document may read it (same origin), else its `src`. */
function frameUrl(element: HTMLIFrameElement): string {
  try {
    const href = element.contentWindow?.location.href;
    if (href) return href;
  } catch {
    // a cross-origin frame: only its src can be read
  }
  return element.src || 'about:blank';
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
