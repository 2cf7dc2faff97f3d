import { type StaticServer, serveDirectory } from '../../../scripts/lib/static-server';
import { FIXTURES_DIR } from './paths';

export type { StaticServer } from '../../../scripts/lib/static-server';

/**
 * Serves `dir` (default: tests/e2e/fixtures) on 127.0.0.1 at a free port; content scripts do not run on
 * file:// pages. `server.url('article.html')` gives a page's address; `server.close()` stops it.
 */
export function serveFixtures(dir: string = FIXTURES_DIR): Promise<StaticServer> {
  return serveDirectory(dir);
}
