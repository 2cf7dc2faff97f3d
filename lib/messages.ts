/**
 * The messages that cross between the content script, the background and the popup.
 * One discriminated union keeps both ends honest: a sender cannot send, and a listener
 * cannot answer, anything the protocol does not name.
 */

import type { Mention, MentionSnippet } from './mention';

/** One mention in a page report: what the popup lists, with the text around it already split. */
export interface ReportedMention extends Pick<Mention, 'surface' | 'name'>, MentionSnippet {
  /** The mention's id on its page ('reveal-mention' takes it); stable while the mention stays. */
  id: number;
}

/** What a content script reports about its page. */
export interface PageReport {
  /** Page URL at the time of the report. */
  url: string;
  /** Mentions found on the page (highlighted or not). */
  count: number;
  /** Mentions painted (at most the per-page cap); absent in reports that predate it. */
  highlighted?: number;
  /** The painted mentions in document order; absent in reports that predate it. */
  mentions?: ReportedMention[];
  /** The document's title (the popup labels a frame's mentions with it); absent in older reports. */
  title?: string;
  /**
   * The frames this document shows, in document order: where each one sits among `mentions`, so that
   * the popup can list a frame's mentions in page order. Absent when there are none.
   */
  frames?: FrameSlot[];
  /**
   * Which frame of the tab the report is from (0: the top-level page). Content scripts do not know it and
   * leave it out; the background and the popup set it from the sender.
   */
  frameId?: number;
}

/** A frame of a reporting document: its location as the document sees it, and its place among the mentions. */
export interface FrameSlot {
  /** The frame's URL (`about:srcdoc` for a srcdoc frame; a cross-origin frame's `src`). */
  url: string;
  /** How many of the report's `mentions` come before the frame in document order. */
  after: number;
}

/** Requests and the reply each one gets. */
export interface Protocol {
  /** Content script → background: the page's current mention report. Reply: the sender's tab id. */
  'page-report': { request: PageReport; response: { tabId: number | null } };
  /** Popup → background: the report for a tab, if its content script sent one. */
  'get-tab-report': { request: { tabId: number }; response: PageReport | null };
  /**
   * Popup → background: the reports of every frame of a tab that sent one, each with its `frameId`,
   * the top-level page's first.
   */
  'get-tab-frames': { request: { tabId: number }; response: PageReport[] };
  /** Content script → background: its document goes (closed, navigated away, frame removed). */
  'page-gone': { request: Record<string, never>; response: { forgotten: boolean } };
  /**
   * Popup → content script of a tab: its current report, straight from the page. Asked when the
   * background has none (an MV3 service worker that stopped forgets the reports it kept in memory).
   */
  'get-page-report': { request: Record<string, never>; response: PageReport };
  /**
   * Popup → content script of a tab (of the frame that reported the mention): scroll a reported mention
   * into view. Reply: whether it could.
   */
  'reveal-mention': { request: { id: number }; response: { revealed: boolean } };
  /** Hover card → background: open the search on `query` (the card's "Open in search"). Reply: whether it opened. */
  'open-search': { request: { query: string }; response: { opened: boolean } };
  /**
   * Background → content scripts of a tab: a keyboard command; open the next or previous mention's card.
   * The frame with the keyboard focus answers (the top-level page when none has it).
   */
  'card-navigate': { request: { direction: 'next' | 'previous' }; response: { opened: boolean } };
  /** Any → background: liveness check used by tests and by content scripts after an update. */
  ping: { request: { from: string }; response: { pong: true; from: string } };
}

export type MessageType = keyof Protocol;

/** The envelope actually sent through `runtime.sendMessage`. */
export interface Envelope<T extends MessageType = MessageType> {
  type: T;
  data: Protocol[T]['request'];
}

/** True when `value` looks like one of our envelopes (other extensions' messages are ignored). */
export function isEnvelope(value: unknown): value is Envelope {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { type?: unknown }).type === 'string' &&
    'data' in value
  );
}
