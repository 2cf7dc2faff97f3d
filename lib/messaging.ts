import type { Runtime } from 'webextension-polyfill';
import { type Envelope, isEnvelope, type MessageType, type Protocol } from './messages';

/** The slice of `browser.runtime` messaging needs: a parameter so tests can pass a fake. */
export type RuntimeLike = Pick<Runtime.Static, 'sendMessage' | 'onMessage'>;

/** The slice of `browser.tabs` sending to a tab needs: a parameter so tests can pass a fake. */
export interface TabsLike {
  sendMessage(tabId: number, message: unknown, options?: SendToTabOptions): Promise<unknown>;
}

/** Where in the tab a message goes. */
export interface SendToTabOptions {
  /** Only the content script of this frame (0: the top-level page); every frame's when absent. */
  frameId?: number;
}

/** Sends one typed request to the extension (the background answers) and resolves with its typed response. */
export async function send<T extends MessageType>(
  runtime: RuntimeLike,
  type: T,
  data: Protocol[T]['request'],
): Promise<Protocol[T]['response']> {
  const envelope: Envelope<T> = { type, data };
  return (await runtime.sendMessage(envelope)) as Protocol[T]['response'];
}

/**
 * Sends one typed request to the content script of tab `tabId`. Resolves with the reply as received,
 * unchecked: a content script shares its renderer with the page, so the caller checks the reply's shape
 * (`isReply` of lib/message-policy.ts) before using it. Rejects when no content script answers there.
 */
export async function sendToTab<T extends MessageType>(
  tabs: TabsLike,
  tabId: number,
  type: T,
  data: Protocol[T]['request'],
  options?: SendToTabOptions,
): Promise<unknown> {
  const envelope: Envelope<T> = { type, data };
  return options ? tabs.sendMessage(tabId, envelope, options) : tabs.sendMessage(tabId, envelope);
}

/** One handler per message type; each may answer synchronously or with a promise. */
export type Handlers = {
  [T in MessageType]?: (
    data: Protocol[T]['request'],
    sender: Runtime.MessageSender,
  ) => Protocol[T]['response'] | Promise<Protocol[T]['response']>;
};

/** One observer per message type: hears a message another part answers, and never answers it. */
export type Observers = {
  [T in MessageType]?: (data: Protocol[T]['request'], sender: Runtime.MessageSender) => void;
};

/**
 * Registers `handlers` on `runtime.onMessage` and returns the function that removes them.
 * Answers through `sendResponse` and `return true`: the one style that works in Chrome,
 * Firefox and the fake browser alike (the fake ignores a returned promise). A message sent to every
 * frame of a tab gets the first answer given: `answers`, when given, says at once whether this one
 * answers at all, so that the others leave the answer to the right frame.
 */
export function listen(runtime: RuntimeLike, handlers: Handlers, answers?: () => boolean): () => void {
  const listener: Listener = (message, sender, sendResponse) => {
    if (!isEnvelope(message) || answers?.() === false) return undefined;
    const handler = handlers[message.type] as
      | ((data: unknown, sender: Runtime.MessageSender) => unknown)
      | undefined;
    if (!handler) return undefined;
    Promise.resolve()
      .then(() => handler(message.data, sender))
      .then(sendResponse, (error: unknown) => {
        console.error(`[iom-lens] handler for "${message.type}" failed`, error);
        sendResponse(undefined);
      });
    return true;
  };
  // Registered here rather than through a helper shared with `observe`: this runs in the content script
  // that every page gets, where each function counts.
  runtime.onMessage.addListener(listener as PolyfillListener);
  return () => runtime.onMessage.removeListener(listener as PolyfillListener);
}

/**
 * Registers `observers` on `runtime.onMessage` and returns the function that removes them. They hear
 * messages meant for another part (the popup hears the page reports content scripts send the
 * background) and leave the answer to it.
 */
export function observe(runtime: RuntimeLike, observers: Observers): () => void {
  const listener: Listener = (message, sender) => {
    if (!isEnvelope(message)) return undefined;
    const observer = observers[message.type] as
      | ((data: unknown, sender: Runtime.MessageSender) => void)
      | undefined;
    observer?.(message.data, sender);
    return undefined;
  };
  runtime.onMessage.addListener(listener as PolyfillListener);
  return () => runtime.onMessage.removeListener(listener as PolyfillListener);
}

type Listener = (
  message: unknown,
  sender: Runtime.MessageSender,
  sendResponse: (r: unknown) => void,
) => unknown;

/**
 * The polyfill's listener type wants a promise-returning function; the callback style above is also
 * supported by it at run time, so the cast only narrows the declared signature.
 */
type PolyfillListener = Parameters<RuntimeLike['onMessage']['addListener']>[0];
