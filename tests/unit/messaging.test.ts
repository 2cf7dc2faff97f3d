import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { listen, observe, send, sendToTab } from '@/lib/messaging';

describe('messaging', () => {
  beforeEach(() => fakeBrowser.reset());

  it('answers a typed request through the registered handler', async () => {
    listen(fakeBrowser.runtime, { ping: ({ from }) => ({ pong: true, from }) });
    await expect(send(fakeBrowser.runtime, 'ping', { from: 'test' })).resolves.toEqual({
      pong: true,
      from: 'test',
    });
  });

  it('answers asynchronous handlers with their resolved value', async () => {
    listen(fakeBrowser.runtime, {
      'get-tab-report': async ({ tabId }) => ({ url: `tab:${tabId}`, count: 3 }),
    });
    await expect(send(fakeBrowser.runtime, 'get-tab-report', { tabId: 7 })).resolves.toEqual({
      url: 'tab:7',
      count: 3,
    });
  });

  it('stops answering once the returned disposer runs', async () => {
    const dispose = listen(fakeBrowser.runtime, { ping: ({ from }) => ({ pong: true, from }) });
    dispose();
    await expect(send(fakeBrowser.runtime, 'ping', { from: 'x' })).rejects.toThrow();
  });

  it('sends a typed envelope to a tab and hands back the reply unchecked', async () => {
    const sendMessage = vi.fn(async () => ({ revealed: 'maybe' }));
    await expect(sendToTab({ sendMessage }, 4, 'reveal-mention', { id: 2 })).resolves.toEqual({
      revealed: 'maybe',
    });
    expect(sendMessage).toHaveBeenCalledWith(4, { type: 'reveal-mention', data: { id: 2 } });
  });

  it('lets an observer hear a message without answering it', async () => {
    const heard: unknown[] = [];
    const stop = observe(fakeBrowser.runtime, { ping: (data) => heard.push(data) });
    listen(fakeBrowser.runtime, { ping: ({ from }) => ({ pong: true, from }) });
    await expect(send(fakeBrowser.runtime, 'ping', { from: 'a' })).resolves.toEqual({
      pong: true,
      from: 'a',
    });
    expect(heard).toEqual([{ from: 'a' }]);
    stop();
    await send(fakeBrowser.runtime, 'ping', { from: 'b' });
    expect(heard).toHaveLength(1);
  });
});
