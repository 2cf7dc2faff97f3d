import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { type BrowserContext, chromium } from 'playwright-core';
import puppeteer, { type Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_PATH, chromiumArgs, FIREFOX_LANGPACKS_DIR, FIREFOX_PATH } from '../../scripts/lib/browsers';
import { axeViolations, resultTitles, typeQuery } from './popup-helpers';
import { type BrowserTab, CHROME_BUILD_DIR, FIREFOX_BUILD_DIR, selectedBrowsers, waitUntil } from './support';
import { readBuiltManifest } from './support/paths';
import { tabOn } from './support/tab';

// The UI in French and Spanish when the BROWSER's language is French or Spanish (the extension's
// _locales chosen by the browser, manifest name included), and in the dark colour scheme, with axe.
// The shared launchers take no locale, so this file starts its browsers itself: Chromium with --lang
// and LANGUAGE, Firefox with intl.locale.requested, which needs Firefox's language pack installed
// (Debian: firefox-esr-l10n-fr, firefox-esr-l10n-es-es).

interface LocaleCase {
  /** UI language expected. */
  lang: 'fr' | 'es';
  /** The language Chromium is started in (its UI languages are fr, es, es-419…). */
  chromiumLocale: string;
  /** The locale Firefox is asked for (its language packs are fr, es-ES, es-AR…). */
  firefoxLocale: string;
  /** Debian's Firefox language pack for it. */
  firefoxLangpack: string;
  /** Expected strings. */
  expect: {
    searchLabel: string;
    pause: string;
    noMentions: string;
    optionsTitle: string;
    import: string;
    /** Start of the manifest's description. */
    description: string;
  };
}

const CASES: LocaleCase[] = [
  {
    lang: 'fr',
    chromiumLocale: 'fr',
    firefoxLocale: 'fr',
    firefoxLangpack: 'langpack-fr@firefox-esr.mozilla.org.xpi',
    expect: {
      searchLabel: 'Rechercher dans les données d’IOM Lens',
      pause: 'Mettre en pause partout',
      noMentions: 'IOM Lens ne fonctionne pas sur cette page.',
      optionsTitle: "Options d'IOM Lens",
      import: 'Importer des réglages…',
      description: "Repère l'Organisation internationale pour les migrations",
    },
  },
  {
    lang: 'es',
    chromiumLocale: 'es',
    firefoxLocale: 'es-ES',
    firefoxLangpack: 'langpack-es-ES@firefox-esr.mozilla.org.xpi',
    expect: {
      searchLabel: 'Buscar en los datos de IOM Lens',
      pause: 'Pausar en todas partes',
      noMentions: 'IOM Lens no funciona en esta página.',
      optionsTitle: 'Opciones de IOM Lens',
      import: 'Importar ajustes…',
      description: 'Detecta la Organización Internacional para las Migraciones',
    },
  },
];

/** A browser started in one language and the dark colour scheme, with the built extension. */
interface LocalizedBrowser {
  open(page: string): Promise<BrowserTab>;
  close(): Promise<void>;
}

async function launchChromiumIn(locale: string): Promise<LocalizedBrowser> {
  const context: BrowserContext = await chromium.launchPersistentContext('', {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [...chromiumArgs(CHROME_BUILD_DIR), `--lang=${locale}`],
    env: { ...process.env, LANGUAGE: locale.replace('-', '_') },
    locale,
    colorScheme: 'dark',
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const origin = `chrome-extension://${new URL(worker.url()).host}`;
  return {
    async open(page) {
      const p = await context.newPage();
      await p.goto(`${origin}/${page}`);
      return tabOn({ kind: 'chromium', page: p });
    },
    close: () => context.close(),
  };
}

async function launchFirefoxIn(locale: string): Promise<LocalizedBrowser> {
  const geckoId = readBuiltManifest(FIREFOX_BUILD_DIR).browser_specific_settings?.gecko?.id ?? '';
  const uuid = randomUUID();
  const browser: Browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    protocol: 'webDriverBiDi',
    headless: true,
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: uuid }),
      'intl.locale.requested': locale,
      'intl.accept_languages': locale,
      // 0 = dark: what a dark system theme makes pages see as prefers-color-scheme.
      'layout.css.prefers-color-scheme.content-override': 0,
    },
  });
  await browser.installExtension(path.resolve(FIREFOX_BUILD_DIR));
  const origin = `moz-extension://${uuid}`;
  return {
    async open(page) {
      const p = await browser.newPage();
      const tab = tabOn({ kind: 'firefox', page: p });
      await tab.goto(`${origin}/${page}`);
      return tab;
    },
    close: () => browser.close(),
  };
}

for (const kind of selectedBrowsers()) {
  for (const c of CASES) {
    const langpack = path.join(FIREFOX_LANGPACKS_DIR, c.firefoxLangpack);
    const missing = kind === 'firefox' && !existsSync(langpack);
    if (missing) {
      console.warn(
        `[popup-locale] skipping Firefox in ${c.lang}: no language pack at ${langpack} (apt-get install firefox-esr-l10n-…)`,
      );
    }
    const locale = kind === 'chromium' ? c.chromiumLocale : c.firefoxLocale;
    describe.skipIf(missing)(`${kind}: UI in ${c.lang} under a ${locale} browser, dark scheme`, () => {
      let browser: LocalizedBrowser | undefined;
      beforeAll(async () => {
        browser = kind === 'chromium' ? await launchChromiumIn(locale) : await launchFirefoxIn(locale);
      });
      afterAll(async () => {
        await browser?.close();
      });
      const open = (page: string) => {
        if (!browser) throw new Error('browser not started');
        return browser.open(page);
      };

      it('shows the popup in the browser language, dark, with no axe violations', async () => {
        const popup = await open('popup.html');
        // Once the settings are read (the pause box is enabled) and the page's state is known (not loading).
        const status = await popup.waitFor(() => {
          const text = document.querySelector('[data-testid="page-status"]')?.textContent ?? '';
          const ready = document.querySelector<HTMLInputElement>('[data-testid="pause"]')?.disabled === false;
          return ready && document.querySelector('[data-testid="page-status"][aria-busy="true"]') === null
            ? text
            : null;
        });
        expect(status).toBe(c.expect.noMentions);
        expect(await popup.evaluate(() => document.documentElement.lang)).toBe(c.lang);
        expect(
          await popup.evaluate(() => document.querySelector('label[for="search-input"]')?.textContent),
        ).toBe(c.expect.searchLabel);
        expect(await popup.evaluate(() => document.querySelector('label.check')?.textContent)).toBe(
          c.expect.pause,
        );
        expect(await popup.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(true);
        expect(await popup.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(
          'rgb(28, 29, 33)',
        );
        expect(await axeViolations(popup)).toEqual([]);
        await typeQuery(popup, 'organizacion');
        expect((await resultTitles(popup))[0]).toBe('Organización Internacional para las Migraciones');
        expect(await axeViolations(popup)).toEqual([]);
        await popup.close();
      });

      it('shows the options page in the browser language, dark, with no axe violations', async () => {
        const options = await open('options.html');
        const title = await waitUntil(() =>
          options.evaluate(() =>
            document.querySelector('#hover-delay') ? document.querySelector('h1')?.textContent : null,
          ),
        );
        expect(title).toBe(c.expect.optionsTitle);
        expect(await options.evaluate(() => document.title)).toBe(c.expect.optionsTitle);
        const buttons = await options.evaluate(() =>
          [...document.querySelectorAll('button')].map((b) => b.textContent),
        );
        expect(buttons).toContain(c.expect.import);
        expect(await axeViolations(options)).toEqual([]);
        // The manifest's name and description come from the same locale (__MSG_extName__, __MSG_extDescription__).
        const manifest = await options.evaluate(() => {
          const g = globalThis as unknown as Record<
            string,
            { runtime: { getManifest(): { name: string; description: string } } }
          >;
          return (g.browser ?? g.chrome)?.runtime.getManifest();
        });
        expect(manifest?.name).toBe('IOM Lens');
        expect(manifest?.description.startsWith(c.expect.description)).toBe(true);
        await options.close();
      });
    });
  }
}
