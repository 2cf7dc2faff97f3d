import { describe, expect, it } from 'vitest';
import { snippetOf } from '@/lib/page/snippet';

describe('snippetOf', () => {
  it('returns short texts whole, whitespace and separators collapsed', () => {
    expect(snippetOf('The  IOM\n office\ufffcnow', 5, 8)).toBe('The IOM office now');
  });

  it('cuts long texts at word edges with ellipses', () => {
    const text = `${'alpha '.repeat(20)}IOM${' omega'.repeat(20)}`;
    const at = text.indexOf('IOM');
    const snippet = snippetOf(text, at, at + 3, 20);
    expect(snippet).toMatch(/^… (alpha ){2,3}IOM( omega){2,3} …$/);
  });
});
