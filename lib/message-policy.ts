/**
 * Who may send which message, and in what shape. Web pages cannot message the extension at all (no
 * `externally_connectable`; other extensions reach `onMessageExternal`, which nothing listens to), so
 * every message comes from the extension's own contexts. But a content script lives in a renderer
 * that a hostile page shares, so the receiving side still checks: the request has the declared shape,
 * and content scripts may only report on, and read about, their own tab.
 */
import * as v from 'valibot';
import type { Runtime } from 'webextension-polyfill';
import { ERAS } from './mention';
import type { MessageType, PageReport, Protocol } from './messages';
import type { Handlers, Observers } from './messaging';

/** The part of `runtime.MessageSender` the policy reads. */
export interface SenderLike {
  /** The sending tab, for content scripts (and extension pages opened in a tab). */
  tab?: { id?: number };
  /** The sending frame of that tab (0: the top-level page). */
  frameId?: number;
  /** URL of the sending document or worker. */
  url?: string;
}

/**
 * Longest text accepted in a message (a URL, a snippet, a query), in characters: far above what the
 * extension sends (snippets are about 100, lookups are cut at 200), far below what could hurt.
 */
const MAX_TEXT = 10_000;

/** Most mentions a report may list: the content script lists the painted ones, at most 1,000 per page. */
const MAX_REPORTED_MENTIONS = 1000;

/** Most frames a report may place: far above a real article's embeds, a bound on what a page can make us keep. */
const MAX_REPORTED_FRAMES = 200;

const text = v.pipe(v.string(), v.maxLength(MAX_TEXT));
const count = v.pipe(v.number(), v.integer(), v.minValue(0));

/** The shape of each request. */
const REQUESTS: Record<MessageType, v.GenericSchema> = {
  'page-report': v.object({
    url: text,
    count,
    highlighted: v.optional(count),
    mentions: v.optional(
      v.pipe(
        v.array(
          v.object({
            id: count,
            surface: text,
            name: v.picklist(ERAS),
            before: text,
            text,
            after: text,
          }),
        ),
        v.maxLength(MAX_REPORTED_MENTIONS),
      ),
    ),
    title: v.optional(text),
    frames: v.optional(
      v.pipe(v.array(v.object({ url: text, after: count })), v.maxLength(MAX_REPORTED_FRAMES)),
    ),
    frameId: v.optional(count),
  }),
  'get-tab-report': v.object({ tabId: v.pipe(v.number(), v.integer()) }),
  'get-tab-frames': v.object({ tabId: v.pipe(v.number(), v.integer()) }),
  'page-gone': v.object({}),
  'get-page-report': v.object({}),
  'reveal-mention': v.object({ id: count }),
  'open-search': v.object({ query: text }),
  'card-navigate': v.object({ direction: v.picklist(['next', 'previous']) }),
  ping: v.object({ from: text }),
};

/** The shape of each reply the extension's pages get from a content script. */
const REPLIES = {
  'get-page-report': REQUESTS['page-report'],
  'reveal-mention': v.object({ revealed: v.boolean() }),
  'card-navigate': v.object({ opened: v.boolean() }),
} satisfies Partial<Record<MessageType, v.GenericSchema>>;

/** Messages a content script answers. */
export type TabMessageType = keyof typeof REPLIES;

/**
 * True when `value` has the shape of a page report: the popup checks a report it gets straight from a
 * content script as the background checks the ones sent to it.
 */
export function isPageReport(value: unknown): value is PageReport {
  return v.is(REQUESTS['page-report'], value);
}

/**
 * True when `value` has the shape of the reply to `type`: a content script's answer is checked like any
 * message from it before it is used.
 */
export function isReply<T extends TabMessageType>(type: T, value: unknown): value is Protocol[T]['response'] {
  return v.is(REPLIES[type], value);
}

/** True for a document or worker of an extension (ours: runtime.onMessage hears no other extension). */
function isExtensionUrl(url: string | undefined): boolean {
  return url !== undefined && /^(chrome|moz)-extension:\/\//.test(url);
}

/** True when the sender is a content script: a tab's web page, not an extension page. */
function isContentScript(sender: SenderLike): boolean {
  return sender.tab !== undefined && !isExtensionUrl(sender.url);
}

/**
 * Why a request must be refused (a sentence for the log), or null when it may be answered: the shape of
 * `data` for `type`, and the sender's right to ask.
 */
export function refusal(type: MessageType, data: unknown, sender: SenderLike): string | null {
  const schema = REQUESTS[type];
  if (!schema) return `unknown message "${type}"`;
  const parsed = v.safeParse(schema, data);
  if (!parsed.success) {
    const issue = parsed.issues[0];
    return `"${type}": ${v.getDotPath(issue) ?? 'data'}: ${issue.message}`;
  }
  const fromContentScript = isContentScript(sender);
  switch (type) {
    case 'page-report':
    case 'page-gone':
      return fromContentScript ? null : `"${type}" comes from content scripts only`;
    case 'get-tab-report':
    case 'get-tab-frames': {
      const own = (data as { tabId: number }).tabId === sender.tab?.id;
      return !fromContentScript || own ? null : `a content script asked for the report of another tab`;
    }
    case 'get-page-report':
    case 'reveal-mention':
    case 'card-navigate':
      return fromContentScript ? `"${type}" comes from the extension's pages only` : null;
    default:
      return null;
  }
}

/**
 * Wraps message handlers (or observers) so that each refuses requests `refusal` rejects: no answer
 * (undefined), one warning in the log. The background and the popup use it; content scripts hear only
 * the extension's own pages.
 */
export function guardHandlers<H extends Handlers | Observers>(handlers: H): H {
  const guarded: Record<string, (data: unknown, sender: Runtime.MessageSender) => unknown> = {};
  for (const [type, handler] of Object.entries(handlers) as [
    MessageType,
    (data: unknown, sender: Runtime.MessageSender) => unknown,
  ][]) {
    guarded[type] = (data, sender) => {
      const refused = refusal(type, data, sender);
      if (refused === null) return handler(data, sender);
      console.warn(`[iom-lens] message refused: ${refused}`);
      return undefined;
    };
  }
  return guarded as H;
}
