import { render } from 'preact';
import { browser } from 'wxt/browser';
import sharedCss from '@/components/Popup.css?inline';
import { PopupApp } from '@/components/PopupApp';
import type { EngineState } from '@/components/search/SearchPanel';
import { type MessageKey, translatorFromBrowser } from '@/lib/i18n';
import { type Envelope, isEnvelope, type PageReport, type Protocol } from '@/lib/messages';
import { send } from '@/lib/messaging';
import type { Settings, SettingsPatch } from '@/lib/settings';
import { siteState } from '@/lib/settings/site-state';
import { pageState } from './page-state';
import pageCss from './style.css?inline';

/** Marks the first render for `npm run bench` (scripts/bench-popup.ts reads it). */
const FIRST_RENDER_MARK = 'iom-lens:popup-first-render';

// The styles go in as a <style> made here rather than as linked stylesheets: a pending stylesheet holds
// the module back until it is fetched, about 10 ms of the popup's first render on these machines.
const style = document.createElement('style');
style.textContent = sharedCss + pageCss;
document.head.append(style);

const root = document.getElementById('app');
if (root) mount(root);

/**
 * Wires the popup view to the tab, the settings and the search. The first render uses nothing
 * asynchronous; the tab's report, the settings and the search engine (with the dataset, loaded by
 * dynamic import) arrive afterwards and re-render.
 */
function mount(root: HTMLElement) {
  // The settings store (valibot, @wxt-dev/storage) is not needed for the first frame: it is imported right
  // after it. (Importing it before cost the first render 2–4 ms: the bundler's preload helper adds a
  // <link rel="modulepreload"> per chunk it needs.)
  let settingsApi: Promise<typeof import('@/lib/settings')> | null = null;
  const loadSettingsApi = () => {
    settingsApi ??= import('@/lib/settings');
    return settingsApi;
  };
  const saveSettings = (patch: SettingsPatch) => loadSettingsApi().then((api) => api.saveSettings(patch));
  const t = translatorFromBrowser((key, subs) => browser.i18n.getMessage(key as MessageKey, subs));
  document.documentElement.lang = t.lang;
  const params = new URLSearchParams(location.search);
  const initialQuery = params.get('q') ?? '';
  // `popup.html?tabId=N` reports on tab N: opened as a window or a page (context menu, e2e tests),
  // the popup is not in the tab's window, or is itself the active tab.
  const tabParam = params.get('tabId');
  const fixedTabId = tabParam !== null && /^\d+$/.test(tabParam) ? Number(tabParam) : undefined;

  let tabId: number | undefined;
  let url: string | null = null;
  let report: PageReport | null = null;
  let reportLoaded = false;
  let settings: Settings | null = null;
  let engine: EngineState = { kind: 'loading' };
  let engineRequested = false;
  let error: string | null = null;

  const draw = () =>
    render(
      <PopupApp
        t={t}
        page={reportLoaded ? pageState(report, settings, url) : { kind: 'loading' }}
        paused={settings ? settings.paused : null}
        site={settings ? siteState(settings, url) : { kind: 'none' }}
        engine={engine}
        error={error}
        initialQuery={initialQuery}
        onQueryChange={requestEngine}
        onReveal={(id) => void reveal(id)}
        onPausedChange={(paused) => void saveSettings({ paused }).then(clearError, showSaveError)}
        onSiteOff={(host) => {
          if (settings) void saveSettings({ deny: [...settings.deny, host] }).then(clearError, showSaveError);
        }}
        onSiteOn={(host) => {
          if (settings) {
            void saveSettings({ deny: settings.deny.filter((p) => p !== host) }).then(
              clearError,
              showSaveError,
            );
          }
        }}
        optionsUrl={browser.runtime.getURL('/options.html')}
        onOpenOptions={() =>
          void browser.runtime.openOptionsPage().then(() => {
            if (fixedTabId === undefined) window.close(); // the toolbar popup; a window or tab stays
          })
        }
      />,
      root,
    );

  draw();
  performance.mark(FIRST_RENDER_MARK);

  // The dataset is the popup's biggest part: fetch it once the first frame is on screen, or at once
  // when a query is waiting.
  if (initialQuery) requestEngine();
  else requestAnimationFrame(() => setTimeout(requestEngine, 0));

  function requestEngine() {
    if (engineRequested) return;
    engineRequested = true;
    import('@/lib/search/load')
      .then(({ loadSearchEngine }) => loadSearchEngine())
      .then(
        (ready) => {
          engine = { kind: 'ready', engine: ready };
        },
        (error: unknown) => {
          engine = { kind: 'failed', reason: error instanceof Error ? error.message : String(error) };
        },
      )
      .finally(draw);
  }

  void loadSettingsApi().then(({ loadSettings, watchSettings }) => {
    watchSettings((next) => {
      settings = next;
      draw();
    });
    return loadSettings().then((loaded) => {
      settings = loaded;
      draw();
    });
  });

  void (async () => {
    tabId = fixedTabId;
    if (tabId === undefined) {
      const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
      tabId = tab?.id;
      url = tab?.url ?? null;
    } else {
      url = (await browser.tabs.get(tabId).catch(() => undefined))?.url ?? null;
    }
    report = tabId === undefined ? null : await tabReport(tabId);
    url = report?.url ?? url;
    reportLoaded = true;
    draw();
  })();

  // Content scripts send their reports to every extension page: keep the list live while the popup is open.
  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    if (
      isEnvelope(message) &&
      message.type === 'page-report' &&
      sender.tab?.id === tabId &&
      tabId !== undefined
    ) {
      report = message.data as PageReport;
      url = report.url;
      reportLoaded = true;
      draw();
    }
    return undefined; // no reply: the background answers page reports
  });

  /**
   * The tab's report: from the page itself, which knows its mentions now (it tells the background only
   * once it has shown a candidate), or else what the background kept (a tab whose content script cannot
   * answer). A tab without our content script (not http(s), or loaded before the install) rejects at once.
   */
  async function tabReport(id: number): Promise<PageReport | null> {
    const request: Envelope<'get-page-report'> = { type: 'get-page-report', data: {} };
    const fresh: unknown = await browser.tabs.sendMessage(id, request).catch(() => null);
    if (fresh !== null && fresh !== undefined) {
      // The content script shares its renderer with the page: its answer is checked like any message.
      const { isPageReport } = await import('@/lib/message-policy');
      if (isPageReport(fresh)) return fresh;
    }
    return send(browser.runtime, 'get-tab-report', { tabId: id }).catch(() => null);
  }

  async function reveal(id: number) {
    if (tabId === undefined) return;
    const request: Envelope<'reveal-mention'> = { type: 'reveal-mention', data: { id } };
    const reply = (await browser.tabs.sendMessage(tabId, request).catch(showError)) as
      | Protocol['reveal-mention']['response']
      | undefined;
    if (!reply?.revealed) return; // the mention went away meanwhile; a fresh report is on its way
    if (fixedTabId === undefined) {
      window.close(); // the toolbar popup: get out of the way of the page and its card
    } else {
      // A popup window or page: bring the tab forward so the mention is seen.
      const tab = await browser.tabs.update(tabId, { active: true });
      if (tab?.windowId !== undefined)
        await browser.windows.update(tab.windowId, { focused: true }).catch(() => {});
    }
  }

  function showError(reason: unknown) {
    console.error('[iom-lens]', reason);
  }

  /** A refused settings write (quota, sync limits): said in the popup, whose control then shows the truth. */
  function showSaveError(reason: unknown) {
    void import('@/lib/i18n/settings-messages').then(({ saveFailureText }) => {
      const failure = (reason as { reason?: Parameters<typeof saveFailureText>[1] }).reason;
      error = failure
        ? saveFailureText(t, failure)
        : reason instanceof Error
          ? reason.message
          : String(reason);
      draw();
    });
  }

  function clearError() {
    if (error === null) return;
    error = null;
    draw();
  }
}
