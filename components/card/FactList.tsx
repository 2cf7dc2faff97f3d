import type { CardFactRow, CardRowId } from '@/lib/card/types';
import type { Translate } from '@/lib/i18n';
import { FactRow } from './FactRow';

/** Label of each row of key facts. */
export const ROW_LABELS: Record<CardRowId, Parameters<Translate>[0]> = {
  founded: 'card_fact_founded',
  headquarters: 'card_fact_headquarters',
  un: 'card_fact_un',
  members: 'card_fact_members',
  head: 'card_fact_head',
  budget: 'card_fact_budget',
  staff: 'card_fact_staff',
};

/** Props of the key facts list. */
export interface FactListProps {
  /** The rows, in display order. */
  rows: readonly CardFactRow[];
  /** Strings in the card's language. */
  t: Translate;
}

/** The key facts, one row each, under a heading. */
export function FactList({ rows, t }: FactListProps) {
  return (
    <section class="facts-section">
      <h3 class="section-title">{t('card_keyFacts')}</h3>
      <dl class="facts">
        {rows.map((row) => (
          <FactRow key={row.id} row={row} label={t(ROW_LABELS[row.id])} t={t} />
        ))}
      </dl>
    </section>
  );
}
