/**
 * The frame gate: the only script the browser injects into subframes (docs/adr/006-frame-gate.md), 1.2 KB
 * gzipped against the content script's 9.6 KB, so that the frames a page makes for ads, trackers and
 * widgets compile and run almost nothing of ours; the content script itself is imported into a frame only
 * once the frame is big enough to read in and has something to read. It uses no extension API beyond the
 * runtime's id and URLs, so it needs no polyfill.
 */
import { deferWhileTiny } from './frame-size';

/** What the gate needs from its surroundings (the entry point passes the browser's; tests pass fakes). */
export interface FrameGateOptions {
  /** The frame's window. */
  win: Window;
  /**
   * The document event by which a starting content script retires older copies of itself in the same
   * frame (an updated extension's script starting beside the old one's): WXT's, for our content script.
   */
  startedEvent: string;
  /** Imports and starts the content script in this frame; true once it started, false when it cannot. */
  load: () => Promise<boolean>;
}

/** Where a gate stands: what it waits for, or why it is done. */
export type FrameGateState = 'top' | 'layout' | 'tiny' | 'empty' | 'loading' | 'loaded' | 'stopped';

/** The name our content script has in WXT's "script started" event, which older copies listen for. */
const CONTENT_SCRIPT_NAME = 'content';

/**
 * Elements whose text is not read (nor is a frame that holds only them worth a content script): code,
 * styles and inert markup. Ad frames are mostly these and images.
 */
const UNREAD = new Set(['script', 'style', 'noscript', 'template', 'link', 'meta', 'title']);

/**
 * Nodes looked at before a frame is taken to have content: an empty frame has a handful; a frame that
 * still shows no text after this many is one of many elements, and the content script decides better.
 */
const MAX_NODES_CHECKED = 2_000;

/** A running gate: its state, and `stop` to undo everything it set up. */
export interface FrameGate {
  readonly state: FrameGateState;
  stop(): void;
}

/**
 * Starts the gate in `win`. The top-level page has its own content script, so there the gate does nothing.
 * In a subframe it waits for the browser's first layout of the frame, then, without reading anything,
 * while the frame is too small to read in (`deferWhileTiny`: it listens for `resize`), then while the frame has nothing to read (no text outside scripts and styles, no custom
 * element that may hold text in a shadow root; it watches the document's changes), and then loads the
 * content script once. A newer copy of the content script starting in the frame stops it.
 */
export function startFrameGate({ win, startedEvent, load }: FrameGateOptions): FrameGate {
  let state: FrameGateState = 'top';
  const gate: FrameGate = {
    get state() {
      return state;
    },
    stop: () => {
      if (state !== 'loaded' && state !== 'top') state = 'stopped';
      controller.abort();
    },
  };
  const controller = new AbortController();
  if (win === win.top) return gate;
  const { signal } = controller;
  const doc = win.document;
  const messageId = Math.random().toString(36).slice(2);
  state = 'layout';
  // Retire an older copy in this frame now (its highlights would stay otherwise), and retire with the
  // newer one: WXT's protocol, so that a content script imported later retires this gate in turn.
  doc.addEventListener(
    startedEvent,
    (event) => {
      const detail = (event as CustomEvent<{ contentScriptName?: string; messageId?: string }>).detail;
      if (detail?.contentScriptName !== CONTENT_SCRIPT_NAME || detail.messageId === messageId) return;
      // While loading, this is the content script we import announcing itself: the gate's work is done.
      if (state === 'loading') controller.abort();
      else gate.stop();
    },
    { signal },
  );
  doc.dispatchEvent(
    new CustomEvent(startedEvent, { detail: { contentScriptName: CONTENT_SCRIPT_NAME, messageId } }),
  );

  let observer: MutationObserver | undefined;
  signal.addEventListener('abort', () => observer?.disconnect(), { once: true });
  const next = (): void => {
    if (signal.aborted) return;
    if (deferWhileTiny(win, signal, next)) {
      state = 'tiny';
      return;
    }
    if (!hasContent(doc)) {
      state = 'empty';
      observer = new MutationObserver((records) => {
        if (!records.some(bringsContent)) return;
        observer?.disconnect();
        next();
      });
      observer.observe(doc, { childList: true, subtree: true, characterData: true });
      return;
    }
    state = 'loading';
    load().then(
      (started) => {
        if (state === 'loading') state = started ? 'loaded' : 'stopped';
      },
      () => {
        if (state === 'loading') state = 'stopped'; // the extension went (updated, removed) meanwhile
      },
    );
  };
  // The first size check waits for the browser's own layout of the frame: reading the frame's size at
  // once would force the page to lay out synchronously, inside our script (a probe page's first subframe
  // evaluation cost 10–17 ms with it, against 5–8 ms for a no-op's). A ResizeObserver reports after layout,
  // and never for a frame that is not rendered (display: none), which is left waiting as it should be.
  const Observer = (win as { ResizeObserver?: typeof ResizeObserver }).ResizeObserver;
  if (typeof Observer !== 'function' || !doc.documentElement) next();
  else {
    const afterLayout = new Observer(() => {
      afterLayout.disconnect();
      next();
    });
    signal.addEventListener('abort', () => afterLayout.disconnect(), { once: true });
    afterLayout.observe(doc.documentElement);
  }
  return gate;
}

/** True when `doc` has something to read: text outside scripts and styles, or a custom element. */
export function hasContent(doc: Document): boolean {
  return doc.body !== null && containsContent(doc.body);
}

/** True when the subtree of `root` (itself included) holds content, by the rule of `hasContent`. */
function containsContent(root: Node): boolean {
  const doc = root.ownerDocument ?? (root as Document);
  const filter = 1 /* NodeFilter.SHOW_ELEMENT */ | 4; /* NodeFilter.SHOW_TEXT */
  const walker = doc.createTreeWalker(root, filter);
  let seen = 0;
  for (let node: Node | null = walker.currentNode; node; ) {
    if (++seen > MAX_NODES_CHECKED) return true;
    if (node.nodeType === 3 /* Node.TEXT_NODE */) {
      if (/\S/.test((node as Text).data)) return true;
    } else {
      const el = node as Element;
      const name = el.localName;
      if (UNREAD.has(name)) {
        node = skipSubtree(walker);
        continue;
      }
      if (name.includes('-') || el.shadowRoot) return true;
    }
    node = walker.nextNode();
  }
  return false;
}

/** Moves `walker` past the subtree of its current node; returns the next node, if any. */
function skipSubtree(walker: TreeWalker): Node | null {
  for (;;) {
    const sibling = walker.nextSibling();
    if (sibling) return sibling;
    if (!walker.parentNode()) return null;
  }
}

/** True when a change record adds content: text typed into a node, or added nodes that hold some. */
function bringsContent(record: MutationRecord): boolean {
  if (record.type === 'characterData')
    return /\S/.test(record.target.nodeValue ?? '') && !inUnread(record.target);
  for (const node of record.addedNodes) {
    if (node.nodeType === 3 /* Node.TEXT_NODE */) {
      if (/\S/.test((node as Text).data) && !inUnread(node)) return true;
    } else if (node.nodeType === 1 /* Node.ELEMENT_NODE */ && !inUnread(node) && containsContent(node))
      return true;
  }
  return false;
}

/** True when `node` is inside (or is) an element whose text is not read. */
function inUnread(node: Node): boolean {
  for (let el = node.nodeType === 1 ? (node as Element) : node.parentElement; el; el = el.parentElement)
    if (UNREAD.has(el.localName)) return true;
  return false;
}
