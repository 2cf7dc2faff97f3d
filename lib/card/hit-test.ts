/**
 * Which mention is under the pointer. Highlights are not elements and get no events, so: pointer
 * position → caret position (`caretPositionFromPoint`, `caretRangeFromPoint` where only that exists)
 * → the mention covering that text offset → confirmed against the mention's client rects (the caret
 * APIs answer with the nearest text even when the pointer is in blank space beside it).
 */
import type { MentionEntry, MentionRegistry } from '@/lib/page/mention-index';
import type { PlainRect } from './placement';
import { rectsContain } from './rects';

/** A caret position: a node and an offset in it. */
export interface Caret {
  /** The node (a text node when over text). */
  node: Node;
  /** Offset in it. */
  offset: number;
}

/**
 * The caret position at viewport point (x, y), or null. Inside the shadow trees of `shadowRoots` the
 * position is in their text; elsewhere in a shadow tree it is retargeted to the host (an element), and
 * the legacy `caretRangeFromPoint` only ever answers that way.
 */
export function caretAt(
  doc: Document,
  x: number,
  y: number,
  shadowRoots: readonly ShadowRoot[] = [],
): Caret | null {
  if (typeof doc.caretPositionFromPoint === 'function') {
    const position =
      shadowRoots.length > 0
        ? doc.caretPositionFromPoint(x, y, { shadowRoots: [...shadowRoots] })
        : doc.caretPositionFromPoint(x, y);
    return position ? { node: position.offsetNode, offset: position.offset } : null;
  }
  // WebKit and older Chromium only have the non-standard range version.
  const legacy = (doc as { caretRangeFromPoint?: (x: number, y: number) => Range | null })
    .caretRangeFromPoint;
  const range = legacy?.call(doc, x, y);
  return range ? { node: range.startContainer, offset: range.startOffset } : null;
}

/** The slice of the registry hit-testing needs (the shadow roots holding mentions, where it knows them). */
export type HitRegistry = Pick<MentionRegistry, 'at'> & Partial<Pick<MentionRegistry, 'shadowRoots'>>;

/**
 * The mention under viewport point (x, y), if any. `rectsOf` measures a mention (a parameter so tests
 * can stand in for layout).
 */
export function mentionAt(
  doc: Document,
  registry: HitRegistry,
  x: number,
  y: number,
  rectsOf: (range: AbstractRange) => PlainRect[],
): MentionEntry | undefined {
  const caret = caretAt(doc, x, y, registry.shadowRoots?.());
  if (caret?.node.nodeType !== 3) return undefined;
  // Over the right half of a mention's last character the caret lands just past it, at its end offset.
  const here = registry.at(caret.node, caret.offset);
  const before = caret.offset > 0 ? registry.at(caret.node, caret.offset - 1) : undefined;
  for (const entry of here === before ? [here] : [here, before]) {
    if (entry && rectsContain(rectsOf(entry.range), x, y)) return entry;
  }
  return undefined;
}
