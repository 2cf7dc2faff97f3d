import { type BrowserContext, type CDPSession, chromium, type Page, type Worker } from 'playwright-core';
import { CHROMIUM_PATH, chromiumArgs } from '../../../scripts/lib/browsers';
import { CHROME_BUILD_DIR, snapshotBuild } from './paths';
import { type RemoteFunction, remoteExpression, remoteResult } from './remote-function';
import { tabOn } from './tab';
import type { BrowserTab, ExtensionBrowser, LoggedError } from './types';
import { DEFAULT_WAIT_MS, waitUntil } from './wait';

/** Options of {@link launchChromium}. */
export interface ChromiumOptions {
  /** Run without a window (default true; the demo turns it off). */
  headless?: boolean;
}

/** A CDP execution context as `Runtime.executionContextCreated` describes it. */
interface ExecutionContext {
  id: number;
  origin: string;
  auxData?: { frameId?: string; type?: string };
}

/**
 * Starts Debian's Chromium with the built MV3 extension loaded (Playwright, a fresh temporary
 * profile, a private copy of the build) and resolves once the extension's service worker runs.
 */
export async function launchChromium(
  extensionDir: string = CHROME_BUILD_DIR,
  { headless = true }: ChromiumOptions = {},
): Promise<ExtensionBrowser> {
  const build = await snapshotBuild(extensionDir);
  const context = await chromium
    .launchPersistentContext('', { executablePath: CHROMIUM_PATH, headless, args: chromiumArgs(build.dir) })
    .catch(async (error: unknown) => {
      await build.dispose();
      throw error;
    });
  try {
    const worker = await extensionWorker(context);
    // `URL.origin` is "null" for non-web schemes in Node, so build the origin from the host.
    const origin = `chrome-extension://${new URL(worker.url()).host}`;
    return new ChromiumExtensionBrowser(context, origin, build.dispose);
  } catch (error) {
    await context.close();
    await build.dispose();
    throw error;
  }
}

/** The extension's service worker, waiting for it to start (or restart after going idle). */
async function extensionWorker(context: BrowserContext, origin?: string): Promise<Worker> {
  const isOurs = (worker: Worker) =>
    origin ? worker.url().startsWith(`${origin}/`) : worker.url().startsWith('chrome-extension://');
  return (
    context.serviceWorkers().find(isOurs) ??
    (await context.waitForEvent('serviceworker', { predicate: isOurs, timeout: DEFAULT_WAIT_MS }))
  );
}

class ChromiumExtensionBrowser implements ExtensionBrowser {
  readonly kind = 'chromium';
  private readonly logged: LoggedError[] = [];
  private colorScheme: 'light' | 'dark' | undefined;
  /** One DevTools session per page, kept to track the page's execution contexts. */
  private readonly sessions = new WeakMap<
    Page,
    Promise<{ session: CDPSession; contexts: Map<number, ExecutionContext> }>
  >();

  constructor(
    private readonly context: BrowserContext,
    readonly extensionOrigin: string,
    private readonly disposeBuild: () => Promise<void>,
  ) {
    // Context-wide events cover every page, the content scripts' isolated worlds and the service worker.
    context.on('console', (message) => {
      if (message.type() !== 'error') return;
      this.logged.push({
        where: message.page()?.url() ?? 'background',
        kind: 'console-error',
        message: message.text(),
      });
    });
    context.on('weberror', (webError) => {
      this.logged.push({
        where: webError.page()?.url() ?? 'background',
        kind: 'page-error',
        message: webError.error().message,
      });
    });
  }

  async openTab(url: string): Promise<BrowserTab> {
    const page = await this.context.newPage();
    await page.goto(url);
    return tabOn({ kind: 'chromium', page });
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
    const worker = await extensionWorker(this.context, this.extensionOrigin);
    return remoteResult<R>(await worker.evaluate(remoteExpression(fn, arg as A)));
  }

  async stopBackground(): Promise<void> {
    // The ServiceWorker domain sees the workers of the storage partition of the page it is sent from:
    // the extension's own, from one of its pages.
    const page = await this.context.newPage();
    try {
      await page.goto(`${this.extensionOrigin}/options.html`);
      const session = await this.context.newCDPSession(page);
      const status = new Map<string, string>();
      session.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
        for (const v of versions)
          if (v.scriptURL.startsWith(this.extensionOrigin)) status.set(v.versionId, v.runningStatus);
      });
      await session.send('ServiceWorker.enable');
      const running = await waitUntil(() => [...status].find(([, s]) => s === 'running')?.[0], {
        what: 'the running service worker',
      });
      await session.send('ServiceWorker.stopWorker', { versionId: running });
      await waitUntil(() => status.get(running) === 'stopped' || null, {
        what: 'the service worker to stop',
      });
    } finally {
      await page.close();
    }
  }

  async evaluateInContentScript<R, A = undefined>(
    tab: BrowserTab,
    fn: RemoteFunction<A, R>,
    arg?: A,
  ): Promise<R> {
    if (tab.raw.kind !== 'chromium') throw new Error('Not a Chromium tab');
    const { session, contexts } = await this.devtools(tab.raw.page);
    // Our content script runs in an isolated world whose origin is the extension's; pick the top frame's.
    const contextId = await waitUntil(
      async () => {
        const { frameTree } = await session.send('Page.getFrameTree');
        const found = [...contexts.values()].find(
          (c) => c.origin === this.extensionOrigin && c.auxData?.frameId === frameTree.frame.id,
        );
        return found?.id;
      },
      { what: `the content script in ${tab.url()}` },
    );
    const { result, exceptionDetails } = await session.send('Runtime.evaluate', {
      contextId,
      expression: remoteExpression(fn, arg as A),
      awaitPromise: true,
      returnByValue: true,
    });
    if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
    return remoteResult<R>(result.value);
  }

  async setColorScheme(scheme: 'light' | 'dark'): Promise<void> {
    // Playwright emulates media per page: apply it to the open pages and to each page opened later.
    if (this.colorScheme === undefined) {
      this.context.on('page', (page) => void page.emulateMedia({ colorScheme: this.colorScheme }));
    }
    this.colorScheme = scheme;
    await Promise.all(this.context.pages().map((page) => page.emulateMedia({ colorScheme: scheme })));
  }

  errors(): LoggedError[] {
    return [...this.logged];
  }

  clearErrors(): void {
    this.logged.length = 0;
  }

  async close(): Promise<void> {
    await this.context.close();
    await this.disposeBuild();
  }

  /** The page's DevTools session, created on first use, with its live execution contexts. */
  private devtools(page: Page) {
    let entry = this.sessions.get(page);
    if (!entry) {
      entry = (async () => {
        const session = await this.context.newCDPSession(page);
        const contexts = new Map<number, ExecutionContext>();
        session.on('Runtime.executionContextCreated', ({ context }) => contexts.set(context.id, context));
        session.on('Runtime.executionContextDestroyed', ({ executionContextId }) =>
          contexts.delete(executionContextId),
        );
        session.on('Runtime.executionContextsCleared', () => contexts.clear());
        await session.send('Runtime.enable'); // replays the contexts that already exist
        return { session, contexts };
      })();
      this.sessions.set(page, entry);
    }
    return entry;
  }
}
