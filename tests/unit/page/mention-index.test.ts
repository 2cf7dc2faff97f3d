import { describe, expect, it } from 'vitest';
import { MentionIndex, type NewMention } from '@/lib/page/mention-index';
import { page, plainRange } from './helpers';

function mentionOn(node: Text, start: number, end: number): NewMention {
  return {
    range: plainRange({ startContainer: node, startOffset: start, endContainer: node, endOffset: end }),
    nodes: [node],
    surface: node.data.slice(start, end),
    name: 'IOM',
    nameId: 'iom',
    lang: 'en',
    kind: 'acronym',
    confidence: 0.9,
    snippet: {
      before: node.data.slice(0, start),
      text: node.data.slice(start, end),
      after: node.data.slice(end),
    },
  };
}

describe('MentionIndex', () => {
  it('gives each mention a stable id and lists them in document order', () => {
    const body = page('<p>IOM one</p><p>IOM two</p>');
    const [first, second] = [...body.querySelectorAll('p')].map((p) => p.firstChild as Text) as [Text, Text];
    const index = new MentionIndex(10);
    const b = index.add(mentionOn(second, 0, 3));
    const a = index.add(mentionOn(first, 0, 3));
    expect(index.entries().map((e) => e.id)).toEqual([a.id, b.id]);
    expect(index.get(b.id)).toBe(b);
    expect(a.id).not.toBe(b.id);
  });

  it('paints up to its cap and promotes an unpainted mention when a painted one leaves', () => {
    const text = page('<p>IOM IOM IOM</p>').querySelector('p')?.firstChild as Text;
    const index = new MentionIndex(2);
    const [a, b, c] = [0, 4, 8].map((at) => index.add(mentionOn(text, at, at + 3))) as [
      ReturnType<MentionIndex['add']>,
      ReturnType<MentionIndex['add']>,
      ReturnType<MentionIndex['add']>,
    ];
    expect([a.highlighted, b.highlighted, c.highlighted]).toEqual([true, true, false]);
    expect(index.highlightedCount).toBe(2);
    expect(index.remove(a)).toBe(c);
    expect(c.highlighted).toBe(true);
    expect([index.size, index.highlightedCount]).toEqual([2, 2]);
  });

  it('finds mentions by caret position and by node', () => {
    const text = page('<p>see IOM now</p>').querySelector('p')?.firstChild as Text;
    const index = new MentionIndex(5);
    const entry = index.add(mentionOn(text, 4, 7));
    expect(index.at(text, 4)).toBe(entry);
    expect(index.at(text, 6)).toBe(entry);
    expect(index.at(text, 7)).toBeUndefined();
    expect(index.covering(text)).toEqual([entry]);
    index.remove(entry);
    expect(index.covering(text)).toEqual([]);
    expect(index.at(text, 5)).toBeUndefined();
  });

  it('tells listeners about changes until they unsubscribe', () => {
    const index = new MentionIndex(5);
    let calls = 0;
    const off = index.onChange(() => calls++);
    index.notify();
    off();
    index.notify();
    expect(calls).toBe(1);
  });

  it('forgets everything on clear()', () => {
    const text = page('<p>IOM</p>').querySelector('p')?.firstChild as Text;
    const index = new MentionIndex(5);
    index.add(mentionOn(text, 0, 3));
    index.clear();
    expect([index.size, index.highlightedCount, index.covering(text).length]).toEqual([0, 0, 0]);
  });
});
