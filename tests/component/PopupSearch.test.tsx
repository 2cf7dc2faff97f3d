import { fireEvent, render, screen } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { type EngineState, SearchPanel } from '@/components/search/SearchPanel';
import names from '@/data/compiled/names.json';
import { translatorFromMessages } from '@/lib/i18n';
import { buildSearchEngine } from '@/lib/search/engine';
import { nameEntries } from '@/lib/search/names';
import type { Entry } from '@/lib/search/types';
import en from '@/public/_locales/en/messages.json';
import es from '@/public/_locales/es/messages.json';

const t = translatorFromMessages(en, 'en');
const entries: Entry[] = [
  ...nameEntries(names.names),
  {
    kind: 'fact',
    id: 'fact:members',
    title: 'Member states',
    subject: 'IOM',
    value: '175',
    asOf: '2023-11',
    status: 'disputed',
    conflict: true,
    note: 'Sources give 175 or 174 depending on the date of a membership.',
    claims: [
      {
        source: { id: 's1', title: 'IOM members page', url: 'https://www.iom.int/member-states' },
        verdict: 'supports',
      },
      {
        source: { id: 's2', title: 'Old encyclopedia' },
        verdict: 'superseded',
        value: '173',
        asOf: '2021',
        reason: 'Older count.',
      },
      {
        source: { id: 's3', title: 'A blog' },
        verdict: 'rejected',
        value: '200',
        reason: 'No such count anywhere.',
      },
    ],
    history: [
      { value: '15', asOf: '1951-12', status: 'resolved', note: 'Settled by source tier.' },
      { value: '173', asOf: '2021', status: 'agreed' },
    ],
  },
  {
    kind: 'event',
    id: 'event:founded',
    title: 'Organization founded in Brussels',
    date: '1951-12-05',
    sources: [],
    factId: 'fact:members',
  },
  {
    kind: 'source',
    id: 'source:s1',
    title: 'IOM members page',
    url: 'https://www.iom.int/member-states',
    facts: [{ id: 'fact:members', title: 'Member states' }],
  },
];
const ready: EngineState = { kind: 'ready', engine: buildSearchEngine(entries) };

const box = () => screen.getByRole('combobox') as HTMLInputElement;
const type = (text: string) => fireEvent.input(box(), { target: { value: text } });
const key = (k: string) => fireEvent.keyDown(box(), { key: k });

describe('SearchPanel', () => {
  it('shows its children while the query is empty, focused and labelled', () => {
    render(
      <SearchPanel t={t} engine={ready}>
        <p>page section</p>
      </SearchPanel>,
    );
    expect(screen.getByText('page section')).toBeTruthy();
    expect(document.activeElement).toBe(box());
    expect(screen.getByLabelText('Search what IOM Lens knows')).toBe(box());
    expect(box().getAttribute('type')).toBe('search');
    expect(box().getAttribute('aria-expanded')).toBe('false');
  });

  it('answers as you type and says how many results', () => {
    const onQueryChange = vi.fn();
    render(<SearchPanel t={t} engine={ready} onQueryChange={onQueryChange} />);
    type('Comittee Europen');
    expect(onQueryChange).toHaveBeenCalledWith('Comittee Europen');
    const options = screen.getAllByRole('option');
    expect(options[0]?.textContent).toContain('Intergovernmental Committee for European Migration');
    expect(screen.getByTestId('search-status').textContent).toMatch(/^\d+ results?\.$/);
    expect(box().getAttribute('aria-expanded')).toBe('true');
  });

  it('pre-fills the query', () => {
    render(<SearchPanel t={t} engine={ready} initialQuery="ICEM" />);
    expect(box().value).toBe('ICEM');
    expect(screen.getAllByRole('option')[0]?.textContent).toContain('ICEM');
  });

  it('moves through results with the arrows, wrapping, and opens with Enter', () => {
    render(<SearchPanel t={t} engine={ready} />);
    type('committee');
    const count = screen.getAllByRole('option').length;
    expect(count).toBeGreaterThan(2);
    expect(screen.getAllByRole('option')[0]?.getAttribute('aria-selected')).toBe('true');
    key('ArrowDown');
    expect(screen.getAllByRole('option')[1]?.getAttribute('aria-selected')).toBe('true');
    expect(box().getAttribute('aria-activedescendant')).toBe(screen.getAllByRole('option')[1]?.id);
    key('ArrowUp');
    key('ArrowUp');
    expect(screen.getAllByRole('option')[count - 1]?.getAttribute('aria-selected')).toBe('true');
    const title = screen.getAllByRole('option')[count - 1]?.querySelector('.title')?.textContent;
    key('Enter');
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe(title);
    expect(document.activeElement).toBe(screen.getByRole('heading', { level: 2 }));
  });

  it('goes back from a detail with Escape, then clears the query with Escape', () => {
    render(<SearchPanel t={t} engine={ready} />);
    type('ICEM');
    key('Enter');
    expect(screen.getByTestId('detail')).toBeTruthy();
    fireEvent.keyDown(screen.getByRole('button', { name: /Back to results/ }), { key: 'Escape' });
    expect(screen.queryByTestId('detail')).toBeNull();
    expect(document.activeElement).toBe(box());
    expect(screen.getAllByRole('option').length).toBeGreaterThan(0);
    key('Escape');
    expect(box().value).toBe('');
    expect(screen.queryByRole('listbox')).toBeNull();
  });

  it('lists a misnomer as such, after the official name, with why it exists', () => {
    render(<SearchPanel t={t} engine={ready} />);
    type('Intergovernmental Committee on European Migration');
    const [official, misnomer] = screen.getAllByRole('option');
    expect(official?.querySelector('.title')?.textContent).toBe(
      'Intergovernmental Committee for European Migration',
    );
    expect(misnomer?.querySelector('.title')?.textContent).toBe(
      'Intergovernmental Committee on European Migration',
    );
    expect(misnomer?.querySelector('.sub')?.textContent).toMatch(/^Misnomer for ICEM · /);
    expect(misnomer?.querySelector('.note')?.textContent).toMatch(/back-translation/);
    expect(official?.querySelector('.note')).toBeNull();
    fireEvent.click(misnomer as HTMLElement);
    expect(screen.getByTestId('name-form').textContent).toBe('Misnomer for ICEM');
    expect(screen.getByTestId('detail').textContent).toContain(
      'Official name: Intergovernmental Committee for European Migration (ICEM)',
    );
  });

  it('opens a result with the pointer', () => {
    render(<SearchPanel t={t} engine={ready} />);
    type('member states');
    fireEvent.click(screen.getAllByRole('option')[0] as HTMLElement);
    expect(screen.getByTestId('detail').dataset.kind).toBe('fact');
  });

  it('shows a fact with its as-of date, sources, verdicts and conflict note', () => {
    render(<SearchPanel t={t} engine={ready} initialQuery="member states" />);
    key('Enter');
    expect(screen.getByTestId('detail-value').textContent).toBe('175 — as of November 2023Disputed');
    expect(screen.getByTestId('conflict-note').textContent).toContain('Sources disagree');
    const supporting = screen.getByTestId('claims').querySelectorAll('li');
    expect([...supporting].map((li) => li.dataset.verdict)).toEqual(['supports']);
    expect(supporting[0]?.textContent).toContain('supports');
    expect(screen.getByRole('link', { name: 'IOM members page' }).getAttribute('href')).toBe(
      'https://www.iom.int/member-states',
    );
    // Claims set aside are folded under their count, with the value they gave and why.
    const others = screen.getByTestId('other-claims');
    expect(others.closest('details')?.querySelector('summary')?.textContent).toBe(
      'Superseded or rejected claims (2)',
    );
    expect([...others.querySelectorAll('li')].map((li) => li.dataset.verdict)).toEqual([
      'superseded',
      'rejected',
    ]);
    expect(others.textContent).toContain('“173” — as of 2021');
    expect(others.textContent).toContain('No such count anywhere.');
    // Earlier values, newest first, folded too.
    const history = screen.getByTestId('history');
    expect(history.closest('details')?.querySelector('summary')?.textContent).toBe('Earlier values (2)');
    expect([...history.querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      '2021 173',
      'December 1951 15Settled by source tier.',
    ]);
  });

  it('shows a name with its years and the current name', () => {
    render(<SearchPanel t={t} engine={ready} initialQuery="ICEM" />);
    key('Enter');
    const detail = screen.getByTestId('detail');
    expect(detail.textContent).toContain('1952');
    expect(detail.textContent).toContain('International Organization for Migration (IOM)');
  });

  it('follows links from an event or a source to the fact', () => {
    render(<SearchPanel t={t} engine={ready} initialQuery="Brussels" />);
    key('Enter');
    expect(screen.getByTestId('detail').dataset.kind).toBe('event');
    fireEvent.click(screen.getByRole('button', { name: 'See the fact and its sources' }));
    expect(screen.getByTestId('detail').dataset.kind).toBe('fact');
  });

  it('says when nothing matches', () => {
    render(<SearchPanel t={t} engine={ready} />);
    type('zzzqqq');
    expect(screen.getByTestId('search-status').textContent).toBe('Nothing found for “zzzqqq”.');
  });

  it('says when the dataset is loading or failed', () => {
    const { rerender } = render(<SearchPanel t={t} engine={{ kind: 'loading' }} initialQuery="IOM" />);
    expect(screen.getByTestId('search-status').textContent).toBe('Loading the dataset…');
    rerender(<SearchPanel t={t} engine={{ kind: 'failed', reason: 'boom' }} initialQuery="IOM" />);
    expect(screen.getByTestId('search-status').textContent).toBe('The dataset could not be loaded: boom');
  });

  it('speaks Spanish when given Spanish strings', () => {
    render(<SearchPanel t={translatorFromMessages(es, 'es')} engine={ready} initialQuery="organizacion" />);
    expect(screen.getByLabelText('Buscar en los datos de IOM Lens')).toBeTruthy();
    expect(screen.getAllByRole('option')[0]?.textContent).toContain(
      'Organización Internacional para las Migraciones',
    );
  });
});
