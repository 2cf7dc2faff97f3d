import { describe, expect, it, vi } from 'vitest';
import { type CommandApi, forwardCardCommand } from '@/lib/card/commands';

function api(reply: unknown = { opened: true }, active = 7) {
  const sendMessage = vi.fn(async (_tabId: number, _message: unknown) => reply);
  const query = vi.fn(async () => [{ id: active }]);
  const fake: CommandApi = { tabs: { query, sendMessage } };
  return { fake, sendMessage, query };
}

describe('card commands', () => {
  it('forwards next and previous to the tab the command came from', async () => {
    const { fake, sendMessage, query } = api();
    expect(await forwardCardCommand(fake, 'next-mention', { id: 3 })).toBe(true);
    expect(sendMessage).toHaveBeenCalledWith(3, { type: 'card-navigate', data: { direction: 'next' } });
    await forwardCardCommand(fake, 'previous-mention', { id: 3 });
    expect(sendMessage).toHaveBeenLastCalledWith(3, {
      type: 'card-navigate',
      data: { direction: 'previous' },
    });
    expect(query).not.toHaveBeenCalled();
  });

  it('uses the active tab when the browser does not name one', async () => {
    const { fake, sendMessage } = api(null, 9);
    expect(await forwardCardCommand(fake, 'next-mention')).toBe(false);
    expect(sendMessage).toHaveBeenCalledWith(9, expect.anything());
  });

  it('ignores other commands and tabs without a content script', async () => {
    const { fake, sendMessage } = api();
    expect(await forwardCardCommand(fake, '_execute_action', { id: 3 })).toBe(false);
    expect(sendMessage).not.toHaveBeenCalled();
    sendMessage.mockRejectedValueOnce(
      new Error('Could not establish connection. Receiving end does not exist.'),
    );
    expect(await forwardCardCommand(fake, 'next-mention', { id: 3 })).toBe(false);
  });
});
