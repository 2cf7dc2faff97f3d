import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterEach, describe, expect, it } from 'vitest';
import { polyfillAsEsModule, polyfillModuleSource } from '../../../scripts/lib/polyfill-esm';

const POLYFILL = createRequire(import.meta.url).resolve('webextension-polyfill');

let imports = 0;

/** Evaluates module source text in Node and returns its namespace (a fresh module each time: no cache hit). */
async function importSource(source: string): Promise<Record<string, unknown>> {
  const text = `${source}\n// import ${++imports}`;
  return import(`data:text/javascript;base64,${Buffer.from(text).toString('base64')}`);
}

const globals = globalThis as { chrome?: unknown; browser?: unknown };

afterEach(() => {
  delete globals.chrome;
  delete globals.browser;
});

describe('webextension-polyfill served as an ES module', () => {
  it('exports the native browser object as the default, where the browser has one', async () => {
    const browser = { runtime: { id: 'iom-lens' } };
    globals.chrome = { runtime: { id: 'iom-lens' } };
    globals.browser = browser;
    const module = await importSource(polyfillModuleSource(readFileSync(POLYFILL, 'utf8')));
    expect(module.default).toBe(browser);
  });

  it('exports the promise-based wrapper around chrome where there is no browser object', async () => {
    globals.chrome = { runtime: { id: 'iom-lens', getURL: (path: string) => `chrome-extension://x${path}` } };
    const module = await importSource(polyfillModuleSource(readFileSync(POLYFILL, 'utf8')));
    const browser = module.default as { runtime: { getURL(path: string): string } };
    expect(browser).not.toBe(globals.chrome);
    expect(browser.runtime.getURL('/detector.js')).toBe('chrome-extension://x/detector.js');
  });

  it('loads the polyfill file only, and leaves every other module to Vite', () => {
    const load = polyfillAsEsModule().load as (id: string) => string | null;
    expect(load(POLYFILL)).toContain('export default module.exports;');
    expect(load('/project/node_modules/preact/dist/preact.module.js')).toBeNull();
  });

  it('refuses a polyfill whose wrapper it does not know, rather than build a broken bundle', () => {
    expect(() => polyfillModuleSource('module.exports = {};')).toThrow(/no longer has the UMD wrapper/);
  });
});
