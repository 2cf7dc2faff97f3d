/**
 * Loads the card UI chunk into the content script's world on first use. WXT bundles content scripts
 * as single classic scripts (no code splitting), so the chunk is an unlisted script of its own, made
 * web-accessible and imported by URL; it leaves its factory on the world's global.
 */
import { CARD_UI_GLOBAL, CARD_UI_PATH, type CardUiGlobal, type CreateCardView } from './contract';

/** Imports the card UI chunk (once) and returns its view factory. */
export async function loadCardUi(runtime: { getURL(path: string): string }): Promise<CreateCardView> {
  const world = globalThis as CardUiGlobal;
  if (!world[CARD_UI_GLOBAL]) {
    const url = runtime.getURL(CARD_UI_PATH);
    await import(/* @vite-ignore */ url);
  }
  const create = world[CARD_UI_GLOBAL];
  if (!create) throw new Error(`The card UI at ${CARD_UI_PATH} loaded but did not register itself`);
  return create;
}
