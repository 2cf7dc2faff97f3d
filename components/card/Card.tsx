import type { CardModel } from '@/lib/card/types';
import type { Translate } from '@/lib/i18n';
import { CardHeader } from './CardHeader';
import { FactList } from './FactList';
import { NameTimeline } from './NameTimeline';

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

/**
 * The hover card: the name as written and what it stood for, key facts with their dates, sources and
 * conflicts, the names timeline, and a way into the search. A non-modal dialog: it never takes focus
 * on hover (a keyboard user's command moves focus into it) and carries no live region, so nothing is
 * announced on a page the user has not touched.
 */
export function Card({ model, t, onOpenSearch, onClose }: CardProps) {
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
      <NameTimeline names={model.timeline} currentId={model.current.id} hereId={model.name.id} t={t} />
      {model.facts.length > 0 && <FactList rows={model.facts} t={t} />}
      <footer class="actions">
        <button type="button" class="search" onClick={() => onOpenSearch(model.query)}>
          {t('card_openInSearch')}
        </button>
      </footer>
    </section>
  );
}
