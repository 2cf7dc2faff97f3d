import type { CardCell, CardRowId } from '@/lib/card/types';
import type { Translate } from '@/lib/i18n';
import { FactRow } from './FactRow';

/** Label of each row of facts. */
export const ROW_LABELS: Record<CardRowId, Parameters<Translate>[0]> = {
  name: 'card_fact_name',
  founded: 'card_fact_founded',
  headquarters: 'card_fact_headquarters',
  un: 'card_fact_un',
  members: 'card_fact_members',
  head: 'card_fact_head',
  budget: 'card_fact_budget',
  staff: 'card_fact_staff',
};

/** Props of one section of facts. */
export interface FactListProps {
  /** Which section: facts for all time, the values then, or today's (a test and style hook). */
  section: 'fixed' | 'then' | 'today';
  /** The section's heading, already translated. */
  title: string;
  /** The rows' values in display order. */
  items: readonly { id: CardRowId; cell: CardCell }[];
  /** Strings in the card's language. */
  t: Translate;
}

/** One section of facts, one row each, under a heading. */
export function FactList({ section, title, items, t }: FactListProps) {
  return (
    <section class="facts-section" data-section={section} data-testid={`card-${section}`}>
      <h3 class="section-title">{title}</h3>
      <dl class="facts">
        {items.map(({ id, cell }) => (
          <FactRow key={id} id={id} cell={cell} label={t(ROW_LABELS[id])} t={t} />
        ))}
      </dl>
    </section>
  );
}
