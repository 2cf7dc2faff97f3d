/** Plain-text reports of facts and names for people checking the data (npm run facts). */
import { formatDate } from './dates';
import { factHeadline } from './queries';
import type { CompiledDataset, CompiledFact, CompiledName } from './types';

const MARK = { supports: '+', superseded: '~', rejected: 'x' } as const;

/** A fact, its history and every claim with its verdict and source. */
export function describeFact(dataset: CompiledDataset, fact: CompiledFact): string {
  const sources = new Map(dataset.sources.map((s) => [s.id, s]));
  const subject = dataset.subjects.find((s) => s.id === fact.subject)?.label ?? fact.subject;
  const lines = [
    `${fact.label} — ${subject}  [${fact.id}]`,
    `  ${factHeadline(fact)}  (${[fact.status, ...marksOf(fact)].join(', ')})`,
  ];
  if (fact.note) lines.push(`  note: ${fact.note}`);
  for (const alt of fact.alternatives ?? [])
    lines.push(`  competing: ${alt.display} (${alt.claims.length} claims)`);
  if (fact.history && fact.history.length > 1) {
    lines.push('  history:');
    for (const entry of fact.history) {
      const since = fact.time === 'tenure' && !entry.until ? 'since ' : '';
      const about = entry.approximate ? 'about ' : '';
      const until = entry.until ? ` to ${formatDate(entry.until)}` : '';
      const title = entry.title ? `${entry.title} ` : '';
      const marks = [entry.status, ...marksOf(entry)].join(', ');
      lines.push(
        `    ${since}${about}${formatDate(entry.asOf)}${until}: ${title}${entry.display} (${marks})`,
      );
      if (entry.note) lines.push(`      note: ${entry.note}`);
    }
  }
  lines.push('  claims:');
  for (const claim of fact.claims) {
    const source = sources.get(claim.source);
    const asOf = claim.asOf ? ` as of ${formatDate(claim.asOf)}` : '';
    lines.push(`    ${MARK[claim.verdict]} ${claim.verdict}: ${claim.display}${asOf}  [${claim.id}]`);
    if (claim.reason) lines.push(`        why: ${claim.reason}`);
    if (claim.evidence) lines.push(`        evidence: "${claim.evidence}"`);
    if (claim.note) lines.push(`        note: ${claim.note}`);
    if (source) {
      const where = source.seed ?? source.url ?? '';
      lines.push(`        source: ${source.title} (tier ${source.tier}, ${source.kind}) ${where}`.trimEnd());
    }
  }
  return lines.join('\n');
}

/** A name of the organization with its dates, forms, variants and aliases. */
export function describeName(name: CompiledName): string {
  const from = name.from ? formatDate(name.from) : '?';
  const to = name.to ? formatDate(name.to) : 'today';
  const lines = [`${name.name} (${name.acronym}) — ${from} to ${to}  [name ${name.id}]`];
  for (const form of name.forms)
    lines.push(`  ${form.lang}: ${form.name}${form.acronym ? ` (${form.acronym})` : ''}`);
  for (const v of name.variants)
    lines.push(`  ${v.misnomer ? 'misnomer' : 'variant'} (${v.lang}): ${v.name} — ${v.note}`);
  for (const a of name.aliases) lines.push(`  alias (${a.lang}): ${a.name}, since ${formatDate(a.from)}`);
  lines.push(`  sources: ${name.sources.join(', ')}`);
  return lines.join('\n');
}

/** What the card marks about a value besides its status: a projection, a single weak source. */
function marksOf(item: { projected?: true; reliability?: 'single-source' }): string[] {
  return [
    ...(item.projected ? ['projected'] : []),
    ...(item.reliability ? ['single source, unverified'] : []),
  ];
}
