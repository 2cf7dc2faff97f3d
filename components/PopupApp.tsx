import { type EngineState, SearchPanel } from '@/components/search/SearchPanel';
import type { Translate } from '@/lib/i18n';
import type { PageState } from '@/lib/popup/page-state';
import type { SiteState } from '@/lib/settings';
import { PopupControls } from './PopupControls';
import { PopupPage } from './PopupPage';

/** Props of the popup's root view. */
export interface PopupAppProps {
  /** UI strings. */
  t: Translate;
  /** The current tab's mentions. */
  page: PageState;
  /** True while paused everywhere; null while settings load. */
  paused: boolean | null;
  /** The current tab's site with the site rules. */
  site: SiteState;
  /** The search engine, loaded after the first render. */
  engine: EngineState;
  /** The search to start with (`popup.html?q=…`). */
  initialQuery?: string;
  /** Called as the person types (starts loading the engine if needed). */
  onQueryChange?: (query: string) => void;
  /** Scrolls the page to a mention and opens its card. */
  onReveal: (id: number, frameId?: number) => void;
  /** Pauses or resumes everywhere. */
  onPausedChange: (paused: boolean) => void;
  /** Adds the host to the deny list. */
  onSiteOff: (host: string) => void;
  /** Removes the host from the deny list. */
  onSiteOn: (host: string) => void;
  /** The options page URL. */
  optionsUrl: string;
  /** Opens the options page. */
  onOpenOptions: () => void;
  /** Why the last change could not be made (a settings write refused), or null. */
  error?: string | null;
}

/** The popup: search everything IOM Lens knows; below it, this page's mentions and the controls. */
export function PopupApp(props: PopupAppProps) {
  const { t, page, paused, site, engine, initialQuery, onQueryChange, onReveal } = props;
  return (
    <main class="popup">
      <header class="popup-header">
        <h1>{t('extName')}</h1>
        {paused && (
          <span class="badge paused" data-testid="paused-badge">
            {t('pausedNote')}
          </span>
        )}
      </header>
      <SearchPanel t={t} engine={engine} initialQuery={initialQuery} onQueryChange={onQueryChange}>
        <PopupPage t={t} page={page} onReveal={onReveal} />
      </SearchPanel>
      <PopupControls
        t={t}
        paused={paused}
        site={site}
        onPausedChange={props.onPausedChange}
        onSiteOff={props.onSiteOff}
        onSiteOn={props.onSiteOn}
        optionsUrl={props.optionsUrl}
        onOpenOptions={props.onOpenOptions}
      />
      {props.error && (
        <p class="error" role="alert" data-testid="popup-error">
          {props.error}
        </p>
      )}
    </main>
  );
}
