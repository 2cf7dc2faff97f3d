import type { CDPSession } from 'playwright-core';
import type { Page as PuppeteerPage } from 'puppeteer-core';
import { type RemoteFunction, remoteExpression, remoteResult } from './remote-function';
import { type BrowserTab, type RawPage, TAP_HOLD_MS } from './types';
import { DEFAULT_WAIT_MS, type WaitOptions, waitUntil } from './wait';

/** Wraps a Playwright or Puppeteer page in the common {@link BrowserTab} interface. */
export function tabOn(raw: RawPage): BrowserTab {
  // Both drivers name these methods alike; the union only needs narrowing where signatures differ.
  const page = raw.page;
  /** Firefox: the extension page we navigated to; Puppeteer keeps reporting about:blank for it. */
  let extensionPageUrl: string | undefined;
  const evaluate = async <R, A>(fn: RemoteFunction<A, R>, arg?: A): Promise<R> => {
    const expression = remoteExpression(fn, arg as A);
    const json =
      raw.kind === 'chromium'
        ? await raw.page.evaluate(expression)
        : await evaluateWithoutAwait(raw.page, expression);
    return remoteResult<R>(json);
  };
  /** Chromium: this tab's own DevTools session for touch input, made on first use. */
  let touchSession: Promise<CDPSession> | undefined;
  const cdp = () => {
    if (raw.kind !== 'chromium') throw new Error('CDP is Chromium-only');
    touchSession ??= raw.page.context().newCDPSession(raw.page);
    return touchSession;
  };
  const tab: BrowserTab = {
    raw,
    url: () => (extensionPageUrl && page.url() === 'about:blank' ? extensionPageUrl : page.url()),
    async goto(url) {
      if (raw.kind === 'chromium') return void (await raw.page.goto(url));
      if (!url.startsWith('moz-extension:')) return void (await raw.page.goto(url));
      // Firefox loads extension pages but never answers the navigation over BiDi (toolchain notes): start
      // it without waiting, then poll until the document is there and complete.
      raw.page.goto(url).catch(() => {});
      const loaded = `location.href === ${JSON.stringify(url)} && document.readyState === 'complete'`;
      await waitUntil(() => raw.page.evaluate(loaded), { what: `${url} to load` });
      extensionPageUrl = url;
    },
    evaluate,
    waitFor: <R, A>(fn: RemoteFunction<A, R>, arg?: A, options?: WaitOptions) =>
      waitUntil(() => evaluate(fn, arg), { what: `a condition in ${tab.url()}`, ...options }),
    text: (selector) => evaluate((s: string) => document.querySelector(s)?.textContent ?? null, selector),
    async hover(selector) {
      await page.hover(selector);
    },
    async mouseMove(x, y) {
      await page.mouse.move(x, y);
    },
    async click(selector) {
      await page.click(selector);
    },
    async emulatePhone({ width, height }) {
      if (raw.kind === 'chromium') {
        await raw.page.setViewportSize({ width, height });
        await (await cdp()).send('Emulation.setTouchEmulationEnabled', { enabled: true, maxTouchPoints: 5 });
      } else {
        await raw.page.setViewport({ width, height });
      }
    },
    async tap(x, y, { holdMs = TAP_HOLD_MS } = {}) {
      if (raw.kind === 'chromium') {
        const session = await cdp();
        await session.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y }] });
        await sleep(holdMs);
        await session.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
      } else {
        // One action sequence, the hold timed by Firefox itself. Not Puppeteer's touchscreen: the
        // contact size and angles it adds make Firefox ESR's touch synthesis refuse the action.
        const finger = {
          type: 'pointer' as const,
          id: 'iom-lens-e2e-finger',
          parameters: { pointerType: 'touch' as const },
          actions: [
            { type: 'pointerMove' as const, x: Math.round(x), y: Math.round(y) },
            { type: 'pointerDown' as const, button: 0 },
            { type: 'pause' as const, duration: holdMs },
            { type: 'pointerUp' as const, button: 0 },
          ],
        };
        await bidiContext(raw.page).performActions([finger]);
      }
    },
    async press(key) {
      if (raw.kind === 'chromium') await raw.page.keyboard.press(key);
      else await raw.page.keyboard.press(key as Parameters<typeof raw.page.keyboard.press>[0]);
    },
    async screenshot(file) {
      if (raw.kind === 'chromium') await raw.page.screenshot({ path: file });
      else await raw.page.screenshot({ path: file as `${string}.png` });
    },
    async bringToFront() {
      await page.bringToFront();
    },
    async close() {
      await page.close();
    },
  };
  return tab;
}

/** The BiDi browsing context of a Puppeteer page (Puppeteer keeps it on the frame, untyped). */
function bidiContext(page: PuppeteerPage): {
  performActions(actions: unknown[]): Promise<void>;
} {
  const context = (page.mainFrame() as unknown as { browsingContext?: unknown }).browsingContext;
  if (!context || typeof (context as { performActions?: unknown }).performActions !== 'function')
    throw new Error('Puppeteer no longer exposes the BiDi browsing context of a page');
  return context as { performActions(actions: unknown[]): Promise<void> };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Where {@link evaluateWithoutAwait} parks results in the page: a registered symbol, invisible to page code. */
const RESULTS_KEY = 'iom-lens.e2e.results';

/** How often {@link evaluateWithoutAwait} looks for a parked result. */
const RESULT_POLL_MS = 20;

let nextEvaluationId = 0;

/**
 * Evaluates an expression that yields a promise of a string, without asking Firefox to await it.
 * Once DevTools has watched a tab's content scripts (our evaluateInContentScript), Firefox's BiDi
 * returns promises in extension pages unawaited (as `{}`). So the promise parks its outcome on the
 * page's global object and we poll for it with synchronous evaluations.
 */
async function evaluateWithoutAwait(page: PuppeteerPage, expression: string): Promise<string> {
  const id = nextEvaluationId++;
  const slots = `globalThis[Symbol.for(${JSON.stringify(RESULTS_KEY)})]`;
  await page.evaluate(
    `(() => {
      const slots = (${slots} ??= {});
      slots[${id}] = 'pending';
      void Promise.resolve().then(() => ${expression}).then(
        (ok) => { slots[${id}] = { ok }; },
        (error) => { slots[${id}] = { error: String(error?.stack ?? error) }; });
    })()`,
  );
  type Outcome = { ok?: string; error?: string; gone?: true };
  const outcome = await waitUntil(
    async (): Promise<Outcome | null> => {
      const parked = await page.evaluate(`(() => {
        const outcome = ${slots}?.[${id}];
        if (outcome === undefined) return JSON.stringify({ gone: true });
        if (outcome === 'pending') return '';
        delete ${slots}[${id}];
        return JSON.stringify(outcome);
      })()`);
      return typeof parked === 'string' && parked ? (JSON.parse(parked) as Outcome) : null;
    },
    { timeoutMs: DEFAULT_WAIT_MS * 2, what: `an evaluation in ${page.url()}`, intervalMs: RESULT_POLL_MS },
  );
  if (outcome.gone) throw new Error(`The page navigated away during an evaluation: ${page.url()}`);
  if (outcome.error !== undefined) throw new Error(`Evaluation failed in ${page.url()}: ${outcome.error}`);
  return outcome.ok as string;
}
