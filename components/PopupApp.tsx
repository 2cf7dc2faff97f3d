import type { PageReport } from '@/lib/messages';

/** Props of the popup's root view. */
export interface PopupAppProps {
  /** The current tab's report, or null when no content script runs there (e.g. a browser page). */
  report: PageReport | null;
  /** True while the report is being fetched. */
  loading: boolean;
}

/** The popup's root view: what IOM Lens found on the current page. */
export function PopupApp({ report, loading }: PopupAppProps) {
  return (
    <main class="popup">
      <h1>IOM Lens</h1>
      <p data-testid="page-status" aria-live="polite">
        {loading
          ? 'Looking at this page…'
          : report === null
            ? 'IOM Lens does not run on this page.'
            : report.count === 1
              ? '1 mention on this page.'
              : `${report.count} mentions on this page.`}
      </p>
    </main>
  );
}
