import { expect, it } from 'vitest';
import { axeViolations, resultTitles, typeQuery } from './popup-helpers';
import { describeInBrowsers } from './support';

// The popup's search in the built extension: typos, missing accents and former acronyms all find the
// organization's names; the keyboard opens a result; ?q= pre-fills; axe finds no violations.
describeInBrowsers('popup search', (suite) => {
  it('finds a name from a query with typos', async () => {
    const popup = await suite.browser.openExtensionPage('popup.html');
    await typeQuery(popup, 'Comittee Europen');
    expect((await resultTitles(popup))[0]).toBe('Intergovernmental Committee for European Migration');
    await popup.close();
  });

  it('finds an accented name from an accent-free query', async () => {
    const popup = await suite.browser.openExtensionPage('popup.html');
    await typeQuery(popup, 'organizacion internacional');
    expect((await resultTitles(popup))[0]).toBe('Organización Internacional para las Migraciones');
    await popup.close();
  });

  it('finds a former acronym and opens it with the keyboard', async () => {
    const popup = await suite.browser.openExtensionPage('popup.html');
    await typeQuery(popup, 'ICM');
    expect((await resultTitles(popup))[0]).toBe('Intergovernmental Committee for Migration');
    await popup.press('ArrowDown');
    await popup.press('ArrowUp');
    await popup.press('Enter');
    const detail = await popup.waitFor(() => document.querySelector('[data-testid="detail"]')?.textContent);
    expect(detail).toContain('Intergovernmental Committee for Migration');
    expect(detail).toContain('1980');
    await popup.press('Escape');
    await popup.waitFor(() => document.querySelector('[data-testid="detail"]') === null);
    expect(await popup.evaluate(() => document.activeElement?.id)).toBe('search-input');
    await popup.close();
  });

  it('pre-fills the search from ?q= (context menu, hover card)', async () => {
    const popup = await suite.browser.openExtensionPage('popup.html?q=CIME');
    expect(await popup.evaluate(() => document.querySelector<HTMLInputElement>('#search-input')?.value)).toBe(
      'CIME',
    );
    const titles = await resultTitles(popup);
    expect(titles.slice(0, 2)).toContain('Comité intergouvernemental pour les migrations européennes');
    await popup.close();
  });

  it('has no axe violations, with results and with a detail open', async () => {
    const popup = await suite.browser.openExtensionPage('popup.html');
    await popup.waitFor(() => document.querySelector('[data-testid="page-status"]')?.textContent);
    expect(await axeViolations(popup)).toEqual([]);
    await typeQuery(popup, 'ICEM');
    await resultTitles(popup);
    expect(await axeViolations(popup)).toEqual([]);
    await popup.press('Enter');
    await popup.waitFor(() => document.querySelector('[data-testid="detail"]'));
    expect(await axeViolations(popup)).toEqual([]);
    await popup.close();
  });
});
