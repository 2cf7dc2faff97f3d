import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { type EraInfo, OptionsApp, type OptionsAppProps } from '@/components/OptionsApp';
import { translatorFromMessages } from '@/lib/i18n';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/settings';
import en from '@/public/_locales/en/messages.json';
import es from '@/public/_locales/es/messages.json';

const t = translatorFromMessages(en, 'en');
const ERA_INFO: EraInfo[] = [
  { era: 'PICMME', acronym: 'PICMME', name: 'Provisional Committee', from: '1951', to: '1952' },
  {
    era: 'ICEM',
    acronym: 'ICEM',
    name: 'Intergovernmental Committee for European Migration',
    from: '1952',
    to: '1980',
  },
  { era: 'ICM', acronym: 'ICM', name: 'Intergovernmental Committee for Migration', from: '1980', to: '1989' },
  { era: 'IOM', acronym: 'IOM', name: 'International Organization for Migration', from: '1989', to: null },
];

function renderOptions(over: Partial<OptionsAppProps> = {}, settings: Settings = DEFAULT_SETTINGS) {
  const props: OptionsAppProps = {
    t,
    settings,
    eras: ERA_INFO,
    onSave: vi.fn(async () => {}),
    onReset: vi.fn(async () => {}),
    onExport: vi.fn(),
    onImport: vi.fn(async () => null),
    ...over,
  };
  return { props, ...render(<OptionsApp {...props} />) };
}

describe('OptionsApp', () => {
  it('says it is loading until the settings arrive', () => {
    renderOptions({}, null as unknown as Settings);
    expect(screen.getByRole('status').textContent).toBe('Loading…');
  });

  it('shows every setting with its current value', () => {
    renderOptions({}, { ...DEFAULT_SETTINGS, paused: true, highlightStyle: 'background', hoverDelayMs: 450 });
    expect((screen.getByLabelText('Pause everywhere') as HTMLInputElement).checked).toBe(true);
    expect((screen.getByLabelText('Background colour') as HTMLInputElement).checked).toBe(true);
    expect((screen.getByLabelText('Delay before a card opens') as HTMLInputElement).value).toBe('450');
    expect(screen.getByTestId('hover-delay-value').textContent).toBe('450 ms');
    expect(screen.getByText(/since 1989/)).toBeTruthy();
    expect(screen.getByText(/1952–1980/)).toBeTruthy();
  });

  it('saves a change of era at once, only that era', async () => {
    const { props } = renderOptions();
    fireEvent.click(screen.getByRole('checkbox', { name: /ICEM/ }));
    await waitFor(() => expect(props.onSave).toHaveBeenCalledWith({ eras: { ICEM: false } }));
    await screen.findByText('Saved.');
  });

  it('saves the highlight style and the hover delay', async () => {
    const { props } = renderOptions();
    fireEvent.click(screen.getByLabelText('None (mentions are still counted and listed)'));
    expect(props.onSave).toHaveBeenCalledWith({ highlightStyle: 'none' });
    const slider = screen.getByLabelText('Delay before a card opens') as HTMLInputElement;
    slider.value = '700';
    fireEvent.input(slider);
    expect(screen.getByTestId('hover-delay-value').textContent).toBe('700 ms');
    expect(props.onSave).toHaveBeenCalledTimes(1); // dragging does not write storage on every step
    fireEvent.change(slider);
    expect(props.onSave).toHaveBeenLastCalledWith({ hoverDelayMs: 700 });
  });

  it('shows facts as of the page’s date by default, and saves turning it off', async () => {
    const { props } = renderOptions();
    const option = screen.getByLabelText('Show facts as of the page’s date') as HTMLInputElement;
    expect(option.checked).toBe(true);
    fireEvent.click(option);
    await waitFor(() => expect(props.onSave).toHaveBeenCalledWith({ factsAsOfPageDate: false }));
  });

  it('shows why a change could not be saved', async () => {
    renderOptions({
      onSave: vi.fn(async () => Promise.reject(new Error('Settings not saved: quota is full.'))),
    });
    fireEvent.click(screen.getByLabelText('Pause everywhere'));
    expect((await screen.findByRole('alert')).textContent).toBe('Settings not saved: quota is full.');
  });

  it('adds a site to the deny list, normalized', async () => {
    const { props } = renderOptions();
    const list = screen.getByTestId('deny-list');
    const input = list.querySelector('input') as HTMLInputElement;
    fireEvent.input(input, { target: { value: 'https://News.Example.org/page' } });
    fireEvent.submit(input.form as HTMLFormElement);
    await waitFor(() => expect(props.onSave).toHaveBeenCalledWith({ deny: ['news.example.org'] }));
  });

  it('refuses an invalid or duplicate site beside the field, saving nothing', async () => {
    const { props } = renderOptions({}, { ...DEFAULT_SETTINGS, allow: ['*.example.org'] });
    const list = screen.getByTestId('allow-list');
    const input = list.querySelector('input') as HTMLInputElement;
    fireEvent.input(input, { target: { value: 'not a host' } });
    fireEvent.submit(input.form as HTMLFormElement);
    expect((await screen.findByRole('alert')).textContent).toContain('“not a host” is not a site');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    fireEvent.input(input, { target: { value: '*.EXAMPLE.org' } });
    fireEvent.submit(input.form as HTMLFormElement);
    expect((await screen.findByRole('alert')).textContent).toBe('*.example.org is already in the list.');
    expect(props.onSave).not.toHaveBeenCalled();
  });

  it('removes a site', async () => {
    const { props } = renderOptions({}, { ...DEFAULT_SETTINGS, deny: ['a.org', 'b.org'] });
    fireEvent.click(screen.getByRole('button', { name: 'Remove a.org' }));
    await waitFor(() => expect(props.onSave).toHaveBeenCalledWith({ deny: ['b.org'] }));
  });

  it('shows empty lists as such', () => {
    renderOptions();
    expect(screen.getAllByText('No sites.')).toHaveLength(2);
  });

  it('asks before resetting, and moves focus to the question', async () => {
    const { props } = renderOptions();
    fireEvent.click(screen.getByRole('button', { name: 'Reset to defaults…' }));
    const confirm = screen.getByRole('button', { name: 'Reset' });
    expect(document.activeElement).toBe(confirm);
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(props.onReset).not.toHaveBeenCalled();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Reset to defaults…' }));
    fireEvent.click(screen.getByRole('button', { name: 'Reset to defaults…' }));
    fireEvent.click(screen.getByRole('button', { name: 'Reset' }));
    await screen.findByText('Settings reset to defaults.');
    expect(props.onReset).toHaveBeenCalledTimes(1);
  });

  it('exports on request', () => {
    const { props } = renderOptions();
    fireEvent.click(screen.getByRole('button', { name: 'Export settings' }));
    expect(props.onExport).toHaveBeenCalledTimes(1);
  });

  it('imports a chosen file and confirms', async () => {
    const { props } = renderOptions();
    const input = screen.getByTestId('import-file') as HTMLInputElement;
    const file = new File(['{"format":"iom-lens-settings"}'], 'mine.json', { type: 'application/json' });
    fireEvent.change(input, { target: { files: [file] } });
    expect(await screen.findByText('Settings imported from mine.json.')).toBeTruthy();
    expect(props.onImport).toHaveBeenCalledWith('{"format":"iom-lens-settings"}');
  });

  it('refuses a broken file with its reason and says nothing changed', async () => {
    renderOptions({
      onImport: vi.fn(async () => 'Not valid JSON: line 1, column 2: expected a value, found "x".'),
    });
    const input = screen.getByTestId('import-file') as HTMLInputElement;
    fireEvent.change(input, { target: { files: [new File(['{x'], 'broken.json')] } });
    expect((await screen.findByRole('alert')).textContent).toBe(
      'broken.json was not imported; nothing changed. Not valid JSON: line 1, column 2: expected a value, found "x".',
    );
  });

  it('speaks Spanish when given Spanish strings', () => {
    renderOptions({ t: translatorFromMessages(es, 'es') });
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Opciones de IOM Lens');
    expect(screen.getByLabelText('Pausar en todas partes')).toBeTruthy();
  });
});
