// @vitest-environment node
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(__dirname, '../../..');
const run = (args: string[]) =>
  spawnSync(resolve(root, 'node_modules/.bin/tsx'), ['scripts/eval-mentions.ts', ...args], {
    cwd: root,
    encoding: 'utf8',
  });

/** Starts tsx in a child process: seconds on a loaded machine. */
const SPAWN_TIMEOUT_MS = 60_000;

/** A small corpus written for this test: two positives and a look-alike. */
function corpus(): string {
  const dir = mkdtempSync(join(tmpdir(), 'iom-eval-'));
  const file = join(dir, 'corpus.jsonl');
  const lines = [
    {
      id: 'a',
      category: 'positive',
      text: 'IOM said the migrants arrived by boat.',
      mentions: [{ start: 0, end: 3, is_iom: true, name: 'IOM' }],
    },
    {
      id: 'b',
      category: 'positive',
      text: "L'Organisation internationale pour les migrations aide les réfugiés.",
      mentions: [{ start: 2, end: 48, is_iom: true, name: 'full-IOM' }],
    },
    {
      id: 'c',
      category: 'hard-negative',
      text: 'Ferries to the Isle of Man (IOM) run daily from Heysham.',
      mentions: [{ start: 28, end: 31, is_iom: false, name: 'IOM' }],
    },
  ];
  writeFileSync(file, lines.map((l) => JSON.stringify(l)).join('\n'));
  return file;
}

describe('eval:mentions command line', { timeout: SPAWN_TIMEOUT_MS }, () => {
  it('keeps its overall and per-name table and adds per-language, per-kind, k-fold and own-set tables', () => {
    const result = run(['--corpus', corpus(), '--folds', '3']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const out = result.stdout;
    expect(out).toMatch(/^Mentions corpus: .*corpus\.jsonl \(3 passages\)/);
    expect(out).toMatch(/\noverall +1\.000 +1\.000 +1\.000 +2\/2 predicted correct, 2\/2 gold found\n/);
    expect(out).toMatch(/\nIOM +1\.000 +1\.000/);
    expect(out).toMatch(/\nPer language[^\n]*\n[^\n]*\nen +1\.000 +1\.000[^\n]*\nfr +1\.000 +1\.000/);
    expect(out).toMatch(/\nPer kind[^\n]*\n[^\n]*\nlong form +1\.000[^\n]*1\/1 gold found\nacronym +1\.000/);
    expect(out).toMatch(/\nk-fold check \(3 folds[^\n]*\n[^\n]*\nfold 1 [^\n]*\nfold 2 [^\n]*\nfold 3 /);
    expect(out).toMatch(/\nOwn sentence sets: tests\/fixtures\/detector \(\d+ passages\), per set\n/);
    expect(out).toMatch(/\nOwn sentence sets per language\n/);
  });

  it('names a bad --folds value', () => {
    const result = run(['--corpus', corpus(), '--folds', '1']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--folds must be an integer of at least 2, got 1');
  });
});
