import { expect, it } from 'vitest';
import {
  type CardState,
  card,
  cardCommand,
  hoverWord,
  SHOW_WAIT_MS,
  settled,
  type WordBox,
  wordBox,
} from './card-support';
import type { BrowserTab } from './support';
import { describeInBrowsers, waitUntil } from './support';

// Hover cards in real browsers with the BUILT extension: pointer, keyboard, isolation from page CSS.
// Fixtures: tests/e2e/fixtures/card/*.html; page-side helpers in fixtures/card/helpers.js.

/** How long "nothing happens" is watched for: well past the dwell and the hide delay. */
const QUIET_MS = 900;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const overlaps = (a: WordBox, b: NonNullable<CardState['rect']>) =>
  a.left < b.left + b.width &&
  b.left < a.left + a.width &&
  a.top < b.top + b.height &&
  b.top < a.top + a.height;

/** WCAG relative luminance of a computed `rgb(r, g, b)` colour. */
function luminance(rgb: string): number {
  const [r = 0, g = 0, b = 0] = (rgb.match(/[\d.]+/g) ?? []).map(Number).map((v) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio of two computed colours. */
function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/**
 * The colour schemes a tab can be switched to: both in Chromium (Playwright emulates the media feature);
 * in Firefox only its default light one, since WebDriver BiDi cannot emulate media features yet (Puppeteer
 * needs CDP for that). The dark styles are the same CSS in both browsers.
 */
async function schemesOf(tab: BrowserTab): Promise<((tab: BrowserTab) => Promise<'light' | 'dark'>)[]> {
  if (tab.raw.kind !== 'chromium') return [async () => 'light'];
  const page = tab.raw.page;
  return (['light', 'dark'] as const).map((scheme) => async () => {
    await page.emulateMedia({ colorScheme: scheme });
    return scheme;
  });
}

describeInBrowsers('hover cards', (suite) => {
  const open = async (path: string) => {
    const tab = await suite.browser.openTab(suite.server.url(path));
    await settled(suite.browser, tab);
    return tab;
  };

  it('shows nothing of the card before the first hover, then the right name and era beside the mention', async () => {
    const tab = await open('card/article.html');
    expect(await card(tab)).toEqual({ exists: false, open: false });
    const { box, state } = await hoverWord(tab, 'former', 'ICEM');
    expect(state).toMatchObject({
      shadowMode: 'open',
      parent: 'HTML',
      label: 'IOM Lens: ICEM',
      lang: 'en',
      era: 'ICEM',
      summary:
        'Intergovernmental Committee for European Migration, 1952–1980 — today the International Organization for Migration (IOM)',
      onTop: true,
      liveRegions: 0,
      focused: false,
    });
    expect(state.facts).toEqual(expect.arrayContaining(['founded', 'headquarters', 'members', 'head']));
    expect(overlaps(box, state.rect as NonNullable<CardState['rect']>)).toBe(false);
    await tab.close();
  });

  it('keeps the card while the pointer moves onto it, and hides it once the pointer leaves both', async () => {
    const tab = await open('card/article.html');
    const { state } = await hoverWord(tab, 'current', 'IOM');
    expect(state.era).toBe('IOM');
    const rect = state.rect as NonNullable<CardState['rect']>;
    await tab.mouseMove(rect.left + rect.width / 2, rect.top + 12);
    await sleep(QUIET_MS);
    expect((await card(tab)).open).toBe(true);
    await tab.mouseMove(5, 5);
    await waitUntil(async () => !(await card(tab)).open, {
      what: 'the card to hide',
      timeoutMs: SHOW_WAIT_MS,
    });
    await tab.close();
  });

  it('shows no card over a look-alike acronym', async () => {
    const tab = await open('card/article.html');
    const box = await wordBox(tab, 'lookalike', 'ICM');
    await tab.mouseMove(box.x, box.y);
    await sleep(QUIET_MS);
    expect((await card(tab)).open).toBe(false);
    await tab.close();
  });

  it('closes on Escape without the pointer moving, and stays closed while it rests there', async () => {
    const tab = await open('card/article.html');
    await hoverWord(tab, 'current', 'IOM');
    await tab.press('Escape');
    await waitUntil(async () => !(await card(tab)).open, {
      what: 'the card to close',
      timeoutMs: SHOW_WAIT_MS,
    });
    await sleep(QUIET_MS);
    expect((await card(tab)).open).toBe(false);
    await tab.close();
  });

  it('speaks French for a French mention and Spanish for a Spanish one', async () => {
    const tab = await open('card/article.html');
    const fr = (await hoverWord(tab, 'french', 'Organisation')).state;
    expect(fr).toMatchObject({
      lang: 'fr',
      label: 'IOM Lens : Organisation internationale pour les migrations',
    });
    expect(fr.summary).toBe('OIM, depuis 1989'); // the heading already gives the full name
    await tab.mouseMove(5, 5);
    await waitUntil(async () => !(await card(tab)).open, {
      what: 'the card to hide',
      timeoutMs: SHOW_WAIT_MS,
    });
    const es = (await hoverWord(tab, 'spanish', 'Organización')).state;
    expect(es).toMatchObject({ lang: 'es' });
    expect(es.summary).toBe('OIM, desde 1989');
    await tab.close();
  });

  it('moves to the next and previous mention on the keyboard command, with focus in the card; Escape gives focus back', async () => {
    // Headless browsers do not route key chords to extension commands, so the test sends what the
    // background's command handler sends (lib/card/commands.ts, unit-tested) and checks the shortcuts
    // are registered.
    // Registered commands, and the shortcuts the manifest suggests (Chromium leaves a command-line-loaded
    // extension's shortcuts unassigned until someone sets them in chrome://extensions/shortcuts).
    const commands = await suite.browser.evaluateInBackground(async () => ({
      registered: (await browser.commands.getAll()).map((c) => c.name).sort(),
      suggested: Object.entries(
        (
          browser.runtime.getManifest() as {
            commands?: Record<string, { suggested_key?: { default?: string } }>;
          }
        ).commands ?? {},
      ).map(([name, c]) => `${name}=${c.suggested_key?.default ?? ''}`),
    }));
    expect(commands.registered).toEqual(expect.arrayContaining(['next-mention', 'previous-mention']));
    expect(commands.suggested).toEqual(
      expect.arrayContaining(['next-mention=Alt+Shift+N', 'previous-mention=Alt+Shift+P']),
    );
    const tab = await open('card/article.html');
    const tabId = await suite.browser.tabId(tab);
    const command = (direction: 'next' | 'previous') => cardCommand(suite.browser, tabId, direction);
    const surfaces = await settled(suite.browser, tab);
    await tab.evaluate(() => (document.getElementById('before') as HTMLButtonElement).focus());
    // No card open: "next" starts from the top of what is on screen, the first mention here.
    expect(await command('next')).toEqual({ opened: true });
    let state = await waitUntil(async () => ((await card(tab)).focused ? card(tab) : null), {
      what: 'the first mention’s card, focused',
    });
    expect(state.label).toBe(`IOM Lens: ${surfaces[0]}`);
    // From the first mention, "previous" wraps around to the last one, far down the page.
    expect(await command('previous')).toEqual({ opened: true });
    state = await waitUntil(
      async () => {
        const s = await card(tab);
        return s.focused && s.label === `IOM Lens: ${surfaces.at(-1)}` ? s : null;
      },
      { what: 'the last mention’s card, focused' },
    );
    const far = await wordBox(tab, 'far', 'IOM');
    expect(far.top).toBeGreaterThanOrEqual(0); // scrolled into view
    expect(far.top + far.height).toBeLessThanOrEqual(await tab.evaluate(() => innerHeight));
    expect(overlaps(far, state.rect as NonNullable<CardState['rect']>)).toBe(false);
    // And "next" from the last wraps to the first again.
    expect(await command('next')).toEqual({ opened: true });
    await waitUntil(async () => ((await card(tab)).label === `IOM Lens: ${surfaces[0]}` ? true : null), {
      what: 'the first mention’s card again',
    });
    await tab.press('Escape');
    await waitUntil(async () => !(await card(tab)).open, { what: 'the card to close' });
    expect(await tab.evaluate(() => document.activeElement?.id ?? null)).toBe('before');
    await tab.close();
  });

  it('opens the card of a mention chosen in the popup (reveal-mention)', async () => {
    const tab = await open('card/article.html');
    const tabId = await suite.browser.tabId(tab);
    const icem = await suite.browser.evaluateInContentScript(
      tab,
      () => globalThis.iomLens?.registry?.entries().find((e) => e.surface === 'ICEM')?.id ?? null,
    );
    expect(icem).not.toBeNull();
    const reply = await suite.browser.evaluateInBackground(
      ({ tabId, index }: { tabId: number; index: number }) =>
        browser.tabs.sendMessage(tabId, { type: 'reveal-mention', data: { id: index } }),
      { tabId, index: icem as number },
    );
    expect(reply).toEqual({ revealed: true });
    const state = await waitUntil(async () => ((await card(tab)).open ? card(tab) : null), {
      what: 'the revealed mention’s card',
    });
    expect(state).toMatchObject({ era: 'ICEM', label: 'IOM Lens: ICEM', focused: false });
    await tab.close();
  });

  it('is readable in light and dark color schemes', async () => {
    const tab = await open('card/article.html');
    for (const switchTo of await schemesOf(tab)) {
      const scheme = await switchTo(tab);
      const { state } = await hoverWord(tab, 'current', 'IOM');
      const background = state.background as string;
      expect(luminance(background) < 0.2, `${scheme} background ${background}`).toBe(scheme === 'dark');
      expect(contrast(state.color as string, background)).toBeGreaterThanOrEqual(7);
      await tab.press('Escape');
      await tab.mouseMove(5, 5);
      await waitUntil(async () => !(await card(tab)).open, { what: 'the card to close' });
    }
    await tab.close();
  });

  it('is untouched by hostile page CSS', async () => {
    const tab = await open('card/hostile.html');
    const { state } = await hoverWord(tab, 'current', 'IOM');
    expect(state).toMatchObject({
      fontSize: '13px',
      display: 'block',
      visibility: 'visible',
      hostDisplay: 'block',
      onTop: true,
    });
    expect(state.color).not.toBe('rgb(255, 0, 0)');
    expect(state.background).not.toBe('rgb(255, 0, 0)');
    expect(state.rect?.width).toBeGreaterThan(250);
    expect(state.rect?.height).toBeGreaterThan(150);
    await tab.close();
  });

  it('is styled on a page whose Content-Security-Policy forbids inline styles', async () => {
    const tab = await open('card/csp.html');
    const { state } = await hoverWord(tab, 'current', 'IOM');
    expect(state).toMatchObject({ fontSize: '13px', onTop: true });
    expect(state.rect?.width).toBeGreaterThan(250);
    await tab.close();
  });

  it('opens the search on the card’s name', async () => {
    const tab = await open('card/article.html');
    const { state } = await hoverWord(tab, 'former', 'ICEM');
    const rect = state.rect as NonNullable<CardState['rect']>;
    const button = await tab.evaluate(() => {
      const b = document.querySelector('iom-lens-card')?.shadowRoot?.querySelector('button.search');
      b?.scrollIntoView({ block: 'nearest' }); // the card may be capped in height and scroll inside
      const r = b?.getBoundingClientRect();
      return r ? { x: r.left + r.width / 2, y: r.top + r.height / 2 } : null;
    });
    expect(button).not.toBeNull();
    expect(button?.y).toBeLessThan(rect.top + rect.height);
    await tab.mouseMove(button?.x ?? 0, button?.y ?? 0);
    if (tab.raw.kind === 'chromium') await tab.raw.page.mouse.click(button?.x ?? 0, button?.y ?? 0);
    else await tab.raw.page.mouse.click(button?.x ?? 0, button?.y ?? 0);
    const url = await waitUntil(
      () =>
        suite.browser.evaluateInBackground(async () => {
          const tabs = await browser.tabs.query({});
          return tabs.map((t) => t.url ?? '').find((u) => u.includes('popup.html?q=')) ?? null;
        }),
      { what: 'the search window' },
    );
    expect(new URL(url).searchParams.get('q')).toBe('Intergovernmental Committee for European Migration');
    await tab.close();
  });
});
