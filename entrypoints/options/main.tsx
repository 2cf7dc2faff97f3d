import { render } from 'preact';
import { browser } from 'wxt/browser';
import '@/components/Popup.css';
import './style.css';
import { type EraInfo, OptionsApp } from '@/components/OptionsApp';
import names from '@/data/compiled/names.json';
import { type MessageKey, translatorFromBrowser } from '@/lib/i18n';
import { eraLabels } from '@/lib/i18n/eras';
import { saveFailureText, settingsFileProblemText } from '@/lib/i18n/settings-messages';
import {
  defaultSettings,
  ERAS,
  loadSettings,
  parseSettingsFile,
  SETTINGS_FILE_NAME,
  type Settings,
  SettingsError,
  saveSettings,
  serializeSettingsFile,
  watchSettings,
} from '@/lib/settings';

const root = document.getElementById('app');
if (root) mount(root);

/** Wires the options view to storage: it re-renders whenever the settings change, here or elsewhere. */
function mount(root: HTMLElement) {
  const t = translatorFromBrowser((key, subs) => browser.i18n.getMessage(key as MessageKey, subs));
  document.documentElement.lang = t.lang;
  document.title = t('optionsTitle');
  const eras: EraInfo[] = eraLabels(names.names, ERAS, t.lang);
  let settings: Settings | null = null;

  const draw = () =>
    render(
      <OptionsApp
        t={t}
        settings={settings}
        eras={eras}
        onSave={async (patch) => {
          settings = await saveSettings(patch).catch(localizeSaveError);
          draw();
        }}
        onReset={async () => {
          settings = await saveSettings(defaultSettings()).catch(localizeSaveError);
          draw();
        }}
        onExport={() => {
          if (settings) download(SETTINGS_FILE_NAME, serializeSettingsFile(settings));
        }}
        onImport={async (text) => {
          const parsed = parseSettingsFile(text);
          if (!parsed.ok) return settingsFileProblemText(t, parsed.problem);
          try {
            settings = await saveSettings(parsed.settings);
          } catch (e) {
            return e instanceof SettingsError ? saveFailureText(t, e.reason) : String(e);
          }
          draw();
          return null;
        }}
      />,
      root,
    );

  /** Rethrows a refused save with its reason in the UI's language (the view shows the message). */
  function localizeSaveError(error: unknown): never {
    if (error instanceof SettingsError) throw new Error(saveFailureText(t, error.reason));
    throw error;
  }

  draw();
  watchSettings((next) => {
    settings = next;
    draw();
  });
  void loadSettings().then((loaded) => {
    settings = loaded;
    draw();
  });
}

/** Saves `text` as a file through a temporary link (needs no `downloads` permission). */
function download(fileName: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  // Revoking at once can cancel the download in Firefox; a minute is far more than it needs.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
