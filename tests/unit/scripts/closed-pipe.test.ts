// @vitest-environment node
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(__dirname, '../../..');

/** Starts a tool, reads its first chunk of output and closes the pipe, as `tool | head -1` does. */
function readFirstChunkAndClose(script: string, args: string[]) {
  return new Promise<{ code: number | null; stderr: string; first: string }>((done) => {
    const child = spawn(resolve(root, 'node_modules/.bin/tsx'), [script, ...args], { cwd: root });
    let stderr = '';
    let first = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.stdout.once('data', (chunk: Buffer) => {
      first = chunk.toString();
      child.stdout.destroy();
    });
    child.on('close', (code) => done({ code, stderr, first }));
  });
}

describe('command-line tools piped into a reader that stops early', { timeout: 60_000 }, () => {
  it('end quietly with status 0 instead of an EPIPE stack trace', async () => {
    // Many facts, printed line by line: the tool is still writing when the pipe closes.
    const result = await readFirstChunkAndClose('scripts/facts.ts', ['e']);
    expect(result.first).not.toBe('');
    expect(result.stderr).not.toMatch(/EPIPE/);
    expect(result.code).toBe(0);
  });
});
