import type { Translate } from '@/lib/i18n';
import type { SiteState } from '@/lib/settings';

/** Props of the popup's controls. */
export interface PopupControlsProps {
  /** UI strings. */
  t: Translate;
  /** True while paused everywhere; null while settings load. */
  paused: boolean | null;
  /** The current site's state. */
  site: SiteState;
  /** Pauses or resumes everywhere. */
  onPausedChange: (paused: boolean) => void;
  /** Adds the host to the deny list. */
  onSiteOff: (host: string) => void;
  /** Removes the host from the deny list. */
  onSiteOn: (host: string) => void;
  /** The options page's URL (for the link's href). */
  optionsUrl: string;
  /** Opens the options page (the way the browser prefers). */
  onOpenOptions: () => void;
}

/** Pause everywhere, turn off on this site, and the way to the options. */
export function PopupControls({
  t,
  paused,
  site,
  onPausedChange,
  onSiteOff,
  onSiteOn,
  optionsUrl,
  onOpenOptions,
}: PopupControlsProps) {
  return (
    <section class="controls" aria-label={t('controlsLabel')}>
      <label class="check">
        <input
          type="checkbox"
          data-testid="pause"
          checked={paused ?? false}
          disabled={paused === null}
          onChange={(e) => onPausedChange((e.currentTarget as HTMLInputElement).checked)}
        />
        {t('pauseEverywhere')}
      </label>
      {site.kind === 'on' && (
        <button type="button" data-testid="site-off" onClick={() => onSiteOff(site.host)}>
          {t('turnOffOnSite', site.host)}
        </button>
      )}
      {site.kind === 'off-by-host' && (
        <p class="site-state">
          <span>{t('offOnSite', site.host)}</span>{' '}
          <button type="button" data-testid="site-on" onClick={() => onSiteOn(site.host)}>
            {t('turnOnOnSite')}
          </button>
        </p>
      )}
      {site.kind === 'off-by-rule' && (
        <p class="site-state muted" data-testid="site-off-by-rule">
          {t('offOnSiteByRule', site.host)}
        </p>
      )}
      <a
        href={optionsUrl}
        class="options-link"
        onClick={(e) => {
          e.preventDefault();
          onOpenOptions();
        }}
      >
        {t('openOptions')}
      </a>
    </section>
  );
}
