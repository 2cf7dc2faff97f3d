// @vitest-environment node
import { describe, expect, it } from 'vitest';
import compiledAcronyms from '@/data/compiled/acronyms.json';
import { hasCandidate } from '@/lib/detect';
import { CANDIDATE_SOURCE } from '@/lib/detect/candidate-pattern';
import { candidateSource } from '@/lib/detect/candidate-source';
import { scanCandidates } from '@/lib/detect/candidates';
import { nameTable } from '@/lib/detect/names';

const acronymsIn = (text: string) =>
  scanCandidates(text)?.acronyms.map((a) => text.slice(a.start, a.end)) ?? [];

describe('candidates', () => {
  it('finds acronyms with a non-word character or nothing on each side', () => {
    expect(acronymsIn('IOM said')).toEqual(['IOM']);
    expect(acronymsIn('the (IOM) office')).toEqual(['IOM']);
    expect(acronymsIn("IOM's staff and IOM’s partners")).toEqual(['IOM', 'IOM']);
    expect(acronymsIn('IOM-run shelters')).toEqual(['IOM']);
    expect(acronymsIn("dans l'OIM, à l’OIM")).toEqual(['OIM', 'OIM']);
    expect(acronymsIn('ICEM/ICM')).toEqual(['ICEM', 'ICM']);
  });

  it('ignores longer tokens that merely contain an acronym', () => {
    expect(acronymsIn('IOMMU ICMs IOMSPCo. ICMC BIOM PICMMEs CIMEX ICM2 IOM_API')).toEqual([]);
  });

  it('is case-sensitive: lower and mixed case never fire', () => {
    expect(acronymsIn('iom IoM Iom icm Icem oim')).toEqual([]);
    expect(hasCandidate('the iom and IoM of the ship')).toBe(false);
  });

  it('prefers the longer acronym at the same position', () => {
    expect(acronymsIn('le CIME et le CIM')).toEqual(['CIME', 'CIM']);
  });

  it('looks for every acronym of the names timeline, as compiled for the content script', () => {
    expect([...compiledAcronyms.acronyms].sort()).toEqual([...nameTable().acronyms.keys()].sort());
    for (const acronym of nameTable().acronyms.keys()) expect(hasCandidate(`x ${acronym} y`)).toBe(true);
    expect(CANDIDATE_SOURCE).toBe(candidateSource(compiledAcronyms.acronyms));
  });

  it('finds Cyrillic acronyms', () => {
    expect(acronymsIn('доклад МОМ')).toEqual(['МОМ']);
  });

  it('marks migration stems, in any of three cases, and the windows where long names can lie', () => {
    const text = `Migration, migraciones, MIGRAÇÕES, миграции, للهجرة, 移民${' '.repeat(500)}migrants`;
    const scan = scanCandidates(text);
    expect(scan?.acronyms).toEqual([]);
    expect(scan?.stems).toBe(7);
    expect(scan?.windows).toHaveLength(2);
    expect(scan?.windows[0]?.[0]).toBe(0);
    expect(scan?.windows[1]?.[1]).toBe(text.length);
  });

  it('answers the pre-check cheaply: no acronym and no stem means no mention possible', () => {
    expect(hasCandidate('A long text about water prices, schools and the weather in Ottawa.')).toBe(false);
    expect(hasCandidate('The agency IOM')).toBe(true);
    expect(hasCandidate('International Organization for Migration')).toBe(true);
    expect(scanCandidates('no candidates here')).toBeNull();
  });

  it('sees a migration stem that a line-end hyphen or a soft hyphen splits, and nothing in plain hyphens', () => {
    for (const text of [
      'Organization for Mi-\ngration',
      'Organização para as Migr\u00adações',
      'МИГ-\nРАЦИИ',
    ]) {
      expect(hasCandidate(text)).toBe(true);
      expect(scanCandidates(text)?.windows).toEqual([[0, text.length]]);
    }
    expect(hasCandidate('a well-known, mid-\nsized town; mi-gration')).toBe(false);
    expect(scanCandidates('a well-known, mid-\nsized town')).toBeNull();
  });

  it('keeps windows sorted and merged when broken and whole stems mix', () => {
    const gap = ' '.repeat(2000);
    const text = `Mi-\ngration${gap}Migration${gap}Mi\u00adgration and Migration`;
    const windows = scanCandidates(text)?.windows ?? [];
    expect(windows).toHaveLength(3);
    for (let i = 1; i < windows.length; i++)
      expect((windows[i] as [number, number])[0]).toBeGreaterThan((windows[i - 1] as [number, number])[1]);
    expect(scanCandidates(text)?.stems).toBe(4);
  });
});
