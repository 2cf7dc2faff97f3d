/**
 * npm run data:build — validates data/ and writes data/compiled/dataset.json (everything, compact) and
 * data/compiled/names.json (the names timeline the detector bundles) and data/compiled/acronyms.json (the
 * acronyms the content script's pre-check looks for on every page). Exits 1 on invalid data.
 */
import { writeFileSync } from 'node:fs';
import { compileDataset } from '../lib/dataset/compile';
import { DatasetBuildError } from '../lib/dataset/errors';
import {
  COMPILED_ACRONYMS,
  COMPILED_DATASET,
  COMPILED_NAMES,
  loadInputs,
  loadSeeds,
  serialize,
} from '../lib/dataset/load';

try {
  const { dataset, notices } = compileDataset(loadInputs(), loadSeeds());
  for (const notice of notices) console.warn(notice);
  const text = serialize(dataset);
  writeFileSync(COMPILED_DATASET, text.dataset);
  writeFileSync(COMPILED_NAMES, text.names);
  writeFileSync(COMPILED_ACRONYMS, text.acronyms);
  const { stats } = dataset;
  console.log(
    `data:build: ${stats.sources} sources, ${stats.claims} claims, ${stats.facts} facts ` +
      `(${stats.status.agreed} agreed, ${stats.status.resolved} resolved, ${stats.status.disputed} disputed; ` +
      `history entries: ${stats.history.agreed} agreed, ${stats.history.resolved} resolved, ${stats.history.disputed} disputed); ` +
      `claims: ${stats.verdicts.supports} support, ${stats.verdicts.superseded} superseded, ${stats.verdicts.rejected} rejected. ` +
      `Wrote data/compiled/dataset.json (${text.dataset.length} bytes), data/compiled/names.json and data/compiled/acronyms.json.`,
  );
} catch (error) {
  if (!(error instanceof DatasetBuildError)) throw error;
  console.error(error.message);
  process.exitCode = 1;
}
