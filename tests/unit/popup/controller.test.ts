import { describe, expect, it, vi } from 'vitest';
import * as policy from '@/lib/message-policy';
import type { PageReport } from '@/lib/messages';
import { createPopupController, type PopupDeps } from '@/lib/popup/controller';
import type { SearchEngine } from '@/lib/search/types';
import { DEFAULT_SETTINGS, type Settings, type SettingsPatch } from '@/lib/settings';

const URL_A = 'https://news.example.org/a';
const REPORT: PageReport = {
  url: URL_A,
  count: 1,
  highlighted: 1,
  mentions: [{ id: 3, surface: 'IOM', name: 'IOM', before: 'The ', text: 'IOM', after: ' office' }],
};

type Listener = (
  message: unknown,
  sender: { tab?: { id?: number }; frameId?: number },
  reply: (r: unknown) => void,
) => unknown;

/** A popup over fakes: tab 7 is active, its content script answers with `pageReply`. */
function setup(
  options: {
    pageReply?: unknown;
    tabReply?: PageReport | null;
    /** The content scripts of frames other than the top-level page's, by frame id. */
    frameReplies?: Record<number, unknown>;
    /** What the background kept of frames other than the top-level page's. */
    keptFrames?: PageReport[];
    revealReply?: unknown;
    fixedTabId?: number;
    save?: (patch: SettingsPatch) => Promise<Settings>;
  } = {},
) {
  const listeners = new Set<Listener>();
  let settings: Settings = { ...DEFAULT_SETTINGS, deny: [] };
  const sendToTab = vi.fn(async (_tabId: number, message: unknown, to?: { frameId?: number }) => {
    const { type } = message as { type: string };
    if (type === 'get-page-report') {
      const reply = to?.frameId ? options.frameReplies?.[to.frameId] : options.pageReply;
      if (reply === undefined) throw new Error('Receiving end does not exist.');
      return reply;
    }
    return options.revealReply;
  });
  const sendMessage = vi.fn(async (message: unknown) => {
    const { type } = message as { type: string };
    if (type === 'get-tab-frames')
      return [
        ...(options.tabReply ? [{ ...options.tabReply, frameId: 0 }] : []),
        ...(options.keptFrames ?? []),
      ];
    return type === 'get-tab-report' ? (options.tabReply ?? null) : undefined;
  });
  const closePopup = vi.fn();
  const loadEngine = vi.fn(async () => ({ search: () => [] }) as unknown as SearchEngine);
  const onChange = vi.fn();
  const update = vi.fn(async (tabId: number) => ({ id: tabId, windowId: 2 }));
  const focusWindow = vi.fn(async () => ({}));
  const saveSettings = vi.fn(
    options.save ??
      (async (patch: SettingsPatch) => {
        settings = { ...settings, ...patch } as Settings;
        return settings;
      }),
  );
  const deps = {
    tabs: {
      sendMessage: sendToTab,
      query: async () => [{ id: 7, url: URL_A }],
      get: async (id: number) => ({ id, url: `https://tab${id}.example/` }),
      update,
    },
    windows: { update: focusWindow },
    runtime: {
      sendMessage,
      onMessage: {
        addListener: (l: Listener) => listeners.add(l),
        removeListener: (l: Listener) => listeners.delete(l),
      },
      openOptionsPage: async () => {},
    },
    fixedTabId: options.fixedTabId,
    loadPolicy: async () => policy,
    loadSettingsApi: async () => ({
      loadSettings: async () => settings,
      watchSettings: () => () => {},
      saveSettings,
    }),
    loadEngine,
    describeSaveError: async (reason: unknown) => `refused: ${String(reason)}`,
    closePopup,
    onChange,
  } as unknown as PopupDeps;
  const popup = createPopupController(deps);
  /** Delivers a runtime message as a content script of `tab` (of its frame `frameId`) would send it. */
  const deliver = (message: unknown, tab: number, frameId = 0) => {
    for (const l of listeners) l(message, { tab: { id: tab }, frameId }, () => {});
  };
  return {
    popup,
    sendToTab,
    sendMessage,
    closePopup,
    update,
    focusWindow,
    saveSettings,
    loadEngine,
    deliver,
    listeners,
  };
}

const settled = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('popup controller', () => {
  it('shows the active tab’s report as its content script gives it, once checked', async () => {
    const { popup, sendToTab } = setup({ pageReply: REPORT });
    expect(popup.state.page).toEqual({ kind: 'loading' });
    popup.start();
    await vi.waitFor(() => expect(popup.state.page.kind).toBe('ready'));
    expect(sendToTab).toHaveBeenCalledWith(7, { type: 'get-page-report', data: {} }, { frameId: 0 });
    expect(popup.state.page).toEqual({ kind: 'ready', count: 1, mentions: REPORT.mentions });
    expect(popup.state.site).toMatchObject({ kind: 'on', host: 'news.example.org' });
  });

  it('asks the background when the content script’s answer has the wrong shape or none comes', async () => {
    const forged = { ...REPORT, mentions: [{ id: 'x' }] };
    const { popup, sendMessage } = setup({ pageReply: forged, tabReply: { url: URL_A, count: 4 } });
    popup.start();
    await vi.waitFor(() => expect(popup.state.page.kind).toBe('ready'));
    expect(sendMessage).toHaveBeenCalledWith({ type: 'get-tab-frames', data: { tabId: 7 } });
    expect(popup.state.page).toMatchObject({ count: 4, mentions: [] });

    const none = setup({ tabReply: null });
    none.popup.start();
    await vi.waitFor(() => expect(none.popup.state.page).toEqual({ kind: 'unavailable' }));
  });

  it('reports on the tab named by ?tabId', async () => {
    const { popup, sendToTab } = setup({ pageReply: REPORT, fixedTabId: 12 });
    popup.start();
    await vi.waitFor(() => expect(popup.state.page.kind).toBe('ready'));
    expect(sendToTab).toHaveBeenCalledWith(12, expect.anything(), { frameId: 0 });
  });

  it('follows the tab’s live reports, ignoring other tabs, malformed ones, and after stopping', async () => {
    const { popup, deliver, listeners } = setup({ pageReply: REPORT });
    const stop = popup.start();
    await vi.waitFor(() => expect(popup.state.page.kind).toBe('ready'));
    const newer = { ...REPORT, count: 2 };
    deliver({ type: 'page-report', data: { ...REPORT, count: 9 } }, 8); // another tab
    deliver({ type: 'page-report', data: { ...REPORT, count: 'many' } }, 7); // not a report
    await settled();
    expect(popup.state.page).toMatchObject({ count: 1 });
    deliver({ type: 'page-report', data: newer }, 7);
    await vi.waitFor(() => expect(popup.state.page).toMatchObject({ count: 2 }));
    stop();
    expect(listeners.size).toBe(0);
  });

  it('never answers the page reports it hears (the background does)', async () => {
    const { popup, listeners } = setup({ pageReply: REPORT });
    popup.start();
    const [listener] = [...listeners];
    const reply = vi.fn();
    expect(listener?.({ type: 'page-report', data: REPORT }, { tab: { id: 7 } }, reply)).toBeUndefined();
    await settled();
    expect(reply).not.toHaveBeenCalled();
  });

  it('reveals a mention by its id, then closes the toolbar popup', async () => {
    const { popup, sendToTab, closePopup } = setup({ pageReply: REPORT, revealReply: { revealed: true } });
    popup.start();
    await vi.waitFor(() => expect(popup.state.page.kind).toBe('ready'));
    await popup.reveal(3);
    expect(sendToTab).toHaveBeenLastCalledWith(
      7,
      { type: 'reveal-mention', data: { id: 3 } },
      { frameId: 0 },
    );
    expect(closePopup).toHaveBeenCalledOnce();
  });

  it('lists every frame that reported: asked in each frame, or as the background kept it', async () => {
    const inFrame = (id: number, text: string): PageReport => ({
      url: `https://embed.example/${id}`,
      count: 1,
      title: `Embed ${id}`,
      mentions: [{ id: 0, surface: text, name: 'IOM', before: '', text, after: '' }],
    });
    const { popup, sendToTab } = setup({
      pageReply: REPORT,
      keptFrames: [
        { ...inFrame(5, 'stale'), frameId: 5 },
        { ...inFrame(9, 'kept'), frameId: 9 },
      ],
      frameReplies: { 5: inFrame(5, 'fresh') }, // frame 9 does not answer (gone quiet): its kept report counts
    });
    popup.start();
    await vi.waitFor(() => expect(popup.state.page.kind).toBe('ready'));
    expect(sendToTab).toHaveBeenCalledWith(7, { type: 'get-page-report', data: {} }, { frameId: 5 });
    expect(popup.state.page).toMatchObject({
      count: 3,
      groups: [
        { frameId: 0, label: null, mentions: [{ id: 3, text: 'IOM' }] },
        { frameId: 5, label: 'Embed 5', mentions: [{ id: 0, text: 'fresh', frameId: 5 }] },
        { frameId: 9, label: 'Embed 9', mentions: [{ id: 0, text: 'kept', frameId: 9 }] },
      ],
    });
  });

  it('follows each frame’s live reports, and forgets a frame that goes', async () => {
    const { popup, deliver } = setup({ pageReply: REPORT });
    popup.start();
    await vi.waitFor(() => expect(popup.state.page.kind).toBe('ready'));
    deliver({ type: 'page-report', data: { ...REPORT, url: 'about:srcdoc', count: 2 } }, 7, 4);
    await vi.waitFor(() => expect(popup.state.page).toMatchObject({ count: 3 }));
    deliver({ type: 'page-gone', data: {} }, 7, 4);
    await vi.waitFor(() => expect(popup.state.page).toMatchObject({ count: 1 }));
    deliver({ type: 'page-gone', data: {} }, 7, 0); // the page itself went: nothing is left to list
    await vi.waitFor(() => expect(popup.state.page).toEqual({ kind: 'unavailable' }));
  });

  it('reveals a frame’s mention in that frame', async () => {
    const { popup, sendToTab } = setup({ pageReply: REPORT, revealReply: { revealed: true } });
    popup.start();
    await vi.waitFor(() => expect(popup.state.page.kind).toBe('ready'));
    await popup.reveal(0, 5);
    expect(sendToTab).toHaveBeenLastCalledWith(
      7,
      { type: 'reveal-mention', data: { id: 0 } },
      { frameId: 5 },
    );
  });

  it('brings the tab forward instead when the popup is a window, and stays put when nothing was revealed', async () => {
    const { popup, update, focusWindow, closePopup } = setup({
      pageReply: REPORT,
      revealReply: { revealed: true },
      fixedTabId: 12,
    });
    popup.start();
    await vi.waitFor(() => expect(popup.state.page.kind).toBe('ready'));
    await popup.reveal(3);
    expect(update).toHaveBeenCalledWith(12, { active: true });
    expect(focusWindow).toHaveBeenCalledWith(2, { focused: true });
    expect(closePopup).not.toHaveBeenCalled();

    const gone = setup({ pageReply: REPORT, revealReply: { revealed: 'yes' } });
    gone.popup.start();
    await vi.waitFor(() => expect(gone.popup.state.page.kind).toBe('ready'));
    await gone.popup.reveal(3);
    expect(gone.closePopup).not.toHaveBeenCalled();
  });

  it('turns a site off and on through the deny list, and says why a write was refused', async () => {
    const { popup, saveSettings } = setup({ pageReply: REPORT });
    popup.start();
    await vi.waitFor(() => expect(popup.state.paused).toBe(false));
    await popup.setSite('news.example.org', false);
    expect(saveSettings).toHaveBeenLastCalledWith({ deny: ['news.example.org'] });

    const refused = setup({ save: async () => Promise.reject('quota') });
    refused.popup.start();
    await vi.waitFor(() => expect(refused.popup.state.paused).toBe(false));
    await refused.popup.setPaused(true);
    expect(refused.popup.state.error).toBe('refused: quota');
  });

  it('loads the search engine once, however often it is asked', async () => {
    const { popup, loadEngine } = setup();
    popup.requestEngine();
    popup.requestEngine();
    await vi.waitFor(() => expect(popup.state.engine.kind).toBe('ready'));
    popup.requestEngine();
    expect(loadEngine).toHaveBeenCalledOnce();
  });
});
