/**
 * What the content script and the lazily loaded card UI agree on. The content script stays small:
 * it hit-tests, times and navigates, and loads the card UI (Preact, the components, placement and the
 * dataset: see docs/adr/004-card-isolation-and-timing.md) on the first hover only.
 */
import type { PlainRect } from './placement';
import type { CardMention } from './types';

/** Where the card UI chunk is, inside the extension (an unlisted script, web-accessible). */
export const CARD_UI_PATH = '/card-ui.js';

/**
 * The global the card UI chunk sets when it runs. The chunk is an ES module imported into the content
 * script's own world (isolated world in Chromium, sandbox in Firefox), so the page cannot see it.
 */
export const CARD_UI_GLOBAL: unique symbol = Symbol.for('iom-lens.card-ui');

/** The card's host element: a custom element name with the extension's prefix. */
export const CARD_ELEMENT_NAME = 'iom-lens-card';

/** The mention a card is shown for: the registry entry's fields the view reads. */
export interface CardTarget extends Readonly<CardMention> {
  /** Where the mention is (a StaticRange). */
  readonly range: AbstractRange;
}

/** How to show a card. */
export interface ShowOptions {
  /** Pointer position on hover: places the card at the line of a wrapped mention under the pointer. */
  pointer?: { x: number; y: number };
  /** Move focus into the card (keyboard command); never on hover. */
  focus?: boolean;
}

/** The card on the page: one per page, created on first use. */
export interface CardView {
  /** Renders and places the card for `target`; false when it cannot (not rendered, unknown name). */
  show(target: CardTarget, options?: ShowOptions): boolean;
  /** Places the card again after scrolling or resizing; false when its mention has left the viewport. */
  reposition(): boolean;
  /** Hides the card (its element stays, empty, until dispose). */
  hide(): void;
  /** The host element once created (events from inside the card reach the page with it as target). */
  readonly element: HTMLElement | null;
  /** True when focus is inside the card. */
  hasFocus(): boolean;
  /** Removes the host element and everything in it. */
  dispose(): void;
}

/** What the view needs from the content script. */
export interface CardViewDeps {
  /** The page's document. */
  doc: Document;
  /** The page's window. */
  win: Window & typeof globalThis;
  /** "Open in search" was chosen. */
  onOpenSearch: (query: string) => void;
  /** The card's close button was used. */
  onClose: () => void;
  /** Measures a range's client rects (a seam for tests: happy-dom has no layout). */
  rectsOf?: (range: AbstractRange) => PlainRect[];
  /** The option "show facts as of the page's date" as it stands now (on when not given). */
  usePageDate?: () => boolean;
}

/** The factory the card UI chunk provides. */
export type CreateCardView = (deps: CardViewDeps) => CardView;

/** The content script world's global, as the chunk leaves it. */
export type CardUiGlobal = typeof globalThis & { [CARD_UI_GLOBAL]?: CreateCardView };
