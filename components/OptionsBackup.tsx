import { useEffect, useRef, useState } from 'preact/hooks';
import type { Translate } from '@/lib/i18n';

/** Props of the backup section: export, import, reset. */
export interface OptionsBackupProps {
  /** UI strings. */
  t: Translate;
  /** Downloads the settings as a JSON file. */
  onExport: () => void;
  /** Applies a settings file's text; resolves with the reason it was refused, or null when applied. */
  onImport: (text: string) => Promise<string | null>;
  /** Puts every setting back to its default. */
  onReset: () => Promise<void>;
}

/** The largest settings file read: real ones are a few hundred bytes; this refuses a wrong pick early. */
const MAX_IMPORT_BYTES = 256 * 1024;

type Status = { kind: 'ok' | 'error'; text: string } | null;

/** Export and import of the settings as a JSON file, and reset to defaults with a confirmation step. */
export function OptionsBackup({ t, onExport, onImport, onReset }: OptionsBackupProps) {
  const [status, setStatus] = useState<Status>(null);
  const [confirming, setConfirming] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const confirmButton = useRef<HTMLButtonElement>(null);
  const resetButton = useRef<HTMLButtonElement>(null);
  const [returnFocus, setReturnFocus] = useState(false);

  // The button that was clicked disappears when the question appears (and comes back after it):
  // move focus along so keyboard users do not land on <body>.
  useEffect(() => {
    if (confirming) confirmButton.current?.focus();
    else if (returnFocus) resetButton.current?.focus();
  }, [confirming, returnFocus]);

  const importFile = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    input.value = ''; // choosing the same file again must fire `change` again
    if (!file) return;
    if (file.size > MAX_IMPORT_BYTES) {
      setStatus({ kind: 'error', text: t('importRefused', [file.name, t('importTooLarge')]) });
      return;
    }
    const error = await onImport(await file.text());
    setStatus(
      error === null
        ? { kind: 'ok', text: t('importDone', file.name) }
        : { kind: 'error', text: t('importRefused', [file.name, error]) },
    );
  };

  const reset = async () => {
    setReturnFocus(true);
    setConfirming(false);
    try {
      await onReset();
      setStatus({ kind: 'ok', text: t('resetDone') });
    } catch (e) {
      setStatus({ kind: 'error', text: e instanceof Error ? e.message : String(e) });
    }
  };

  return (
    <section aria-labelledby="backup-heading" class="card">
      <h2 id="backup-heading">{t('backupHeading')}</h2>
      <p class="muted">{t('backupHelp')}</p>
      <div class="row">
        <button type="button" onClick={onExport}>
          {t('exportButton')}
        </button>
        <button type="button" onClick={() => fileInput.current?.click()}>
          {t('importButton')}
        </button>
        <input
          ref={fileInput}
          type="file"
          accept="application/json,.json"
          class="visually-hidden"
          tabIndex={-1}
          aria-label={t('importButton')}
          data-testid="import-file"
          onChange={(e) => void importFile(e.currentTarget as HTMLInputElement)}
        />
        {confirming ? (
          <fieldset class="confirm">
            <legend>{t('resetConfirmQuestion')}</legend>
            <button ref={confirmButton} type="button" class="danger" onClick={() => void reset()}>
              {t('resetConfirm')}
            </button>
            <button
              type="button"
              onClick={() => {
                setReturnFocus(true);
                setConfirming(false);
              }}
            >
              {t('cancel')}
            </button>
          </fieldset>
        ) : (
          <button ref={resetButton} type="button" onClick={() => setConfirming(true)}>
            {t('resetButton')}
          </button>
        )}
      </div>
      <div aria-live="polite" data-testid="backup-status">
        {status && (
          <p
            class={status.kind === 'ok' ? 'ok' : 'error'}
            role={status.kind === 'error' ? 'alert' : undefined}
          >
            {status.text}
          </p>
        )}
      </div>
    </section>
  );
}
