import type { Runtime } from 'webextension-polyfill';
import { type Envelope, isEnvelope, type MessageType, type Protocol } from './messages';

/** The slice of `browser.runtime` messaging needs: a parameter so tests can pass a fake. */
export type RuntimeLike = Pick<Runtime.Static, 'sendMessage' | 'onMessage'>;

/** Sends one typed request and resolves with its typed response. */
export async function send<T extends MessageType>(
  runtime: RuntimeLike,
  type: T,
  data: Protocol[T]['request'],
): Promise<Protocol[T]['response']> {
  const envelope: Envelope<T> = { type, data };
  return (await runtime.sendMessage(envelope)) as Protocol[T]['response'];
}

/** One handler per message type; each may answer synchronously or with a promise. */
export type Handlers = {
  [T in MessageType]?: (
    data: Protocol[T]['request'],
    sender: Runtime.MessageSender,
  ) => Protocol[T]['response'] | Promise<Protocol[T]['response']>;
};

/**
 * Registers `handlers` on `runtime.onMessage` and returns the function that removes them.
 * Answers through `sendResponse` and `return true`: the one style that works in Chrome,
 * Firefox and the fake browser alike (the fake ignores a returned promise).
 */
export function listen(runtime: RuntimeLike, handlers: Handlers): () => void {
  const listener = (message: unknown, sender: Runtime.MessageSender, sendResponse: (r: unknown) => void) => {
    if (!isEnvelope(message)) return undefined;
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
  // The polyfill's listener type wants a promise-returning function; the callback style above
  // is also supported by it at run time, so the cast only narrows the declared signature.
  runtime.onMessage.addListener(
    listener as unknown as Parameters<RuntimeLike['onMessage']['addListener']>[0],
  );
  return () =>
    runtime.onMessage.removeListener(
      listener as unknown as Parameters<RuntimeLike['onMessage']['removeListener']>[0],
    );
}
