import { render } from 'preact';
import { browser } from 'wxt/browser';
import sharedCss from '@/components/Popup.css?inline';
import { PopupApp } from '@/components/PopupApp';
import { type MessageKey, translatorFromBrowser } from '@/lib/i18n';
import { createPopupController, type PopupSettingsApi } from '@/lib/popup/controller';
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
 * Wires the popup view to its controller (lib/popup/controller.ts). The first render uses nothing
 * asynchronous; the tab's report, the settings and the search engine (with the dataset, loaded by
 * dynamic import) arrive afterwards and re-render.
 */
function mount(root: HTMLElement) {
  // The settings store (valibot, @wxt-dev/storage) is not needed for the first frame: it is imported right
  // after it. (Importing it before cost the first render 2–4 ms: the bundler's preload helper adds a
  // <link rel="modulepreload"> per chunk it needs.)
  let settingsApi: Promise<PopupSettingsApi> | null = null;
  const t = translatorFromBrowser((key, subs) => browser.i18n.getMessage(key as MessageKey, subs));
  document.documentElement.lang = t.lang;
  const params = new URLSearchParams(location.search);
  const initialQuery = params.get('q') ?? '';
  // `popup.html?tabId=N` reports on tab N: opened as a window or a page (context menu, e2e tests),
  // the popup is not in the tab's window, or is itself the active tab.
  const tabParam = params.get('tabId');
  const fixedTabId = tabParam !== null && /^\d+$/.test(tabParam) ? Number(tabParam) : undefined;

  const popup = createPopupController({
    tabs: browser.tabs,
    windows: browser.windows,
    runtime: browser.runtime,
    fixedTabId,
    loadPolicy: () => import('@/lib/message-policy'),
    loadSettingsApi: () => {
      settingsApi ??= import('@/lib/settings');
      return settingsApi;
    },
    loadEngine: () => import('@/lib/search/load').then(({ loadSearchEngine }) => loadSearchEngine()),
    describeSaveError: (reason) =>
      import('@/lib/i18n/settings-messages').then(({ saveFailureText }) => {
        const failure = (reason as { reason?: Parameters<typeof saveFailureText>[1] }).reason;
        if (failure) return saveFailureText(t, failure);
        return reason instanceof Error ? reason.message : String(reason);
      }),
    closePopup: () => window.close(),
    onChange: () => draw(),
  });

  function draw() {
    const { page, paused, site, engine, error } = popup.state;
    render(
      <PopupApp
        t={t}
        page={page}
        paused={paused}
        site={site}
        engine={engine}
        error={error}
        initialQuery={initialQuery}
        onQueryChange={popup.requestEngine}
        onReveal={(id, frameId) => void popup.reveal(id, frameId)}
        onPausedChange={(paused) => void popup.setPaused(paused)}
        onSiteOff={(host) => void popup.setSite(host, false)}
        onSiteOn={(host) => void popup.setSite(host, true)}
        optionsUrl={browser.runtime.getURL('/options.html')}
        onOpenOptions={() => void popup.openOptions()}
      />,
      root,
    );
  }

  draw();
  performance.mark(FIRST_RENDER_MARK);

  // The dataset is the popup's biggest part: fetch it once the first frame is on screen, or at once
  // when a query is waiting.
  if (initialQuery) popup.requestEngine();
  else requestAnimationFrame(() => setTimeout(popup.requestEngine, 0));
  popup.start(); // lives as long as the popup's document
}
