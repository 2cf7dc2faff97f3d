import { expect, it } from 'vitest';
import type { PageReport } from '@/lib/messages';
import { describeInBrowsers, waitUntil } from './support';

/** Patience for UI that renders after a message round trip. */
const POLL = { timeout: 15_000, interval: 100 };

// The extension's basic wiring, observed from outside in a real browser: content script, background,
// popup and options page of the BUILT extension, on a page served from 127.0.0.1.
describeInBrowsers('built extension', (suite) => {
  it('runs its content script on a served page', async () => {
    const tab = await suite.browser.openTab(suite.server.url('article.html'));
    const seen = await suite.browser.evaluateInContentScript(tab, () => ({
      href: location.href,
      hasRuntime: typeof browser.runtime.sendMessage === 'function',
    }));
    expect(seen).toEqual({ href: suite.server.url('article.html'), hasRuntime: true });
    await tab.close();
  });

  it("files the content script's page report under the page's tab in the background", async () => {
    const tab = await suite.browser.openTab(suite.server.url('article.html?report'));
    const tabId = await suite.browser.tabId(tab);
    // Asked from the content script's own world: the request goes to the background and the report comes back.
    const report = await waitUntil(
      () =>
        suite.browser.evaluateInContentScript(
          tab,
          (id: number): Promise<PageReport | null> =>
            browser.runtime.sendMessage({ type: 'get-tab-report', data: { tabId: id } }),
          tabId,
        ),
      { what: "the background's report for the tab" },
    );
    expect(report.url).toBe(tab.url());
    expect(report.count).toBeGreaterThanOrEqual(0);
    await tab.close();
  });

  it('round-trips a message between the content script and the background', async () => {
    const tab = await suite.browser.openTab(suite.server.url('article.html?ping'));
    const reply = await suite.browser.evaluateInContentScript(tab, () =>
      browser.runtime.sendMessage({ type: 'ping', data: { from: 'content-script' } }),
    );
    expect(reply).toEqual({ pong: true, from: 'content-script' });
    await tab.close();
  });

  it("opens the popup, which shows the page's status from the content script's report", async () => {
    const page = await suite.browser.openTab(suite.server.url('article.html?popup'));
    const popup = await suite.browser.openPopup(page);
    expect(await popup.text('h1')).toBe('IOM Lens');
    await expect
      .poll(() => popup.text('[data-testid="page-status"]'), POLL)
      .toMatch(/mentions? on this page/i);
    await popup.close();
    await page.close();
  });

  it('says in the popup when IOM Lens does not run on the tab', async () => {
    const popup = await suite.browser.openPopup(); // its own tab: an extension page, no content script
    await expect.poll(() => popup.text('[data-testid="page-status"]'), POLL).toMatch(/does not run/i);
    await popup.close();
  });

  it('opens the options page', async () => {
    const options = await suite.browser.openExtensionPage('options.html');
    expect(options.url()).toBe(`${suite.browser.extensionOrigin}/options.html`);
    // The options page's Preact root rendered its heading (its wording belongs to the options page's tests).
    expect(await options.waitFor(() => document.querySelector('#app h1')?.textContent?.trim())).toBeTruthy();
    await options.close();
  });
});
