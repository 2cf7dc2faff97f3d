import { browser } from 'wxt/browser';
import { listen } from '@/lib/messaging';
import { badgeText, TabReports } from '@/lib/tab-reports';

export default defineBackground(() => {
  const reports = new TabReports();
  // MV3 has `action`, Firefox MV2 has `browserAction`: same badge API under two names.
  const action = browser.action ?? browser.browserAction;

  listen(browser.runtime, {
    'page-report': (report, sender) => {
      const tabId = sender.tab?.id ?? null;
      if (tabId !== null) {
        reports.set(tabId, report);
        void action.setBadgeText({ tabId, text: badgeText(report.count) });
      }
      return { tabId };
    },
    'get-tab-report': ({ tabId }) => reports.get(tabId),
    ping: ({ from }) => ({ pong: true, from }),
  });
  browser.tabs.onRemoved.addListener((tabId) => reports.forget(tabId));
});
