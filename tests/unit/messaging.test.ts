import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { listen, send } from '@/lib/messaging';

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
});
