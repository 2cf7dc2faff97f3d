import { randomUUID } from 'node:crypto';
import net from 'node:net';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { FIREFOX_PATH } from '../../../scripts/lib/browsers';
import {
  type RdpClient as Rdp,
  RdpClient,
  type RdpPacket,
  type RdpTargetForm,
  WatchedTargets,
} from './firefox-rdp';
import { type BuildSnapshot, FIREFOX_BUILD_DIR, readBuiltManifest, snapshotBuild } from './paths';
import { type RemoteFunction, remoteExpression, remoteResult } from './remote-function';
import { tabOn } from './tab';
import type { BrowserTab, ExtensionBrowser, LoggedError } from './types';
import { waitUntil } from './wait';

/** Options of {@link launchFirefox}. */
export interface FirefoxOptions {
  /** Run without a window (default true). */
  headless?: boolean;
}

/** Page Firefox generates for an MV2 `background.scripts` declaration. */
const GENERATED_BACKGROUND_PAGE = '_generated_background_page.html';

/**
 * Starts Firefox ESR with the built extension installed (Puppeteer over WebDriver BiDi, fresh
 * temporary profile, a private copy of the build) and resolves once its background page runs.
 *
 * The extension gets a fixed UUID (pref `extensions.webextensions.uuids`, keyed by the gecko id read
 * from the built manifest), so `moz-extension://UUID/popup.html` is known in advance. A side
 * connection to Firefox's DevTools server (RDP) reaches what BiDi cannot: the background page and
 * the content scripts' sandboxes.
 */
export async function launchFirefox(
  extensionDir: string = FIREFOX_BUILD_DIR,
  { headless = true }: FirefoxOptions = {},
): Promise<ExtensionBrowser> {
  const manifest = readBuiltManifest(extensionDir);
  const geckoId = manifest.browser_specific_settings?.gecko?.id;
  if (!geckoId) throw new Error(`${extensionDir}/manifest.json has no browser_specific_settings.gecko.id`);
  const uuid = randomUUID();
  const rdpPort = await freePort();
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    protocol: 'webDriverBiDi',
    headless,
    // System access lets BiDi navigate to moz-extension:// pages; the debugger server is for RDP.
    args: ['--remote-allow-system-access', '--start-debugger-server', String(rdpPort)],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: uuid }),
      'devtools.debugger.remote-enabled': true,
      'devtools.chrome.enabled': true,
      'devtools.debugger.prompt-connection': false,
    },
  });
  let rdp: Rdp | undefined;
  let build: BuildSnapshot | undefined;
  try {
    build = await snapshotBuild(extensionDir);
    await browser.installExtension(build.dir);
    rdp = await RdpClient.connect(rdpPort);
    const { addons } = await rdp.request<RdpPacket & { addons: Array<{ id: string; actor: string }> }>(
      'root',
      'listAddons',
    );
    const addon = addons.find((a) => a.id === geckoId);
    if (!addon) throw new Error(`Firefox did not list the installed add-on ${geckoId}`);
    const extensionTargets = await WatchedTargets.open(rdp, addon.actor, ['frame']);
    const origin = `moz-extension://${uuid}`;
    const backgroundUrl = `${origin}/${manifest.background?.page ?? GENERATED_BACKGROUND_PAGE}`;
    const firefox = new FirefoxExtensionBrowser(
      browser,
      rdp,
      origin,
      geckoId,
      extensionTargets,
      backgroundUrl,
      build.dispose,
    );
    await firefox.start();
    return firefox;
  } catch (error) {
    rdp?.close();
    await browser.close();
    await build?.dispose();
    throw error;
  }
}

/** A TCP port free right now on 127.0.0.1 (Firefox binds it a moment later). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/** A console message or page error as RDP's `resources-available-array` event carries it. */
interface RdpResource {
  level?: string;
  arguments?: unknown[];
  pageError?: { errorMessage: string; error?: boolean };
}

class FirefoxExtensionBrowser implements ExtensionBrowser {
  readonly kind = 'firefox';
  private readonly logged: LoggedError[] = [];
  /** Watchers of tabs we evaluated content scripts in, by RDP tab descriptor. */
  private readonly tabWatchers = new Map<string, Promise<WatchedTargets>>();

  constructor(
    private readonly browser: Browser,
    private readonly rdp: Rdp,
    readonly extensionOrigin: string,
    private readonly geckoId: string,
    private readonly extensionTargets: WatchedTargets,
    private readonly backgroundUrl: string,
    private readonly disposeBuild: () => Promise<void>,
  ) {
    // Pages (and, in Firefox, content scripts too) report through BiDi; the background through RDP.
    browser.on('targetcreated', (target) => {
      void target.page().then((page) => page && this.watchPage(page));
    });
  }

  /** Starts logging and waits for the background page to run. */
  async start(): Promise<void> {
    for (const page of await this.browser.pages()) this.watchPage(page);
    await this.watchBackgroundLog();
    await this.backgroundTarget();
  }

  async openTab(url: string): Promise<BrowserTab> {
    const page = await this.browser.newPage();
    const tab = tabOn({ kind: 'firefox', page });
    await tab.goto(url);
    return tab;
  }

  async openExtensionPage(pathAndQuery: string): Promise<BrowserTab> {
    return this.openTab(`${this.extensionOrigin}/${pathAndQuery.replace(/^\//, '')}`);
  }

  async openPopup(forTab?: BrowserTab): Promise<BrowserTab> {
    const query = forTab ? `?tabId=${await this.tabId(forTab)}` : '';
    return this.openExtensionPage(`popup.html${query}`);
  }

  async tabId(tab: BrowserTab): Promise<number> {
    await tab.bringToFront();
    const id = await this.evaluateInBackground(async () => {
      const [active] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
      return active?.id;
    });
    if (id === undefined) throw new Error(`No active tab found for ${tab.url()}`);
    return id;
  }

  async evaluateInBackground<R, A = undefined>(fn: RemoteFunction<A, R>, arg?: A): Promise<R> {
    const target = await this.backgroundTarget();
    return remoteResult<R>(await this.rdp.evaluate(target.consoleActor, remoteExpression(fn, arg as A)));
  }

  async evaluateInContentScript<R, A = undefined>(
    tab: BrowserTab,
    fn: RemoteFunction<A, R>,
    arg?: A,
  ): Promise<R> {
    const watched = await this.tabWatcher(tab);
    // The content script's sandbox shares its window with the tab's top-level document.
    const target = await waitUntil(
      () => {
        const targets = watched.list();
        const top = targets.find((t) => t.targetType === 'frame' && t.isTopLevelTarget);
        return targets.find(
          (t) =>
            t.targetType === 'content_script' &&
            t.addonId === this.geckoId &&
            t.innerWindowId === top?.innerWindowId,
        );
      },
      { what: `the content script in ${tab.url()}` },
    );
    return remoteResult<R>(await this.rdp.evaluate(target.consoleActor, remoteExpression(fn, arg as A)));
  }

  async stopBackground(): Promise<void> {
    throw new Error("Firefox's MV2 background page is persistent: there is no worker to stop");
  }

  async setColorScheme(scheme: 'light' | 'dark'): Promise<void> {
    // BiDi cannot emulate media features in Firefox; the content colour-scheme override pref (0 dark,
    // 1 light) does the same for every document, set from the parent process's privileged console.
    const { processDescriptor } = await this.rdp.request<
      RdpPacket & { processDescriptor: { actor: string } }
    >('root', 'getProcess', { id: 0 });
    const { process } = await this.rdp.request<RdpPacket & { process: { consoleActor: string } }>(
      processDescriptor.actor,
      'getTarget',
    );
    const value = scheme === 'dark' ? 0 : 1;
    await this.rdp.evaluate(
      process.consoleActor,
      `(async () => { Services.prefs.setIntPref('layout.css.prefers-color-scheme.content-override', ${value}); return ''; })()`,
    );
  }

  errors(): LoggedError[] {
    return [...this.logged];
  }

  clearErrors(): void {
    this.logged.length = 0;
  }

  async close(): Promise<void> {
    this.rdp.close();
    await this.browser.close();
    await this.disposeBuild();
  }

  /** The background page's RDP target, waiting for it (after install or a reload). */
  backgroundTarget(): Promise<RdpTargetForm> {
    return waitUntil(() => this.extensionTargets.list().find((t) => t.url === this.backgroundUrl), {
      what: `the background page ${this.backgroundUrl}`,
    });
  }

  /** The RDP watcher of the tab showing `tab`'s page, created on first use. */
  private async tabWatcher(tab: BrowserTab): Promise<WatchedTargets> {
    const { tabs } = await this.rdp.request<
      RdpPacket & { tabs: Array<{ actor: string; url: string; selected: boolean }> }
    >('root', 'listTabs');
    let candidates = tabs.filter((t) => t.url === tab.url());
    if (candidates.length > 1) {
      await tab.bringToFront(); // several tabs show this URL: the one in front is ours
      candidates = candidates.filter((t) => t.selected);
    }
    const descriptor = candidates[0];
    if (!descriptor) throw new Error(`Firefox's debugger lists no tab at ${tab.url()}`);
    let watched = this.tabWatchers.get(descriptor.actor);
    if (!watched) {
      watched = WatchedTargets.open(this.rdp, descriptor.actor, ['frame', 'content_script']);
      this.tabWatchers.set(descriptor.actor, watched);
    }
    return watched;
  }

  private watchPage(page: Page): void {
    page.on('console', (message) => {
      if (message.type() === 'error')
        this.logged.push({ where: page.url(), kind: 'console-error', message: message.text() });
    });
    page.on('pageerror', (error) => {
      this.logged.push({
        where: page.url(),
        kind: 'page-error',
        message: error instanceof Error ? error.message : String(error),
      });
    });
  }

  /** Logs the background page's console errors and uncaught errors (BiDi does not see that page). */
  private async watchBackgroundLog(): Promise<void> {
    const watcher = this.extensionTargets.watcherActor;
    this.rdp.onEvent((packet) => {
      // Resources arrive from the target they belong to; extension pages in tabs already log through BiDi.
      if (packet.type !== 'resources-available-array') return;
      const background = this.extensionTargets.list().find((t) => t.url === this.backgroundUrl);
      if (packet.from !== background?.actor) return;
      for (const [type, resources] of packet.array as Array<[string, RdpResource[]]>) {
        for (const resource of resources) {
          if (type === 'error-message' && resource.pageError?.error) {
            this.logged.push({
              where: 'background',
              kind: 'page-error',
              message: resource.pageError.errorMessage,
            });
          }
          if (type === 'console-message' && resource.level === 'error') {
            this.logged.push({
              where: 'background',
              kind: 'console-error',
              message: (resource.arguments ?? [])
                .map((a) => (typeof a === 'string' ? a : JSON.stringify(a)))
                .join(' '),
            });
          }
        }
      }
    });
    await this.rdp.request(watcher, 'watchResources', {
      resourceTypes: ['console-message', 'error-message'],
    });
  }
}
