import type { CardName } from '@/lib/card/types';
import type { Translate } from '@/lib/i18n';

/** Props of the names timeline. */
export interface NameTimelineProps {
  /** Every name, oldest first. */
  names: readonly CardName[];
  /** Id of the current name (marked). */
  currentId: string;
  /** Id of the name the mention uses (marked). */
  hereId: string;
  /** Strings in the card's language. */
  t: Translate;
}

/** The organization's names in order, each with the year it took effect; current and on-page names marked. */
export function NameTimeline({ names, currentId, hereId, t }: NameTimelineProps) {
  return (
    <section class="timeline-section">
      <h3 class="section-title">{t('card_timeline')}</h3>
      <ol class="timeline">
        {names.map((n) => (
          <li
            key={n.id}
            class={
              [n.id === currentId && 'now', n.id === hereId && 'here'].filter(Boolean).join(' ') || undefined
            }
            aria-current={n.id === currentId ? 'true' : undefined}
            title={n.name}
          >
            <span class="acronym">{n.acronym}</span> <span class="year">{n.fromYear ?? '?'}</span>
            {n.id === currentId && <span class="tag">{t('card_timelineNow')}</span>}
            {/* The name on the page is marked by its border; the words are for screen readers. */}
            {n.id === hereId && <span class="sr-only">{t('card_timelineHere')}</span>}
          </li>
        ))}
      </ol>
    </section>
  );
}
