import { describe, expect, it } from 'vitest';
import { createHighlighter, HIGHLIGHT_NAME, highlightCss } from '@/lib/page';
import { page, plainRange } from './helpers';

/** A window with the Highlight API, which happy-dom lacks. */
function windowWithHighlights() {
  const registry = new Map<string, unknown>();
  class Highlight extends Set<AbstractRange> {}
  return { win: { CSS: { highlights: registry }, Highlight } as unknown as typeof globalThis, registry };
}

describe('highlightCss', () => {
  it('draws an underline, a background or nothing, with a forced-colors variant', () => {
    expect(highlightCss('underline')).toContain(
      `::highlight(${HIGHLIGHT_NAME}) { text-decoration: underline`,
    );
    expect(highlightCss('background')).toContain('background-color: rgb(255 190 0 / 0.38)');
    expect(highlightCss('background')).toContain('@media (forced-colors: active)');
    expect(highlightCss('none')).toBe('');
  });
});

describe('createHighlighter', () => {
  const ourStyles = () => document.querySelectorAll('style[data-iom-lens]');

  it('registers one named highlight, and adds one style element to the head with the first mark', () => {
    page('<p>x</p>');
    const { win, registry } = windowWithHighlights();
    const h = createHighlighter(document, win, 'underline');
    expect(registry.get(HIGHLIGHT_NAME)).toBeInstanceOf(Set);
    expect(ourStyles()).toHaveLength(0); // a page without mentions carries no ::highlight() rule
    const text = document.querySelector('p')?.firstChild as Text;
    const range = plainRange({ startContainer: text, startOffset: 0, endContainer: text, endOffset: 1 });
    h.sink.add(range);
    expect((registry.get(HIGHLIGHT_NAME) as Set<AbstractRange>).has(range)).toBe(true);
    expect(h.sink.size).toBe(1);
    expect(document.head.querySelectorAll('style[data-iom-lens]')).toHaveLength(1);
    h.dispose();
  });

  it('inserts the style element once per page, however often mentions come and go (each insertion restyles the page)', async () => {
    page('<p>one</p><p>two</p>');
    const { win } = windowWithHighlights();
    const inserted: Node[] = [];
    const removed: Node[] = [];
    const watch = new MutationObserver((records) => {
      for (const r of records) {
        inserted.push(...[...r.addedNodes].filter((n) => n.nodeName === 'STYLE'));
        removed.push(...[...r.removedNodes].filter((n) => n.nodeName === 'STYLE'));
      }
    });
    watch.observe(document.head, { childList: true });
    const h = createHighlighter(document, win, 'underline');
    const ranges = [...document.querySelectorAll('p')].map((p) => {
      const text = p.firstChild as Text;
      return plainRange({ startContainer: text, startOffset: 0, endContainer: text, endOffset: 3 });
    });
    for (let round = 0; round < 3; round++) {
      for (const range of ranges) h.sink.add(range);
      for (const range of ranges) h.sink.delete(range);
    }
    h.sink.clear(); // what the lens does when it stops
    for (const range of ranges) h.sink.add(range);
    await new Promise((resolve) => setTimeout(resolve, 0));
    watch.disconnect();
    expect(inserted).toHaveLength(1);
    expect(removed).toHaveLength(0);
    h.dispose();
  });

  it('registers again when the page clears the registry', () => {
    const { win, registry } = windowWithHighlights();
    const h = createHighlighter(document, win, 'underline');
    const registered = registry.get(HIGHLIGHT_NAME);
    registry.clear();
    h.ensureRegistered();
    expect(registry.get(HIGHLIGHT_NAME)).toBe(registered);
    h.dispose();
  });

  it('leaves nothing behind on dispose', () => {
    page('<p>x</p>');
    const { win, registry } = windowWithHighlights();
    const h = createHighlighter(document, win, 'background');
    const text = document.querySelector('p')?.firstChild as Text;
    h.sink.add(plainRange({ startContainer: text, startOffset: 0, endContainer: text, endOffset: 1 }));
    h.dispose();
    expect(registry.size).toBe(0);
    expect(ourStyles()).toHaveLength(0);
  });

  it('still works, painting nothing, where the Highlight API is missing', () => {
    const h = createHighlighter(document, {} as typeof globalThis, 'underline');
    const text = document.createTextNode('x');
    h.sink.add(plainRange({ startContainer: text, startOffset: 0, endContainer: text, endOffset: 1 }));
    expect(h.sink.size).toBe(1);
    h.dispose();
    expect(ourStyles()).toHaveLength(0);
  });
});
