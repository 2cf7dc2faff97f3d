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
  it('registers one named highlight and adds one style element to the head', () => {
    page('<p>x</p>');
    const { win, registry } = windowWithHighlights();
    const h = createHighlighter(document, win, 'underline');
    const text = document.querySelector('p')?.firstChild as Text;
    h.sink.add(plainRange({ startContainer: text, startOffset: 0, endContainer: text, endOffset: 1 }));
    expect(registry.get(HIGHLIGHT_NAME)).toBe(h.sink);
    expect(h.sink.size).toBe(1);
    expect(document.head.querySelectorAll('style[data-iom-lens]')).toHaveLength(1);
    h.dispose();
  });

  it('registers again when the page clears the registry', () => {
    const { win, registry } = windowWithHighlights();
    const h = createHighlighter(document, win, 'underline');
    registry.clear();
    h.ensureRegistered();
    expect(registry.get(HIGHLIGHT_NAME)).toBe(h.sink);
    h.dispose();
  });

  it('leaves nothing behind on dispose', () => {
    const { win, registry } = windowWithHighlights();
    const h = createHighlighter(document, win, 'background');
    h.dispose();
    expect(registry.size).toBe(0);
    expect(document.querySelector('style[data-iom-lens]')).toBeNull();
  });

  it('still works, painting nothing, where the Highlight API is missing', () => {
    const h = createHighlighter(document, {} as typeof globalThis, 'underline');
    const text = document.createTextNode('x');
    h.sink.add(plainRange({ startContainer: text, startOffset: 0, endContainer: text, endOffset: 1 }));
    expect(h.sink.size).toBe(1);
    h.dispose();
    expect(document.querySelector('style[data-iom-lens]')).toBeNull();
  });
});
