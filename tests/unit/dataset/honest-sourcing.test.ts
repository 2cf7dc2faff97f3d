// @vitest-environment node
/** The build's rules for honest history: stated ends, approximate dates, projections, titles, one measure, translations. */
import { describe, expect, it } from 'vitest';
import { compileDataset } from '@/lib/dataset/compile';
import type { CompiledDataset, CompiledFact } from '@/lib/dataset/types';
import { type FixtureRecords, fixtureWith, issuesOf, SEEDS } from './fixtures';

type Rec = Record<string, unknown>;

function compiled(change: (r: FixtureRecords) => void): CompiledDataset {
  return compileDataset(fixtureWith(change), SEEDS).dataset;
}

function factOf(dataset: CompiledDataset, id: string): CompiledFact {
  const found = dataset.facts.find((f) => f.id === id);
  if (!found) throw new Error(`no fact ${id}`);
  return found;
}

/** Adds a tenure property of heads and claims about it. */
function withHeads(r: FixtureRecords, claims: Rec[]): void {
  r.properties.push({ id: 'head', label: 'Head', type: 'person', time: 'tenure', translated: true });
  r.moreClaims.push(...claims.map((c) => ({ subject: 'org', property: 'head', source: 'official', ...c })));
}

const ALICE = { person: 'Alice Smith', country: 'France' };
const BOB = { person: 'Bob Jones', country: 'France' };
const TRANSLATIONS: Rec[] = [
  { en: 'France', fr: 'France', es: 'Francia' },
  { en: 'Director', fr: 'Directeur', es: 'Director' },
  { en: 'Director', of: 'Alice Smith', fr: 'Directrice', es: 'Directora' },
];

describe('terms of office', () => {
  it('ends a term where a source says it ended, leaving the time until the successor unknown', () => {
    const dataset = compiled((r) => {
      r.translations = TRANSLATIONS;
      withHeads(r, [
        { id: 'h.alice', asOf: '1952', value: ALICE },
        { id: 'h.alice.death', asOf: '1954-12', until: '1954-12-12', value: ALICE },
        { id: 'h.bob', asOf: '1956-10', value: BOB },
      ]);
    });
    const [alice, bob] = factOf(dataset, 'org/head').history ?? [];
    expect(alice).toMatchObject({ asOf: { date: '1952' }, until: { date: '1954-12-12' } });
    expect(bob?.asOf.date).toBe('1956-10');
  });

  it('marks a start approximate when every claim dated at it only attests the person in office', () => {
    const history = (bobKnown: boolean) =>
      factOf(
        compiled((r) => {
          r.translations = TRANSLATIONS;
          withHeads(r, [
            { id: 'h.alice', asOf: '1952', value: ALICE },
            { id: 'h.bob', asOf: '1956-10', value: BOB, approximate: true },
            { id: 'h.bob.2', asOf: '1956-10', value: BOB, ...(bobKnown ? {} : { approximate: true }) },
          ]);
        }),
        'org/head',
      ).history ?? [];
    expect(history(false)[1]?.approximate).toBe(true);
    expect(history(true)[1]?.approximate).toBeUndefined();
  });

  it('gives each term the title its sources use, in French and Spanish with the holder’s own form', () => {
    const dataset = compiled((r) => {
      r.translations = TRANSLATIONS;
      withHeads(r, [
        { id: 'h.alice', asOf: '1952', value: ALICE, title: 'Director' },
        { id: 'h.bob', asOf: '1960', value: BOB, title: 'Director' },
      ]);
    });
    const [alice, bob] = factOf(dataset, 'org/head').history ?? [];
    expect(alice).toMatchObject({ title: 'Director', titleDisplays: { fr: 'Directrice', es: 'Directora' } });
    expect(bob).toMatchObject({ title: 'Director', titleDisplays: { fr: 'Directeur', es: 'Director' } });
    expect(bob?.displays).toEqual({ fr: 'Bob Jones (France)', es: 'Bob Jones (Francia)' });
  });

  it('refuses two titles for one term', () => {
    const inputs = fixtureWith((r) => {
      r.translations = TRANSLATIONS;
      withHeads(r, [
        { id: 'h.alice', asOf: '1952', value: ALICE, title: 'Director' },
        { id: 'h.alice.2', asOf: '1953', value: ALICE, title: 'Secretary' },
      ]);
    });
    const [issue] = issuesOf(inputs);
    expect(issue).toMatchObject({ id: 'org/head', field: 'title' });
    expect(issue?.message).toMatch(
      /h\.alice, h\.alice\.2 give one term different titles: Director vs Secretary/,
    );
  });

  it('refuses an end date before the start, and an end on a snapshot figure', () => {
    const inputs = fixtureWith((r) => {
      r.translations = TRANSLATIONS;
      withHeads(r, [{ id: 'h.bob', asOf: '1960', until: '1959', value: BOB }]);
      r.moreClaims.push({
        id: 'members.ended',
        subject: 'org',
        property: 'member-states',
        asOf: '2022',
        until: '2023',
        value: { number: 51 },
        source: 'wiki',
      });
    });
    const messages = issuesOf(inputs).map((i) => `${i.id} ${i.field}: ${i.message}`);
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^h\.bob until: the end date must come after/),
        expect.stringMatching(/^members\.ended until: an end date fits tenure properties/),
      ]),
    );
  });
});

describe('figures over time', () => {
  it('keeps one measure per history: a second measure fails the build, naming both claims', () => {
    const inputs = fixtureWith((r) => {
      r.moreClaims.push({
        id: 'members.measured',
        subject: 'org',
        property: 'member-states',
        asOf: '2022',
        value: { number: 51, measure: 'voting' },
        source: 'wiki',
      });
    });
    const [issue] = issuesOf(inputs);
    expect(issue).toMatchObject({ id: 'members.measured', field: 'value.measure' });
    expect(issue?.message).toMatch(/differs from .* of claim "members\.1960": one history holds one measure/);
  });

  it('rejects a lower bound the previous figure already meets instead of plotting it as a fall', () => {
    const dataset = compiled((r) => {
      r.moreClaims.push({
        id: 'members.boilerplate',
        subject: 'org',
        property: 'member-states',
        asOf: '2022',
        value: { number: 40, qualifier: 'over' },
        source: 'wiki',
      });
    });
    const members = factOf(dataset, 'org/member-states');
    expect(members.history?.map((h) => h.display)).toEqual(['12', '50']);
    const claim = members.claims.find((c) => c.id === 'members.boilerplate');
    expect(claim).toMatchObject({ verdict: 'rejected' });
    expect(claim?.reason).toMatch(/adds nothing.*"50"/);
  });

  it('turns a repeated figure into one point confirmed at the later date, dating today’s value by it', () => {
    const dataset = compiled((r) => {
      r.moreClaims.push({
        id: 'members.2023',
        subject: 'org',
        property: 'member-states',
        asOf: '2023',
        value: { number: 50 },
        source: 'official',
      });
    });
    const members = factOf(dataset, 'org/member-states');
    expect(members.history?.at(-1)).toMatchObject({ asOf: { date: '2021' }, confirmed: { date: '2023' } });
    expect(members.history).toHaveLength(2);
    expect(members.asOf?.date).toBe('2023');
  });

  it('marks a figure projected only when every claim giving it reports a projection', () => {
    const dataset = compiled((r) => {
      r.moreClaims.push({
        id: 'members.2025',
        subject: 'org',
        property: 'member-states',
        asOf: '2025',
        value: { number: 55 },
        source: 'official',
        projected: true,
      });
    });
    const members = factOf(dataset, 'org/member-states');
    expect(members).toMatchObject({ display: '55', projected: true });
    expect(members.history?.[0]?.projected).toBeUndefined();
  });

  it('refuses "projected" on anything but a figure and "approximate" without a date', () => {
    const inputs = fixtureWith((r) => {
      const founded = r.claims.find((c) => c.id === 'founded.official');
      if (founded) Object.assign(founded, { projected: true, approximate: true });
    });
    expect(
      issuesOf(inputs)
        .map((i) => i.field)
        .sort(),
    ).toEqual(['approximate', 'projected']);
  });
});

describe('reliability and translations', () => {
  it('marks a fact single-source when one family of tertiary or unreliable sources is all that supports it', () => {
    const dataset = compiled(() => {});
    // Supported by the seed alone (tier 4), then corroborated by an official source (tier 1).
    expect(factOf(dataset, 'org/member-states').reliability).toBe('single-source');
    expect(factOf(dataset, 'org/founded').reliability).toBeUndefined();
  });

  it('fails the build when a translated property has a phrase without French and Spanish', () => {
    const inputs = fixtureWith((r) => {
      r.translations = [{ en: 'Director', fr: 'Directeur', es: 'Director' }];
      withHeads(r, [{ id: 'h.alice', asOf: '1952', value: ALICE }]);
    });
    const [issue] = issuesOf(inputs);
    expect(issue).toMatchObject({ file: 'data/translations.json', id: 'org/head', field: 'displays' });
    expect(issue?.message).toMatch(/no French and Spanish for "France"/);
  });
});
