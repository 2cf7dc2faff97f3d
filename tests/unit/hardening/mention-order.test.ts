import { describe, expect, it, vi } from 'vitest';
import { MentionIndex } from '@/lib/page/mention-index';
import { iomAcronym } from '../page/helpers';

// A page with 100,000 mentions made the page report sort all of them in document order (one DOM
// comparison per step: seconds of main thread) to keep only the painted thousand. entries(filter)
// filters first.

function pageWithMentions(count: number, cap: number) {
  const index = new MentionIndex(cap);
  const texts: Text[] = [];
  for (let i = 0; i < count; i++) {
    const p = document.createElement('p');
    const text = document.createTextNode('IOM aids migrants.');
    p.append(text);
    document.body.append(p);
    texts.push(text);
  }
  const { start: _start, end: _end, ...fields } = iomAcronym();
  // Added out of document order, as rescans of changed regions do (a fixed shuffle: 7919 is prime).
  for (let k = 0; k < count; k++) {
    const text = texts[(k * 7919) % count] as Text;
    index.add({
      // happy-dom has no StaticRange; the index reads only these fields.
      range: { startContainer: text, startOffset: 0, endContainer: text, endOffset: 3, collapsed: false },
      nodes: [text],
      ...fields,
      snippet: { before: '', text: 'IOM', after: ' aids migrants.' },
    });
  }
  return { index, texts };
}

describe('MentionIndex.entries', () => {
  it('orders only the entries the filter keeps, in document order', () => {
    document.body.replaceChildren();
    const { index, texts } = pageWithMentions(2000, 10);
    const compare = vi.spyOn(Node.prototype, 'compareDocumentPosition');
    const painted = index.entries((e) => e.highlighted);
    expect(painted).toHaveLength(10);
    const order = painted.map((e) => texts.indexOf(e.range.startContainer as Text));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    // Sorting 10 entries takes a few dozen comparisons; sorting all 2,000 would take over 10,000.
    expect(compare.mock.calls.length).toBeLessThan(100);
    compare.mockClear();
    expect(index.entries()).toHaveLength(2000);
    expect(compare.mock.calls.length).toBeGreaterThan(10_000);
  });
});
