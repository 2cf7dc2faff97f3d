// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { realDataset } from './real';

describe('compiled dataset', () => {
  // Every change to the data shows up here for review: run `npx vitest run tests/unit/dataset -u` after a
  // deliberate change and read the diff of __snapshots__/snapshot.test.ts.snap.
  it('matches the reviewed snapshot', () => {
    expect(realDataset()).toMatchSnapshot();
  });
});
