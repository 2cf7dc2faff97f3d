/**
 * Writes lib/detect/long-form-patterns.json: each long name's expression and heads, and how far a long
 * name reaches around a stem, read from the names data (see lib/detect/long-form-patterns.ts). Run it
 * after changing the names data, the connectors or how a name becomes an expression; a unit test says
 * when it is due.
 *
 *   npx tsx scripts/long-form-patterns.ts
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { longFormPatterns } from '@/lib/detect/long-form-patterns';
import { nameTable } from '@/lib/detect/names';

const target = fileURLToPath(new URL('../lib/detect/long-form-patterns.json', import.meta.url));
writeFileSync(target, `${JSON.stringify(longFormPatterns(nameTable().longNames))}\n`);
// Written as Biome formats it, so that `npx biome check .` stays clean.
execFileSync('npx', ['biome', 'format', '--write', target], { stdio: 'ignore' });
console.log(`wrote ${target}`);
