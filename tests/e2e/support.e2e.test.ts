import { expect, it } from 'vitest';
import { describeInBrowsers, waitUntil } from './support';

// The harness's error log is what lets every other e2e test fail on a stray error, so it is tested too.
describeInBrowsers(
  'e2e support',
  (suite) => {
    it('logs errors from the page, the content script and the background', async () => {
      const tab = await suite.browser.openTab(suite.server.url('article.html?errors'));
      await tab.evaluate(() => {
        console.error('page console error');
        setTimeout(() => {
          throw new Error('page uncaught error');
        });
      });
      await suite.browser.evaluateInContentScript(tab, () => {
        setTimeout(() => {
          throw new Error('content script uncaught error');
        });
      });
      await suite.browser.evaluateInBackground(() => console.error('background console error'));
      const expected = [
        { where: tab.url(), kind: 'console-error', message: 'page console error' },
        { where: tab.url(), kind: 'page-error', message: 'page uncaught error' },
        { where: tab.url(), kind: 'page-error', message: 'content script uncaught error' },
        { where: 'background', kind: 'console-error', message: 'background console error' },
      ];
      const logged = await waitUntil(
        () => {
          const errors = suite.browser
            .errors()
            .map((e) => ({ ...e, message: e.message.replace(/^Error: /, '') }));
          return expected.every((x) => errors.some((e) => JSON.stringify(e) === JSON.stringify(x))) && errors;
        },
        { what: `all four errors in ${JSON.stringify(suite.browser.errors())}` },
      );
      expect(logged).toEqual(expect.arrayContaining(expected));
      suite.browser.clearErrors();
      expect(suite.browser.errors()).toEqual([]);
      await tab.close();
    });

    it('evaluates in the background with browser APIs and JSON results', async () => {
      const manifest = await suite.browser.evaluateInBackground(
        () => browser.runtime.getManifest().manifest_version,
      );
      expect(manifest).toBe(suite.kind === 'chromium' ? 3 : 2);
      await expect(
        suite.browser.evaluateInBackground((n: number) => ({ doubled: n * 2 }), 21),
      ).resolves.toEqual({
        doubled: 42,
      });
    });

    it('emulates the dark and the light colour scheme in open and new tabs', async () => {
      const open = await suite.browser.openTab(suite.server.url('article.html?scheme'));
      const isDark = () => matchMedia('(prefers-color-scheme: dark)').matches;
      const both = async () => [await open.evaluate(isDark), await later.evaluate(isDark)];
      await suite.browser.setColorScheme('dark');
      const later = await suite.browser.openExtensionPage('options.html');
      // Firefox hands the preference to its content processes asynchronously: each tab follows soon.
      await expect.poll(both, { timeout: 5000 }).toEqual([true, true]);
      await suite.browser.setColorScheme('light');
      await expect.poll(both, { timeout: 5000 }).toEqual([false, false]);
      await later.close();
      await open.close();
    });

    it('reports a failing remote function as a rejected promise', async () => {
      await expect(
        suite.browser.evaluateInBackground(() => {
          throw new Error('thrown in the background');
        }),
      ).rejects.toThrow(/thrown in the background/);
    });
  },
  { allowErrors: true },
);
