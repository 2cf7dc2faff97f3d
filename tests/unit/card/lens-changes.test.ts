import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type ContentLens, lensKit, startContentLens } from '@/lib/page';
import { defaultSettings, type Settings } from '@/lib/settings';
import { fakeDetector, page, plainRange, tick, until } from '../page/helpers';

// The hover card attaches its listeners only once the page has mentions, and learns about them
// through ContentLens.onChange: after each change of the mentions, and when the lens starts or stops.

beforeAll(() => {
  (globalThis as { StaticRange?: unknown }).StaticRange ??= class {
    constructor(init: StaticRangeInit) {
      Object.assign(this, plainRange(init));
    }
  };
});

let lens: ContentLens | undefined;
afterEach(() => lens?.dispose());

describe('content lens change notices', () => {
  it('tells listeners when mentions appear, when the lens stops, and stops telling after unsubscribe', async () => {
    page('<p>The IOM office</p>');
    let value: Settings = defaultSettings();
    const watchers = new Set<(s: Settings) => void>();
    lens = startContentLens({
      doc: document,
      win: window as unknown as Window & typeof globalThis,
      detector: fakeDetector(),
      loadKit: async () => lensKit,
      settings: {
        load: async () => value,
        watch: (cb) => {
          watchers.add(cb);
          return () => watchers.delete(cb);
        },
      },
      sendReport: async () => undefined,
      signal: new AbortController().signal,
    });
    const seen: (number | null)[] = [];
    const stop = lens.onChange(() => seen.push(lens?.registry?.size ?? null));
    await until(() => lens?.lens != null, 'the lens to start');
    await lens.lens?.whenIdle();
    expect(seen.at(-1)).toBe(1);
    value = { ...value, paused: true };
    for (const cb of watchers) cb(value);
    expect(seen.at(-1)).toBeNull();
    stop();
    const before = seen.length;
    value = { ...value, paused: false };
    for (const cb of watchers) cb(value);
    await tick();
    await lens.lens?.whenIdle();
    expect(seen.length).toBe(before);
  });
});
