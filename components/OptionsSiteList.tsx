import { useState } from 'preact/hooks';
import type { Translate } from '@/lib/i18n';
import { MAX_HOST_PATTERNS, normalizeHostPattern } from '@/lib/settings';

/** Props of one editable list of site patterns (allow or deny). */
export interface OptionsSiteListProps {
  /** UI strings. */
  t: Translate;
  /** Prefix for element ids, unique on the page. */
  id: string;
  /** The list's heading. */
  legend: string;
  /** One sentence on what the list does. */
  help: string;
  /** The patterns, normalized. */
  patterns: readonly string[];
  /** Stores a new list; rejects with a message to show when it could not be stored. */
  onChange: (next: string[]) => Promise<void>;
}

/** An editable list of host patterns: add with validation, remove one by one. */
export function OptionsSiteList({ t, id, legend, help, patterns, onChange }: OptionsSiteListProps) {
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string | null>(null);

  const add = async (event: Event) => {
    event.preventDefault();
    const pattern = normalizeHostPattern(draft);
    if (pattern === null) {
      setError(draft.trim() === '' ? t('sitesEmpty') : t('sitesInvalid', draft.trim()));
      return;
    }
    if (patterns.includes(pattern)) {
      setError(t('sitesDuplicate', pattern));
      return;
    }
    if (patterns.length >= MAX_HOST_PATTERNS) {
      setError(t('sitesTooMany', String(MAX_HOST_PATTERNS)));
      return;
    }
    try {
      await onChange([...patterns, pattern]);
      setDraft('');
      setError(null);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  const remove = async (pattern: string) => {
    try {
      await onChange(patterns.filter((p) => p !== pattern));
      setError(null);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  const errorId = `${id}-error`;
  const helpId = `${id}-help`;
  return (
    <fieldset class="site-list" data-testid={`${id}-list`}>
      <legend>{legend}</legend>
      <p id={helpId} class="muted">
        {help}
      </p>
      {patterns.length === 0 ? (
        <p class="muted empty">{t('sitesNone')}</p>
      ) : (
        <ul class="plain patterns">
          {patterns.map((pattern) => (
            <li key={pattern}>
              <code>{pattern}</code>
              <button
                type="button"
                onClick={() => void remove(pattern)}
                aria-label={t('sitesRemoveLabel', pattern)}
              >
                {t('sitesRemove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form class="add" onSubmit={(e) => void add(e)}>
        <label for={`${id}-input`}>{t('sitesAddLabel')}</label>
        <input
          id={`${id}-input`}
          type="text"
          inputMode="url"
          autocomplete="off"
          spellcheck={false}
          placeholder="*.example.org"
          value={draft}
          aria-describedby={error ? `${helpId} ${errorId}` : helpId}
          aria-invalid={error ? true : undefined}
          onInput={(e) => setDraft((e.currentTarget as HTMLInputElement).value)}
        />
        <button type="submit">{t('sitesAdd')}</button>
      </form>
      {error && (
        <p id={errorId} class="error" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}
