import type { CardCell, CardModel, CardRow, CardRowId } from '@/lib/card/types';
import type { Translate } from '@/lib/i18n';
import { CardHeader } from './CardHeader';
import { FactList } from './FactList';
import { NameTimeline } from './NameTimeline';
import { Sparkline } from './Sparkline';

/** Props of the hover card. */
export interface CardProps {
  /** What to show, already in the card's language. */
  model: CardModel;
  /** Strings in the card's language (model.lang). */
  t: Translate;
  /** "Open in search": asks for the extension's search on this query. */
  onOpenSearch: (query: string) => void;
  /** The close button. */
  onClose: () => void;
}

/** The rows' cells of one kind (value, then or today), in row order. */
function cellsOf(rows: readonly CardRow[], kind: 'value' | 'then' | 'today') {
  return rows.flatMap((row): { id: CardRowId; cell: CardCell }[] => {
    const cell = row[kind];
    return cell ? [{ id: row.id, cell }] : [];
  });
}

/** "as of the page's date, …" as a sentence. */
const sentence = (text: string) => text.charAt(0).toLocaleUpperCase() + text.slice(1);

/**
 * The hover card: the name as written and what it stood for, the moment it answers for, the values then
 * (at the page's date or over the name's era) and today with their dates, sources and conflicts,
 * sparklines of member states and budget, facts that do not change, the names timeline, and a way into
 * the search. A non-modal dialog: it never takes focus
 * on hover (a keyboard user's command moves focus into it) and carries no live region, so nothing is
 * announced on a page the user has not touched.
 */
export function Card({ model, t, onOpenSearch, onClose }: CardProps) {
  const fixed = cellsOf(model.rows, 'value');
  const then = cellsOf(model.rows, 'then');
  const today = cellsOf(model.rows, 'today');
  return (
    <section
      class="card"
      role="dialog"
      aria-label={t('card_dialogLabel', model.surface)}
      lang={model.lang}
      tabIndex={-1}
      data-era={model.name.era}
      data-testid="iom-lens-card"
    >
      <CardHeader model={model} t={t} onClose={onClose} />
      <p
        class="moment"
        data-testid="card-as-of"
        data-origin={model.asOf.origin}
        data-date={model.asOf.date ?? undefined}
      >
        {sentence(model.asOf.text)}
      </p>
      {/* What the card is for first: the values then and today; what never changes and the names after. */}
      {then.length > 0 && (
        <FactList section="then" title={t('card_thenHeading', model.asOf.label)} items={then} t={t} />
      )}
      {today.length > 0 && <FactList section="today" title={t('card_todayHeading')} items={today} t={t} />}
      {model.charts.map((chart) => (
        <Sparkline key={chart.id} chart={chart} />
      ))}
      {fixed.length > 0 && <FactList section="fixed" title={t('card_keyFacts')} items={fixed} t={t} />}
      <NameTimeline names={model.timeline} currentId={model.current.id} hereId={model.name.id} t={t} />
      <footer class="actions">
        <button type="button" class="search" onClick={() => onOpenSearch(model.query)}>
          {t('card_openInSearch')}
        </button>
      </footer>
    </section>
  );
}
