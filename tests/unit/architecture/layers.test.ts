// @vitest-environment node
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { violations } from './cruise';
import {
  CONTENT_ENTRY,
  CONTENT_SCRIPT_RULES,
  CONTENT_SCRIPT_START,
  LAYER_RULES,
  SHIPPED,
} from './layer-rules';

/** Parsing the whole project takes seconds, more on a busy machine. */
const CRUISE_TIMEOUT_MS = 60_000;

const PROJECT = process.cwd();
/** A tiny project that breaks every rule once (see its files). */
const FIXTURE = path.join(PROJECT, 'tests/unit/architecture/fixture');

/** Layer violations in the shipped folders of `root`. */
const layerViolations = (root: string) =>
  violations({ root, from: SHIPPED, rules: LAYER_RULES, typeOnlyImports: true });

/** Content-script violations of `root`, cruising from `from` (the entry, and listed modules to check). */
const contentScriptViolations = (root: string, from: string[]) =>
  violations({ root, from, rules: CONTENT_SCRIPT_RULES, typeOnlyImports: false });

describe('the layers of docs/architecture.md', () => {
  it('hold in the shipped code', { timeout: CRUISE_TIMEOUT_MS }, async () => {
    expect(await layerViolations(PROJECT)).toEqual([]);
  });

  it('are reported, by rule and import, when broken', { timeout: CRUISE_TIMEOUT_MS }, async () => {
    expect((await layerViolations(FIXTURE)).sort()).toEqual([
      'components-never-import-entrypoints: components/badge.ts → entrypoints/popup/wiring.ts',
      'lib-never-imports-components: lib/format.ts → components/badge.ts',
      'lib-never-imports-entrypoints: lib/format.ts → entrypoints/popup/wiring.ts',
      'no-import-cycles: lib/cycle-a.ts → lib/cycle-b.ts (via lib/cycle-b.ts → lib/cycle-a.ts)',
      'shipped-code-never-imports-scripts: lib/format.ts → scripts/tool.ts',
    ]);
  });
});

describe("the content script's entry", () => {
  it('loads only the modules the injected-size budget allows', { timeout: CRUISE_TIMEOUT_MS }, async () => {
    expect(await contentScriptViolations(PROJECT, CONTENT_SCRIPT_START)).toEqual([]);
  });

  it('is reported with the path that brings in a module outside the list, and a listed module it no longer loads', {
    timeout: CRUISE_TIMEOUT_MS,
  }, async () => {
    expect((await contentScriptViolations(FIXTURE, [CONTENT_ENTRY, 'lib/messages.ts'])).sort()).toEqual([
      'content-script-list-names-only-loaded-modules: lib/messages.ts',
      'content-script-loads-only-listed-modules: entrypoints/content/index.ts → lib/dataset/names.ts (via lib/messaging.ts → lib/dataset/names.ts)',
    ]);
  });
});
