import type { ComponentChildren } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { plural, type Translate } from '@/lib/i18n';
import type { EngineState } from '@/lib/search/types';
import { SearchDetail } from './SearchDetail';
import { resultId, SearchResults } from './SearchResults';

export type { EngineState };

/** Props of the search panel. */
export interface SearchPanelProps {
  /** UI strings. */
  t: Translate;
  /** The engine, once loaded. */
  engine: EngineState;
  /** The query to start with (the popup's `?q=`). */
  initialQuery?: string;
  /** Called when the person types: lets the popup start loading the engine if it has not yet. */
  onQueryChange?: (query: string) => void;
  /** Shown while the query is empty (the "On this page" section). */
  children?: ComponentChildren;
}

/** Results shown at most: the popup is small and the ranking puts what matters first. */
export const MAX_RESULTS = 20;

const LIST_ID = 'search-results';

/**
 * The search box with its results and detail view. Keyboard: ↓/↑ move through the results, Enter
 * opens one, Escape goes back from a detail view, then clears the query (then the browser closes the
 * popup, as usual).
 */
export function SearchPanel({ t, engine, initialQuery = '', onQueryChange, children }: SearchPanelProps) {
  const [query, setQuery] = useState(initialQuery);
  const [active, setActive] = useState(0);
  const [openId, setOpenId] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);

  const trimmed = query.trim();
  const hits = useMemo(
    () => (engine.kind === 'ready' && trimmed !== '' ? engine.engine.search(trimmed, MAX_RESULTS) : []),
    [engine, trimmed],
  );
  const opened = openId !== null && engine.kind === 'ready' ? engine.engine.get(openId) : undefined;

  useEffect(() => {
    input.current?.focus();
  }, []);

  // Keep the highlighted result visible when the arrows move past the list's scrolled area.
  useEffect(() => {
    document.getElementById(resultId(LIST_ID, active))?.scrollIntoView?.({ block: 'nearest' });
  }, [active]);

  const change = (next: string) => {
    setQuery(next);
    setActive(0);
    setOpenId(null);
    onQueryChange?.(next);
  };

  const back = () => {
    setOpenId(null);
    input.current?.focus();
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      if (hits.length === 0 || opened) return;
      e.preventDefault();
      const step = e.key === 'ArrowDown' ? 1 : -1;
      setActive((i) => (i + step + hits.length) % hits.length);
    } else if (e.key === 'Enter') {
      const hit = hits[active];
      if (hit && !opened) {
        e.preventDefault();
        setOpenId(hit.entry.id);
      }
    } else if (e.key === 'Escape') {
      if (opened) {
        e.preventDefault();
        back();
      } else if (query !== '') {
        e.preventDefault(); // an Escape in a search box would clear it anyway; do it once, through state
        change('');
      }
    }
  };

  // Escape inside the detail view (focus on its links and buttons) goes back to the results.
  const onDetailKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      back();
    }
  };

  const showResults = trimmed !== '' && !opened;
  return (
    <div class="search">
      <label for="search-input" class="visually-hidden">
        {t('searchLabel')}
      </label>
      {/* biome-ignore lint/a11y/useAriaPropsSupportedByRole: the role is combobox (set through the spread below) */}
      <input
        ref={input}
        id="search-input"
        type="search"
        // ARIA in HTML allows role=combobox on a search input without a `list`; Preact's types only
        // admit it with one, hence the spread.
        {...({ role: 'combobox' } as object)}
        autocomplete="off"
        spellcheck={false}
        placeholder={t('searchPlaceholder')}
        aria-autocomplete="list"
        aria-controls={showResults && hits.length > 0 ? LIST_ID : undefined}
        aria-expanded={showResults && hits.length > 0}
        aria-activedescendant={showResults && hits.length > 0 ? resultId(LIST_ID, active) : undefined}
        aria-describedby="search-hint"
        value={query}
        onInput={(e) => change((e.currentTarget as HTMLInputElement).value)}
        onKeyDown={onKeyDown}
      />
      <p id="search-hint" class="visually-hidden">
        {t('searchHint')}
      </p>
      <p class="search-status muted" aria-live="polite" data-testid="search-status">
        {trimmed === '' || opened ? '' : status()}
      </p>
      {opened ? (
        // biome-ignore lint/a11y/noStaticElementInteractions: catches Escape bubbling from the detail's own controls
        <div onKeyDown={onDetailKeyDown}>
          <SearchDetail t={t} entry={opened} onBack={back} onOpenEntry={setOpenId} />
        </div>
      ) : showResults ? (
        <SearchResults
          t={t}
          hits={hits}
          active={active}
          id={LIST_ID}
          onActivate={setActive}
          onOpen={(i) => {
            const hit = hits[i];
            if (hit) setOpenId(hit.entry.id);
          }}
        />
      ) : (
        children
      )}
    </div>
  );

  function status(): string {
    if (engine.kind === 'loading') return t('searchLoading');
    if (engine.kind === 'failed') return t('searchFailed', engine.reason);
    if (hits.length === 0) return t('searchNoResults', trimmed);
    return plural(t, hits.length, 'searchResultsOne', 'searchResultsOther');
  }
}
