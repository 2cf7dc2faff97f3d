/**
 * The card on the page: renders the card components into the shadow-rooted host, measures once and
 * places the card with the pure placement function. Part of the lazily loaded card UI chunk; the
 * content script talks to it only through the CardView contract.
 */
import { render } from 'preact';
import { Card } from '@/components/card/Card';
import cardCss from '@/components/card/card.css?inline';
import type { CardTarget, CardView, CardViewDeps, ShowOptions } from '@/lib/card/contract';
import { type CardDataset, createCardModel } from '@/lib/card/model';
import { cardWidthLimit, type PlainRect, placeCard } from '@/lib/card/placement';
import { pageReaderContext } from '@/lib/card/reader-context';
import { anyInViewport, clientRectsOf, viewportOf } from '@/lib/card/rects';
import { cardTranslator } from '@/lib/card/strings';
import { type CardHost, createCardHost } from './host';

/** Creates the page's card view over `dataset`; nothing is added to the page before the first show. */
export function createCardView(dataset: CardDataset, deps: CardViewDeps): CardView {
  const { doc, win } = deps;
  const rectsOf = deps.rectsOf ?? ((range: AbstractRange) => clientRectsOf(doc, range));
  let host: CardHost | null = null;
  const readerContext = pageReaderContext(doc, deps.usePageDate);
  let target: CardTarget | null = null;
  let pointer: ShowOptions['pointer'];
  /** Bumped on every show, reposition and hide, so a placement that resolves late is dropped. */
  let generation = 0;

  const ensureHost = () => {
    host ??= createCardHost(doc, cardCss);
    // The page may have removed the host (a sweep of unknown elements): put the same one back.
    if (!host.host.isConnected) (doc.documentElement ?? doc).append(host.host);
    return host;
  };

  /** Measures the rendered card and places it; resolves before the next frame (microtasks only). */
  const place = (rects: PlainRect[], focus: boolean) => {
    const current = ensureHost();
    const frame = current.frame;
    const mine = ++generation;
    const viewport = viewportOf(doc, win);
    frame.style.maxHeight = '';
    // Narrow viewports (phones): lay the card out as narrow as it will be shown, then measure.
    frame.style.maxWidth = `${cardWidthLimit(viewport.width)}px`;
    const card = { width: frame.offsetWidth, height: frame.offsetHeight };
    const holder = target?.range.startContainer.parentElement;
    const rtl = holder ? win.getComputedStyle(holder).direction === 'rtl' : false;
    void placeCard({ rects, card, viewport, pointer, rtl }).then(
      (p) => {
        if (mine !== generation) return;
        frame.style.left = `${p.x}px`;
        frame.style.top = `${p.y}px`;
        frame.style.maxHeight = `${p.maxHeight}px`;
        frame.style.maxWidth = `${p.maxWidth}px`;
        frame.dataset.side = p.side;
        frame.dataset.placed = '';
        if (focus) frame.querySelector<HTMLElement>('[role="dialog"]')?.focus({ preventScroll: true });
      },
      (error: unknown) => console.warn('[iom-lens] could not place the card', error),
    );
  };

  const view: CardView = {
    show(next, options = {}) {
      let model: ReturnType<typeof createCardModel>;
      try {
        model = createCardModel(dataset, next, readerContext());
      } catch (error) {
        console.warn('[iom-lens]', error instanceof Error ? error.message : error);
        return false;
      }
      const rects = rectsOf(next.range);
      if (rects.length === 0) return false;
      target = next;
      pointer = options.pointer;
      const { frame } = ensureHost();
      delete frame.dataset.placed;
      const t = cardTranslator(model.lang);
      render(
        <Card
          // A new mention gets a fresh card: expanded sources of the last one do not carry over.
          key={`${next.nameId}:${next.surface}:${rects[0]?.left}:${rects[0]?.top}`}
          model={model}
          t={t}
          onOpenSearch={deps.onOpenSearch}
          onClose={deps.onClose}
        />,
        frame,
      );
      place(rects, options.focus === true);
      return true;
    },
    reposition() {
      if (!target || !host) return false;
      const rects = rectsOf(target.range);
      if (!anyInViewport(rects, viewportOf(doc, win))) return false;
      // While scrolling the pointer no longer says which line of a wrapped mention is meant.
      pointer = undefined;
      place(rects, false);
      return true;
    },
    hide() {
      generation++;
      target = null;
      if (!host) return;
      delete host.frame.dataset.placed;
      render(null, host.frame);
    },
    get element() {
      return host?.host ?? null;
    },
    hasFocus() {
      return host !== null && doc.activeElement === host.host && host.shadow.activeElement !== null;
    },
    dispose() {
      view.hide();
      host?.remove();
      host = null;
    },
  };
  return view;
}
