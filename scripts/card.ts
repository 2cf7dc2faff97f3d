/**
 * npm run --silent card -- --json --mention SURFACE [--date YYYY[-MM[-DD]]] [--lang en|fr|es]
 * prints, as JSON on stdout, the model the hover card would render for that mention on a page of that
 * date (no date: the name's era for a former name, else today) in that language. The model comes from
 * the same factory as the UI's and the same compiled dataset the extension bundles (data/compiled).
 * Bad arguments: a message naming what is wrong on stderr, exit code 2.
 */
import './lib/closed-pipe';
import dataset from '../data/compiled/dataset.json';
import { cardForRequest, parseCardArgs } from '../lib/card/cli';
import type { CardDataset } from '../lib/card/model';

const parsed = parseCardArgs(process.argv.slice(2));
if (!parsed.ok) {
  console.error(`card: ${parsed.error}`);
  process.exit(2);
}
try {
  const model = cardForRequest(dataset as CardDataset, parsed.request);
  process.stdout.write(`${JSON.stringify(model, null, 2)}\n`);
} catch (error) {
  console.error(`card: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(2);
}
