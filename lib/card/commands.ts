/**
 * Keyboard commands (manifest `commands`): the browser delivers them to the background, which
 * forwards them to the active tab's content script as a 'card-navigate' message.
 */
import { isReply } from '@/lib/message-policy';
import { sendToTab, type TabsLike } from '@/lib/messaging';
import type { Direction } from './controller';

/** Manifest command names and the direction each moves in. */
export const CARD_COMMANDS: Readonly<Record<string, Direction>> = {
  'next-mention': 'next',
  'previous-mention': 'previous',
};

/** Default shortcuts: Alt+Shift+letter is free in Chrome and Firefox and rarely taken by pages. */
export const CARD_COMMAND_KEYS = {
  'next-mention': 'Alt+Shift+N',
  'previous-mention': 'Alt+Shift+P',
} as const;

/** The slice of the browser API forwarding needs (a parameter for tests). */
export interface CommandApi {
  tabs: TabsLike & {
    query(query: { active: true; currentWindow: true }): Promise<{ id?: number }[]>;
  };
}

/**
 * Forwards a card command to `tab` (the active tab when the browser does not say). Resolves with
 * whether a card opened; false for other commands and for tabs without IOM Lens (no content script).
 */
export async function forwardCardCommand(
  api: CommandApi,
  command: string,
  tab?: { id?: number },
): Promise<boolean> {
  const direction = CARD_COMMANDS[command];
  if (!direction) return false;
  const tabId = tab?.id ?? (await api.tabs.query({ active: true, currentWindow: true }))[0]?.id;
  if (tabId === undefined || tabId < 0) return false;
  try {
    const reply = await sendToTab(api.tabs, tabId, 'card-navigate', { direction });
    return isReply('card-navigate', reply) && reply.opened;
  } catch {
    return false; // no content script there (a browser page, a paused site before reload)
  }
}
