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

describe('the layers of docs/architecture.md', () => {
  it(
    'hold in the shipped code',
    async () => {
      const found = await violations({
        root: PROJECT,
        from: SHIPPED,
        rules: LAYER_RULES,
        typeOnlyImports: true,
      });
      expect(found).toEqual([]);
    },
    CRUISE_TIMEOUT_MS,
  );

  it(
    'are reported, by rule and import, when broken',
    async () => {
      const found = await violations({
        root: FIXTURE,
        from: SHIPPED,
        rules: LAYER_RULES,
        typeOnlyImports: true,
      });
      expect(found.sort()).toEqual([
        'components-never-import-entrypoints: components/badge.ts → entrypoints/popup/wiring.ts',
        'lib-never-imports-components: lib/format.ts → components/badge.ts',
        'lib-never-imports-entrypoints: lib/format.ts → entrypoints/popup/wiring.ts',
        'no-import-cycles: lib/cycle-a.ts → lib/cycle-b.ts (via lib/cycle-b.ts → lib/cycle-a.ts)',
        'shipped-code-never-imports-scripts: lib/format.ts → scripts/tool.ts',
      ]);
    },
    CRUISE_TIMEOUT_MS,
  );
});

describe("the content script's entry", () => {
  it(
    'loads only the modules the injected-size budget allows',
    async () => {
      const found = await violations({
        root: PROJECT,
        from: CONTENT_SCRIPT_START,
        rules: CONTENT_SCRIPT_RULES,
        typeOnlyImports: false,
      });
      expect(found).toEqual([]);
    },
    CRUISE_TIMEOUT_MS,
  );

  it(
    'is reported with the path that brings in a module outside the list, and a listed module it no longer loads',
    async () => {
      const found = await violations({
        root: FIXTURE,
        from: [CONTENT_ENTRY, 'lib/messages.ts'],
        rules: CONTENT_SCRIPT_RULES,
        typeOnlyImports: false,
      });
      expect(found.sort()).toEqual([
        'content-script-list-names-only-loaded-modules: lib/messages.ts',
        'content-script-loads-only-listed-modules: entrypoints/content/index.ts → lib/dataset/names.ts (via lib/messaging.ts → lib/dataset/names.ts)',
      ]);
    },
    CRUISE_TIMEOUT_MS,
  );
});
