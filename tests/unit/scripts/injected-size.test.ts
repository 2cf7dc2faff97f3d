// @vitest-environment node
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  checkInjectedBudget,
  INJECTED_BUDGET_BYTES,
  injectedFiles,
  injectedSizeProblem,
  measureInjected,
} from '../../../scripts/lib/injected-size';

describe('injectedFiles', () => {
  it('lists every content script and stylesheet the manifest injects, once each', () => {
    const manifest = {
      content_scripts: [
        {
          matches: ['https://*/*'],
          js: ['content-scripts/content.js'],
          css: ['content-scripts/content.css'],
        },
        { matches: ['http://*/*'], js: ['content-scripts/content.js'] },
      ],
    };
    expect(injectedFiles(manifest)).toEqual(['content-scripts/content.js', 'content-scripts/content.css']);
  });

  it('refuses a manifest without content scripts or with a malformed list, naming where', () => {
    expect(() => injectedFiles({}, 'x/manifest.json')).toThrow('x/manifest.json declares no content_scripts');
    expect(() => injectedFiles({ content_scripts: [{ js: 'content.js' }] }, 'x/manifest.json')).toThrow(
      'x/manifest.json: content_scripts[0].js is not a list of file names',
    );
  });
});

describe('injectedSizeProblem', () => {
  it('passes a build at or under the budget', () => {
    expect(injectedSizeProblem('b', [{ file: 'a.js', gzipBytes: INJECTED_BUDGET_BYTES }])).toBeNull();
  });

  it('fails a build whose files together exceed it, naming each file and size, the total and the budget', () => {
    const problem = injectedSizeProblem('.output/chrome-mv3', [
      { file: 'content-scripts/content.js', gzipBytes: 15 * 1024 },
      { file: 'content-scripts/content.css', gzipBytes: 6 * 1024 },
    ]);
    expect(problem).toBe(
      '.output/chrome-mv3 injects 21.0 KB gzipped on every page (content-scripts/content.js 15.0 KB, content-scripts/content.css 6.0 KB), over the 20.0 KB budget by 1.0 KB (21504 > 20480 bytes)',
    );
  });
});

describe('checkInjectedBudget on build folders', () => {
  let out: string;
  beforeEach(() => {
    out = mkdtempSync(path.join(os.tmpdir(), 'injected-size-'));
  });
  afterEach(() => rmSync(out, { recursive: true, force: true }));

  /** A build whose content script is `bytes` of incompressible data (gzip cannot shrink random bytes). */
  const build = (name: string, bytes: number) => {
    const dir = path.join(out, name);
    mkdirSync(path.join(dir, 'content-scripts'), { recursive: true });
    writeFileSync(
      path.join(dir, 'manifest.json'),
      JSON.stringify({ content_scripts: [{ matches: ['<all_urls>'], js: ['content-scripts/content.js'] }] }),
    );
    writeFileSync(path.join(dir, 'content-scripts/content.js'), randomBytes(bytes));
  };

  it('measures the gzipped size of what the manifest injects', () => {
    build('small', 1000);
    const [measured] = measureInjected(path.join(out, 'small'));
    expect(measured?.file).toBe('content-scripts/content.js');
    expect(measured?.gzipBytes).toBeGreaterThan(1000); // random bytes only grow by gzip's framing
  });

  it('logs builds within the budget and throws for the one over it, naming its folder and file', () => {
    build('chrome-mv3', 1000);
    build('firefox-mv2', INJECTED_BUDGET_BYTES + 100);
    const lines: string[] = [];
    expect(() => checkInjectedBudget(out, ['chrome-mv3', 'firefox-mv2'], (l) => lines.push(l))).toThrow(
      new RegExp(
        `^${path.join(out, 'firefox-mv2')} injects 20\\.\\d KB gzipped on every page \\(content-scripts/content\\.js 20\\.\\d KB\\), over the 20\\.0 KB budget`,
      ),
    );
    expect(lines).toEqual([
      `${path.join(out, 'chrome-mv3')}: content-scripts/content.js 1.0 KB gzipped, within the 20.0 KB budget`,
    ]);
  });
});
