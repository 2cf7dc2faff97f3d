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
          source: 'ignored',
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

  it("uses a line's url and title as the page's, reads null as absent, and reports a url that is not absolute", () => {
    const text = 'IOM handed over the new water points to the community.';
    const lines = [
      { id: 'bare', text },
      { id: 'site', text, url: 'https://www.iom.int/news/water-points' },
      { id: 'title', text, title: 'Migrants and refugees: returns and resettlement' },
      { id: 'nulls', text, url: null, title: null },
      { id: 'relative', text, url: '/news/water-points' },
      { id: 'number', text, url: 42 },
    ];
    const result = run(['--jsonl', '-'], lines.map((l) => JSON.stringify(l)).join('\n'));
    const out = result.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { id: string; mentions: unknown[] });
    expect(out.map((o) => [o.id, o.mentions.length])).toEqual([
      ['bare', 0],
      ['site', 1],
      ['title', 1],
      ['nulls', 0],
      ['relative', 0],
    ]);
    expect(result.stderr).toContain(
      'stdin:5: url "/news/water-points" is not an absolute URL; read without it',
    );
    expect(result.stderr).toContain('stdin:6: url: url must be a string');
    expect(result.status).toBe(1);
  });

  it('explains its usage when --jsonl is missing', () => {
    const result = run([]);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('usage: npm run --silent detect -- --jsonl FILE');
  });
});
