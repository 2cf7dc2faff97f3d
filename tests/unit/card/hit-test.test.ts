import { describe, expect, it } from 'vitest';
import { caretAt, mentionAt } from '@/lib/card/hit-test';
import type { MentionEntry } from '@/lib/page/mention-index';

/** A document whose caretPositionFromPoint answers inside a shadow tree only when told about its root. */
function docWithShadowText(root: ShadowRoot, text: Text) {
  const calls: unknown[] = [];
  const doc = {
    caretPositionFromPoint(_x: number, _y: number, options?: { shadowRoots?: ShadowRoot[] }) {
      calls.push(options);
      const inside = options?.shadowRoots?.includes(root);
      return inside ? { offsetNode: text, offset: 1 } : { offsetNode: root.host, offset: 0 };
    },
  } as unknown as Document;
  return { doc, calls };
}

describe('hit-testing in shadow trees', () => {
  const host = document.createElement('div');
  const root = host.attachShadow({ mode: 'open' });
  const text = document.createTextNode('IOM');
  root.append(text);
  const entry = { id: 1, range: { startContainer: text, startOffset: 0, endContainer: text, endOffset: 3 } };
  const registry = {
    at: (node: Node, offset: number) =>
      node === text && offset < 3 ? (entry as unknown as MentionEntry) : undefined,
    shadowRoots: () => [root],
  };
  const inside = () => [{ left: 0, top: 0, width: 30, height: 20 }];

  it('names the shadow roots that hold mentions, so the caret lands in their text', () => {
    const { doc, calls } = docWithShadowText(root, text);
    expect(mentionAt(doc, registry, 5, 5, inside)?.id).toBe(1);
    expect(calls).toEqual([{ shadowRoots: [root] }]);
  });

  it('without them the caret stops at the host, where no mention is', () => {
    const { doc } = docWithShadowText(root, text);
    expect(mentionAt(doc, { at: registry.at }, 5, 5, inside)).toBeUndefined();
    expect(caretAt(doc, 5, 5)?.node).toBe(host);
  });
});
