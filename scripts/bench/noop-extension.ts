/**
 * The page benchmark's reference: an extension built with the same stack (WXT, webextension-polyfill and
 * the same polyfill plugin) whose content script does nothing, built into a temporary folder.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * Builds the no-op extension; `dir` is the temporary project (remove it after), `output` its Chrome build.
 * With `everyFrame` its content script is declared for every frame as ours once was (all_frames,
 * match_about_blank, match_origin_as_fallback): what any script costs by running in a page's frames.
 * With `readPattern` it does the least any candidate watch does: one `body.textContent` tested with that
 * regex source, and a MutationObserver on the document (the 100 KB page's floor).
 */
export function buildNoop(
  root: string,
  { everyFrame = false, readPattern }: { everyFrame?: boolean; readPattern?: string } = {},
): { dir: string; output: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'iom-lens-noop-'));
  mkdirSync(path.join(dir, 'entrypoints'));
  symlinkSync(path.join(root, 'node_modules'), path.join(dir, 'node_modules'));
  writeFileSync(
    path.join(dir, 'package.json'),
    JSON.stringify({ name: 'noop', version: '0.0.1', private: true, type: 'module' }),
  );
  writeFileSync(
    path.join(dir, 'wxt.config.ts'),
    // The same build as ours, the polyfill plugin included: what it saves is not ours to claim over the no-op.
    `import { defineConfig } from 'wxt';\nimport { polyfillAsEsModule } from ${JSON.stringify(path.join(root, 'scripts/lib/polyfill-esm.ts'))};\nexport default defineConfig({ modules: ['@wxt-dev/webextension-polyfill'], vite: () => ({ plugins: [polyfillAsEsModule()] }), manifest: { name: 'No-op' } });\n`,
  );
  // Same entry options as ours too (no start-up postMessage), for the same reason.
  writeFileSync(
    path.join(dir, 'entrypoints/content.ts'),
    `import { browser } from 'wxt/browser';
export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  noScriptStartedPostMessage: true,${everyFrame ? '\n  allFrames: true,\n  matchAboutBlank: true,\n  matchOriginAsFallback: true,' : ''}
  main() {
    void browser.runtime.id;${
      readPattern === undefined
        ? ''
        : `
    if (new RegExp(${JSON.stringify(readPattern)}).test(document.body?.textContent ?? '')) return;
    new MutationObserver(() => {}).observe(document, { childList: true, subtree: true, characterData: true });`
    }
  },
});
`,
  );
  const result = spawnSync(path.join(root, 'node_modules/.bin/wxt'), ['build'], {
    cwd: dir,
    encoding: 'utf8',
  });
  if (result.status !== 0)
    throw new Error(`bench: building the no-op extension failed:\n${result.stdout}${result.stderr}`);
  return { dir, output: path.join(dir, '.output/chrome-mv3') };
}
