import type { SettingsReader } from './reader';

/**
 * A settings reader that is made on first use, from a promise: the content script gets its reader from the
 * `page-lens.js` chunk (validation, migration and host patterns stay out of what every page loads), and
 * loads nothing on the many pages that never show a candidate. Until it is made, a watch is remembered
 * and registered before any read, so no change can fall between a read and the watch; the unsubscribe
 * works at any time.
 */
export function deferredSettingsReader(make: () => Promise<SettingsReader>): SettingsReader {
  let reader: Promise<SettingsReader> | undefined;
  const get = () => {
    reader ??= make();
    return reader;
  };
  return {
    load: () => get().then((made) => made.load()),
    watch(cb) {
      let stopped = false;
      let unsubscribe: (() => void) | undefined;
      get().then(
        (made) => {
          if (!stopped) unsubscribe = made.watch(cb);
        },
        () => undefined, // the same failure rejects `load`, whose caller reports it
      );
      return () => {
        stopped = true;
        unsubscribe?.();
      };
    },
  };
}
