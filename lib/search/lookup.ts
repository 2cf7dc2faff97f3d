/**
 * "Look up in IOM Lens": opens the popup's search on some text. The toolbar popup itself cannot be
 * handed a query, and opening it on demand depends on the browser (Chrome's `action.openPopup` wants
 * a focused window with the button in the toolbar; Firefox allows it only from some user actions),
 * so the popup page opens in a small window of its own, sized like the popup. See docs/popup.md.
 */

/** Id of the context-menu item on selected text. */
export const LOOKUP_MENU_ID = 'iom-lens-lookup';

/** Longest query taken from a selection: longer selections are passages, not names to look up. */
export const MAX_LOOKUP_CHARS = 200;

/** Size of the search window: the popup's own width plus window chrome, tall enough for a detail view. */
export const SEARCH_WINDOW_SIZE = { width: 440, height: 640 } as const;

/** The query a selection becomes: whitespace collapsed, trimmed, cut at a word near the limit. */
export function queryFromSelection(selection: string): string {
  const text = selection.replace(/\s+/g, ' ').trim();
  if (text.length <= MAX_LOOKUP_CHARS) return text;
  const cut = text.slice(0, MAX_LOOKUP_CHARS);
  const lastSpace = cut.lastIndexOf(' ');
  return lastSpace > MAX_LOOKUP_CHARS / 2 ? cut.slice(0, lastSpace) : cut;
}

/** The popup page's path with the search pre-filled and, if known, the tab whose mentions it lists. */
export function searchPath(query: string, tabId?: number): string {
  const params = new URLSearchParams({ q: query });
  if (tabId !== undefined && tabId >= 0) params.set('tabId', String(tabId));
  return `/popup.html?${params}`;
}

/** The slice of the browser API that opening the search window needs (a parameter for tests). */
export interface LookupApi {
  runtime: { getURL(path: string): string };
  windows?: {
    create(options: {
      url: string;
      type: 'popup';
      width: number;
      height: number;
      focused?: boolean;
    }): Promise<unknown>;
  };
  tabs: { create(options: { url: string }): Promise<unknown> };
}

/** Opens the search for `query` in a small window, or in a tab where windows cannot be made (Android). */
export async function openSearch(api: LookupApi, query: string, tabId?: number): Promise<void> {
  const url = api.runtime.getURL(searchPath(queryFromSelection(query), tabId));
  if (api.windows) {
    try {
      await api.windows.create({ url, type: 'popup', ...SEARCH_WINDOW_SIZE, focused: true });
      return;
    } catch {
      // Some browsers refuse popup-type windows (kiosk, some Firefox forks): a tab always works.
    }
  }
  await api.tabs.create({ url });
}

/** The slice of `contextMenus` the lookup item needs. */
export interface MenusApi {
  removeAll(): Promise<void>;
  create(options: { id: string; title: string; contexts: ['selection'] }): unknown;
}

/**
 * (Re)creates the lookup item. Run on every background start: MV3 keeps items across restarts and
 * refuses a duplicate id, MV2's persistent page loses them, and removeAll-then-create suits both.
 */
export async function registerLookupMenu(menus: MenusApi, title: string): Promise<void> {
  await menus.removeAll();
  menus.create({ id: LOOKUP_MENU_ID, title, contexts: ['selection'] });
}
