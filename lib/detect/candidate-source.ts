import { MIGRATION_STEMS, stemVariants } from './stems';
import { escapeRegExp } from './text';

/**
 * The source of the candidate regular expression: the organization's acronyms (group 1, longest first) or
 * a migration stem in any of its case variants. data:build writes it to data/compiled/acronyms.json, so
 * the content script that every page runs carries the finished pattern and not the code that builds it.
 */
export function candidateSource(acronyms: readonly string[]): string {
  const stems = MIGRATION_STEMS.flatMap(stemVariants);
  return `(${acronyms.map(escapeRegExp).join('|')})|${stems.map(escapeRegExp).join('|')}`;
}
