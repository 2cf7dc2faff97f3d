import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  formatIterationSplit,
  formatSpeedometerReport,
  formatSuiteSplit,
  pairedRatio,
  parseRunState,
  runScore,
  SPEEDOMETER_TARGET,
  speedometerDir,
  speedometerMissed,
  speedometerUrl,
  suiteFrameCoverage,
  summarize,
} from '../../../scripts/bench/speedometer';

const state = (value: unknown) => JSON.stringify(value);

describe('speedometer bench', () => {
  it('starts the trimmed suites automatically for the asked number of iterations', () => {
    const url = new URL(speedometerUrl('http://127.0.0.1:4000', 3));
    expect(url.pathname).toBe('/index.html');
    expect(url.searchParams.get('suites')).toBe(
      'NewsSite-Next,TodoMVC-React-Complex-DOM,TodoMVC-WebComponents',
    );
    expect(url.searchParams.get('iterationCount')).toBe('3');
    expect(url.searchParams.get('startAutomatically')).toBe('true');
    expect(() => speedometerUrl('http://127.0.0.1:4000', 0)).toThrow(
      /iterations must be a whole number ≥ 1, not 0/,
    );
  });

  it('reads one score per iteration once the runner is done, and waits until then', () => {
    expect(parseRunState(null, 2)).toEqual({ done: false });
    expect(parseRunState(state({ state: 'RUNNING', results: [] }), 2)).toEqual({ done: false });
    expect(parseRunState(state({ state: 'DONE', results: [{ score: 12.5 }, { score: 13 }] }), 2)).toEqual({
      done: true,
      scores: [12.5, 13],
      suites: [{}, {}],
    });
  });

  it("reads each iteration's suite times, and leaves out a suite without a numeric total", () => {
    const results = [
      { score: 6, tests: { 'NewsSite-Next': { total: 380.5 }, 'TodoMVC-WebComponents': { total: 'x' } } },
      { score: 7, tests: { 'NewsSite-Next': { total: 350 }, 'TodoMVC-WebComponents': { total: 55 } } },
    ];
    expect(parseRunState(state({ state: 'DONE', results }), 2)).toEqual({
      done: true,
      scores: [6, 7],
      suites: [{ 'NewsSite-Next': 380.5 }, { 'NewsSite-Next': 350, 'TodoMVC-WebComponents': 55 }],
    });
  });

  it('names what is wrong with a run it cannot use', () => {
    expect(() => parseRunState(state({ state: 'ERROR' }), 1)).toThrow(/state ERROR/);
    expect(() => parseRunState(state({ state: 'DONE', results: [{ score: 1 }] }), 2)).toThrow(
      /expected 2 iteration results, the runner has 1/,
    );
    expect(() =>
      parseRunState(state({ state: 'DONE', results: [{ score: 1 }, { score: 'NaN' }] }), 2),
    ).toThrow(/iteration 2 has no positive score \("NaN"\)/);
    expect(() => parseRunState(state({ state: 'DONE', results: {} }), 1)).toThrow(/is not a list/);
    expect(() => parseRunState(42, 1)).toThrow(/as JSON, got number/);
  });

  it('counts the suite frames the content script ran in, not the runner page', () => {
    const frames = new Map([
      ['top', 'http://127.0.0.1:4000/index.html?suites=x'],
      ['a', 'http://127.0.0.1:4000/suites/newssite/news-next/dist/index.html'],
      ['b', 'http://127.0.0.1:4000/suites/todomvc/architecture-examples/react-complex/dist/index.html#/home'],
    ]);
    expect(suiteFrameCoverage({ frames, contentScriptFrames: new Set(['top', 'a', 'b']) })).toEqual({
      ran: 2,
      frames: 2,
      asked: 0,
      loaded: 0,
    });
    expect(suiteFrameCoverage({ frames, contentScriptFrames: new Set(['top']) })).toEqual({
      ran: 0,
      frames: 2,
      asked: 0,
      loaded: 0,
    });
  });

  it('counts the suite frames where the frame gate had imported the content script when asked', () => {
    const frames = new Map([
      ['top', 'http://127.0.0.1:4000/index.html'],
      ['a', 'http://127.0.0.1:4000/suites/a/index.html'],
      ['b', 'http://127.0.0.1:4000/suites/b/index.html'],
      ['c', 'http://127.0.0.1:4000/suites/c/index.html'],
    ]);
    const gateStates = new Map([
      ['top', 'content'],
      ['a', 'content'],
      ['b', 'empty'],
    ]);
    const coverage = suiteFrameCoverage({
      frames,
      contentScriptFrames: new Set(['a', 'b', 'c']),
      gateStates,
    });
    expect(coverage).toEqual({ ran: 3, frames: 3, asked: 2, loaded: 1 });
  });

  it('scores each run by the mean of its iterations, as Speedometer does, and summarizes the runs', () => {
    expect(runScore([5.5, 7.5])).toBe(6.5);
    expect(() => runScore([])).toThrow(/without iteration scores/);
    expect(summarize([[9.5, 10.5], [10.2], [9.8], [10.1]])).toEqual({
      median: 10.05,
      q1: 10,
      q3: 10.2,
      runs: 4,
      iterations: 5,
    });
    expect(() => summarize([])).toThrow(/no scores/);
  });

  it('pairs each run with the no-extension run of its round, so that drift between rounds cancels', () => {
    // The machine slows down in the second round: medians of each list would hide a 4% loss.
    const without = [[10], [8]];
    const withLens = [[9.6], [7.68]];
    expect(pairedRatio(withLens, without).median).toBeCloseTo(0.96, 10);
    expect(() => pairedRatio([[9]], without)).toThrow(/1 costs paired with 2 bases/);
  });

  it('compares the paired ratio against the 1% target and reports both scores with their spread', () => {
    expect(SPEEDOMETER_TARGET).toBe(0.99);
    const without = [[10], [10.2], [9.8], [10.1]];
    const slow = [[9.8], [9.9], [9.7], [9.85]];
    const lines = formatSpeedometerReport({ withLens: slow, without, coverage: { ran: 3, frames: 4 } });
    expect(lines).toEqual([
      'No extension: 10.05 (middle half 10.00–10.20; 4 runs, 4 iterations)',
      'IOM Lens:     9.82 (middle half 9.80–9.90; 4 runs, 4 iterations)',
      'IOM Lens / no extension = 0.978 (middle half 0.975–0.990), each run against the no-extension run of its round — target ≥ 0.99: MISSED',
      'Content script ran in 3 of 4 suite frames — target all: MISSED',
    ]);
    const close = [[9.95], [10.2], [9.8], [10.1]];
    expect(speedometerMissed({ withLens: close, without, coverage: { ran: 4, frames: 4 } })).toBe(false);
  });

  it('prints the no-op and the watch floor beside our ratio, and lets the floor explain a miss', () => {
    const without = [[10], [10]];
    const coverage = { ran: 4, frames: 4 };
    const explained = {
      withLens: [[9.4], [9.4]],
      without,
      noop: [[9.9], [9.9]],
      watch: [[9.5], [9.5]],
      coverage,
    };
    expect(formatSpeedometerReport(explained)).toEqual([
      'No extension: 10.00 (middle half 10.00–10.00; 2 runs, 2 iterations)',
      'No-op:        9.90 (middle half 9.90–9.90; 2 runs, 2 iterations) → 0.990 (middle half 0.990–0.990) (a content script doing nothing, in every frame)',
      "Watch floor:  9.50 (middle half 9.50–9.50; 2 runs, 2 iterations) → 0.950 (middle half 0.950–0.950) (the no-op + one read of each frame's text and a MutationObserver on it)",
      'IOM Lens:     9.40 (middle half 9.40–9.40; 2 runs, 2 iterations)',
      'IOM Lens / no extension = 0.940 (middle half 0.940–0.940), each run against the no-extension run of its round — target ≥ 0.99: MISSED, explained by the floor (0.950 alone misses it); IOM Lens / watch floor = 0.989',
      'Content script ran in 4 of 4 suite frames — target all: OK',
    ]);
    expect(speedometerMissed(explained)).toBe(false);
    const missed = { ...explained, noop: [[10], [10]], watch: [[9.95], [9.95]] };
    expect(formatSpeedometerReport(missed)[4]).toContain('MISSED (the floor, 0.995, meets it)');
    expect(speedometerMissed(missed)).toBe(true);
    expect(speedometerMissed({ ...explained, coverage: { ran: 3, frames: 4 } })).toBe(true);
    expect(speedometerMissed({ ...missed, withLens: [[9.95], [9.95]] })).toBe(false);
  });

  it('splits the scores by iteration, so that a first run in a cold renderer shows apart from the warm ones', () => {
    const runs = {
      without: [
        [6, 7],
        [6.2, 7.4],
      ],
      watch: [
        [6.1, 7.2],
        [6.3, 7.2],
      ],
      withLens: [
        [5.6, 7.1],
        [5.8, 7.3],
      ],
    };
    expect(formatIterationSplit(runs)).toEqual([
      'By iteration (medians over the rounds; each run starts in a new tab):',
      '  iteration 1: no extension 6.10, watch floor 6.20 (1.016), IOM Lens 5.70: 0.934, 0.919 of the watch floor',
      '  iteration 2: no extension 7.20, watch floor 7.20 (1.000), IOM Lens 7.20: 1.000, 1.000 of the watch floor',
    ]);
    expect(formatIterationSplit({ without: runs.without, withLens: runs.withLens })[1]).toBe(
      '  iteration 1: no extension 6.10, IOM Lens 5.70: 0.934',
    );
    expect(formatIterationSplit({ without: [], withLens: [] })).toEqual([]);
  });

  it('splits the time by suite, with IOM Lens paired with the no-extension and watch-floor runs of its round', () => {
    const run = (news: number, todo: number) => [
      { News: news, Todo: todo },
      { News: news + 20, Todo: todo + 10 },
    ];
    const lines = formatSuiteSplit({
      without: [run(380, 50), run(400, 52)],
      watch: [run(380, 50), run(400, 52)],
      withLens: [run(380, 55), run(400, 57.2)],
    });
    expect(lines).toEqual([
      'By suite (time per iteration, medians over the runs; IOM Lens paired with the same round):',
      "  News: no extension 400.0 ms, watch floor 400.0 ms, IOM Lens 400.0 ms: 1.000x the no-extension time, 1.000x the watch floor's",
      "  Todo: no extension 56.0 ms, watch floor 56.0 ms, IOM Lens 61.1 ms: 1.091x the no-extension time, 1.091x the watch floor's",
    ]);
    expect(formatSuiteSplit({ without: [], withLens: [] })).toEqual([]);
  });

  it('finds the copy beside the project only when its index.html is there', () => {
    const base = mkdtempSync(path.join(tmpdir(), 'speedometer-'));
    try {
      const root = path.join(base, 'project');
      mkdirSync(root);
      expect(speedometerDir(root)).toBeNull();
      const dir = path.join(base, 'shared', 'benchmarks', 'speedometer');
      mkdirSync(dir, { recursive: true });
      writeFileSync(path.join(dir, 'index.html'), '<!doctype html>');
      expect(speedometerDir(root)).toBe(dir);
    } finally {
      rmSync(base, { recursive: true, force: true });
    }
  });
});
