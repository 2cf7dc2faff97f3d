import type { CardModel, CardName } from '@/lib/card/types';
import type { Translate } from '@/lib/i18n';

/** Props of the card's header. */
export interface CardHeaderProps {
  /** The card's model. */
  model: CardModel;
  /** Strings in the card's language. */
  t: Translate;
  /** The close button. */
  onClose: () => void;
}

/** "Full name (ACRONYM)", or the name alone when it has no acronym in that language. */
export function nameWithAcronym(name: CardName): string {
  return name.acronym && name.acronym !== name.name ? `${name.name} (${name.acronym})` : name.name;
}

/**
 * The mention as written, which name it is, and what that name stood for: for a former name, when it
 * was used and what the organization is called today.
 */
export function CardHeader({ model, t, onClose }: CardHeaderProps) {
  const { name, current } = model;
  const summary = model.isCurrent
    ? name.fromYear
      ? t('card_currentSummary', [model.stoodFor, t('card_sinceYear', name.fromYear)])
      : model.stoodFor
    : t('card_formerSummary', [
        model.stoodFor,
        t('card_years', [name.fromYear ?? '?', name.toYear ?? '?']),
        nameWithAcronym(current),
      ]);
  return (
    <header class="head">
      <div class="topline">
        <span class="era" data-testid="card-era" data-era={name.era}>
          {name.acronym}
        </span>
        <span class={model.isCurrent ? 'status current' : 'status former'}>
          {t(model.isCurrent ? 'card_currentBadge' : 'card_formerBadge')}
        </span>
        <span class="brand">{t('extName')}</span>
        <button
          type="button"
          class="close"
          aria-label={t('card_close')}
          title={t('card_close')}
          onClick={onClose}
        >
          <span aria-hidden="true">×</span>
        </button>
      </div>
      <h2 class="surface">{model.surface}</h2>
      <p class="summary" data-testid="card-summary">
        {summary}
      </p>
    </header>
  );
}
