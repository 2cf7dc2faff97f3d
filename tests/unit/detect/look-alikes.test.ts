// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { detect } from '@/lib/detect';

/** The acronyms the detector accepts in a text. */
const accepted = (text: string) =>
  detect(text)
    .filter((m) => m.kind === 'acronym')
    .map((m) => m.surface);

describe('look-alikes: other meanings of the same letters are never reported', () => {
  it.each([
    // Isle of Man
    [
      'Isle of Man, defined',
      'Ferries to the Isle of Man (IOM) leave from Heysham; IOM sailings resume Monday.',
    ],
    ['Isle of Man, TT races', 'Motorcycle fans cross to the IOM every June for the TT races.'],
    ['Isle of Man, capital and postcode', 'Our office: 4 Athol Street, Douglas, IOM IM1 1LD.'],
    [
      'Isle of Man, written out elsewhere',
      'Living on the Isle of Man is quiet. IOM residents pay little income tax.',
    ],
    // Institute of Medicine
    [
      'Institute of Medicine, defined',
      'The Institute of Medicine (IOM) asked hospitals to cut medical errors.',
    ],
    [
      'Institute of Medicine, cues',
      'In its landmark report, the IOM urged hospitals to improve patient safety.',
    ],
    [
      'Institute of Medicine, written out',
      'The Institute of Medicine advises the nation. The IOM chose new members.',
    ],
    // Institute of Occupational Medicine
    [
      'Occupational Medicine, defined',
      'The Institute of Occupational Medicine (IOM) studies dust exposure at work.',
    ],
    [
      'Occupational Medicine, cues',
      'IOM researchers in Edinburgh measured coal dust and lung disease in miners.',
    ],
    // Intraoperative monitoring
    [
      'intraoperative monitoring, defined',
      'Intraoperative monitoring (IOM) lowers the risk of nerve damage.',
    ],
    ['intraoperative monitoring, cues', 'The surgeon relied on IOM during the spinal surgery.'],
    // ICM the pollster
    ['ICM poll', 'The latest ICM poll for the Guardian puts Labour six points ahead.'],
    ['ICM pollster, bare', 'ICM interviewed 2,000 voters by phone over the weekend.'],
    // International Confederation of Midwives
    [
      'midwives, defined',
      'The International Confederation of Midwives (ICM) speaks for midwifery associations.',
    ],
    ['midwives, cues', 'ICM standards set the education every midwife should receive.'],
    // International Congress of Mathematicians
    ['mathematicians, defined', 'The International Congress of Mathematicians (ICM) meets every four years.'],
    ['mathematicians, cues', 'The Fields Medal is presented at the opening of the ICM.'],
    // ICEM the trade-union federation
    ['union federation, cues', 'ICEM affiliates voted to merge with two other global unions.'],
    ['union federation, workers', 'The ICEM represented miners and chemical workers worldwide.'],
    [
      'union federation, written out',
      'The International Federation of Chemical, Energy, Mine and General Workers’ Unions (ICEM) met.',
    ],
    // ICEM CFD
    ['ICEM CFD', 'Mesh the geometry in ICEM CFD before exporting it to the solver.'],
    ['Ansys ICEM', 'Ansys ICEM builds hexa blocks for the refugee shelter airflow model.'],
    // Oracle Identity Manager
    ['Oracle Identity Manager, defined', 'Oracle Identity Manager (OIM) provisions user accounts.'],
    [
      'Oracle Identity Manager, cues',
      'Configure OIM to synchronise accounts with LDAP and Oracle Access Manager.',
    ],
    // Institut Convergences Migrations
    [
      'Institut Convergences Migrations, defined',
      "L'Institut Convergences Migrations (ICM) fédère des chercheurs.",
    ],
    ['Institut Convergences Migrations, bare', 'L’ICM organise un séminaire sur les migrations et l’exil.'],
    // and the like
    ['ischaemic cardiomyopathy', 'Patients with ischaemic cardiomyopathy (ICM) had more arrhythmias.'],
    ['talent agency', 'ICM Partners signed the singer last week.'],
    ['domain registry', 'ICM Registry runs the .xxx top-level domain.'],
    ['a company', 'IOM Ltd filed its accounts late.'],
    ['educational media', 'The International Council for Educational Media (ICEM) held its conference.'],
  ])('%s', (_label, text) => {
    expect(accepted(text)).toEqual([]);
  });

  it('never reports lower-case, mixed-case or longer tokens', () => {
    expect(detect('iom IoM Iom IOMMU ICMs ICMC IOMSPCo. iompost.com')).toEqual([]);
  });
});
