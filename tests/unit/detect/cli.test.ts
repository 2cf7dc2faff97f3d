// @vitest-environment node
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(__dirname, '../../..');
const run = (args: string[], input?: string) =>
  spawnSync(resolve(root, 'node_modules/.bin/tsx'), ['scripts/detect.ts', ...args], {
    cwd: root,
    input,
    encoding: 'utf8',
  });

/** Each test starts tsx in a child process: seconds on a loaded machine. */
const SPAWN_TIMEOUT_MS = 60_000;

describe('detect command line', { timeout: SPAWN_TIMEOUT_MS }, () => {
  it('prints one JSON line per passage with span, surface, name and confidence, and nothing else', () => {
    const dir = mkdtempSync(join(tmpdir(), 'iom-detect-'));
    const file = join(dir, 'in.jsonl');
    writeFileSync(
      file,
      [
        JSON.stringify({
          id: 'p1',
          text: 'The International Organization for Migration (IOM) said.',
          url: 'ignored',
        }),
        JSON.stringify({ id: 2, text: 'No mention here.' }),
        '',
        'not json',
        JSON.stringify({ id: 'p3' }),
        JSON.stringify({ id: 'p4', text: 'Flights to the Isle of Man (IOM) resumed.' }),
      ].join('\n'),
    );
    const result = run(['--jsonl', file]);
    const lines = result.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toEqual([
      {
        id: 'p1',
        mentions: [
          {
            start: 4,
            end: 44,
            surface: 'International Organization for Migration',
            name: 'IOM',
            confidence: 0.99,
          },
          { start: 46, end: 49, surface: 'IOM', name: 'IOM', confidence: expect.any(Number) },
        ],
      },
      { id: 2, mentions: [] },
      { id: 'p4', mentions: [] },
    ]);
    expect(result.stderr).toContain(`${file}:4: not valid JSON`);
    expect(result.stderr).toContain(`${file}:5: missing field "text"`);
    expect(result.status).toBe(1);
  });

  it('reads standard input with - and exits 0 when every line is good', () => {
    const result = run(['--jsonl', '-'], `${JSON.stringify({ id: 'x', text: 'la OIM y los migrantes' })}\n`);
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout).mentions[0]).toMatchObject({ surface: 'OIM', name: 'IOM' });
  });

  it('explains its usage when --jsonl is missing', () => {
    const result = run([]);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('usage: npm run --silent detect -- --jsonl FILE');
  });
});
