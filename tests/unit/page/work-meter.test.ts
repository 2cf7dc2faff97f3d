import { describe, expect, it } from 'vitest';
import { SLICE_BUDGET_MS } from '@/lib/page/slices';
import { noWorkYet, STOPPED, WorkMeter } from '@/lib/page/work-meter';

/** A meter on a fake clock that only moves when a step says so; counts clock reads and yields. */
function fakeMeter() {
  const clock = { t: 0, reads: 0, yields: 0 };
  const stats = noWorkYet();
  const meter = new WorkMeter(
    stats,
    () => {
      clock.reads++;
      return clock.t;
    },
    async () => void clock.yields++,
  );
  return { meter, stats, clock };
}

const running = () => new AbortController().signal;

describe('WorkMeter', () => {
  it('counts each slice under its phase and remembers the longest and what it was doing', () => {
    const { meter, stats } = fakeMeter();
    meter.record(3, 'scan');
    meter.record(7, 'paint');
    meter.record(2, 'scan');
    expect(stats.slices).toBe(3);
    expect(stats.workMs).toBe(12);
    expect(stats.phaseMs.scan).toBe(5);
    expect(stats.phaseMs.paint).toBe(7);
    expect([stats.longestSliceMs, stats.longestSlicePhase]).toEqual([7, 'paint']);
  });

  it('runs a task in slices of the budget, yielding between them, and measures each', async () => {
    const { meter, stats, clock } = fakeMeter();
    let work = 20;
    const done = await meter.run(
      {
        step(deadline) {
          while (clock.t < deadline && work > 0) {
            clock.t++;
            work--;
          }
          return work === 0;
        },
      },
      'scan',
      running(),
    );
    expect(done).toBe(true);
    expect(stats.slices).toBe(3);
    expect(stats.phaseMs.scan).toBe(20);
    expect(stats.longestSliceMs).toBe(SLICE_BUDGET_MS);
    expect(clock.yields).toBe(2);
  });

  it('ends a slice before a step that would run past its deadline, judging by the longest step so far', async () => {
    const { meter, stats, clock } = fakeMeter();
    let steps = 0;
    // Steps of 5 ms: a second one started at 5 ms would end at 10, past the 8 ms budget.
    const done = await meter.runSteps(
      () => {
        clock.t += 5;
        return ++steps === 4;
      },
      1,
      'prepare',
      running(),
    );
    expect(done).toBe(true);
    expect(stats.slices).toBe(4);
    expect(stats.longestSliceMs).toBe(5);
  });

  it('runs one step per slice with a budget of 0, however short the steps', async () => {
    const { meter, stats, clock } = fakeMeter();
    let steps = 0;
    const done = await meter.runSteps(
      () => {
        clock.t += 1;
        return ++steps === 3;
      },
      1,
      'prepare',
      running(),
      0,
    );
    expect(done).toBe(true);
    expect(stats.slices).toBe(3);
    expect(clock.yields).toBe(2);
  });

  it('reads the clock only once per given number of steps', async () => {
    const { meter, clock } = fakeMeter();
    let steps = 0;
    await meter.runSteps(() => ++steps === 64, 16, 'resolve', running());
    // One slice: its start and end, the step's own start, and the reads after steps 16, 32 and 48
    // (step 64 finishes the job before its read).
    expect(clock.reads).toBe(6);
  });

  it("resolves with a generator's result once its steps ran", async () => {
    const { meter, stats } = fakeMeter();
    function* steps(): Generator<void, string, void> {
      yield;
      yield;
      return 'decided';
    }
    await expect(meter.runGenerator(steps(), 1, 'resolve', running())).resolves.toBe('decided');
    expect(stats.phaseMs.resolve).toBe(0);
    expect(stats.slices).toBe(1);
  });

  it('resolves with STOPPED when the lens stops before the generator finished', async () => {
    const { meter, clock } = fakeMeter();
    const controller = new AbortController();
    function* steps(): Generator<void, string, void> {
      for (;;) {
        clock.t += SLICE_BUDGET_MS;
        controller.abort();
        yield;
      }
    }
    await expect(meter.runGenerator(steps(), 1, 'prepare', controller.signal)).resolves.toBe(STOPPED);
  });
});
