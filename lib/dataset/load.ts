/** Node-only: reads the data files and seed documents from disk (scripts and tests; never bundled). */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { candidateSource } from '../detect/candidate-source';
import { acronymsOf, type NamesTimeline } from '../detect/names';
import { DatasetBuildError } from './errors';
import type { DataFile, DatasetInputs, SeedTexts } from './validate';

/** Project root (this file lives in lib/dataset). */
export const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** Where the seed documents live when the shared material is checked out next to the project. */
export const SEEDS_DIR = resolve(PROJECT_ROOT, '../shared/seeds');
/** Compiled outputs. */
export const COMPILED_DATASET = join(PROJECT_ROOT, 'data/compiled/dataset.json');
/** The names timeline the detector bundles. */
export const COMPILED_NAMES = join(PROJECT_ROOT, 'data/compiled/names.json');
/** The acronyms alone: what the content script's pre-check needs on every page. */
export const COMPILED_ACRONYMS = join(PROJECT_ROOT, 'data/compiled/acronyms.json');

function readJson(root: string, path: string): DataFile {
  const file = relative(root, path);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new DatasetBuildError([{ file, id: '(file)', field: '(file)', message: 'file not found' }]);
  }
  try {
    return { file, data: JSON.parse(text) };
  } catch (error) {
    const message = `not valid JSON: ${(error as Error).message}`;
    throw new DatasetBuildError([{ file, id: '(file)', field: '(file)', message }]);
  }
}

/** Reads data/*.json and data/claims/*.json under a project root. */
export function loadInputs(root: string = PROJECT_ROOT): DatasetInputs {
  const data = join(root, 'data');
  const claimsDir = join(data, 'claims');
  const claimFiles = readdirSync(claimsDir)
    .filter((f) => f.endsWith('.json'))
    .sort();
  return {
    sources: readJson(root, join(data, 'sources.json')),
    subjects: readJson(root, join(data, 'subjects.json')),
    properties: readJson(root, join(data, 'properties.json')),
    names: readJson(root, join(data, 'names.json')),
    decisions: readJson(root, join(data, 'decisions.json')),
    claims: claimFiles.map((f) => readJson(root, join(claimsDir, f))),
    translations: readJson(root, join(data, 'translations.json')),
  };
}

/** Reads the seed documents by file name, or returns null when the directory is absent. */
export function loadSeeds(dir: string = SEEDS_DIR): SeedTexts {
  if (!existsSync(dir)) return null;
  const texts = new Map<string, string>();
  for (const name of readdirSync(dir).filter((f) => f.endsWith('.txt'))) {
    texts.set(name, readFileSync(join(dir, name), 'utf8'));
  }
  return texts;
}

/** data/compiled/acronyms.json: the acronyms, and the candidate pattern built from them and the stems. */
function compiledAcronyms(acronyms: string[]): string {
  return `${JSON.stringify({ acronyms, pattern: candidateSource(acronyms) }, null, 2)}\n`;
}

/** The compiled files' text exactly as data:build writes them. */
export function serialize(dataset: NamesTimeline): { dataset: string; names: string; acronyms: string } {
  return {
    dataset: `${JSON.stringify(dataset)}\n`,
    names: `${JSON.stringify({ names: dataset.names }, null, 2)}\n`,
    acronyms: compiledAcronyms(acronymsOf(dataset)),
  };
}
