/**
 * npm run facts -- <words>   prints the facts and names matching every word, with their claims and sources.
 * npm run --silent facts -- --json   prints the whole compiled dataset as JSON on stdout and nothing else.
 * The dataset is compiled fresh from data/, so edits show up without a rebuild.
 */
import './lib/closed-pipe';
import { compileDataset } from '../lib/dataset/compile';
import { DatasetBuildError } from '../lib/dataset/errors';
import { loadInputs, loadSeeds } from '../lib/dataset/load';
import { findFacts, findNames } from '../lib/dataset/queries';
import { describeFact, describeName } from '../lib/dataset/report';

const args = process.argv.slice(2);
try {
  const { dataset, notices } = compileDataset(loadInputs(), loadSeeds());
  if (args.includes('--json')) {
    process.stdout.write(`${JSON.stringify(dataset)}\n`);
  } else if (args.length === 0) {
    console.log('Usage: npm run facts -- <words>   (e.g. director general, icem, member states)');
    console.log('       npm run --silent facts -- --json');
  } else {
    for (const notice of notices) console.warn(notice);
    const names = findNames(dataset, args);
    const facts = findFacts(dataset, args);
    for (const name of names) console.log(`${describeName(name)}\n`);
    for (const fact of facts) console.log(`${describeFact(dataset, fact)}\n`);
    console.log(`${names.length} names and ${facts.length} facts match "${args.join(' ')}".`);
  }
} catch (error) {
  if (!(error instanceof DatasetBuildError)) throw error;
  console.error(error.message);
  process.exitCode = 1;
}
