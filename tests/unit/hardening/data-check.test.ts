// @vitest-environment node
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CompiledDataset } from '@/lib/dataset/types';
import { checkCompiledDataset, checkData } from '@/scripts/data-check';

const ROOT = join(import.meta.dirname, '../../..');
const real = (): CompiledDataset =>
  JSON.parse(readFileSync(join(ROOT, 'data/compiled/dataset.json'), 'utf8'));

/** A copy of the project's data/ in a temporary directory, for breaking. */
function copyOfData(): string {
  const dir = mkdtempSync(join(tmpdir(), 'iom-lens-data-'));
  cpSync(join(ROOT, 'data'), join(dir, 'data'), { recursive: true });
  return dir;
}

const copies: string[] = [];
afterEach(() => {
  for (const dir of copies.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('checkCompiledDataset', () => {
  it('passes the committed dataset', () => {
    expect(checkCompiledDataset(real())).toEqual([]);
  });

  it('refuses a fact that no claim of a listed source supports', () => {
    const dataset = real();
    const fact = dataset.facts.find((f) => f.id === 'org/headquarters');
    if (!fact) throw new Error('the dataset has no org/headquarters fact');
    fact.claims = fact.claims.map((c) =>
      c.verdict === 'supports' ? { ...c, verdict: 'rejected' as const } : c,
    );
    expect(checkCompiledDataset(dataset)).toContainEqual(
      expect.stringMatching(/fact "org\/headquarters": no claim of a listed source supports it/),
    );
  });

  it('refuses a claim citing a source the dataset does not list', () => {
    const dataset = real();
    const claim = dataset.facts[0]?.claims[0];
    if (!claim) throw new Error('the dataset has no claims');
    claim.source = 'nowhere';
    expect(checkCompiledDataset(dataset)).toContainEqual(
      expect.stringMatching(/cites unknown source "nowhere"/),
    );
  });

  it('refuses a dated value and a competing value without a sourced claim', () => {
    const dataset = real();
    const dated = dataset.facts.find((f) => f.history && f.history.length > 1);
    const [first, second] = dated?.history ?? [];
    if (!first || !second) throw new Error('fixture facts missing');
    first.claims = [];
    // The real data may have no dispute left: a competing value citing no claim is made up here.
    second.alternatives = [{ value: second.value, display: second.display, claims: ['no-such-claim'] }];
    const problems = checkCompiledDataset(dataset);
    expect(problems).toContainEqual(expect.stringMatching(/dated value .* has no sourced claim/));
    expect(problems).toContainEqual(expect.stringMatching(/competing value .* has no sourced claim/));
  });

  it('refuses a name without a source and a malformed file, naming where', () => {
    const dataset = real();
    (dataset.names[0] as { sources: string[] }).sources = [];
    expect(checkCompiledDataset(dataset)).toContainEqual(
      expect.stringMatching(/name "picmme" has no listed source/),
    );
    expect(checkCompiledDataset({ ...real(), facts: 'none' })).toEqual([
      'data/compiled/dataset.json: facts: Invalid type: Expected Array but received "none"',
    ]);
  });
});

describe('checkData', () => {
  it('finds nothing wrong with the project', () => {
    expect(checkData(ROOT).problems).toEqual([]);
  });

  it('reports invalid data/ inputs with the record that is wrong', () => {
    const dir = copyOfData();
    copies.push(dir);
    const sources = JSON.parse(readFileSync(join(dir, 'data/sources.json'), 'utf8'));
    const list = Array.isArray(sources) ? sources : sources.sources;
    list[0].tier = 9;
    writeFileSync(join(dir, 'data/sources.json'), JSON.stringify(sources));
    const { problems } = checkData(dir);
    expect(problems[0]).toMatch(/^The dataset does not validate/);
    expect(problems.join('\n')).toMatch(/data\/sources\.json: record "[^"]+", field "tier"/);
  });

  it('warns, without failing, when the compiled file is older than data/', () => {
    const dir = copyOfData();
    copies.push(dir);
    const file = join(dir, 'data/compiled/dataset.json');
    writeFileSync(file, JSON.stringify(JSON.parse(readFileSync(file, 'utf8'))));
    expect(checkData(dir)).toEqual({
      problems: [],
      warnings: [
        'data/compiled/dataset.json is older than data/: run npm run data:build to compile it again.',
      ],
    });
  });
});

describe('npm run build', () => {
  it('runs the data check first (prebuild), so a broken compiled dataset fails the build', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    expect(pkg.scripts.prebuild).toBe('npm run --silent data:check');
    expect(pkg.scripts.prezip).toBe('npm run --silent data:check');
    expect(pkg.scripts['data:check']).toBe('tsx scripts/data-check.ts');
    const dir = copyOfData();
    copies.push(dir);
    const file = join(dir, 'data/compiled/dataset.json');
    const broken = JSON.parse(readFileSync(file, 'utf8')) as CompiledDataset;
    for (const fact of broken.facts) fact.claims = fact.claims.filter((c) => c.verdict !== 'supports');
    writeFileSync(file, JSON.stringify(broken));
    const run = spawnSync(join(ROOT, 'node_modules/.bin/tsx'), ['scripts/data-check.ts', '--root', dir], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/data:check: the dataset does not validate; not building\./);
    expect(run.stderr).toMatch(/fact "org\/founded": no claim of a listed source supports it/);
  });
});
