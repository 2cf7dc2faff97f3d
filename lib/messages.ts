/**
 * The messages that cross between the content script, the background and the popup.
 * One discriminated union keeps both ends honest: a sender cannot send, and a listener
 * cannot answer, anything the protocol does not name.
 */

/** What a content script reports about its page. */
export interface PageReport {
  /** Page URL at the time of the report. */
  url: string;
  /** Mentions found on the page (highlighted or not). */
  count: number;
}

/** Requests and the reply each one gets. */
export interface Protocol {
  /** Content script → background: the page's current mention report. Reply: the sender's tab id. */
  'page-report': { request: PageReport; response: { tabId: number | null } };
  /** Popup → background: the report for a tab, if its content script sent one. */
  'get-tab-report': { request: { tabId: number }; response: PageReport | null };
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
