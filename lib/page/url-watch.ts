/**
 * Notices single-page-app navigations. A content script lives in an isolated world and cannot wrap the
 * page's `history.pushState`, so it listens where the browser tells it: the Navigation API's
 * `currententrychange` (fired for pushState and replaceState too), `popstate` and `hashchange`; the
 * owner also calls `check()` after each batch of page changes, which catches the rest cheaply.
 */

/** A URL watcher. */
export interface UrlWatch {
  /** Compares the URL with the last one seen and reports a change. */
  check(): void;
  /** Removes the listeners. */
  dispose(): void;
}

/** Calls `onChange(url)` whenever the page's URL changes without a page load. */
export function watchUrl(win: Window, onChange: (url: string) => void): UrlWatch {
  let last = win.location.href;
  const check = () => {
    const now = win.location.href;
    if (now === last) return;
    last = now;
    onChange(now);
  };
  const controller = new AbortController();
  const options = { signal: controller.signal, passive: true } as const;
  const navigation = (win as { navigation?: EventTarget }).navigation;
  navigation?.addEventListener('currententrychange', check, options);
  win.addEventListener('popstate', check, options);
  win.addEventListener('hashchange', check, options);
  return { check, dispose: () => controller.abort() };
}
