import { useId, useState } from 'preact/hooks';
import type { CardCell, CardMark } from '@/lib/card/types';
import { plural, type Translate } from '@/lib/i18n';
import { ConflictDetails } from './ConflictDetails';

/** Props of one fact's value. */
export interface FactRowProps {
  /** Row id (a test and style hook). */
  id: string;
  /** The value, with its date, marks and sources. */
  cell: CardCell;
  /** Its label, already translated. */
  label: string;
  /** Strings in the card's language. */
  t: Translate;
}

const MARK_KEYS: Record<CardMark, Parameters<Translate>[0]> = {
  approximate: 'card_mark_approximate',
  projected: 'card_mark_projected',
  'single-source': 'card_mark_singleSource',
};

/**
 * One fact: label, value, as-of date and marks ("projected", "single source, unverified"); a marker that
 * expands to what the sources said when they disagreed; the number of supporting sources, expanding to
 * their titles and to the sources whose claims were rejected, with why. Both expanders are buttons with
 * aria-expanded, so keyboard and screen-reader users get them as everyone else does.
 */
export function FactRow({ id, cell, label, t }: FactRowProps) {
  const [showSources, setShowSources] = useState(false);
  const [showConflict, setShowConflict] = useState(false);
  const uid = useId();
  const sourcesId = `${uid}-sources`;
  const conflictId = `${uid}-conflict`;
  const disputed = cell.status === 'disputed';
  return (
    <div class="fact" data-fact={id} data-status={cell.status} data-unknown={cell.unknown ? '' : undefined}>
      <dt>{label}</dt>
      <dd>
        <span class="value">{cell.value}</span>
        {cell.asOfText && <span class="asof"> {cell.asOfText}</span>}
        {cell.marks.map((mark) => (
          <span key={mark} class="mark" data-mark={mark}>
            {' '}
            {t(MARK_KEYS[mark])}
          </span>
        ))}
        {(cell.sources.length > 0 || cell.conflicts.length > 0) && (
          <span class="meta">
            {cell.conflicts.length > 0 && (
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
            {cell.sources.length > 0 && (
              <button
                type="button"
                class="sources-toggle"
                aria-expanded={showSources}
                aria-controls={sourcesId}
                onClick={() => setShowSources(!showSources)}
              >
                {plural(t, cell.sources.length, 'card_sourcesOne', 'card_sourcesOther')}
              </button>
            )}
          </span>
        )}
        {showConflict && <ConflictDetails id={conflictId} conflicts={cell.conflicts} t={t} />}
        {showSources && (
          <ul id={sourcesId} class="sources">
            {cell.sources.map((s) => (
              <li key={s.id}>{s.title}</li>
            ))}
            {cell.rejected.map((r) => (
              <li key={`rejected:${r.source.id}:${r.value}`} class="rejected" data-verdict="rejected">
                <s>{r.source.title}</s> — {t('card_rejectedSource', r.reason || r.value)}
              </li>
            ))}
          </ul>
        )}
      </dd>
    </div>
  );
}
