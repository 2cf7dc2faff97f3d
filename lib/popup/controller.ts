/**
 * The popup's state and its dealings with the tab, the background and the settings: which tab it reports
 * on, that tab's mention report (asked, then kept live), the settings, the search engine and the last
 * error. The entry point mounts the view over `state` and wires the view's events to the methods here;
 * everything asynchronous comes in through `PopupDeps`, so tests drive it without a browser.
 */
import type { isPageReport, isReply } from '@/lib/message-policy';
import type { PageReport } from '@/lib/messages';
import { observe, type RuntimeLike, send, sendToTab, type TabsLike } from '@/lib/messaging';
import type { EngineState, SearchEngine } from '@/lib/search/types';
import type { Settings, SettingsPatch } from '@/lib/settings/model';
import { type SiteState, siteState } from '@/lib/settings/site-state';
import { TOP_FRAME_ID } from '@/lib/tab-reports';
import { type PageState, pageState } from './page-state';

/** The checks the popup applies to what content scripts send it (lib/message-policy.ts, loaded lazily). */
export interface PopupPolicy {
  isPageReport: typeof isPageReport;
  isReply: typeof isReply;
}

/** The settings store's functions the popup uses (lib/settings, loaded lazily). */
export interface PopupSettingsApi {
  loadSettings(): Promise<Settings>;
  watchSettings(cb: (settings: Settings) => void): () => void;
  saveSettings(patch: SettingsPatch): Promise<Settings>;
}

/** What the popup needs from the browser and from its lazily loaded parts. */
export interface PopupDeps {
  /** Tabs: the active tab, a tab's URL, messages to its content script, bringing it forward. */
  tabs: TabsLike & {
    query(query: { active: true; currentWindow: true }): Promise<{ id?: number; url?: string }[]>;
    get(tabId: number): Promise<{ url?: string }>;
    update(tabId: number, props: { active: true }): Promise<{ windowId?: number } | undefined>;
  };
  /** Windows: focusing the tab's window. */
  windows: { update(windowId: number, info: { focused: true }): Promise<unknown> };
  /** Messaging with the background, and the options page. */
  runtime: RuntimeLike & { openOptionsPage(): Promise<void> };
  /** The tab named by `popup.html?tabId=N` (a popup opened as a window or page); else the active tab. */
  fixedTabId?: number;
  /** Loads the message checks. */
  loadPolicy(): Promise<PopupPolicy>;
  /** Loads the settings store. */
  loadSettingsApi(): Promise<PopupSettingsApi>;
  /** Loads the dataset and builds the search engine. */
  loadEngine(): Promise<SearchEngine>;
  /** Says why a settings write was refused, in the popup's language. */
  describeSaveError(reason: unknown): Promise<string>;
  /** Closes the toolbar popup. */
  closePopup(): void;
  /** Called after every change of `state`. */
  onChange(): void;
}

/** Everything the popup view shows. */
export interface PopupState {
  /** The tab's mentions. */
  page: PageState;
  /** True while paused everywhere; null while the settings load. */
  paused: boolean | null;
  /** The tab's site under the site rules. */
  site: SiteState;
  /** The search engine. */
  engine: EngineState;
  /** Why the last settings change failed, or null. */
  error: string | null;
}

/** The popup's controller: one per popup document. */
export interface PopupController {
  /** The current state (a new object after each change). */
  readonly state: PopupState;
  /** Starts loading the settings and the tab's report, and follows the tab's reports; returns a disposer. */
  start(): () => void;
  /** Starts loading the search engine, once. */
  requestEngine(): void;
  /**
   * Scrolls the tab to mention `id` of frame `frameId` (the top-level page when absent), and that frame
   * into view, and shows the mention's card; then gets out of the way.
   */
  reveal(id: number, frameId?: number): Promise<void>;
  /** Pauses or resumes everywhere. */
  setPaused(paused: boolean): Promise<void>;
  /** Turns IOM Lens off (`on` false) or on again for `host`. */
  setSite(host: string, on: boolean): Promise<void>;
  /** Opens the options page (and closes the toolbar popup). */
  openOptions(): Promise<void>;
}

/** Creates the popup's controller; nothing happens before `start()` or `requestEngine()`. */
export function createPopupController(deps: PopupDeps): PopupController {
  const { fixedTabId } = deps;
  let tabId: number | undefined;
  let url: string | null = null;
  /** The tab's reports by frame (0: the top-level page); null until asked, or when no frame answers. */
  let reports: Map<number, PageReport> | null = null;
  let reportLoaded = false;
  let settings: Settings | null = null;
  let engine: EngineState = { kind: 'loading' };
  let engineRequested = false;
  let error: string | null = null;
  let state = view();

  function view(): PopupState {
    return {
      page: reportLoaded ? pageState(reports && [...reports.values()], settings, url) : { kind: 'loading' },
      paused: settings ? settings.paused : null,
      site: settings ? siteState(settings, url) : { kind: 'none' },
      engine,
      error,
    };
  }

  function changed() {
    state = view();
    deps.onChange();
  }

  function showReports(next: PageReport[] | null) {
    reports = next && next.length > 0 ? new Map(next.map((r) => [r.frameId ?? TOP_FRAME_ID, r])) : null;
    url = reports?.get(TOP_FRAME_ID)?.url ?? url;
    reportLoaded = true;
    changed();
  }

  /** A frame's new report (or, with null, that the frame went) while the popup is open. */
  function updateFrame(frameId: number, next: PageReport | null) {
    if (frameId === TOP_FRAME_ID && next === null)
      reports = null; // the page went, and its frames with it
    else if (next === null) reports?.delete(frameId);
    else {
      reports ??= new Map();
      reports.set(frameId, { ...next, frameId });
      if (frameId === TOP_FRAME_ID) url = next.url;
    }
    reportLoaded = true;
    changed();
  }

  /**
   * The tab's reports, one per frame: from each frame itself, which knows its mentions now (it tells the
   * background only once it has shown a candidate), or else what the background kept. The frames asked
   * are the top-level page and those the background has a report of (the popup has no permission to list
   * a tab's frames). A tab without our content script (not http(s), or loaded before the install)
   * rejects at once.
   */
  async function tabReports(id: number): Promise<PageReport[]> {
    const kept = await send(deps.runtime, 'get-tab-frames', { tabId: id }).catch(() => null);
    const keptByFrame = new Map((kept ?? []).map((r) => [r.frameId ?? TOP_FRAME_ID, r]));
    const frameIds = new Set([TOP_FRAME_ID, ...keptByFrame.keys()]);
    const found = await Promise.all(
      [...frameIds].map(async (frameId) => {
        const fresh = await sendToTab(deps.tabs, id, 'get-page-report', {}, { frameId }).catch(() => null);
        if (fresh !== null && fresh !== undefined) {
          // The content script shares its renderer with the page: its answer is checked like any message.
          const { isReply } = await deps.loadPolicy();
          if (isReply('get-page-report', fresh)) return { ...fresh, frameId };
        }
        return keptByFrame.get(frameId) ?? null;
      }),
    );
    return found.filter((r): r is PageReport => r !== null);
  }

  async function loadTab() {
    tabId = fixedTabId;
    if (tabId === undefined) {
      const [tab] = await deps.tabs.query({ active: true, currentWindow: true });
      tabId = tab?.id;
      url = tab?.url ?? null;
    } else {
      url = (await deps.tabs.get(tabId).catch(() => undefined))?.url ?? null;
    }
    showReports(tabId === undefined ? null : await tabReports(tabId));
  }

  async function loadSettings() {
    const api = await deps.loadSettingsApi();
    const unwatch = api.watchSettings((next) => {
      settings = next;
      changed();
    });
    settings = await api.loadSettings();
    changed();
    return unwatch;
  }

  async function save(patch: SettingsPatch) {
    try {
      await (await deps.loadSettingsApi()).saveSettings(patch);
      if (error !== null) {
        error = null;
        changed();
      }
    } catch (reason) {
      // A refused write (quota, sync limits) is said in the popup, whose control then shows the truth.
      error = await deps.describeSaveError(reason);
      changed();
    }
  }

  return {
    get state() {
      return state;
    },
    start() {
      const stops: (() => void)[] = [];
      let stopped = false;
      // Content scripts send their reports to every extension page: keep the list live while the popup
      // is open. What arrives is checked as the background checks it (the sender shares a renderer with
      // the page).
      const unobserve = observe(deps.runtime, {
        'page-report': (data, sender) => {
          if (tabId === undefined || sender.tab?.id !== tabId) return;
          void deps.loadPolicy().then(({ isPageReport }) => {
            if (!stopped && isPageReport(data)) updateFrame(sender.frameId ?? TOP_FRAME_ID, data);
          });
        },
        'page-gone': (_, sender) => {
          if (!stopped && tabId !== undefined && sender.tab?.id === tabId)
            updateFrame(sender.frameId ?? TOP_FRAME_ID, null);
        },
      });
      stops.push(unobserve);
      void loadSettings().then(
        (unwatch) => (stopped ? unwatch() : stops.push(unwatch)),
        (reason: unknown) => console.error('[iom-lens] could not read the settings', reason),
      );
      void loadTab().catch((reason: unknown) => console.error('[iom-lens]', reason));
      return () => {
        stopped = true;
        for (const stop of stops) stop();
      };
    },
    requestEngine() {
      if (engineRequested) return;
      engineRequested = true;
      deps
        .loadEngine()
        .then(
          (ready) => {
            engine = { kind: 'ready', engine: ready };
          },
          (reason: unknown) => {
            engine = { kind: 'failed', reason: reason instanceof Error ? reason.message : String(reason) };
          },
        )
        .finally(changed);
    },
    async reveal(id, frameId = TOP_FRAME_ID) {
      if (tabId === undefined) return;
      const reply = await sendToTab(deps.tabs, tabId, 'reveal-mention', { id }, { frameId }).catch(
        (reason: unknown) => console.error('[iom-lens]', reason),
      );
      const { isReply } = await deps.loadPolicy();
      if (!isReply('reveal-mention', reply) || !reply.revealed) return; // gone meanwhile; a fresh report is on its way
      if (fixedTabId === undefined) {
        deps.closePopup(); // the toolbar popup: get out of the way of the page and its card
      } else {
        // A popup window or page: bring the tab forward so the mention is seen.
        const tab = await deps.tabs.update(tabId, { active: true });
        if (tab?.windowId !== undefined)
          await deps.windows.update(tab.windowId, { focused: true }).catch(() => {});
      }
    },
    setPaused(paused) {
      return save({ paused });
    },
    async setSite(host, on) {
      if (!settings) return;
      const deny = on ? settings.deny.filter((p) => p !== host) : [...settings.deny, host];
      await save({ deny });
    },
    async openOptions() {
      await deps.runtime.openOptionsPage();
      if (fixedTabId === undefined) deps.closePopup(); // the toolbar popup; a window or tab stays
    },
  };
}
