// Setup file of the browser tests (vitest.e2e.config.ts): marks a test that passed only on a retry, so that
// `npm test` names it (scripts/lib/run-steps.ts) instead of the retry hiding it.
import { afterEach } from 'vitest';

declare module 'vitest' {
  interface TaskMeta {
    /** The test failed at least once before this run of it (vitest's `retry`). */
    retried?: boolean;
  }
}

afterEach(({ task }) => {
  if ((task.result?.retryCount ?? 0) > 0) task.meta.retried = true;
});
