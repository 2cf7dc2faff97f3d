import { describe, expect, it } from 'vitest';
import { watchUrl } from '@/lib/page';

describe('watchUrl', () => {
  it('reports a URL change on popstate, hashchange or an explicit check, once per change', () => {
    const seen: string[] = [];
    const watch = watchUrl(window, (url) => seen.push(url));
    history.pushState({}, '', '#a');
    window.dispatchEvent(new PopStateEvent('popstate'));
    window.dispatchEvent(new PopStateEvent('popstate'));
    history.replaceState({}, '', '#b');
    watch.check();
    watch.dispose();
    history.pushState({}, '', '#c');
    window.dispatchEvent(new PopStateEvent('popstate'));
    expect(seen.map((u) => new URL(u).hash)).toEqual(['#a', '#b']);
  });
});
