import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { polyfillAsEsModule } from './scripts/lib/polyfill-esm';

/** Fixed Firefox add-on id: storage, the extension's UUID mapping in tests and updates all key on it. */
export const GECKO_ID = 'iom-lens@iom-lens.dev';

/**
 * Oldest Firefox for Android the add-on installs on: 146 is the first whose `::highlight()` paints
 * `text-decoration` (the default underline mark); the Highlight API itself came in 140 and the manifest's
 * `data_collection_permissions` in 142 (docs/permissions.md, "Firefox for Android").
 */
export const FIREFOX_ANDROID_MIN_VERSION = '146.0';

/**
 * The frame gate's manifest entry: every subframe, about:blank and srcdoc frames included, and frames
 * whose URL has no host of their own (blob:, data:) where the browser offers it. It must match what the
 * content script matches, since it imports that script into frames.
 */
const FRAME_GATE_SCRIPT = {
  matches: ['http://*/*', 'https://*/*'],
  js: ['frame-gate.js'],
  run_at: 'document_idle' as const,
  all_frames: true,
  match_about_blank: true,
  match_origin_as_fallback: true,
};

// See docs/permissions.md for why each permission is requested.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // webextension-polyfill as an ES module: the bundler's CommonJS interop would create every extension API
  // on every page (scripts/lib/polyfill-esm.ts).
  vite: () => ({ plugins: [polyfillAsEsModule(), preact()] }),
  hooks: {
    // Subframes get the frame gate, a script of a few hundred bytes that imports the content script only into
    // frames worth reading (docs/adr/006-frame-gate.md); the content script's own entry is the top page's.
    'build:manifestGenerated': (_wxt, manifest) => {
      // (The manifest type predates match_origin_as_fallback, hence the cast.)
      type Entry = NonNullable<typeof manifest.content_scripts>[number];
      manifest.content_scripts = [...(manifest.content_scripts ?? []), FRAME_GATE_SCRIPT as Entry];
    },
    // The popup gets a build of its own, so it is one script rather than an entry chunk plus a chunk shared
    // with the options page: extension resources are served one after the other here, and the second
    // request was about 10 ms of the popup's first render (docs/popup.md).
    'entrypoints:grouped': (_wxt, groups) => {
      for (const group of groups) {
        if (!Array.isArray(group)) continue;
        const at = group.findIndex((entry) => entry.name === 'popup');
        if (at < 0 || group.length === 1) continue;
        const [popup] = group.splice(at, 1);
        if (popup) groups.push([popup]);
        return;
      }
    },
  },
  // The sources zip is what addons.mozilla.org rebuilds the add-on from. WXT already leaves out node_modules,
  // .output, dot-folders and *.test.* files; tests and local artefacts are not needed to build either.
  zip: {
    excludeSources: ['tests/**', 'vitest*.config.ts', 'coverage/**', 'test-results/**', '*.png', '*.zip'],
  },
  manifest: ({ browser }) => ({
    // Name and description come from public/_locales (en, fr, es), chosen by the browser's language.
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage', 'contextMenus'],
    // Chunks the content script imports on demand (the hover card UI, and at a page's first candidate the
    // lens with the detector's deciding half, its hover-card controller and page guard: one chunk), and the
    // content script itself, which the frame gate imports into frames. Chrome serves them under a
    // per-session URL (use_dynamic_url), so pages cannot probe for the extension.
    web_accessible_resources: [
      {
        resources: ['card-ui.js', 'page-lens.js', 'content-scripts/content.js'],
        matches: ['http://*/*', 'https://*/*'],
        use_dynamic_url: true,
      },
    ],
    // Keyboard shortcuts for the hover cards: next/previous mention on the page (people can change them).
    commands: {
      'next-mention': { suggested_key: { default: 'Alt+Shift+N' }, description: '__MSG_card_commandNext__' },
      'previous-mention': {
        suggested_key: { default: 'Alt+Shift+P' },
        description: '__MSG_card_commandPrevious__',
      },
    },
    browser_specific_settings:
      browser === 'firefox'
        ? {
            gecko: {
              id: GECKO_ID,
              strict_min_version: '128.0',
              data_collection_permissions: { required: ['none'] },
            },
            // Firefox for Android: the first version that paints the default underline mark
            // (text-decoration in ::highlight()); the reasons are in docs/permissions.md.
            gecko_android: { strict_min_version: FIREFOX_ANDROID_MIN_VERSION },
          }
        : undefined,
  }),
});
