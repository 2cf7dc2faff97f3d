import { browser } from 'wxt/browser';
import { send } from '@/lib/messaging';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  main(ctx) {
    if (ctx.isInvalid) return;
    void send(browser.runtime, 'page-report', { url: location.href, count: 0 }).catch(() => {
      // The background can be gone during an extension update; the next load reports again.
    });
  },
});
