// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { analyzeBlock } from '@/lib/detect';
import { matchInitials } from '@/lib/detect/initials';

/** The definition read around each acronym of a text. */
const definitions = (text: string) =>
  analyzeBlock(text).acronyms.map((a) => a.definition && [a.definition.meaning, a.definition.expansion]);

describe('initials check', () => {
  it.each([
    ['IOM', 'flights to the Isle of Man', 'Isle of Man'],
    ['IOM', 'during surgery, intraoperative monitoring', 'intraoperative monitoring'],
    ['ICM', 'patients with ischemic cardiomyopathy', 'ischemic cardiomyopathy'],
    ['OIM', 'Oracle Identity Manager', 'Oracle Identity Manager'],
    ['ICEM', 'the International Council of Educational Media', 'International Council of Educational Media'],
  ])('fits %s to "%s"', (acronym, candidate, expansion) => {
    expect(matchInitials(acronym, candidate)).toBe(expansion);
  });

  it.each([
    ['ICEM', 'Gibson'],
    ['IOM', '2019'],
    ['IOM', 'said the agency'],
    ['ICM', 'Iomega'],
  ])('does not fit %s to "%s"', (acronym, candidate) => {
    expect(matchInitials(acronym, candidate)).toBeNull();
  });
});

describe('definitions', () => {
  it('reads "Long Form (ACR)" with the organization’s long name as its own', () => {
    expect(definitions('the International Organization for Migration (IOM) said')).toEqual([
      ['own', 'International Organization for Migration'],
    ]);
    expect(definitions('the International Organization for Migration\n( IOM ) said')).toEqual([
      ['own', 'International Organization for Migration'],
    ]);
  });

  it('reads "ACR (Long Form)" both ways', () => {
    expect(definitions('OIM (Organisation internationale pour les migrations) a publié')).toEqual([
      ['own', 'Organisation internationale pour les migrations'],
    ]);
    expect(definitions('IOM (Isle of Man) ferries')).toEqual([['foreign', 'Isle of Man']]);
  });

  it('reads known look-alikes and expansions whose initials fit as foreign', () => {
    expect(definitions('The Institute of Occupational Medicine (IOM) in Edinburgh')).toEqual([
      ['foreign', 'The Institute of Occupational Medicine'],
    ]);
    expect(definitions('Oracle Identity Manager (OIM) provisions accounts')).toEqual([
      ['foreign', 'Oracle Identity Manager'],
    ]);
    expect(definitions('implantable cardiac monitoring (ICM) detects')).toEqual([
      ['foreign', 'implantable cardiac monitoring'],
    ]);
  });

  it('takes a garbled form of the organization’s name as its own, not as a foreign meaning', () => {
    expect(definitions('the International Organisation of Migration (IOM) said')).toEqual([
      ['own', 'International Organisation of Migration'],
    ]);
  });

  it('ignores brackets that are not definitions', () => {
    expect(definitions('the Director of ICEM (Gibson) approved')).toEqual([undefined]);
    expect(definitions('figures from the agency (IOM) show')).toEqual([undefined]);
    expect(definitions('IOM (2019) reported')).toEqual([undefined]);
    expect(definitions(`IOM (${'a '.repeat(100)}`)).toEqual([undefined]);
  });
});
