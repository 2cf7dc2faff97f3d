import { render } from 'preact';
import { browser } from 'wxt/browser';
import { PopupApp } from '@/components/PopupApp';
import type { PageReport } from '@/lib/messages';
import { send } from '@/lib/messaging';

const root = document.getElementById('app');
if (root) {
  render(<PopupApp report={null} loading />, root);
  void loadReport().then((report) => render(<PopupApp report={report} loading={false} />, root));
}

async function loadReport(): Promise<PageReport | null> {
  const tabId = tabIdFromQuery(location.search) ?? (await activeTabId());
  if (tabId === undefined) return null;
  return send(browser.runtime, 'get-tab-report', { tabId });
}

/** `popup.html?tabId=N` reports on tab N: opened as a page (e2e tests), the popup is itself the active tab. */
function tabIdFromQuery(search: string): number | undefined {
  const raw = new URLSearchParams(search).get('tabId');
  return raw !== null && /^\d+$/.test(raw) ? Number(raw) : undefined;
}

async function activeTabId(): Promise<number | undefined> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}
