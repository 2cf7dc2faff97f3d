import { describe, expect, it } from 'vitest';
import { snippetOf } from '@/lib/page/snippet';

describe('snippetOf', () => {
  it('returns short texts whole, split at the mention, whitespace and separators collapsed', () => {
    expect(snippetOf('The  IOM\n office\ufffcnow', 5, 8)).toEqual({
      before: 'The ',
      text: 'IOM',
      after: ' office now',
    });
  });

  it('splits at the offsets, not at the first occurrence of the mention', () => {
    const text = 'IOM staff met IOM officials';
    expect(snippetOf(text, 14, 17)).toEqual({ before: 'IOM staff met ', text: 'IOM', after: ' officials' });
  });

  it('cuts long texts at word edges with ellipses', () => {
    const text = `${'alpha '.repeat(20)}IOM${' omega'.repeat(20)}`;
    const at = text.indexOf('IOM');
    const { before, text: mention, after } = snippetOf(text, at, at + 3, 20);
    expect(before).toMatch(/^… (alpha ){2,3}$/);
    expect(mention).toBe('IOM');
    expect(after).toMatch(/^( omega){2,3} …$/);
  });
});
