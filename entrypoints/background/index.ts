import { browser } from 'wxt/browser';
import { forwardCardCommand } from '@/lib/card/commands';
import { guardHandlers } from '@/lib/message-policy';
import { listen } from '@/lib/messaging';
import { LOOKUP_MENU_ID, openSearch, registerLookupMenu } from '@/lib/search/lookup';
import { migrateStoredSettings } from '@/lib/settings/store';
import { badgeText, TabReports, TOP_FRAME_ID } from '@/lib/tab-reports';

export default defineBackground(() => {
  // Content scripts only read the settings, migrating older ones in memory (lib/settings/reader.ts); they
  // are written back in the current layout here, when the background starts (install, update, browser
  // start), and by the popup and options pages whenever they open. Not on every storage change: the store
  // writes a first save's value and its version together, and a reader between the two would take the
  // new value for the first layout.
  void migrateStoredSettings();
  const reports = new TabReports();
  // MV3 has `action`, Firefox MV2 has `browserAction`: same badge API under two names.
  const action = browser.action ?? browser.browserAction;
  /** The badge counts the mentions of every frame of the tab. */
  const showCount = (tabId: number) =>
    // The tab may close between its report and the badge update (Firefox rejects "Invalid tab ID").
    action.setBadgeText({ tabId, text: badgeText(reports.count(tabId)) }).catch(() => reports.forget(tabId));

  // Every request is checked for shape and sender first (a content script shares its renderer with the page).
  listen(
    browser.runtime,
    guardHandlers({
      'page-report': (report, sender) => {
        const tabId = sender.tab?.id ?? null;
        if (tabId !== null) {
          reports.set(tabId, report, sender.frameId);
          showCount(tabId);
        }
        return { tabId };
      },
      'page-gone': (_, sender) => {
        const tabId = sender.tab?.id;
        const forgotten = tabId !== undefined && reports.forgetFrame(tabId, sender.frameId ?? TOP_FRAME_ID);
        if (forgotten && tabId !== undefined) showCount(tabId);
        return { forgotten };
      },
      'get-tab-report': ({ tabId }) => reports.get(tabId),
      'get-tab-frames': ({ tabId }) => reports.frames(tabId),
      ping: ({ from }) => ({ pong: true, from }),
      'open-search': async ({ query }, sender) => {
        await openSearch(browser, query, sender.tab?.id);
        return { opened: true };
      },
    }),
  );
  // Keyboard commands (next/previous mention) go to the tab's hover cards. Firefox for Android has no
  // commands or context menus (no keyboard shortcuts, no menus API): there the APIs are absent.
  browser.commands?.onCommand.addListener((command, tab) => void forwardCardCommand(browser, command, tab));
  browser.tabs.onRemoved.addListener((tabId) => reports.forget(tabId));
  // A new top-level page in the tab: its frames report again once they have shown a candidate (most
  // pages never do, and send nothing). The browser clears the tab's badge itself on such a navigation.
  // The URL tells: a tab's status also turns to "loading" while one of its frames loads. A page that
  // goes also says so itself ('page-gone'), which covers a reload.
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.url !== undefined) reports.forget(tabId);
  });

  // "Look up in IOM Lens" on selected text: opens the search pre-filled with the selection.
  const menus = browser.contextMenus as typeof browser.contextMenus | undefined;
  if (menus) {
    void registerLookupMenu(menus, browser.i18n.getMessage('contextMenuLookup')).catch((error) =>
      console.error('[iom-lens] could not add the context-menu item', error),
    );
    menus.onClicked.addListener((info, tab) => {
      if (info.menuItemId === LOOKUP_MENU_ID && info.selectionText) {
        void openSearch(browser, info.selectionText, tab?.id);
      }
    });
  }
});
