/**
 * `npm run data:check` (and `prebuild`, so `npm run build` runs it first): checks the dataset without
 * writing anything, and fails the build when the data does not validate. It checks that
 * - data/ compiles (the same validation `npm run data:build` runs), and
 * - data/compiled/dataset.json, the file the extension bundles, is well formed and sources every fact:
 *   every fact, dated value, competing value, name and timeline event rests on at least one claim of a
 *   source the dataset lists.
 * A compiled file older than data/ only gets a warning: it is still a valid dataset to ship, and the
 * unit tests fail on it (tests/unit/dataset/integrity.test.ts).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as v from 'valibot';
import { compileDataset } from '../lib/dataset/compile';
import { DatasetBuildError } from '../lib/dataset/errors';
import { loadInputs, loadSeeds, PROJECT_ROOT, serialize } from '../lib/dataset/load';
import type { CompiledDataset } from '../lib/dataset/types';

/** What the check found. */
export interface DataCheckResult {
  /** Problems that fail the build, one sentence each, naming the file and the record. */
  problems: string[];
  /** Things to fix that do not fail the build. */
  warnings: string[];
}

const DateValueSchema = v.object({ date: v.string(), precision: v.picklist(['year', 'month', 'day']) });
const ValueSchema = v.looseObject({ type: v.string() });
const AlternativeSchema = v.object({ value: ValueSchema, display: v.string(), claims: v.array(v.string()) });

/** The compiled dataset's shape, as far as the extension relies on it. */
const CompiledSchema = v.object({
  version: v.literal(1),
  stats: v.looseObject({}),
  sources: v.array(
    v.looseObject({
      id: v.pipe(v.string(), v.minLength(1)),
      title: v.pipe(v.string(), v.minLength(1)),
      kind: v.string(),
      tier: v.picklist([1, 2, 3, 4]),
      url: v.optional(v.pipe(v.string(), v.url())),
    }),
  ),
  names: v.array(
    v.looseObject({
      id: v.string(),
      era: v.string(),
      acronym: v.string(),
      name: v.string(),
      from: v.nullable(DateValueSchema),
      to: v.nullable(DateValueSchema),
      forms: v.array(v.looseObject({ lang: v.string(), name: v.string() })),
      aliases: v.array(v.looseObject({ name: v.string(), sources: v.array(v.string()) })),
      sources: v.array(v.string()),
    }),
  ),
  subjects: v.array(v.looseObject({ id: v.string(), kind: v.string(), label: v.string() })),
  facts: v.array(
    v.looseObject({
      id: v.string(),
      subject: v.string(),
      property: v.string(),
      label: v.string(),
      value: ValueSchema,
      display: v.string(),
      asOf: v.optional(DateValueSchema),
      status: v.picklist(['agreed', 'resolved', 'disputed']),
      alternatives: v.optional(v.array(AlternativeSchema)),
      history: v.optional(
        v.array(
          v.looseObject({
            display: v.string(),
            asOf: DateValueSchema,
            status: v.picklist(['agreed', 'resolved', 'disputed']),
            alternatives: v.optional(v.array(AlternativeSchema)),
            claims: v.array(v.string()),
          }),
        ),
      ),
      claims: v.array(
        v.looseObject({
          id: v.string(),
          source: v.string(),
          verdict: v.picklist(['supports', 'superseded', 'rejected']),
          display: v.string(),
        }),
      ),
    }),
  ),
  timeline: v.array(
    v.looseObject({ date: DateValueSchema, label: v.string(), subject: v.string(), fact: v.string() }),
  ),
});

/**
 * Checks a compiled dataset (parsed JSON) and returns its problems: the shape the extension relies on,
 * and that everything it can show rests on a source it lists.
 */
export function checkCompiledDataset(data: unknown, file = 'data/compiled/dataset.json'): string[] {
  const parsed = v.safeParse(CompiledSchema, data);
  if (!parsed.success) {
    return parsed.issues
      .slice(0, 20)
      .map((issue) => `${file}: ${v.getDotPath(issue) ?? '(top level)'}: ${issue.message}`);
  }
  const dataset = data as CompiledDataset;
  const problems: string[] = [];
  const sources = new Set(dataset.sources.map((s) => s.id));
  for (const fact of dataset.facts) {
    const where = `${file}: fact "${fact.id}"`;
    const claims = new Map(fact.claims.map((c) => [c.id, c]));
    for (const claim of fact.claims) {
      if (!sources.has(claim.source))
        problems.push(`${where}: claim "${claim.id}" cites unknown source "${claim.source}"`);
    }
    if (!fact.claims.some((c) => c.verdict === 'supports' && sources.has(c.source))) {
      problems.push(
        `${where}: no claim of a listed source supports it ("${fact.display}" would show without a source)`,
      );
    }
    const backed = (ids: readonly string[]) =>
      ids.some((id) => claims.has(id) && sources.has(claims.get(id)?.source ?? ''));
    for (const alternative of fact.alternatives ?? []) {
      if (!backed(alternative.claims))
        problems.push(`${where}: competing value "${alternative.display}" has no sourced claim`);
    }
    for (const entry of fact.history ?? []) {
      if (!backed(entry.claims)) {
        problems.push(`${where}: dated value "${entry.display}" (${entry.asOf.date}) has no sourced claim`);
      }
      for (const alternative of entry.alternatives ?? []) {
        if (!backed(alternative.claims))
          problems.push(`${where}: competing value "${alternative.display}" has no sourced claim`);
      }
    }
  }
  const facts = new Set(dataset.facts.map((f) => f.id));
  for (const name of dataset.names) {
    if (!name.sources.some((id) => sources.has(id)))
      problems.push(`${file}: name "${name.id}" has no listed source`);
    for (const alias of name.aliases) {
      if (!alias.sources.some((id) => sources.has(id))) {
        problems.push(`${file}: alias "${alias.name}" of "${name.id}" has no listed source`);
      }
    }
  }
  for (const event of dataset.timeline) {
    if (!facts.has(event.fact))
      problems.push(`${file}: timeline event "${event.label}" points to unknown fact "${event.fact}"`);
  }
  return problems;
}

/** Runs every check on the project at `root` (default: this project); writes nothing. */
export function checkData(root: string = PROJECT_ROOT): DataCheckResult {
  const problems: string[] = [];
  const warnings: string[] = [];
  const compiledPath = join(root, 'data/compiled/dataset.json');
  const file = relative(root, compiledPath);
  let fresh: ReturnType<typeof serialize> | null = null;
  try {
    fresh = serialize(compileDataset(loadInputs(root), loadSeeds()).dataset);
  } catch (error) {
    if (!(error instanceof DatasetBuildError)) throw error;
    problems.push(...error.message.split('\n'));
  }
  let text: string | null = null;
  try {
    text = readFileSync(compiledPath, 'utf8');
  } catch {
    problems.push(`${file}: missing (run npm run data:build)`);
  }
  if (text !== null) {
    let data: unknown;
    try {
      data = JSON.parse(text);
      problems.push(...checkCompiledDataset(data, file));
    } catch (error) {
      problems.push(`${file}: not valid JSON (${(error as Error).message})`);
    }
    if (fresh && fresh.dataset !== text) {
      warnings.push(`${file} is older than data/: run npm run data:build to compile it again.`);
    }
  }
  // The smaller files cut from it: the detector's names and the pre-check's acronyms.
  for (const [name, freshText] of [
    ['names', fresh?.names],
    ['acronyms', fresh?.acronyms],
  ] as const) {
    const path = join(root, `data/compiled/${name}.json`);
    const current = existsSync(path) ? readFileSync(path, 'utf8') : null;
    if (current === null) problems.push(`${relative(root, path)}: missing (run npm run data:build)`);
    else if (freshText !== undefined && current !== freshText) {
      warnings.push(
        `${relative(root, path)} is older than data/: run npm run data:build to compile it again.`,
      );
    }
  }
  return { problems, warnings };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  // `--root DIR` checks another copy of the project (the tests use it on broken copies).
  const at = process.argv.indexOf('--root');
  const { problems, warnings } = checkData(at >= 0 ? process.argv[at + 1] : undefined);
  for (const warning of warnings) console.warn(`data:check: warning: ${warning}`);
  if (problems.length > 0) {
    console.error(
      `data:check: the dataset does not validate; not building.\n${problems.map((p) => `  ${p}`).join('\n')}`,
    );
    process.exitCode = 1;
  } else {
    console.log('data:check: the dataset validates; every fact has a source.');
  }
}
