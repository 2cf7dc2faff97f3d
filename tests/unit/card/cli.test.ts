// @vitest-environment node
import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import datasetJson from '@/data/compiled/dataset.json';
import { cardForRequest, parseCardArgs } from '@/lib/card/cli';
import { type CardDataset, createCardModel } from '@/lib/card/model';
import { PROJECT_ROOT } from '@/lib/dataset/load';

const dataset = datasetJson as unknown as CardDataset;
const TSX = join(PROJECT_ROOT, 'node_modules/.bin/tsx');
/** A fixed "today" so that the future-date check does not depend on the clock. */
const TODAY = new Date('2026-01-15T12:00:00Z');

/** Runs scripts/card.ts the way `npm run --silent card -- …` does. */
const run = (...args: string[]) =>
  spawnSync(TSX, ['scripts/card.ts', ...args], { cwd: PROJECT_ROOT, encoding: 'utf8' });

const error = (argv: string[]) => {
  const parsed = parseCardArgs(argv, TODAY);
  return parsed.ok ? null : parsed.error.split('\n')[0];
};

describe('the card command line', () => {
  it('prints, as JSON, the model the hover card renders for that mention, date and language', () => {
    const out = execFileSync(
      TSX,
      ['scripts/card.ts', '--json', '--mention', 'ICEM', '--date', '1975-06-12', '--lang', 'fr'],
      { cwd: PROJECT_ROOT, encoding: 'utf8' },
    );
    const printed = JSON.parse(out);
    const rendered = createCardModel(
      dataset,
      { surface: 'ICEM', nameId: 'icem', lang: 'fr' },
      { pageDate: { date: '1975-06-12', origin: 'given' } },
    );
    expect(printed).toEqual(JSON.parse(JSON.stringify(rendered)));
    expect(printed).toMatchObject({
      name: { acronym: 'CIME', name: 'Comité intergouvernemental pour les migrations européennes' },
      current: { acronym: 'OIM' },
      asOf: { date: '1975-06-12', origin: 'page' },
    });
    const head = printed.rows.find((r: { id: string }) => r.id === 'head');
    expect(head.then).toMatchObject({ value: 'John F. Thomas (États-Unis), Directeur', asOf: '1969' });
    expect(head.today).toMatchObject({ asOf: '2023-10-01' });
  });

  it('answers an undated former name for its era and an undated current name for today', () => {
    const request = (mention: string) => ({ mention, date: null, lang: 'en' as const });
    expect(cardForRequest(dataset, request('Intergovernmental Committee for Migration')).asOf).toMatchObject({
      origin: 'era',
      date: '1980',
    });
    const today = cardForRequest(dataset, request('IOM'));
    expect(today.asOf).toMatchObject({ origin: 'today', date: null });
    expect(today.rows.every((r) => r.then === undefined)).toBe(true);
  });

  it('reads its arguments: mention, optional date at any precision, optional language', () => {
    expect(parseCardArgs(['--json', '--mention', 'ICM'], TODAY)).toEqual({
      ok: true,
      request: { mention: 'ICM', date: null, lang: 'en' },
    });
    expect(parseCardArgs(['--lang', 'es', '--date', '2010-03', '--json', '--mention', 'OIM'], TODAY)).toEqual(
      {
        ok: true,
        request: { mention: 'OIM', date: '2010-03', lang: 'es' },
      },
    );
  });

  it('refuses bad input with a message naming what is wrong', () => {
    expect(error(['--mention', 'IOM'])).toMatch(/--json is required/);
    expect(error(['--json'])).toMatch(/--mention SURFACE is required/);
    expect(error(['--json', '--mention'])).toMatch(/--mention needs a value/);
    expect(error(['--json', '--mention', 'IOM', '--verbose'])).toMatch(/unknown argument "--verbose"/);
    expect(error(['--json', '--mention', 'IOM', '--mention', 'ICM'])).toMatch(/--mention is given twice/);
    expect(error(['--json', '--mention', 'IOM', '--date', '12/06/1975'])).toMatch(
      /--date "12\/06\/1975" is not a calendar date/,
    );
    expect(error(['--json', '--mention', 'IOM', '--date', '1975-02-30'])).toMatch(/--date "1975-02-30"/);
    expect(error(['--json', '--mention', 'IOM', '--date', '1850'])).toMatch(/--date "1850" is before 1900/);
    expect(error(['--json', '--mention', 'IOM', '--date', '2030'])).toMatch(/--date "2030" is in the future/);
    expect(error(['--json', '--mention', 'IOM', '--lang', 'de'])).toMatch(
      /--lang "de" is not one of en, fr, es/,
    );
    expect(() => cardForRequest(dataset, { mention: 'Isle of Man', date: null, lang: 'en' })).toThrow(
      /--mention "Isle of Man" is not a name of the organization/,
    );
  });

  it('exits with code 2 and the usage on stderr, printing nothing on stdout, for bad input', () => {
    const bad = run('--json', '--mention', 'IOM', '--date', 'yesterday');
    expect(bad.status).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toMatch(/^card: --date "yesterday" is not a calendar date/);
    expect(bad.stderr).toContain('usage: npm run --silent card -- --json --mention SURFACE');
    const unknown = run('--json', '--mention', 'WHO');
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/card: --mention "WHO" is not a name of the organization/);
  });
});
