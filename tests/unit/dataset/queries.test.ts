// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { factHeadline, findFacts, findNames, nameAt, supportingSources } from '@/lib/dataset/queries';
import { describeFact, describeName } from '@/lib/dataset/report';
import { fact, realDataset } from './real';

describe('dataset queries', () => {
  it('finds facts by words of their label, in any case', () => {
    const ids = findFacts(realDataset(), ['Director', 'GENERAL']).map((f) => f.id);
    expect(ids).toContain('org/director-general');
    expect(findFacts(realDataset(), [])).toEqual([]);
  });

  it('finds names by any form, variant or acronym, accents ignored', () => {
    expect(findNames(realDataset(), ['CIME']).map((n) => n.id)).toEqual(['icem']);
    expect(findNames(realDataset(), ['organizacion', 'migraciones']).map((n) => n.id)).toEqual(['iom']);
    expect(findNames(realDataset(), ['on', 'European']).map((n) => n.id)).toEqual(['icem']);
  });

  it('tells which name was in use on a date', () => {
    const { names } = realDataset();
    expect(nameAt(names, '1950')).toBeNull();
    expect(nameAt(names, '1952-03')?.id).toBe('picmme');
    expect(nameAt(names, '1952-11-02')?.id).toBe('icem');
    expect(nameAt(names, '1985')?.id).toBe('icm');
    expect(nameAt(names, '1989-11-14')?.id).toBe('iom');
  });

  it('writes a fact as a card headline with its date', () => {
    expect(factHeadline(fact('org/member-states'))).toBe('175 (2024)');
    expect(factHeadline(fact('org/director-general'))).toBe(
      'Amy E. Pope (United States) (since 1 October 2023)',
    );
    expect(factHeadline(fact('org/headquarters'))).toBe('Geneva, Switzerland');
  });

  it('lists the sources supporting a fact, best tier first', () => {
    const tiers = supportingSources(realDataset(), fact('org/headquarters')).map((s) => s.tier);
    expect(tiers).toEqual([...tiers].sort());
    expect(tiers.length).toBeGreaterThan(2);
  });

  it('reports a fact with every claim, verdict, reason and source for people checking the data', () => {
    const text = describeFact(realDataset(), fact('iom/renamed'));
    expect(text).toContain('14 November 1989  (resolved)');
    expect(text).toContain('x rejected: May 1987');
    expect(text).toContain('evidence: "In May 1987, it officially changed its name"');
    expect(text).toContain('000_b9ccc78faef9f2c8.txt');
    const icem = realDataset().names.find((n) => n.id === 'icem');
    if (!icem) throw new Error('no icem name');
    expect(describeName(icem)).toContain('October 1952 to 1980');
  });
});
