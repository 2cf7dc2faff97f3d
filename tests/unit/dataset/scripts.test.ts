// @vitest-environment node
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '@/lib/dataset/load';
import { realDataset } from './real';

/** Runs scripts/facts.ts the way `npm run facts -- …` does and returns its stdout. */
function facts(...args: string[]): string {
  const tsx = join(PROJECT_ROOT, 'node_modules/.bin/tsx');
  return execFileSync(tsx, ['scripts/facts.ts', ...args], { cwd: PROJECT_ROOT, encoding: 'utf8' });
}

describe('scripts/facts.ts', () => {
  it('prints the whole compiled dataset as JSON on stdout and nothing else with --json', () => {
    expect(JSON.parse(facts('--json'))).toEqual(JSON.parse(JSON.stringify(realDataset())));
  });

  it('prints the matching facts with their claims and sources for words', () => {
    const out = facts('director', 'general');
    expect(out).toContain('[org/director-general]');
    expect(out).toContain('Amy E. Pope (United States) (since 1 October 2023)');
    expect(out).toMatch(/source: .*\(tier 1, official-site\) https:\/\//);
  });
});
