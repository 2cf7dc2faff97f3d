/**
 * The layers of docs/architecture.md as dependency-cruiser rules. `layers.test.ts` checks them on every
 * `npm test`; a new import that breaks one fails it with the rule's name and the import.
 */
import type { IForbiddenRuleType } from 'dependency-cruiser';

/** The folders whose code ships in the extension; `scripts/` and `tests/` never do. */
export const SHIPPED = ['lib', 'components', 'entrypoints'];

/** A rule against imports from modules matching `from` to modules matching `to` (path patterns). */
function never(name: string, comment: string, from: string, to: string): IForbiddenRuleType {
  return { name, comment, severity: 'error', from: { path: from }, to: { path: to } };
}

/** Rules over every import of the shipped folders, type-only imports included. */
export const LAYER_RULES: IForbiddenRuleType[] = [
  never(
    'lib-never-imports-components',
    'lib/ is framework-free logic; the Preact views build on it, not the other way round.',
    '^lib/',
    '^components/',
  ),
  never(
    'lib-never-imports-entrypoints',
    'entry points only wire modules together; nothing they declare is for lib/ to use.',
    '^lib/',
    '^entrypoints/',
  ),
  never(
    'components-never-import-entrypoints',
    'components take props; the entry points mount them and hand them what they need.',
    '^components/',
    '^entrypoints/',
  ),
  never(
    'shipped-code-never-imports-scripts',
    'scripts/ holds build, evaluation and benchmark tools that run in Node and never ship.',
    '^(lib|components|entrypoints)/',
    '^scripts/',
  ),
  {
    name: 'no-import-cycles',
    comment: 'a cycle makes the order of module set-up matter and the layers impossible to read.',
    severity: 'error',
    from: {},
    to: { circular: true },
  },
];

/** The content script's entry: injected into every http(s) page the browser opens. */
export const CONTENT_ENTRY = 'entrypoints/content/index.ts';

/**
 * Everything the content script's entry may load, directly or through other modules: what is in the
 * injected file today (8.3 KB gzipped against the 20 KB budget of scripts/lib/injected-size.ts; see
 * docs/content-script.md). The lens, settings store, hover cards and the detector's deciding half load
 * from `page-lens.js` at a page's first candidate. Adding a module here puts it on
 * every page: measure the injected size (`npm run bench page`) first.
 */
export const CONTENT_SCRIPT_MODULES = [
  CONTENT_ENTRY,
  // The browser API (WXT's wrapper around webextension-polyfill).
  'node_modules/wxt/dist/browser.mjs',
  // The pre-check: the acronym list and the candidate pattern built from it.
  'lib/detect/candidate-pattern.ts',
  'data/compiled/acronyms.json',
  // Long names broken at a line-end or soft hyphen inside their stem ("Mi-\ngration") still wake the lens.
  'lib/detect/word-breaks.ts',
  'lib/detect/stems.ts',
  // Messages to the background and from the popup.
  'lib/messaging.ts',
  'lib/messages.ts',
  // The candidate watch and the controller that wakes the lens at a page's first candidate.
  'lib/page/controller.ts',
  'lib/page/candidate-watch.ts',
  'lib/page/scan.ts',
  'lib/page/blocks.ts',
  'lib/page/dom-rules.ts',
  // Shadow roots: text in web components is read by the watch too, or a page whose only mention sits in
  // a shadow tree would never wake the lens (finding and observing roots, ordering across them).
  'lib/page/shadow-roots.ts',
  // Finding the hosts of a small page by a selector (cheaper than visiting every element from script).
  'lib/page/shadow-hosts.ts',
  'lib/page/slices.ts',
  'lib/page/report.ts',
  'lib/page/url-watch.ts',
  // Frames too small to read in start nothing until they grow.
  'lib/page/frame-size.ts',
  // Names of the globals the lazily loaded chunks hand over through.
  'lib/page/detector.ts',
  'lib/page/page-kit.ts',
  // The settings seen through a reader that arrives with page-lens.js.
  'lib/settings/deferred-reader.ts',
];

/** dependency-cruiser's `path` patterns for a list of exact module paths. */
function exactly(paths: readonly string[]): string[] {
  return paths.map((p) => `^${p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
}

/**
 * The rules over what the content script loads at run time (type-only imports left out: they ship
 * nothing). Cruise them from the entry and the listed modules, so that the list's own entries are in
 * the graph and one the entry no longer reaches shows up.
 */
export const CONTENT_SCRIPT_RULES: IForbiddenRuleType[] = [
  {
    name: 'content-script-loads-only-listed-modules',
    comment: 'every page pays for the injected script; anything else loads at a first candidate.',
    severity: 'error',
    from: { path: exactly([CONTENT_ENTRY]) },
    to: { pathNot: exactly(CONTENT_SCRIPT_MODULES), reachable: true },
  },
  {
    name: 'content-script-list-names-only-loaded-modules',
    comment: 'a module the content script no longer loads leaves the list, so the list stays the budget.',
    severity: 'error',
    from: { path: exactly([CONTENT_ENTRY]) },
    to: { path: exactly(CONTENT_SCRIPT_MODULES.filter((m) => m !== CONTENT_ENTRY)), reachable: false },
  },
];

/** Where to start the content script's cruise: the entry and every listed module of the project. */
export const CONTENT_SCRIPT_START = CONTENT_SCRIPT_MODULES.filter((m) => !m.startsWith('node_modules/'));
