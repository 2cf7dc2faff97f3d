import type { MessageKey, Translate } from '@/lib/i18n';
import { formatIsoDate } from '@/lib/i18n/dates';
import type { Entry, EntryKind, SearchHit } from '@/lib/search/types';
import { nameFormLabel, sourceKindLabel } from './labels';

/** Label of each kind of entry. */
export const KIND_LABELS: Record<EntryKind, MessageKey> = {
  name: 'kindName',
  fact: 'kindFact',
  event: 'kindEvent',
  source: 'kindSource',
};

/** Props of the results list. */
export interface SearchResultsProps {
  /** UI strings. */
  t: Translate;
  /** The results, best first. */
  hits: readonly SearchHit[];
  /** Index of the highlighted result (keyboard or pointer). */
  active: number;
  /** Id of the list, referenced by the search box. */
  id: string;
  /** Highlights a result. */
  onActivate: (index: number) => void;
  /** Opens a result. */
  onOpen: (index: number) => void;
}

/** Id of one result's element, for `aria-activedescendant`. */
export function resultId(listId: string, index: number): string {
  return `${listId}-${index}`;
}

/**
 * The results as a listbox driven from the search box (`aria-activedescendant`): focus stays in the
 * box while arrows move the highlight, as in any combobox.
 */
export function SearchResults({ t, hits, active, id, onActivate, onOpen }: SearchResultsProps) {
  return (
    // The ARIA combobox pattern: a listbox of options driven from the search box, not focusable itself.
    <div role="listbox" id={id} class="results" aria-label={t('resultsLabel')}>
      {hits.map((hit, i) => (
        // Options are reached with the arrow keys from the search box (aria-activedescendant), so
        // they take no focus and no keys of their own.
        // biome-ignore lint/a11y/useKeyWithClickEvents: the search box handles the keys
        // biome-ignore lint/a11y/useFocusableInteractive: focus stays in the search box
        <div
          key={hit.entry.id}
          id={resultId(id, i)}
          role="option"
          aria-selected={i === active}
          class={i === active ? 'result active' : 'result'}
          data-kind={hit.entry.kind}
          onMouseMove={() => i !== active && onActivate(i)}
          onClick={() => onOpen(i)}
        >
          <span class="kind">{t(KIND_LABELS[hit.entry.kind])}</span>
          <span class="title">{hit.entry.title}</span>
          <span class="sub muted">{subtitle(t, hit.entry)}</span>
          {hit.entry.kind === 'name' && hit.entry.note && <span class="note muted">{hit.entry.note}</span>}
        </div>
      ))}
    </div>
  );
}

/** One line under a result's title: what tells it apart from its neighbours. */
export function subtitle(t: Translate, entry: Entry): string {
  switch (entry.kind) {
    case 'name': {
      const years = `${formatIsoDate(entry.from.slice(0, 4), t.lang)}–${entry.to ? formatIsoDate(entry.to.slice(0, 4), t.lang) : ''}`;
      // A variant, misnomer or alias says so first: it is not a name of the organization in its own right.
      return [
        nameFormLabel(t, entry),
        entry.acronym,
        entry.era !== entry.acronym ? entry.era : null,
        entry.lang.toUpperCase(),
        years,
      ]
        .filter(Boolean)
        .join(' · ');
    }
    case 'fact':
      return [entry.subject, entry.value, entry.asOf ? t('asOf', formatIsoDate(entry.asOf, t.lang)) : null]
        .filter(Boolean)
        .join(' · ');
    case 'event':
      return formatIsoDate(entry.date, t.lang);
    case 'source':
      return [sourceKindLabel(t, entry.sourceKind), entry.date ? formatIsoDate(entry.date, t.lang) : null]
        .filter(Boolean)
        .join(' · ');
  }
}
