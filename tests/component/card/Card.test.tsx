import { fireEvent, render, screen, within } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { Card, type CardProps } from '@/components/card/Card';
import datasetJson from '@/data/compiled/dataset.json';
import { type CardDataset, createCardModel, type ReaderContext } from '@/lib/card/model';
import { cardTranslator } from '@/lib/card/strings';
import type { CardMention } from '@/lib/card/types';
import { DATASET, without } from '../../unit/card/fixtures';

const REAL = datasetJson as unknown as CardDataset;

function renderCard(
  mention: CardMention,
  dataset: CardDataset = DATASET,
  over: Partial<CardProps> = {},
  context: ReaderContext = {},
) {
  const model = createCardModel(dataset, mention, context);
  const props: CardProps = {
    model,
    t: cardTranslator(model.lang),
    onOpenSearch: vi.fn(),
    onClose: vi.fn(),
    ...over,
  };
  return { props, ...render(<Card {...props} />) };
}

const dialog = () => screen.getByRole('dialog');
const summary = () => screen.getByTestId('card-summary').textContent;
/** A row's value for all time, else its value today. */
const row = (id: string) =>
  dialog().querySelector(
    `[data-section="fixed"] [data-fact="${id}"], [data-section="today"] [data-fact="${id}"]`,
  ) as HTMLElement | null;
/** A row's value then. */
const thenRow = (id: string) =>
  dialog().querySelector(`[data-section="then"] [data-fact="${id}"]`) as HTMLElement | null;

describe('Card', () => {
  it('shows a current-name mention: as written, the era, what it stands for and since when', () => {
    renderCard({ surface: 'IOM', nameId: 'iom', lang: 'en' });
    expect(dialog().getAttribute('aria-label')).toBe('IOM Lens: IOM');
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('IOM');
    expect(screen.getByTestId('card-era').textContent).toBe('IOM');
    expect(screen.getByText('Current name')).toBeTruthy();
    expect(summary()).toBe('International Organization for Migration, since 1989');
  });

  it('shows a former name: when it was used and what the organization is called today', () => {
    renderCard({ surface: 'ICEM', nameId: 'icem', lang: 'en' });
    expect(screen.getByTestId('card-era').textContent).toBe('ICEM');
    expect(screen.getByText('Former name')).toBeTruthy();
    expect(summary()).toBe(
      'Intergovernmental Committee for European Migration, 1952–1980 — today the International Organization for Migration (IOM)',
    );
  });

  it('marks the current name and the name on the page in the timeline', () => {
    renderCard({ surface: 'ICEM', nameId: 'icem', lang: 'en' });
    const timeline = dialog().querySelector('.timeline') as HTMLElement;
    const entries = [...timeline.querySelectorAll('li')].map((li) => li.textContent);
    expect(entries).toEqual(['PICMME 1951', 'ICEM 1952on this page', 'ICM 1980', 'IOM 1989current']);
    expect(timeline.querySelector('[aria-current="true"]')?.textContent).toContain('IOM');
    expect(timeline.querySelectorAll('[aria-current]')).toHaveLength(1);
  });

  it('shows key facts with their dates and source counts, titles on demand', () => {
    renderCard({ surface: 'IOM', nameId: 'iom', lang: 'en' });
    expect(row('members')?.querySelector('dd')?.textContent).toMatch(/^175 as of 2024/);
    expect(row('head')?.textContent).toContain('Amy E. Pope since Oct 1, 2023');
    const toggle = within(row('headquarters') as HTMLElement).getByRole('button', { name: '2 sources' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(row('headquarters')?.querySelector('.sources')).toBeNull();
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const list = document.getElementById(toggle.getAttribute('aria-controls') ?? '');
    expect([...(list?.querySelectorAll('li') ?? [])].map((li) => li.textContent)).toEqual([
      'IOM website',
      'Encyclopedia mirror',
    ]);
    expect(within(row('head') as HTMLElement).getByRole('button', { name: '1 source' })).toBeTruthy();
  });

  it('marks a disputed fact and expands it to the competing values, verdicts and reasons', () => {
    renderCard({ surface: 'IOM', nameId: 'iom', lang: 'en' });
    const budget = row('budget') as HTMLElement;
    const marker = within(budget).getByRole('button', { name: /disputed/ });
    expect(marker.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(marker);
    expect(marker.getAttribute('aria-expanded')).toBe('true');
    const details = document.getElementById(marker.getAttribute('aria-controls') ?? '') as HTMLElement;
    expect(details.textContent).toContain('Why: Sources measure different things.');
    expect(details.textContent).toContain('Competing values');
    expect(details.textContent).toContain('US$3 billion');
    fireEvent.click(marker);
    expect(document.getElementById(marker.getAttribute('aria-controls') ?? '')).toBeNull();
  });

  it('marks a resolved conflict, with the rejected claim and its reason', () => {
    renderCard({ surface: 'IOM', nameId: 'iom', lang: 'en' });
    const un = row('un') as HTMLElement;
    expect(un.dataset.status).toBe('resolved');
    fireEvent.click(within(un).getByRole('button', { name: /sources disagreed/ }));
    const rejected = [...un.querySelectorAll('[data-verdict="rejected"]')].map((li) => li.textContent);
    expect(rejected).toEqual([
      'rejected UN contact organization — Encyclopedia mirror: a literal translation; the UN term is "related organization"',
      'rejected 1956 — Anonymous blog: no source supports a UN link in 1956',
    ]);
    expect(un.querySelector('[data-verdict="supports"]')?.textContent).toContain('accepted');
  });

  it('marks the dataset’s own English words (notes, claims, reasons) as English in a French card', () => {
    renderCard({ surface: 'OIM', nameId: 'iom', lang: 'fr' });
    const budget = row('budget') as HTMLElement;
    fireEvent.click(within(budget).getByRole('button', { name: /contesté/ }));
    const note = budget.querySelector('.note [lang="en"]');
    expect(note?.textContent).toBe('Sources measure different things.');
    expect(note?.closest('[lang="fr"]')).toBe(dialog());
    const claims = [...budget.querySelectorAll('.claims .claim-value')];
    expect(claims.length).toBeGreaterThan(0);
    expect(claims.every((v) => v.getAttribute('lang') === 'en')).toBe(true);
    // Competing values are typed: written in French, so not marked.
    const alternative = budget.querySelector('.alternatives .claim-value');
    expect(alternative?.textContent).toMatch(/Md\$ US$/);
    expect(alternative?.hasAttribute('lang')).toBe(false);
  });

  it('writes notes, claims and reasons in French where the dataset has them, unmarked', () => {
    renderCard(
      { surface: 'OIM', nameId: 'iom', lang: 'fr' },
      REAL,
      {},
      { pageDate: { date: '2022', origin: 'meta' } },
    );
    const members = thenRow('members') as HTMLElement;
    fireEvent.click(within(members).getByRole('button', { name: /sources divergentes/ }));
    const note = members.querySelector('.note span');
    expect(note?.textContent).toMatch(/source/);
    expect(note?.hasAttribute('lang')).toBe(false);
    const reasons = [...members.querySelectorAll('.claims .reason span')];
    expect(reasons.length).toBeGreaterThan(0);
    expect(reasons.every((r) => !r.hasAttribute('lang') && r.textContent?.includes('niveau'))).toBe(true);
    // One source rejected twice for the same value and reason is listed once under the sources.
    fireEvent.click(within(members).getByRole('button', { name: /\d+ sources?$/ }));
    expect(members.querySelectorAll('.sources li.rejected')).toHaveLength(1);
  });

  it('puts no marker on facts the sources agree on', () => {
    renderCard({ surface: 'IOM', nameId: 'iom', lang: 'en' });
    expect(row('headquarters')?.querySelector('.marker')).toBeNull();
    expect(row('founded')?.querySelector('.marker')).toBeNull();
  });

  it('simply omits a missing fact, and one whose sources were all rejected', () => {
    renderCard({ surface: 'IOM', nameId: 'iom', lang: 'en' }, without('headquarters'));
    expect(row('headquarters')).toBeNull();
    expect(row('staff')).toBeNull();
    expect(screen.queryByText('Headquarters')).toBeNull();
    expect(screen.queryByText('Staff')).toBeNull();
    expect(row('founded')).not.toBeNull();
  });

  it('leaves out the facts section when no fact has a source', () => {
    renderCard({ surface: 'IOM', nameId: 'iom', lang: 'en' }, { ...DATASET, facts: [] });
    expect(screen.queryByText('Key facts')).toBeNull();
    expect(summary()).toContain('International Organization for Migration');
  });

  it('speaks French for a French mention', () => {
    renderCard({ surface: 'CIME', nameId: 'icem', lang: 'fr' });
    expect(dialog().getAttribute('lang')).toBe('fr');
    expect(dialog().getAttribute('aria-label')).toBe('IOM Lens : CIME');
    expect(summary()).toBe(
      "Comité intergouvernemental pour les migrations européennes, 1952–1980 — aujourd'hui : Organisation internationale pour les migrations (OIM)",
    );
    expect(screen.getByText('Ancien nom')).toBeTruthy();
    expect(screen.getByTestId('card-era').textContent).toBe('CIME'); // the French acronym of the ICEM era
    expect(screen.getByTestId('card-era').dataset.era).toBe('ICEM');
    expect(screen.getByText('Faits essentiels')).toBeTruthy();
    expect(row('members')?.textContent).toContain('état : 2024');
    expect(screen.getByRole('button', { name: 'Ouvrir dans la recherche' })).toBeTruthy();
    expect(
      within(row('headquarters') as HTMLElement).getByRole('button', { name: '2 sources' }),
    ).toBeTruthy();
  });

  it('speaks Spanish for a Spanish mention', () => {
    renderCard({ surface: 'OIM', nameId: 'iom', lang: 'es' });
    expect(dialog().getAttribute('lang')).toBe('es');
    expect(summary()).toBe('Organización Internacional para las Migraciones, desde 1989');
    expect(screen.getByText('Nombre actual')).toBeTruthy();
    expect(screen.getByText('Datos clave')).toBeTruthy();
    expect(within(row('head') as HTMLElement).getByRole('button', { name: '1 fuente' })).toBeTruthy();
    expect(within(row('budget') as HTMLElement).getByRole('button', { name: /en disputa/ })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Abrir en la búsqueda' })).toBeTruthy();
  });

  it('asks to open the search on the name, and to close', () => {
    const { props } = renderCard({ surface: 'ICEM', nameId: 'icem', lang: 'en' });
    fireEvent.click(screen.getByRole('button', { name: 'Open in search' }));
    expect(props.onOpenSearch).toHaveBeenCalledWith('Intergovernmental Committee for European Migration');
    fireEvent.click(screen.getByRole('button', { name: 'Close' }));
    expect(props.onClose).toHaveBeenCalledOnce();
  });

  it('on a dated page, says which date it used and why, shows the values then and today under their headings', () => {
    renderCard(
      { surface: 'ICEM', nameId: 'icem', lang: 'en' },
      REAL,
      {},
      {
        pageDate: { date: '1975-06-12', origin: 'json-ld' },
      },
    );
    const moment = screen.getByTestId('card-as-of');
    expect(moment.textContent).toBe('As of the page’s date, Jun 12, 1975');
    expect(moment.dataset).toMatchObject({ origin: 'page', date: '1975-06-12' });
    expect(screen.getByRole('heading', { name: 'Then — 1975' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Today' })).toBeTruthy();
    expect(thenRow('head')?.querySelector('dd')?.textContent).toMatch(
      /^John F\. Thomas \(United States\), Director since about 1969 date approximate/,
    );
    expect(row('head')?.textContent).toContain(
      'Amy E. Pope (United States), Director General since Oct 1, 2023',
    );
    const members = thenRow('members');
    expect(members?.dataset.unknown).toBe('');
    expect(members?.querySelector('.value')?.textContent).toBe('not known for 1975');
    expect(members?.querySelector('.sources-toggle')).toBeNull();
  });

  it('draws member states as a sparkline with the page’s date marked, named by the same numbers in words', () => {
    const { props } = renderCard(
      { surface: 'ICEM', nameId: 'icem', lang: 'en' },
      REAL,
      {},
      {
        pageDate: { date: '1975-06-12', origin: 'json-ld' },
      },
    );
    const members = props.model.charts[0];
    expect(props.model.charts.map((c) => c.id)).toEqual(['members', 'budget']);
    const figures = screen.getAllByTestId('card-chart');
    expect(figures.map((f) => f.dataset.chart)).toEqual(['members', 'budget']);
    const figure = figures[0] as HTMLElement;
    const chart = within(figure).getByRole('img');
    expect(chart.getAttribute('aria-label')).toBe(members?.text);
    expect(chart.querySelector('title')?.textContent).toBe(members?.text);
    expect(figure.querySelector('figcaption')?.textContent).toBe('Member states over time');
    expect(within(figure).getByTestId('chart-mark').tagName.toLowerCase()).toBe('line');
    // No count between 1953 and 1996: the line there is a faint guide, as the card says "not known".
    expect(within(figure).getAllByTestId('chart-gap').length).toBeGreaterThan(0);
  });

  it('on an undated page with a former name, answers for the era and marks it as a band', () => {
    renderCard({ surface: 'ICM', nameId: 'icm', lang: 'en' }, REAL);
    expect(screen.getByTestId('card-as-of').textContent).toBe('As of the ICM years, 1980–1989');
    expect(screen.getByRole('heading', { name: 'Then — 1980–1989' })).toBeTruthy();
    expect(thenRow('head')?.querySelector('.value')?.textContent).toMatch(
      /^James L\. Carlin .* → James N\. Purcell/,
    );
    const band = within(screen.getAllByTestId('card-chart')[0] as HTMLElement).getByTestId('chart-mark');
    expect(band.tagName.toLowerCase()).toBe('rect');
    expect(Number(band.getAttribute('width'))).toBeGreaterThan(0);
  });

  it('lists a rejected source struck through, with why, after the supporting ones', () => {
    renderCard({ surface: 'IOM', nameId: 'iom', lang: 'en' });
    const toggle = within(row('un') as HTMLElement).getByRole('button', { name: '1 source' });
    fireEvent.click(toggle);
    const rejected = row('un')?.querySelectorAll('.sources li.rejected') ?? [];
    expect([...rejected].map((li) => li.textContent)).toEqual([
      'Encyclopedia mirror — rejected: a literal translation; the UN term is "related organization"',
      'Anonymous blog — rejected: no source supports a UN link in 1956',
    ]);
  });

  it('has no live region that would announce it', () => {
    renderCard({ surface: 'IOM', nameId: 'iom', lang: 'en' });
    expect(dialog().querySelector('[aria-live], [role="status"], [role="alert"]')).toBeNull();
    expect(dialog().getAttribute('aria-modal')).toBeNull();
  });
});
