import { describe, expect, it } from 'vitest';
import config, { FIREFOX_ANDROID_MIN_VERSION, GECKO_ID } from '@/wxt.config';

type ManifestFn = (env: { browser: string; manifestVersion: number }) => Record<string, unknown>;

const manifestFor = (browser: string, manifestVersion: number) =>
  (config.manifest as ManifestFn)({ browser, manifestVersion });

describe('manifest', () => {
  it('declares Firefox for Android with the version that paints the default mark, beside desktop Firefox', () => {
    expect(manifestFor('firefox', 2).browser_specific_settings).toMatchObject({
      gecko: { id: GECKO_ID },
      gecko_android: { strict_min_version: FIREFOX_ANDROID_MIN_VERSION },
    });
    // text-decoration in ::highlight() (the underline mark) paints from Firefox for Android 146.
    expect(Number.parseFloat(FIREFOX_ANDROID_MIN_VERSION)).toBeGreaterThanOrEqual(146);
  });

  it('gives Chromium builds (Chrome, Edge) no Firefox settings', () => {
    for (const browser of ['chrome', 'edge']) {
      expect(manifestFor(browser, 3).browser_specific_settings).toBeUndefined();
    }
  });
});
