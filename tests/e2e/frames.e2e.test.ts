import { expect, it } from 'vitest';
import { defaultSettings } from '@/lib/settings/model';
import { storeSettings } from './popup-helpers';
import type { BrowserTab } from './support';
import { describeInBrowsers, waitUntil } from './support';

// Frames in the built extension (docs/content-script.md, "Frames"): fixtures/frames/page.html embeds a
// srcdoc frame, a same-origin frame, a cross-origin frame (the same fixtures under `localhost`, a second
// loopback origin) and a one-pixel frame, each with one mention, and an empty ad slot (about:blank).

/** The documents of frames/page.html. */
type Where = 'top' | 'srcdoc' | 'same' | 'cross' | 'tiny';

/** How each frame is told apart by its URL. */
const FRAME_URL: Record<Exclude<Where, 'top'>, (url: string) => boolean> = {
  srcdoc: (url) => url === 'about:srcdoc',
  same: (url) => url.startsWith('http://127.0.0.1') && url.endsWith('/frames/same.html'),
  cross: (url) => url.startsWith('http://localhost') && url.endsWith('/frames/cross.html'),
  tiny: (url) => url.endsWith('/frames/tiny.html'),
};

/** The part of Playwright's and Puppeteer's frames used here. */
interface AnyFrame {
  url(): string;
  evaluate(fn: unknown, arg?: unknown): Promise<unknown>;
}

/** Runs `fn(arg)` (synchronous) in the page's own world of one document of the tab (JSON in, JSON out). */
async function inFrame<R, A = undefined>(
  tab: BrowserTab,
  where: Where,
  fn: (arg: A) => R,
  arg?: A,
): Promise<R> {
  if (where === 'top') return tab.evaluate(fn as never, arg as never) as Promise<R>;
  const frame = await waitUntil(
    () => {
      const frames = (tab.raw.page.frames() as unknown as AnyFrame[]).filter((f) =>
        FRAME_URL[where](f.url()),
      );
      return frames[0] ?? null;
    },
    { what: `the ${where} frame` },
  );
  // The result travels as JSON: after a few tabs, Firefox's BiDi hands back arrays and objects evaluated
  // in a subframe as `{}`.
  const json = await frame.evaluate(`JSON.stringify((${String(fn)})(${JSON.stringify(arg ?? null)}))`);
  return (typeof json === 'string' ? JSON.parse(json) : undefined) as R;
}

/** Texts painted in one document. */
const painted = (tab: BrowserTab, where: Where) =>
  inFrame(tab, where, () => (window as unknown as { __painted(): string[] }).__painted());

/** What the extension added to one document (fixtures/frames/painted.js). */
const added = (tab: BrowserTab, where: Where) =>
  inFrame(tab, where, () =>
    (window as unknown as { __added(): { styles: number; hosts: number; highlight: boolean } }).__added(),
  );

/** Page changes nobody on the page made, in one document (fixtures/content/audit.js). */
const foreignChanges = (tab: BrowserTab, where: Where) =>
  inFrame(tab, where, () => (window as unknown as { __audit: { foreign(): string[] } }).__audit.foreign());

/** The hover card as one document sees it. */
const cardIn = (tab: BrowserTab, where: Where) =>
  inFrame(tab, where, () =>
    (
      window as unknown as {
        __card(): { open: boolean; rect?: { left: number; top: number; width: number; height: number } };
      }
    ).__card(),
  );

/** The readable documents and the one mention each paints. */
const MENTIONS: [Where, string][] = [
  ['top', 'International Organization for Migration'],
  ['srcdoc', 'Intergovernmental Committee for European Migration'],
  ['same', 'International Organization for Migration'],
  ['cross', 'International Organization for Migration'],
];

describeInBrowsers('frames', (suite) => {
  /** Opens frames/page.html and waits until every readable frame has painted its mention. */
  const open = async () => {
    const cross = suite.server.origin.replace('127.0.0.1', 'localhost');
    const tab = await suite.browser.openTab(
      suite.server.url(`frames/page.html?cross=${encodeURIComponent(cross)}`),
    );
    for (const [where] of MENTIONS) {
      // The cross-origin frame is below the fold: painting follows the viewport, so it is scrolled to first.
      if (where === 'cross')
        await tab.evaluate(() => document.getElementById('cross')?.scrollIntoView({ block: 'center' }));
      await waitUntil(async () => ((await painted(tab, where)).length > 0 ? true : null), {
        what: `a highlight in the ${where} document`,
      });
    }
    await tab.evaluate(() => window.scrollTo(0, 0));
    return tab;
  };

  /** The badge text of the tab. */
  const badge = async (tab: BrowserTab) => {
    const tabId = await suite.browser.tabId(tab);
    return suite.browser.evaluateInBackground(
      (id: number) => (browser.action ?? browser.browserAction).getBadgeText({ tabId: id }),
      tabId,
    );
  };

  /** Where `word` in element `id` of a frame is on the tab (frame coordinates plus the frame's place). */
  const pointInFrame = async (
    tab: BrowserTab,
    where: 'srcdoc' | 'same' | 'cross',
    id: string,
    word: string,
  ) => {
    const box = await inFrame(
      tab,
      where,
      ({ id, word }: { id: string; word: string }) =>
        (
          window as unknown as { __wordCenter(i: string, w: string): { x: number; y: number } | null }
        ).__wordCenter(id, word),
      { id, word },
    );
    if (!box) throw new Error(`no "${word}" in #${id} of the ${where} frame`);
    const offset = await tab.evaluate((frameId: string) => {
      const frame = document.getElementById(frameId) as HTMLIFrameElement;
      const r = frame.getBoundingClientRect();
      return { x: r.left + frame.clientLeft, y: r.top + frame.clientTop };
    }, where);
    return { x: offset.x + box.x, y: offset.y + box.y };
  };

  /** Moves the pointer onto `word` in element `id` of a frame. */
  const hoverInFrame = async (...args: Parameters<typeof pointInFrame>) => {
    const at = await pointInFrame(...args);
    await args[0].mouseMove(at.x, at.y);
  };

  it('paints the mention of every readable frame, counts all frames in the badge, and changes no text', async () => {
    const tab = await open();
    for (const [where, text] of MENTIONS) {
      // Painting follows the viewport: the cross-origin frame, below the fold, paints once scrolled to.
      if (where === 'cross')
        await tab.evaluate(() => document.getElementById('cross')?.scrollIntoView({ block: 'center' }));
      await expect.poll(() => painted(tab, where)).toEqual([text]);
    }
    await expect.poll(() => badge(tab), { timeout: 10_000 }).toBe(String(MENTIONS.length));
    for (const [where] of MENTIONS) expect(await foreignChanges(tab, where)).toEqual([]);
    await tab.close();
  });

  it('leaves a one-pixel frame untouched, and reads it once it grows to a readable size', async () => {
    const tab = await open();
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await added(tab, 'tiny')).toEqual({ styles: 0, hosts: 0, highlight: false });
    await tab.evaluate(() => {
      const frame = document.getElementById('tiny') as HTMLIFrameElement;
      frame.width = '560';
      frame.height = '120';
    });
    await waitUntil(async () => ((await painted(tab, 'tiny')).length > 0 ? true : null), {
      what: 'the grown frame to be read',
    });
    expect(await painted(tab, 'tiny')).toEqual(['International Organization for Migration']);
    await expect.poll(() => badge(tab), { timeout: 10_000 }).toBe(String(MENTIONS.length + 1));
    await tab.close();
  });

  it('reads an empty frame (an ad slot) once text is written into it', async () => {
    const tab = await open();
    // The slot is an about:blank frame of readable size with nothing in it: the frame gate waits for text.
    const slotPainted = () =>
      tab.evaluate(() => {
        const win = (document.getElementById('slot') as HTMLIFrameElement).contentWindow as Window & {
          CSS: typeof CSS;
        };
        return [...(win.CSS.highlights.get('iom-lens-mention') ?? [])].map((r) => {
          const live = win.document.createRange();
          live.setStart(r.startContainer, r.startOffset);
          live.setEnd(r.endContainer, r.endOffset);
          return live.toString();
        });
      });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await slotPainted()).toEqual([]);
    await tab.evaluate(() => {
      const doc = (document.getElementById('slot') as HTMLIFrameElement).contentDocument as Document;
      const p = doc.createElement('p');
      p.textContent = 'Sponsored: the International Organization for Migration is hiring drivers.';
      doc.body.append(p);
    });
    await expect.poll(slotPainted, { timeout: 10_000 }).toEqual(['International Organization for Migration']);
    await expect.poll(() => badge(tab), { timeout: 10_000 }).toBe(String(MENTIONS.length + 1));
    await tab.close();
  });

  it('lists every frame’s mentions in the popup in page order, and shows one inside its frame', async () => {
    const tab = await open();
    const popup = await suite.browser.openPopup(tab);
    const list = await popup.waitFor(() => {
      const list = document.querySelector('[data-testid="mention-list"]');
      const marks = [...(list?.querySelectorAll('mark') ?? [])].map((m) => m.textContent ?? '');
      const labels = [...(list?.querySelectorAll('.frame-label') ?? [])].map((l) => l.textContent ?? '');
      return marks.length >= 4 ? { marks, labels } : null;
    });
    expect(list).toEqual({
      marks: MENTIONS.map(([, text]) => text),
      labels: ['In a frame: Quote', 'In a frame: Embedded story', 'In a frame: Station report'],
    });
    expect(
      await popup.evaluate(() => document.querySelector('[data-testid="page-status"]')?.textContent),
    ).toBe(`${MENTIONS.length} mentions on this page.`);
    // The cross-origin frame is below the fold: "show on page" scrolls the top page to it, and the frame
    // to its mention, which it selects, and opens the card there.
    expect(
      await tab.evaluate(() => document.getElementById('cross')?.getBoundingClientRect().top ?? 0),
    ).toBeGreaterThan(await tab.evaluate(() => innerHeight));
    await popup.evaluate(() => {
      const group = [...document.querySelectorAll('.frame-group')].find((g) =>
        g.textContent?.includes('Station report'),
      );
      group?.querySelector<HTMLButtonElement>('button.mention')?.click();
    });
    await waitUntil(async () => ((await cardIn(tab, 'cross')).open ? true : null), {
      what: 'the card in the cross-origin frame',
    });
    const seen = await tab.evaluate(() => {
      const r = (document.getElementById('cross') as HTMLElement).getBoundingClientRect();
      return r.top < innerHeight && r.bottom > 0;
    });
    expect(seen).toBe(true);
    expect(await inFrame(tab, 'cross', () => getSelection()?.toString())).toBe(
      'International Organization for Migration',
    );
    const { rect } = await cardIn(tab, 'cross');
    const size = await inFrame(tab, 'cross', () => ({ width: innerWidth, height: innerHeight }));
    expect(rect && rect.left >= 0 && rect.top >= 0).toBe(true);
    expect(rect && rect.left + rect.width <= size.width && rect.top + rect.height <= size.height).toBe(true);
    expect((await cardIn(tab, 'top')).open).toBe(false);
    await popup.close();
    await tab.close();
  });

  it('opens cards inside a frame by hover, and by the keyboard command in the frame that has focus', async () => {
    const tab = await open();
    await hoverInFrame(tab, 'same', 'story', 'Organization');
    await waitUntil(async () => ((await cardIn(tab, 'same')).open ? true : null), {
      what: 'a card on hover in the same-origin frame',
    });
    expect((await cardIn(tab, 'top')).open).toBe(false);
    await tab.press('Escape');
    await tab.mouseMove(5, 5);
    await waitUntil(async () => ((await cardIn(tab, 'same')).open ? null : true), {
      what: 'the card to close',
    });

    // Focus in the cross-origin frame (a click on its button), then the command as the browser sends it.
    await tab.evaluate(() => document.getElementById('cross')?.scrollIntoView({ block: 'center' }));
    await hoverInFrame(tab, 'cross', 'focus-here', 'Follow');
    const { mouse } = tab.raw.page as unknown as { mouse: { down(): Promise<void>; up(): Promise<void> } };
    await mouse.down();
    await mouse.up();
    const tabId = await suite.browser.tabId(tab);
    const reply = await suite.browser.evaluateInBackground(
      (id: number) => browser.tabs.sendMessage(id, { type: 'card-navigate', data: { direction: 'next' } }),
      tabId,
    );
    expect(reply).toEqual({ opened: true });
    await waitUntil(async () => ((await cardIn(tab, 'cross')).open ? true : null), {
      what: 'a card by keyboard in the cross-origin frame',
    });
    for (const where of ['top', 'srcdoc', 'same'] as const)
      expect((await cardIn(tab, where)).open).toBe(false);
    await tab.close();
  });

  it('opens a card inside a frame by a tap, on a phone-sized touch screen', async () => {
    const tab = await open();
    await tab.emulatePhone({ width: 360, height: 740 });
    const at = await pointInFrame(tab, 'same', 'story', 'International');
    await tab.tap(at.x, at.y);
    await waitUntil(async () => ((await cardIn(tab, 'same')).open ? true : null), {
      what: 'a card on a tap in the same-origin frame',
    });
    for (const where of ['top', 'srcdoc', 'cross'] as const)
      expect((await cardIn(tab, where)).open).toBe(false);
    await tab.close();
  });

  it('teardown (a newer content script taking over in each frame) removes everything from every frame', async () => {
    const tab = await open();
    // A card host in one frame first, so there is more than the highlight to take away.
    await hoverInFrame(tab, 'same', 'story', 'Organization');
    await waitUntil(async () => ((await cardIn(tab, 'same')).open ? true : null), {
      what: 'a card on hover in the same-origin frame',
    });
    const id = await suite.browser.evaluateInContentScript(tab, () => browser.runtime.id);
    // What WXT's context hears when an updated extension's script starts in that document.
    for (const [where] of MENTIONS)
      await inFrame(
        tab,
        where,
        (name: string) => {
          document.dispatchEvent(
            new CustomEvent(name, { detail: { contentScriptName: 'content', messageId: 'forged' } }),
          );
          return true;
        },
        `${id}:content:wxt:content-script-started`,
      );
    for (const [where] of MENTIONS) {
      await waitUntil(
        async () => {
          const now = await added(tab, where);
          return now.highlight || now.styles > 0 || now.hosts > 0 ? null : true;
        },
        { what: `the ${where} document to be cleared` },
      );
      expect(await foreignChanges(tab, where)).toEqual([]);
    }
    await tab.close();
  });

  it('removes everything from every frame when paused', async () => {
    const tab = await open();
    const options = await suite.browser.openExtensionPage('options.html');
    await storeSettings(options, { ...defaultSettings(), paused: true });
    for (const [where] of MENTIONS) {
      await waitUntil(async () => ((await added(tab, where)).highlight ? null : true), {
        what: `the ${where} document to be cleared`,
      });
      expect(await added(tab, where)).toEqual({ styles: 0, hosts: 0, highlight: false });
      expect(await foreignChanges(tab, where)).toEqual([]);
    }
    await storeSettings(options, null);
    await options.close();
    await tab.close();
  });
});
