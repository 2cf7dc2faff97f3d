import type { CardConflict } from '@/lib/card/types';
import type { Translate } from '@/lib/i18n';

/** Props of a fact's conflict details. */
export interface ConflictDetailsProps {
  /** Element id (the marker's aria-controls). */
  id: string;
  /** What the sources said, one entry per fact of the row that was not agreed. */
  conflicts: readonly CardConflict[];
  /** Strings in the card's language. */
  t: Translate;
}

const VERDICT_KEYS = {
  supports: 'card_verdict_supports',
  superseded: 'card_verdict_superseded',
  rejected: 'card_verdict_rejected',
} as const;

/**
 * The competing values, each claim's verdict with its source, and why it was settled that way. Words the
 * dataset has only in English are marked `lang="en"`, so that a French or Spanish screen reader reads them
 * as English.
 */
export function ConflictDetails({ id, conflicts, t }: ConflictDetailsProps) {
  return (
    <div id={id} class="conflict">
      {conflicts.map((c) => (
        <div key={c.property} class="conflict-part" data-status={c.status}>
          {c.note && (
            <p class="note">
              <strong>{t('card_why')}:</strong> <span lang={c.noteLang}>{c.note}</span>
            </p>
          )}
          {c.alternatives.length > 0 && (
            <>
              <p class="subhead">{t('card_competingValues')}</p>
              <ul class="alternatives">
                {c.alternatives.map((a) => (
                  <li key={a.value}>
                    <span class="claim-value">{a.value}</span>
                    {a.sources.length > 0 && (
                      <span class="claim-source"> — {a.sources.map((s) => s.title).join('; ')}</span>
                    )}
                  </li>
                ))}
              </ul>
            </>
          )}
          <ul class="claims">
            {c.claims.map((claim) => (
              <li key={claim.id} data-verdict={claim.verdict}>
                <span class={`verdict ${claim.verdict}`}>{t(VERDICT_KEYS[claim.verdict])}</span>{' '}
                <span class="claim-value" lang={claim.valueLang}>
                  {claim.value}
                </span>
                <span class="claim-source"> — {claim.source.title}</span>
                {claim.reason && (
                  <span class="reason">
                    : <span lang={claim.reasonLang}>{claim.reason}</span>
                  </span>
                )}
              </li>
            ))}
          </ul>
        </div>
      ))}
    </div>
  );
}
