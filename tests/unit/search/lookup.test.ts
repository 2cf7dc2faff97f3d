import { describe, expect, it, vi } from 'vitest';
import {
  LOOKUP_MENU_ID,
  MAX_LOOKUP_CHARS,
  openSearch,
  queryFromSelection,
  registerLookupMenu,
  SEARCH_WINDOW_SIZE,
  searchPath,
} from '@/lib/search/lookup';

const api = () => ({
  runtime: { getURL: (path: string) => `chrome-extension://id${path}` },
  windows: { create: vi.fn(async () => ({})) },
  tabs: { create: vi.fn(async () => ({})) },
});

describe('lookup', () => {
  it('turns a selection into a query: whitespace collapsed, long passages cut at a word', () => {
    expect(queryFromSelection('  Intergovernmental\n  Committee\tfor Migration ')).toBe(
      'Intergovernmental Committee for Migration',
    );
    const long = queryFromSelection('word '.repeat(100));
    expect(long.length).toBeLessThanOrEqual(MAX_LOOKUP_CHARS);
    expect(long.endsWith('word')).toBe(true);
  });

  it('puts the query and the tab in the popup URL', () => {
    expect(searchPath('Comité & co', 12)).toBe('/popup.html?q=Comit%C3%A9+%26+co&tabId=12');
    expect(searchPath('ICEM')).toBe('/popup.html?q=ICEM');
    expect(searchPath('ICEM', -1)).toBe('/popup.html?q=ICEM'); // tabs.TAB_ID_NONE
  });

  it('opens the search in a small popup window', async () => {
    const a = api();
    await openSearch(a, ' ICEM ', 4);
    expect(a.windows.create).toHaveBeenCalledWith({
      url: 'chrome-extension://id/popup.html?q=ICEM&tabId=4',
      type: 'popup',
      ...SEARCH_WINDOW_SIZE,
      focused: true,
    });
    expect(a.tabs.create).not.toHaveBeenCalled();
  });

  it('falls back to a tab where windows cannot be created', async () => {
    const a = api();
    a.windows.create.mockRejectedValue(new Error('not supported'));
    await openSearch(a, 'IOM');
    expect(a.tabs.create).toHaveBeenCalledWith({ url: 'chrome-extension://id/popup.html?q=IOM' });
    const noWindows = { ...api(), windows: undefined };
    await openSearch(noWindows, 'IOM');
    expect(noWindows.tabs.create).toHaveBeenCalled();
  });

  it('replaces the menu item instead of duplicating it', async () => {
    const menus = { removeAll: vi.fn(async () => {}), create: vi.fn() };
    await registerLookupMenu(menus, 'Look up in IOM Lens');
    await registerLookupMenu(menus, 'Look up in IOM Lens');
    expect(menus.removeAll).toHaveBeenCalledTimes(2);
    expect(menus.create).toHaveBeenLastCalledWith({
      id: LOOKUP_MENU_ID,
      title: 'Look up in IOM Lens',
      contexts: ['selection'],
    });
  });
});
