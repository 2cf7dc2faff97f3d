import { afterEach, describe, expect, it, vi } from 'vitest';
import { createCardView } from '@/entrypoints/card-ui/view';
import { CARD_ELEMENT_NAME, type CardTarget, type CardView } from '@/lib/card/contract';
import type { PlainRect } from '@/lib/card/placement';
import { DATASET } from '../../unit/card/fixtures';

let view: CardView | undefined;
afterEach(() => {
  view?.dispose();
  document.body.innerHTML = '';
});

function setup(rects: PlainRect[] = [{ left: 100, top: 100, width: 40, height: 18 }]) {
  document.body.innerHTML = '<p>The ICEM archive</p>';
  const text = document.querySelector('p')?.firstChild as Text;
  const target: CardTarget = {
    range: { startContainer: text, startOffset: 4, endContainer: text, endOffset: 8, collapsed: false },
    surface: 'ICEM',
    nameId: 'icem',
    lang: 'en',
  };
  const onOpenSearch = vi.fn();
  const onClose = vi.fn();
  view = createCardView(DATASET, {
    doc: document,
    win: window as unknown as Window & typeof globalThis,
    onOpenSearch,
    onClose,
    rectsOf: () => rects,
  });
  return { target, onOpenSearch, onClose, view };
}

const host = () => document.querySelector(CARD_ELEMENT_NAME) as HTMLElement | null;
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('card view', () => {
  it('adds nothing to the page before the first show', () => {
    setup();
    expect(host()).toBeNull();
    expect(document.documentElement.innerHTML).not.toContain('iom-lens');
  });

  it('renders the card in an open shadow root of <iom-lens-card> on <html>, reset with :host { all: initial }', async () => {
    const { target, view } = setup();
    expect(view.show(target)).toBe(true);
    const el = host() as HTMLElement;
    expect(el.parentElement).toBe(document.documentElement);
    expect(el.shadowRoot?.mode).toBe('open');
    const css = [
      ...(el.shadowRoot?.adoptedStyleSheets ?? []).flatMap((s) => [...s.cssRules].map((r) => r.cssText)),
      ...[...(el.shadowRoot?.querySelectorAll('style') ?? [])].map((s) => s.textContent),
    ].join('\n');
    expect(css).toMatch(/:host\s*\{[^}]*all:\s*initial\s*!important/);
    const dialog = el.shadowRoot?.querySelector('[role="dialog"]');
    expect(dialog?.getAttribute('aria-label')).toBe('IOM Lens: ICEM');
    expect(dialog?.textContent).toContain('today the International Organization for Migration (IOM)');
    expect(view.element).toBe(el);
    expect(el.children).toHaveLength(0); // nothing in the light DOM: the page's CSS has nothing to select
  });

  it('places the card beside the mention and shows it once placed', async () => {
    const { target, view } = setup();
    view.show(target);
    const frame = host()?.shadowRoot?.querySelector('.frame') as HTMLElement;
    expect(frame.hasAttribute('data-placed')).toBe(false);
    await settle();
    expect(frame.hasAttribute('data-placed')).toBe(true);
    expect(frame.style.top).toBe('124px'); // below the mention: 100 + 18 + the gap
    expect(frame.dataset.side).toBe('bottom');
  });

  it('on a phone, lays the card out at the viewport width minus its margins before measuring it', () => {
    const { target, view } = setup();
    // happy-dom's document is not in standards mode, so the viewport is the window's inner size.
    const width = vi.spyOn(window, 'innerWidth', 'get').mockReturnValue(360);
    try {
      view.show(target);
      const frame = host()?.shadowRoot?.querySelector('.frame') as HTMLElement;
      expect(frame.style.maxWidth).toBe('344px'); // measured at this width; placement narrows further if needed
    } finally {
      width.mockRestore();
    }
  });

  it('is placed within the same task as the show (microtasks only), so it paints in the next frame', async () => {
    const { target, view } = setup();
    view.show(target);
    const frame = host()?.shadowRoot?.querySelector('.frame') as HTMLElement;
    for (let i = 0; i < 50 && !frame.hasAttribute('data-placed'); i++) await Promise.resolve();
    expect(frame.hasAttribute('data-placed')).toBe(true);
  });

  it('moves focus into the card only when asked', async () => {
    const { target, view } = setup();
    view.show(target);
    await settle();
    expect(view.hasFocus()).toBe(false);
    view.show(target, { focus: true });
    await settle();
    expect(view.hasFocus()).toBe(true);
  });

  it('refuses mentions that are not rendered and names it cannot describe', () => {
    const { target, view } = setup([]);
    expect(view.show(target)).toBe(false);
    expect(host()).toBeNull();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const other = setup();
    expect(other.view.show({ ...target, nameId: 'isle-of-man' })).toBe(false);
    expect(warn).toHaveBeenCalledWith('[iom-lens]', expect.stringContaining('isle-of-man'));
  });

  it('passes the search and close actions on', async () => {
    const { target, view, onOpenSearch, onClose } = setup();
    view.show(target);
    const shadow = host()?.shadowRoot as ShadowRoot;
    (shadow.querySelector('button.search') as HTMLButtonElement).click();
    expect(onOpenSearch).toHaveBeenCalledWith('Intergovernmental Committee for European Migration');
    (shadow.querySelector('button.close') as HTMLButtonElement).click();
    expect(onClose).toHaveBeenCalledOnce();
  });

  it('empties the card on hide and removes its element on dispose', () => {
    const { target, view } = setup();
    view.show(target);
    view.hide();
    expect(host()?.shadowRoot?.querySelector('[role="dialog"]')).toBeNull();
    expect(view.reposition()).toBe(false);
    view.dispose();
    expect(host()).toBeNull();
  });
});
