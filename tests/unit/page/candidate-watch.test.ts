import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  type CandidateWatch,
  WHOLE_READ_MAX_HTML_BYTES,
  watchForCandidates,
} from '@/lib/page/candidate-watch';
import { ScanTask } from '@/lib/page/scan';
import { MUTATION_FLUSH_DELAY_MS } from '@/lib/page/slices';
import { page, tick } from './helpers';

const candidate = (text: string) => /IOM|Migra/.test(text);

let watch: CandidateWatch | undefined;
afterEach(() => {
  watch?.dispose();
  vi.restoreAllMocks();
});

/** Starts a watch on the current document; `found` counts its calls of `onFound`. */
function start() {
  const calls = { found: 0, tested: [] as string[] };
  watch = watchForCandidates({
    doc: document,
    win: window as unknown as typeof globalThis,
    hasCandidate: (text) => {
      calls.tested.push(text);
      return candidate(text);
    },
    onFound: () => calls.found++,
  });
  return calls;
}

/** Lets the first read (after a yield) and the test of page changes (after a delay) run. */
const settle = () => tick(MUTATION_FLUSH_DELAY_MS + 10);

describe('watchForCandidates', () => {
  it('reads a page without candidates once and then only waits', async () => {
    page('<h1>Annual report</h1><p>Refugee agencies met in Geneva.</p><ul><li>one</li><li>two</li></ul>');
    const calls = start();
    expect(watch?.scanning).toBe(true);
    await settle();
    expect(calls.found).toBe(0);
    expect(watch?.scanning).toBe(false);
    expect(watch?.stats.firstScanDoneAt).not.toBeNull();
    expect(watch?.stats.pieces).toBeGreaterThan(0);
    expect(calls.tested.join(' ')).toContain('Refugee agencies met in Geneva.');
  });

  it('calls back once at a candidate on the page, and stops', async () => {
    page('<p>Nothing here.</p><p>The IOM office</p><p>and another IOM office</p>');
    const calls = start();
    await settle();
    expect(calls.found).toBe(1);
    expect(watch?.found).toBe(true);
    expect(watch?.scanning).toBe(false);
    document.body.append(Object.assign(document.createElement('p'), { textContent: 'IOM again' }));
    await settle();
    expect(calls.found).toBe(1);
  });

  it('wakes at a candidate added later: an element, a text node, or changed text', async () => {
    for (const change of [
      () => document.body.append(Object.assign(document.createElement('p'), { textContent: 'The IOM said' })),
      () => document.querySelector('p')?.append(document.createTextNode(' and Migration')),
      () => {
        const text = document.querySelector('p')?.firstChild as Text;
        text.data = 'The IOM office';
      },
    ]) {
      page('<p>The office</p>');
      const calls = start();
      await settle();
      expect(calls.found).toBe(0);
      change();
      await settle();
      expect(calls.found).toBe(1);
      watch?.dispose();
    }
  });

  it('does not wake for candidates where the lens never looks: scripts, form fields, editors, the head', async () => {
    page('<p>The office</p><div contenteditable="true"><p>draft</p></div>');
    const calls = start();
    await settle();
    const script = document.createElement('script');
    script.type = 'application/json';
    script.textContent = '{"org":"IOM"}';
    document.body.append(script);
    const field = document.createElement('textarea');
    field.textContent = 'IOM';
    document.body.append(field);
    document.querySelector('[contenteditable] p')?.append(' IOM');
    document.head.append(Object.assign(document.createElement('title'), { textContent: 'IOM' }));
    await settle();
    expect(calls.found).toBe(0);
    // The editor turned back into page text: its candidate counts now.
    document.querySelector('[contenteditable]')?.removeAttribute('contenteditable');
    await settle();
    expect(calls.found).toBe(1);
  });

  it('reads text that changes many times in a burst once, a moment later', async () => {
    page('<p>The office</p>');
    const calls = start();
    await settle();
    const tested = calls.tested.length;
    const text = document.querySelector('p')?.firstChild as Text;
    for (let i = 0; i < 100; i++) text.data = `Update ${i} from the office`;
    await tick(0);
    expect(calls.tested.length).toBe(tested);
    await settle();
    expect(calls.tested.slice(tested)).toEqual(['Update 99 from the office']);
    expect(calls.found).toBe(0);
  });

  it('calls back no more once disposed', async () => {
    page('<p>The IOM office</p>');
    const calls = start();
    watch?.dispose();
    await settle();
    document.body.append(Object.assign(document.createElement('p'), { textContent: 'IOM' }));
    await settle();
    expect(calls.found).toBe(0);
  });
});

describe('watchForCandidates on a page whose HTML size is known', () => {
  /** The browser's navigation entry, saying the page's HTML was `bytes` long. */
  const htmlOf = (bytes: number) =>
    vi
      .spyOn(window.performance, 'getEntriesByType')
      .mockReturnValue([{ decodedBodySize: bytes } as unknown as PerformanceEntry]);

  it('tests a small page whole, once, and walks nothing when that finds no candidate', async () => {
    htmlOf(20_000);
    page('<div><section><p>Harvest news</p></section><ul><li>one</li><li>two</li></ul></div>');
    const calls = start();
    await settle();
    expect(calls.tested).toEqual([document.body.textContent]);
    expect(watch?.scanning).toBe(false);
    expect(watch?.stats.pieces).toBe(1);
  });

  it('walks a small page when the whole text has a candidate, so a script alone does not wake it', async () => {
    htmlOf(20_000);
    page('<p>Harvest news</p><script type="application/json">{"org":"IOM"}</script><p>Rain</p>');
    const calls = start();
    await settle();
    expect(calls.tested.length).toBeGreaterThan(1);
    expect(calls.found).toBe(0);
    page('<p>Harvest news</p><div><p>The IOM office</p></div>');
    start();
    await settle();
    expect(watch?.found).toBe(true);
  });

  it('still reads the shadow roots of a small page whose light DOM has no candidate', async () => {
    htmlOf(20_000);
    page('<p>Harvest news</p><x-story></x-story><div id="empty"></div><section><p>Rain</p></section>');
    document.querySelector('x-story')?.attachShadow({ mode: 'open' }).append('The IOM office reopened.');
    const calls = start();
    await settle();
    expect(calls.tested[0]).toBe(document.body.textContent);
    expect(watch?.found).toBe(true);
    // A childless container may host a root too (the scan asks those as well).
    page('<p>Harvest news</p><div id="empty"></div>');
    const host = document.querySelector('#empty') as Element;
    host.attachShadow({ mode: 'open' }).append('Migration statistics');
    start();
    await settle();
    expect(watch?.found).toBe(true);
  });

  it('does not wake on a shadow root without candidates after a clear whole read', async () => {
    htmlOf(20_000);
    page('<p>Harvest news</p><x-story></x-story>');
    document.querySelector('x-story')?.attachShadow({ mode: 'open' }).append('Rain later today.');
    const calls = start();
    await settle();
    expect(calls.found).toBe(0);
    expect(calls.tested).toContain('Rain later today.');
    expect(watch?.scanning).toBe(false);
  });

  it('walks a page whose HTML is larger, or whose size the browser does not give', async () => {
    for (const bytes of [WHOLE_READ_MAX_HTML_BYTES + 1, 0]) {
      htmlOf(bytes);
      page('<div><p>Harvest news</p><p>Rain</p></div>');
      const calls = start();
      await settle();
      expect(calls.tested).not.toContain(document.body.textContent);
      expect(watch?.scanning).toBe(false);
      watch?.dispose();
    }
  });
});

describe('ScanTask ended early', () => {
  it('stops at the next clock read once its owner has seen enough', () => {
    page(Array.from({ length: 200 }, (_, i) => `<p>paragraph ${i}</p>`).join(''));
    let pieces = 0;
    const task = new ScanTask(
      [document.body],
      {
        hasCandidate: () => {
          pieces++;
          return false;
        },
        block: () => undefined,
      },
      () => 0,
      () => pieces >= 20,
    );
    expect(task.step(Number.POSITIVE_INFINITY)).toBe(true);
    expect(pieces).toBeLessThan(40);
  });
});
