import { plural, type Translate } from '@/lib/i18n';
import type { PageState, PopupMention } from '@/lib/popup/page-state';

/** Props of the "On this page" section. */
export interface PopupPageProps {
  /** UI strings. */
  t: Translate;
  /** The tab's state. */
  page: PageState;
  /** Scrolls the page to a mention (of frame `frameId`, absent for the top-level page) and opens its card. */
  onReveal: (id: number, frameId?: number) => void;
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
            {(page.groups ?? [{ frameId: 0, label: null, mentions: page.mentions }]).map((group) =>
              group.label === null ? (
                group.mentions.map((m) => (
                  <MentionItem key={`${group.frameId}:${m.id}`} m={m} onReveal={onReveal} />
                ))
              ) : (
                <li key={`frame-${group.frameId}`} class="frame-group" data-frame-id={group.frameId}>
                  <h3 class="frame-label">{t('frameGroup', [group.label])}</h3>
                  <ul class="plain mentions">
                    {group.mentions.map((m) => (
                      <MentionItem key={m.id} m={m} onReveal={onReveal} />
                    ))}
                  </ul>
                </li>
              ),
            )}
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

/** One mention in the list: a button that shows it on the page. */
function MentionItem({ m, onReveal }: { m: PopupMention; onReveal: PopupPageProps['onReveal'] }) {
  return (
    <li>
      <button
        type="button"
        class="mention"
        data-mention-id={m.id}
        data-frame-id={m.frameId}
        aria-describedby="reveal-hint"
        onClick={() => (m.frameId === undefined ? onReveal(m.id) : onReveal(m.id, m.frameId))}
      >
        <span class="snippet">
          {m.before}
          <mark>{m.text}</mark>
          {m.after}
        </span>
      </button>
    </li>
  );
}
