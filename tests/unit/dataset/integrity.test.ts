// @vitest-environment node
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  COMPILED_ACRONYMS,
  COMPILED_DATASET,
  COMPILED_NAMES,
  loadInputs,
  PROJECT_ROOT,
  serialize,
} from '@/lib/dataset/load';
import { MAX_EVIDENCE_WORDS } from '@/lib/dataset/schema';
import { realDataset, SEEDS_NOTICE, seeds } from './real';

const REFERENCE = resolve(PROJECT_ROOT, '../shared/reference/iom-facts.md');
/** Length of the runs of seed words that must not be copied into the project (the pre-stop check's size). */
const COPIED_RUN_WORDS = 12;

interface RawClaim {
  id: string;
  source: string;
  evidence?: string;
}

function rawClaims(): RawClaim[] {
  return loadInputs().claims.flatMap((f) => (f.data as { claims: RawClaim[] }).claims);
}

/** data/sources.json as written, with the fields the compiled dataset leaves out. */
function rawSources(): { id: string; url?: string; checked?: string }[] {
  return (loadInputs().sources.data as { sources: { id: string; url?: string; checked?: string }[] }).sources;
}

function seedFileOf(sourceId: string): string | undefined {
  return realDataset().sources.find((s) => s.id === sourceId)?.seed;
}

/** Every string value inside a parsed JSON document. */
function stringsIn(data: unknown): string[] {
  if (typeof data === 'string') return [data];
  if (Array.isArray(data)) return data.flatMap(stringsIn);
  if (data && typeof data === 'object') return Object.values(data).flatMap(stringsIn);
  return [];
}

function jsonFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? jsonFiles(join(dir, entry.name))
      : entry.name.endsWith('.json')
        ? [join(dir, entry.name)]
        : [],
  );
}

describe('dataset integrity', () => {
  it.skipIf(seeds === null)('finds every evidence phrase verbatim in its seed document', () => {
    const squash = (s: string) => s.replace(/\s+/g, ' ');
    const missing = rawClaims()
      .filter((c) => c.evidence !== undefined)
      .filter((c) => !squash(seeds?.get(seedFileOf(c.source) ?? '') ?? '').includes(squash(c.evidence ?? '')))
      .map((c) => c.id);
    expect(missing).toEqual([]);
  });

  it('keeps evidence phrases short and gives one to every claim from a seed', () => {
    for (const claim of rawClaims()) {
      const isSeed = seedFileOf(claim.source) !== undefined;
      expect(claim.evidence !== undefined, claim.id).toBe(isSeed);
      expect((claim.evidence ?? '').split(/\s+/).length, claim.id).toBeLessThanOrEqual(MAX_EVIDENCE_WORDS);
    }
  });

  it.skipIf(seeds === null)('cites every seed document, by its file name', () => {
    const cited = new Set(rawClaims().map((c) => seedFileOf(c.source)));
    expect([...(seeds?.keys() ?? [])].filter((file) => !cited.has(file))).toEqual([]);
  });

  it.skipIf(!existsSync(REFERENCE))(
    'takes every other source URL from the reference sheet, or says how it was checked',
    () => {
      const reference = readFileSync(REFERENCE, 'utf8');
      const unknown = rawSources()
        .filter((s) => s.url && !reference.includes(s.url) && !s.checked)
        .map((s) => s.id);
      expect(unknown).toEqual([]);
    },
  );

  it.skipIf(seeds === null)(`copies no run of ${COPIED_RUN_WORDS} seed words into the data files`, () => {
    const runs = new Set<string>();
    for (const text of seeds?.values() ?? []) {
      const words = text.split(/\s+/).filter(Boolean);
      for (let i = 0; i + COPIED_RUN_WORDS <= words.length; i++)
        runs.add(words.slice(i, i + COPIED_RUN_WORDS).join(' '));
    }
    const copied: string[] = [];
    for (const file of jsonFiles(join(PROJECT_ROOT, 'data'))) {
      for (const text of stringsIn(JSON.parse(readFileSync(file, 'utf8')))) {
        const words = text.split(/\s+/).filter(Boolean);
        for (let i = 0; i + COPIED_RUN_WORDS <= words.length; i++) {
          if (runs.has(words.slice(i, i + COPIED_RUN_WORDS).join(' '))) copied.push(`${file}: ${text}`);
        }
      }
    }
    expect(copied).toEqual([]);
  });

  it('has committed compiled files equal to a fresh compile (run npm run data:build after editing data/)', () => {
    const fresh = serialize(realDataset());
    expect(
      readFileSync(COMPILED_DATASET, 'utf8') === fresh.dataset,
      'data/compiled/dataset.json is stale',
    ).toBe(true);
    expect(readFileSync(COMPILED_NAMES, 'utf8')).toBe(fresh.names);
    expect(readFileSync(COMPILED_ACRONYMS, 'utf8')).toBe(fresh.acronyms);
  });

  it('gives the detector every name oldest first, with eras, acronyms and a continuous timeline', () => {
    const { names } = JSON.parse(readFileSync(COMPILED_NAMES, 'utf8')) as ReturnType<typeof realDataset>;
    expect(names.map((n) => [n.id, n.era, n.acronym])).toEqual([
      ['picmme', 'PICMME', 'PICMME'],
      ['icem', 'ICEM', 'ICEM'],
      ['icm', 'ICM', 'ICM'],
      ['iom', 'IOM', 'IOM'],
    ]);
    names.forEach((name, i) => {
      expect(name.to).toEqual(names[i + 1]?.from ?? null);
      expect(name.forms[0]).toEqual({ lang: 'en', name: name.name, acronym: name.acronym });
      expect(name.forms.map((f) => f.lang)).toEqual(expect.arrayContaining(['en', 'fr', 'es']));
    });
    const iom = names[3];
    expect(iom?.aliases.map((a) => a.name)).toEqual(['UN Migration Agency', 'UN Migration']);
    expect(iom?.forms.find((f) => f.lang === 'fr')).toEqual({
      lang: 'fr',
      name: 'Organisation internationale pour les migrations',
      acronym: 'OIM',
    });
  });

  it('never offers a rejected expansion of IOM as a name or variant', () => {
    const all = realDataset().names.flatMap((n) =>
      [...n.forms, ...n.variants, ...n.aliases].map((f) => f.name),
    );
    expect(all).not.toContain('International Organization for Health');
    expect(all).not.toContain('International Organization of the Republic of Korea');
  });

  it('gives every fact a display value, claims and a note when not simply agreed', () => {
    for (const fact of realDataset().facts) {
      expect(fact.display, fact.id).not.toBe('');
      expect(
        fact.claims.some((c) => c.verdict === 'supports'),
        fact.id,
      ).toBe(true);
      if (fact.status !== 'agreed') expect(fact.note, fact.id).toBeTruthy();
      for (const claim of fact.claims)
        if (claim.verdict === 'rejected') expect(claim.reason, claim.id).toBeTruthy();
    }
  });
});

if (seeds === null) console.warn(SEEDS_NOTICE);
