/**
 * Writes lib/detect/cue-heads.json: the cue scanner's finders and its sources' heads, read from the cue
 * lexicon and the names' acronyms (see lib/detect/cue-heads.ts). Run it after changing either; a unit
 * test says when it is due.
 *
 *   npx tsx scripts/cue-heads.ts
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { cueHeads } from '@/lib/detect/cue-heads';

const target = fileURLToPath(new URL('../lib/detect/cue-heads.json', import.meta.url));
writeFileSync(target, `${JSON.stringify(cueHeads())}\n`);
// Written as Biome formats it, so that `npx biome check .` stays clean.
execFileSync('npx', ['biome', 'format', '--write', target], { stdio: 'ignore' });
console.log(`wrote ${target}`);
