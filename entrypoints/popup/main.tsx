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
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined) return null;
  return send(browser.runtime, 'get-tab-report', { tabId: tab.id });
}
