import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// End-to-end tests: real Chromium and Firefox with the BUILT extension (run `npm run build` first;
// `npm test` and `npm run test:e2e` do). Browsers are heavy on a 2-core machine, so files run one at a time.
export default defineConfig({
  resolve: { alias: { '@': fileURLToPath(new URL('.', import.meta.url)) } },
  test: {
    environment: 'node',
    include: ['tests/e2e/**/*.e2e.test.ts'],
    fileParallelism: false,
    testTimeout: 60_000, // a Firefox test can wait seconds for a page on a loaded machine
    hookTimeout: 90_000, // launching Firefox and installing the extension takes ~3-10 s, more under load
    teardownTimeout: 30_000,
    // Real browsers on a loaded 2-core machine: a test gets one more try, and `npm test` names every test that
    // needed it (tests/e2e/support/retried.ts), so a flaky test is seen, not hidden.
    retry: 1,
    setupFiles: ['tests/e2e/support/retried.ts'],
  },
});
