import type { MentionSnippet } from '@/lib/mention';

/** Characters of context kept on each side of a mention in its snippet: about a line of the popup. */
export const SNIPPET_CONTEXT_CHARS = 48;

/** Whitespace runs and the scanner's separators, shown as one space. */
const SPACES = /[\s\ufffc]+/g;

/**
 * A short piece of `text` around the mention at [start, end), split at the mention: whole words where
 * possible, whitespace collapsed, an ellipsis where it was cut.
 */
export function snippetOf(
  text: string,
  start: number,
  end: number,
  context = SNIPPET_CONTEXT_CHARS,
): MentionSnippet {
  let from = Math.max(0, start - context);
  let to = Math.min(text.length, end + context);
  // Move inward to a word edge so the snippet does not start or end in half a word.
  if (from > 0) {
    const space = text.slice(from, start).search(/\s/);
    if (space >= 0) from += space + 1;
  }
  if (to < text.length) {
    const tail = text.slice(end, to);
    const space = Math.max(tail.lastIndexOf(' '), tail.lastIndexOf('\n'));
    if (space >= 0) to = end + space;
  }
  const collapse = (piece: string) => piece.replace(SPACES, ' ');
  return {
    before: `${from > 0 ? '… ' : ''}${collapse(text.slice(from, start)).trimStart()}`,
    text: collapse(text.slice(start, end)),
    after: `${collapse(text.slice(end, to)).trimEnd()}${to < text.length ? ' …' : ''}`,
  };
}
