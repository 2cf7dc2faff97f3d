import { expect, it } from 'vitest';
import { axeViolations, chooseFile, storedSettings, storeSettings } from './popup-helpers';
import { describeInBrowsers } from './support';

// The options page in the built extension: changes are stored, a broken settings file is refused with
// its reason and changes nothing, a valid one is applied; axe finds no violations.
describeInBrowsers('options page', (suite) => {
  const openOptions = async () => {
    const options = await suite.browser.openExtensionPage('options.html');
    await options.waitFor(() => document.querySelector('#hover-delay') !== null, undefined, {
      what: 'the settings',
    });
    return options;
  };

  it('stores a change at once', async () => {
    const options = await openOptions();
    await options.click('input[name="highlight-style"][value="background"]');
    await options.waitFor(
      () => document.querySelector('[data-testid="save-status"]')?.textContent === 'Saved.',
    );
    expect(await storedSettings(options)).toMatchObject({ highlightStyle: 'background' });
    await storeSettings(options, null);
    await options.close();
  });

  it('refuses a broken settings file with its reason and changes nothing', async () => {
    const options = await openOptions();
    await storeSettings(options, {
      paused: false,
      allow: [],
      deny: ['keep.example.org'],
      hoverDelayMs: 450,
      highlightStyle: 'underline',
      eras: { PICMME: true, ICEM: true, ICM: true, IOM: true },
    });
    await options.waitFor(() =>
      document.querySelector('[data-testid="deny-list"]')?.textContent?.includes('keep.example.org'),
    );
    const before = await storedSettings(options);
    await chooseFile(
      options,
      'broken.json',
      '{\n  "format": "iom-lens-settings",\n  "version": 2\n  "settings": {}\n}',
    );
    const message = await options.waitFor(
      () => document.querySelector('[data-testid="backup-status"] [role="alert"]')?.textContent,
    );
    expect(message).toBe(
      'broken.json was not imported; nothing changed. The file is not valid JSON: the error is at line 4, column 3.',
    );
    await chooseFile(
      options,
      'wrong.json',
      JSON.stringify({ format: 'iom-lens-settings', version: 2, settings: { hoverDelayMs: 'fast' } }),
    );
    expect(
      await options.waitFor(() => {
        const text =
          document.querySelector('[data-testid="backup-status"] [role="alert"]')?.textContent ?? '';
        return text.startsWith('wrong.json') ? text : null;
      }),
    ).toBe(
      'wrong.json was not imported; nothing changed. settings.hoverDelayMs should be a whole number of milliseconds from 0 to 2000, not "fast".',
    );
    expect(await storedSettings(options)).toEqual(before);
    await storeSettings(options, null);
    await options.close();
  });

  it('applies a valid settings file', async () => {
    const options = await openOptions();
    await chooseFile(
      options,
      'mine.json',
      JSON.stringify({
        format: 'iom-lens-settings',
        version: 2,
        settings: { hoverDelayMs: 800, deny: ['*.example.org'] },
      }),
    );
    await options.waitFor(
      () =>
        document.querySelector('[data-testid="backup-status"]')?.textContent ===
        'Settings imported from mine.json.',
    );
    expect(await options.text('[data-testid="hover-delay-value"]')).toBe('800 ms');
    expect(await options.text('[data-testid="deny-list"] code')).toBe('*.example.org');
    expect(await storedSettings(options)).toMatchObject({ hoverDelayMs: 800, deny: ['*.example.org'] });
    await storeSettings(options, null);
    await options.close();
  });

  it('has no axe violations', async () => {
    const options = await openOptions();
    expect(await axeViolations(options)).toEqual([]);
    await options.close();
  });
});
