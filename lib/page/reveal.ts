import type { MentionEntry } from './mention-index';

/**
 * Scrolls a mention into the middle of the view and selects it, as find-in-page does, so the person
 * sees which one the popup meant. Instant rather than smooth: the position is computed once, and a
 * smooth scroll of a nested container would move the mention while it is measured. False when the
 * mention is not rendered (hidden by the page) or no longer in the document.
 */
export function revealMention(doc: Document, win: Window, entry: MentionEntry): boolean {
  const { range: where } = entry;
  if (!where.startContainer.isConnected || !where.endContainer.isConnected) return false;
  const range = doc.createRange();
  try {
    range.setStart(where.startContainer, where.startOffset);
    range.setEnd(where.endContainer, where.endOffset);
  } catch {
    return false; // offsets past the end of a node that changed since
  }
  if (range.getClientRects().length === 0) return false;
  const holder = where.startContainer.parentElement;
  holder?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  const rect = range.getBoundingClientRect();
  win.scrollBy({ top: rect.top + rect.height / 2 - win.innerHeight / 2, behavior: 'instant' });
  const selection = win.getSelection();
  selection?.removeAllRanges();
  selection?.addRange(range);
  return true;
}
