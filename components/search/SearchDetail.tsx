import { useEffect, useRef } from 'preact/hooks';
import type { Translate } from '@/lib/i18n';
import { formatIsoDate } from '@/lib/i18n/dates';
import type { ClaimView, Entry, SourceRef } from '@/lib/search/types';
import { nameFormLabel, sourceKindLabel, verdictLabel } from './labels';
import { KIND_LABELS } from './SearchResults';

/** Props of a result's detail view. */
export interface SearchDetailProps {
  /** UI strings. */
  t: Translate;
  /** The entry shown. */
  entry: Entry;
  /** Returns to the results. */
  onBack: () => void;
  /** Opens another entry (a fact a source is cited for, an event's fact). */
  onOpenEntry: (id: string) => void;
}

/** A result in full: for a fact its value, as-of date, sources with verdicts and the conflict note. */
export function SearchDetail({ t, entry, onBack, onOpenEntry }: SearchDetailProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  // Focus follows the view, so screen readers announce the entry and Tab starts from it.
  // biome-ignore lint/correctness/useExhaustiveDependencies: focus again whenever another entry is shown
  useEffect(() => heading.current?.focus(), [entry.id]);
  const date = (iso: string) => formatIsoDate(iso, t.lang);
  return (
    <article class="detail" aria-labelledby="detail-title" data-testid="detail" data-kind={entry.kind}>
      <button type="button" class="link back" onClick={onBack}>
        ← {t('back')}
      </button>
      <p class="kind">{t(KIND_LABELS[entry.kind])}</p>
      <h2 id="detail-title" ref={heading} tabIndex={-1}>
        {entry.title}
      </h2>
      {entry.kind === 'fact' && (
        <>
          <p class="subject muted">{entry.subject}</p>
          <p class="value" data-testid="detail-value">
            <strong>{entry.value}</strong>
            {entry.asOf && <span class="muted"> — {t('asOf', date(entry.asOf))}</span>}
            {entry.status === 'disputed' && <span class="badge disputed">{t('disputed')}</span>}
          </p>
          {entry.conflict && entry.note && (
            <aside class="conflict" aria-labelledby="conflict-heading" data-testid="conflict-note">
              <h3 id="conflict-heading">{t('conflictHeading')}</h3>
              <p>{entry.note}</p>
            </aside>
          )}
          {!entry.conflict && entry.note && <p class="muted">{entry.note}</p>}
          {entry.alternatives && entry.alternatives.length > 0 && (
            <section aria-labelledby="alternatives-heading">
              <h3 id="alternatives-heading">{t('alternativesHeading')}</h3>
              <ul class="plain">
                {entry.alternatives.map((a) => (
                  <li key={a}>{a}</li>
                ))}
              </ul>
            </section>
          )}
          {entry.history && (
            // Long series (member states since 1951) stay folded until asked for.
            <details class="history">
              <summary>
                {t('historyHeading')} ({entry.history.length})
              </summary>
              <ul class="plain" data-testid="history">
                {[...entry.history].reverse().map((h) => (
                  <li key={`${h.asOf}:${h.value}`}>
                    <span class="muted">{date(h.asOf)}</span> {h.value}
                    {h.status === 'disputed' && <span class="badge disputed">{t('disputed')}</span>}
                    {h.note && h.status !== 'agreed' && <div class="muted note">{h.note}</div>}
                  </li>
                ))}
              </ul>
            </details>
          )}
          <Claims t={t} claims={entry.claims} />
        </>
      )}
      {entry.kind === 'name' && (
        <>
          {entry.form !== 'official' && (
            <p class="name-form" data-testid="name-form" data-form={entry.form}>
              <strong>{nameFormLabel(t, entry)}</strong>
            </p>
          )}
          {entry.official && (
            <p>
              {t(
                'officialName',
                entry.official.acronym
                  ? `${entry.official.title} (${entry.official.acronym})`
                  : entry.official.title,
              )}
            </p>
          )}
          <p class="value">
            {[entry.acronym, entry.lang.toUpperCase()].filter(Boolean).join(' · ')} —{' '}
            {entry.to ? `${date(entry.from)} – ${date(entry.to)}` : t('sinceYear', date(entry.from))}
          </p>
          {entry.eraName !== entry.title && entry.eraName !== entry.official?.title && (
            <p class="muted">{entry.eraName}</p>
          )}
          {entry.note && <p class="muted">{entry.note}</p>}
          <p>{entry.current}</p>
        </>
      )}
      {entry.kind === 'event' && (
        <>
          <p class="value">
            <strong>{date(entry.date)}</strong>
          </p>
          <Sources t={t} sources={entry.sources} />
          {entry.factId && (
            <button type="button" class="link" onClick={() => entry.factId && onOpenEntry(entry.factId)}>
              {t('showFact')}
            </button>
          )}
        </>
      )}
      {entry.kind === 'source' && (
        <>
          <p class="muted">
            {[sourceKindLabel(t, entry.sourceKind), entry.date ? date(entry.date) : null]
              .filter(Boolean)
              .join(' · ')}
          </p>
          {entry.tier !== undefined && (
            <p data-testid="source-tier">
              {t('sourceTier', String(entry.tier))}
              {entry.tierReason && <span class="muted"> — {entry.tierReason}</span>}
            </p>
          )}
          {entry.url && <SourceLink t={t} source={entry} />}
          {entry.facts.length > 0 && <h3>{t('citedFor')}</h3>}
          {entry.facts.length > 0 && (
            <ul class="plain facts">
              {entry.facts.map((f) => (
                <li key={f.id}>
                  <button type="button" class="link" onClick={() => onOpenEntry(f.id)}>
                    {f.title}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </article>
  );
}

function Claims({ t, claims }: { t: Translate; claims: readonly ClaimView[] }) {
  const supporting = claims.filter((c) => c.verdict === 'supports');
  const others = claims.filter((c) => c.verdict !== 'supports');
  return (
    <section aria-labelledby="sources-heading">
      <h3 id="sources-heading">{t('sourcesHeading')}</h3>
      {claims.length === 0 && <p class="muted">{t('noSources')}</p>}
      {supporting.length > 0 && <ClaimList t={t} claims={supporting} testId="claims" />}
      {others.length > 0 && (
        // What was set aside stays one click away: the reasons matter, but after the value itself.
        <details class="other-claims" open={supporting.length === 0}>
          <summary>{t('otherClaims', String(others.length))}</summary>
          <ClaimList t={t} claims={others} testId="other-claims" />
        </details>
      )}
    </section>
  );
}

function ClaimList({ t, claims, testId }: { t: Translate; claims: readonly ClaimView[]; testId: string }) {
  return (
    <ul class="plain claims" data-testid={testId}>
      {claims.map((c) => (
        <li
          key={c.id ?? `${c.source.id}:${c.verdict}:${c.value ?? ''}:${c.asOf ?? ''}`}
          data-verdict={c.verdict}
        >
          <span class={`verdict verdict-${c.verdict}`}>{verdictLabel(t, c.verdict)}</span>{' '}
          <SourceLink t={t} source={c.source} />
          {c.source.date && <span class="muted"> ({formatIsoDate(c.source.date, t.lang)})</span>}
          {c.value && (
            <div class="claim-value">
              “{c.value}”{c.asOf && <span class="muted"> — {t('asOf', formatIsoDate(c.asOf, t.lang))}</span>}
            </div>
          )}
          {c.reason && <div class="muted">{c.reason}</div>}
        </li>
      ))}
    </ul>
  );
}

function Sources({ t, sources }: { t: Translate; sources: readonly SourceRef[] }) {
  return (
    <section aria-labelledby="sources-heading">
      <h3 id="sources-heading">{t('sourcesHeading')}</h3>
      {sources.length === 0 ? (
        <p class="muted">{t('noSources')}</p>
      ) : (
        <ul class="plain claims">
          {sources.map((s) => (
            <li key={s.id}>
              <SourceLink t={t} source={s} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function SourceLink({ t, source }: { t: Translate; source: SourceRef }) {
  if (!source.url) return <span>{source.title}</span>;
  return (
    <a href={source.url} target="_blank" rel="noreferrer" title={t('openSource', source.title)}>
      {source.title}
    </a>
  );
}
