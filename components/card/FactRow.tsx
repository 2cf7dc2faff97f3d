import { useId, useState } from 'preact/hooks';
import type { CardFactRow } from '@/lib/card/types';
import { plural, type Translate } from '@/lib/i18n';
import { ConflictDetails } from './ConflictDetails';

/** Props of one key fact. */
export interface FactRowProps {
  /** The fact. */
  row: CardFactRow;
  /** Its label, already translated. */
  label: string;
  /** Strings in the card's language. */
  t: Translate;
}

/**
 * One key fact: label, value, as-of date; a marker that expands to what the sources said when they
 * disagreed; the number of sources, expanding to their titles. Both expanders are buttons with
 * aria-expanded, so keyboard and screen-reader users get them as everyone else does.
 */
export function FactRow({ row, label, t }: FactRowProps) {
  const [showSources, setShowSources] = useState(false);
  const [showConflict, setShowConflict] = useState(false);
  const id = useId();
  const sourcesId = `${id}-sources`;
  const conflictId = `${id}-conflict`;
  const disputed = row.status === 'disputed';
  return (
    <div class="fact" data-fact={row.id} data-status={row.status}>
      <dt>{label}</dt>
      <dd>
        <span class="value">{row.value}</span>
        {row.asOf && (
          <span class="asof">
            {' '}
            {t(row.asOf.kind === 'tenure' ? 'card_since' : 'card_asOf', row.asOf.date)}
          </span>
        )}
        <span class="meta">
          {row.conflicts.length > 0 && (
            <button
              type="button"
              class={disputed ? 'marker disputed' : 'marker resolved'}
              aria-expanded={showConflict}
              aria-controls={conflictId}
              onClick={() => setShowConflict(!showConflict)}
            >
              <span aria-hidden="true">{disputed ? '⚠' : '⚑'}</span>{' '}
              {t(disputed ? 'card_markerDisputed' : 'card_markerResolved')}
            </button>
          )}
          <button
            type="button"
            class="sources-toggle"
            aria-expanded={showSources}
            aria-controls={sourcesId}
            onClick={() => setShowSources(!showSources)}
          >
            {plural(t, row.sources.length, 'card_sourcesOne', 'card_sourcesOther')}
          </button>
        </span>
        {showConflict && <ConflictDetails id={conflictId} conflicts={row.conflicts} t={t} />}
        {showSources && (
          <ul id={sourcesId} class="sources">
            {row.sources.map((s) => (
              <li key={s.id}>{s.title}</li>
            ))}
          </ul>
        )}
      </dd>
    </div>
  );
}
