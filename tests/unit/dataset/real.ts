/** The project's real dataset, compiled once per test file from data/ (with the seeds when they are there). */
import { compileDataset } from '@/lib/dataset/compile';
import { loadInputs, loadSeeds, SEEDS_DIR } from '@/lib/dataset/load';
import type { CompiledDataset, CompiledFact } from '@/lib/dataset/types';

/** Seed documents, or null when ../shared is not checked out. */
export const seeds = loadSeeds();

/** Printed by tests that need the seeds when they are absent. */
export const SEEDS_NOTICE = `Notice: ${SEEDS_DIR} not found; skipping the checks that read the seed documents.`;

let compiled: CompiledDataset | undefined;

/** The compiled dataset of the project's data. */
export function realDataset(): CompiledDataset {
  compiled ??= compileDataset(loadInputs(), seeds).dataset;
  return compiled;
}

/** The fact with this id; throws when it is missing so tests fail with its name. */
export function fact(id: string): CompiledFact {
  const found = realDataset().facts.find((f) => f.id === id);
  if (!found) throw new Error(`no fact ${id} in the dataset`);
  return found;
}

/** Verdict and reason of one claim of a fact. */
export function verdictOf(factId: string, claimId: string): { verdict: string; reason?: string } {
  const claim = fact(factId).claims.find((c) => c.id === claimId);
  if (!claim) throw new Error(`no claim ${claimId} under ${factId}`);
  return { verdict: claim.verdict, ...(claim.reason ? { reason: claim.reason } : {}) };
}
