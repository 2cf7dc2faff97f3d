import { describe, expect, it } from 'vitest';
import { createYield, runSliced, SLICE_BUDGET_MS } from '@/lib/page';

describe('runSliced', () => {
  it('gives each slice the budget and yields between slices', async () => {
    let t = 0;
    let work = 0;
    const slices: number[] = [];
    let yields = 0;
    const done = await runSliced(
      {
        step(deadline) {
          while (t < deadline) {
            t += 1;
            work++;
            if (work === 20) return true;
          }
          return false;
        },
      },
      { now: () => t, yieldToMain: async () => void yields++, onSlice: (ms) => slices.push(ms) },
    );
    expect(done).toBe(true);
    expect(slices).toEqual([SLICE_BUDGET_MS, SLICE_BUDGET_MS, 20 - 2 * SLICE_BUDGET_MS]);
    expect(yields).toBe(2);
  });

  it('stops between slices when aborted', async () => {
    const controller = new AbortController();
    let steps = 0;
    const done = await runSliced(
      {
        step() {
          steps++;
          controller.abort();
          return false;
        },
      },
      { now: () => 0, yieldToMain: async () => {}, signal: controller.signal },
    );
    expect([done, steps]).toEqual([false, 1]);
  });
});

describe('createYield', () => {
  it('uses scheduler.yield where the browser has it', async () => {
    let called = 0;
    const fn = createYield({
      scheduler: { yield: async () => void called++ },
    } as unknown as typeof globalThis);
    await fn();
    expect(called).toBe(1);
  });

  it('falls back to a MessageChannel task', async () => {
    const fn = createYield({ MessageChannel } as unknown as typeof globalThis);
    await expect(fn()).resolves.toBeUndefined();
  });
});
