import { plural, type Translate } from '@/lib/i18n';
import type { PageState } from '@/lib/popup/page-state';

/** Props of the "On this page" section. */
export interface PopupPageProps {
  /** UI strings. */
  t: Translate;
  /** The tab's state. */
  page: PageState;
  /** Scrolls the page to a mention and opens its card. */
  onReveal: (id: number) => void;
}

/** "On this page": the tab's mention count and the list of mentions, each with its context. */
export function PopupPage({ t, page, onReveal }: PopupPageProps) {
  return (
    <section class="page" aria-labelledby="page-heading">
      <h2 id="page-heading">{t('onThisPage')}</h2>
      <p data-testid="page-status" class="muted" aria-live="polite" aria-busy={page.kind === 'loading'}>
        {status(t, page)}
      </p>
      {page.kind === 'ready' && page.mentions.length > 0 && (
        <>
          <ul class="plain mentions" data-testid="mention-list">
            {page.mentions.map((m) => (
              <li key={m.id}>
                <button
                  type="button"
                  class="mention"
                  data-mention-id={m.id}
                  aria-describedby="reveal-hint"
                  onClick={() => onReveal(m.id)}
                >
                  <span class="snippet">
                    {m.before}
                    <mark>{m.text}</mark>
                    {m.after}
                  </span>
                </button>
              </li>
            ))}
          </ul>
          <span id="reveal-hint" hidden>
            {t('revealMention')}
          </span>
          {page.mentions.length < page.count && (
            <p class="muted" data-testid="mention-list-capped">
              {t('mentionsListed', [String(page.mentions.length), String(page.count)])}
            </p>
          )}
        </>
      )}
    </section>
  );
}

function status(t: Translate, page: PageState): string {
  switch (page.kind) {
    case 'loading':
      return t('pageLoading');
    case 'unavailable':
      return t('pageUnavailable');
    case 'inactive':
      return t('pageInactive');
    case 'ready':
      return page.count === 0 ? t('pageNoMentions') : plural(t, page.count, 'pageCountOne', 'pageCountOther');
  }
}
