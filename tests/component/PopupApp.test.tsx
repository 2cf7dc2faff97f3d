import { fireEvent, render, screen } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { PopupApp, type PopupAppProps } from '@/components/PopupApp';
import names from '@/data/compiled/names.json';
import { translatorFromMessages } from '@/lib/i18n';
import { buildSearchEngine } from '@/lib/search/engine';
import { nameEntries } from '@/lib/search/names';
import en from '@/public/_locales/en/messages.json';
import fr from '@/public/_locales/fr/messages.json';

const t = translatorFromMessages(en, 'en');
const engine = buildSearchEngine(nameEntries(names.names));

function renderPopup(over: Partial<PopupAppProps> = {}) {
  const props: PopupAppProps = {
    t,
    page: { kind: 'ready', count: 0, mentions: [] },
    paused: false,
    site: { kind: 'on', host: 'news.example.org' },
    engine: { kind: 'ready', engine },
    onReveal: vi.fn(),
    onPausedChange: vi.fn(),
    onSiteOff: vi.fn(),
    onSiteOn: vi.fn(),
    optionsUrl: 'chrome-extension://x/options.html',
    onOpenOptions: vi.fn(),
    ...over,
  };
  return { props, ...render(<PopupApp {...props} />) };
}

const status = () => screen.getByTestId('page-status').textContent;

describe('PopupApp', () => {
  it('says when the page is still being looked at, and marks the status busy', () => {
    renderPopup({ page: { kind: 'loading' } });
    expect(status()).toBe('Looking at this page…');
    expect(screen.getByTestId('page-status').getAttribute('aria-busy')).toBe('true');
  });

  it('says when IOM Lens does not run on the page', () => {
    renderPopup({ page: { kind: 'unavailable' }, site: { kind: 'none' } });
    expect(status()).toBe('IOM Lens does not run on this page.');
    expect(screen.getByTestId('page-status').getAttribute('aria-busy')).toBe('false');
    expect(screen.queryByTestId('site-off')).toBeNull();
  });

  it('says when it is off on the page', () => {
    renderPopup({ page: { kind: 'inactive' } });
    expect(status()).toBe('IOM Lens is off on this page.');
  });

  it('says when there are no mentions', () => {
    renderPopup();
    expect(status()).toBe('No mentions on this page.');
    expect(screen.queryByTestId('mention-list')).toBeNull();
  });

  it('counts and lists the mentions with their context', () => {
    renderPopup({
      page: {
        kind: 'ready',
        count: 2,
        mentions: [
          { id: 0, text: 'ICEM', before: '… funded by the ', after: ' in 1960 …' },
          { id: 1, text: 'IOM', before: '', after: ' said' },
        ],
      },
    });
    expect(status()).toBe('2 mentions on this page.');
    const items = screen.getAllByRole('button', { description: 'Show on the page' });
    expect(items.map((b) => b.textContent)).toEqual(['… funded by the ICEM in 1960 …', 'IOM said']);
    expect(items[0]?.querySelector('mark')?.textContent).toBe('ICEM');
  });

  it('says when the list is capped', () => {
    renderPopup({
      page: { kind: 'ready', count: 250, mentions: [{ id: 0, text: 'IOM', before: '', after: '' }] },
    });
    expect(screen.getByTestId('mention-list-capped').textContent).toBe('The first 1 of 250 are listed.');
  });

  it('reveals the chosen mention', () => {
    const { props } = renderPopup({
      page: {
        kind: 'ready',
        count: 2,
        mentions: [
          { id: 0, text: 'IOM', before: '', after: '' },
          { id: 1, text: 'ICM', before: '', after: '' },
        ],
      },
    });
    fireEvent.click(screen.getByRole('button', { name: 'ICM' }));
    expect(props.onReveal).toHaveBeenCalledWith(1);
  });

  it('lists a frame’s mentions under a heading naming the frame, and reveals them in that frame', () => {
    const top = { id: 0, text: 'IOM', before: '', after: '', frameId: 0 };
    const framed = { id: 0, text: 'ICEM', before: '', after: '', frameId: 5 };
    const { props } = renderPopup({
      page: {
        kind: 'ready',
        count: 2,
        mentions: [top, framed],
        groups: [
          { frameId: 0, label: null, mentions: [top] },
          { frameId: 5, label: 'Station report', mentions: [framed] },
        ],
      },
    });
    const list = screen.getByTestId('mention-list');
    expect([...list.querySelectorAll('mark, h3')].map((e) => e.textContent)).toEqual([
      'IOM',
      'In a frame: Station report',
      'ICEM',
    ]);
    fireEvent.click(screen.getByRole('button', { name: 'ICEM' }));
    expect(props.onReveal).toHaveBeenCalledWith(0, 5);
  });

  it('pauses everywhere and shows it', () => {
    const { props } = renderPopup();
    fireEvent.click(screen.getByLabelText('Pause everywhere'));
    expect(props.onPausedChange).toHaveBeenCalledWith(true);
    renderPopup({ paused: true });
    expect(screen.getByTestId('paused-badge').textContent).toBe('Paused everywhere.');
  });

  it('disables the pause switch until settings load', () => {
    renderPopup({ paused: null });
    expect((screen.getByLabelText('Pause everywhere') as HTMLInputElement).disabled).toBe(true);
  });

  it('turns the site off, and back on when it was turned off by name', () => {
    const { props } = renderPopup();
    fireEvent.click(screen.getByRole('button', { name: 'Turn off on news.example.org' }));
    expect(props.onSiteOff).toHaveBeenCalledWith('news.example.org');
    const second = renderPopup({ site: { kind: 'off-by-host', host: 'news.example.org' } });
    expect(screen.getByText('Off on news.example.org.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Turn back on' }));
    expect(second.props.onSiteOn).toHaveBeenCalledWith('news.example.org');
  });

  it('points to the options when a site rule turns the site off', () => {
    renderPopup({ site: { kind: 'off-by-rule', host: 'a.example.org' } });
    expect(screen.getByTestId('site-off-by-rule').textContent).toBe(
      'Off on a.example.org by your site lists in the options.',
    );
  });

  it('opens the options page', () => {
    const { props } = renderPopup();
    const link = screen.getByRole('link', { name: 'Options' });
    expect(link.getAttribute('href')).toBe('chrome-extension://x/options.html');
    fireEvent.click(link);
    expect(props.onOpenOptions).toHaveBeenCalled();
  });

  it('says why a change could not be made', () => {
    renderPopup({ error: 'Settings not saved: the quota is full.' });
    expect(screen.getByRole('alert').textContent).toBe('Settings not saved: the quota is full.');
  });

  it('speaks French when given French strings', () => {
    renderPopup({ t: translatorFromMessages(fr, 'fr'), page: { kind: 'ready', count: 1, mentions: [] } });
    expect(status()).toBe('1 mention sur cette page.');
    expect(screen.getByLabelText('Mettre en pause partout')).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Sur cette page' })).toBeTruthy();
  });
});
