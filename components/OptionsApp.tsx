import { useState } from 'preact/hooks';
import type { MessageKey, Translate } from '@/lib/i18n';
import {
  type Era,
  HIGHLIGHT_STYLES,
  type HighlightStyle,
  HOVER_DELAY_MAX_MS,
  HOVER_DELAY_MIN_MS,
  HOVER_DELAY_STEP_MS,
  type Settings,
  type SettingsPatch,
} from '@/lib/settings';
import { OptionsBackup } from './OptionsBackup';
import { OptionsSiteList } from './OptionsSiteList';

/** One former or current name, as the options page lists it. */
export interface EraInfo {
  /** The era this name belongs to. */
  era: Era;
  /** The acronym in the UI's language (ICEM, CIME…). */
  acronym: string;
  /** The full name in the UI's language. */
  name: string;
  /** The year the name came into use. */
  from: string;
  /** The year it went out of use; null for the current name. */
  to: string | null;
}

/** Props of the options page's root view. */
export interface OptionsAppProps {
  /** UI strings. */
  t: Translate;
  /** The current settings; null while they load. */
  settings: Settings | null;
  /** The names to offer, oldest first. */
  eras: readonly EraInfo[];
  /** Stores a change; rejects with a message fit to show when it could not be stored. */
  onSave: (patch: SettingsPatch) => Promise<void>;
  /** Puts every setting back to its default. */
  onReset: () => Promise<void>;
  /** Downloads the settings as a JSON file. */
  onExport: () => void;
  /** Applies a settings file's text; resolves with the reason it was refused, or null when applied. */
  onImport: (text: string) => Promise<string | null>;
}

const STYLE_LABELS: Record<HighlightStyle, MessageKey> = {
  underline: 'styleUnderline',
  background: 'styleBackground',
  none: 'styleNone',
};

/** The options page: detection, appearance, sites, backup. Every change is saved at once. */
export function OptionsApp({ t, settings, eras, onSave, onReset, onExport, onImport }: OptionsAppProps) {
  const [saveError, setSaveError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [delayDraft, setDelayDraft] = useState<number | null>(null);

  const save = async (patch: SettingsPatch) => {
    try {
      await onSave(patch);
      setSaveError(null);
      setSaved(true);
    } catch (e) {
      setSaveError(e instanceof Error ? e.message : String(e));
      setSaved(false);
      throw e;
    }
  };
  const saveQuietly = (patch: SettingsPatch) => void save(patch).catch(() => {});
  // The site lists show their own errors beside the field; only success is reported here.
  const saveInline = async (patch: SettingsPatch) => {
    await onSave(patch);
    setSaveError(null);
    setSaved(true);
  };

  if (settings === null) {
    return (
      <main class="options">
        <h1>{t('optionsTitle')}</h1>
        <p class="muted" role="status">
          {t('loading')}
        </p>
      </main>
    );
  }

  const delay = delayDraft ?? settings.hoverDelayMs;
  return (
    <main class="options">
      <header>
        <h1>{t('optionsTitle')}</h1>
        <p class="muted intro">{t('privacyNote')}</p>
      </header>

      <section aria-labelledby="detection-heading" class="card">
        <h2 id="detection-heading">{t('detectionHeading')}</h2>
        <label class="check">
          <input
            type="checkbox"
            checked={settings.paused}
            onChange={(e) => saveQuietly({ paused: (e.currentTarget as HTMLInputElement).checked })}
          />
          {t('pauseEverywhere')}
        </label>
        <fieldset>
          <legend>{t('erasLegend')}</legend>
          <p class="muted" id="eras-help">
            {t('erasHelp')}
          </p>
          {eras.map((info) => (
            <label class="check" key={info.era}>
              <input
                type="checkbox"
                checked={settings.eras[info.era]}
                aria-describedby="eras-help"
                onChange={(e) =>
                  saveQuietly({ eras: { [info.era]: (e.currentTarget as HTMLInputElement).checked } })
                }
              />
              <span>
                <strong>{info.acronym}</strong> — {info.name}{' '}
                <span class="muted">({info.to ? `${info.from}–${info.to}` : t('sinceYear', info.from)})</span>
              </span>
            </label>
          ))}
        </fieldset>
      </section>

      <section aria-labelledby="appearance-heading" class="card">
        <h2 id="appearance-heading">{t('appearanceHeading')}</h2>
        <fieldset>
          <legend>{t('styleLegend')}</legend>
          {HIGHLIGHT_STYLES.map((style) => (
            <label class="check" key={style}>
              <input
                type="radio"
                name="highlight-style"
                value={style}
                checked={settings.highlightStyle === style}
                onChange={() => saveQuietly({ highlightStyle: style })}
              />
              <span class={`style-sample style-${style}`}>{t(STYLE_LABELS[style])}</span>
            </label>
          ))}
        </fieldset>
        <div class="delay">
          <label for="hover-delay">{t('hoverDelayLabel')}</label>
          <input
            id="hover-delay"
            type="range"
            min={HOVER_DELAY_MIN_MS}
            max={HOVER_DELAY_MAX_MS}
            step={HOVER_DELAY_STEP_MS}
            value={delay}
            aria-valuetext={t('milliseconds', String(delay))}
            aria-describedby="hover-delay-help"
            onInput={(e) => setDelayDraft(Number((e.currentTarget as HTMLInputElement).value))}
            onChange={(e) => {
              const value = Number((e.currentTarget as HTMLInputElement).value);
              setDelayDraft(null);
              saveQuietly({ hoverDelayMs: value });
            }}
          />
          <output for="hover-delay" data-testid="hover-delay-value">
            {t('milliseconds', String(delay))}
          </output>
          <p class="muted" id="hover-delay-help">
            {t('hoverDelayHelp')}
          </p>
        </div>
        <label class="check">
          <input
            type="checkbox"
            checked={settings.factsAsOfPageDate}
            aria-describedby="page-date-help"
            data-testid="page-date-option"
            onChange={(e) =>
              saveQuietly({ factsAsOfPageDate: (e.currentTarget as HTMLInputElement).checked })
            }
          />
          {t('pageDateLabel')}
        </label>
        <p class="muted" id="page-date-help">
          {t('pageDateHelp')}
        </p>
      </section>

      <section aria-labelledby="sites-heading" class="card">
        <h2 id="sites-heading">{t('sitesHeading')}</h2>
        <p class="muted">{t('sitesWildcardHelp')}</p>
        <OptionsSiteList
          t={t}
          id="deny"
          legend={t('denyLegend')}
          help={t('denyHelp')}
          patterns={settings.deny}
          onChange={(deny) => saveInline({ deny })}
        />
        <OptionsSiteList
          t={t}
          id="allow"
          legend={t('allowLegend')}
          help={t('allowHelp')}
          patterns={settings.allow}
          onChange={(allow) => saveInline({ allow })}
        />
      </section>

      <OptionsBackup t={t} onExport={onExport} onImport={onImport} onReset={onReset} />

      <div aria-live="polite" class="save-status" data-testid="save-status">
        {saveError ? (
          <p class="error" role="alert">
            {saveError}
          </p>
        ) : saved ? (
          <p class="ok">{t('saved')}</p>
        ) : null}
      </div>
    </main>
  );
}
