// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { fact, realDataset, verdictOf } from './real';

const dateOf = (id: string) => {
  const value = fact(id).value;
  return value.type === 'date' ? value.date : undefined;
};
const nameOf = (id: string) => realDataset().names.find((n) => n.id === id);

describe('known conflicts in the compiled dataset', () => {
  it('gives PICMME (1951) as the first name, not ICEM', () => {
    const first = fact('org/first-name');
    expect(first.value).toMatchObject({ acronym: 'PICMME' });
    expect(first.status).toBe('resolved');
    expect(first.note).toMatch(/Editorial decision/);
    expect(verdictOf('org/first-name', 'first-name.s000').verdict).toBe('rejected');
    expect(verdictOf('org/first-name', 'first-name.s002-icem').reason).toMatch(/PICMME/);
    expect(realDataset().names[0]).toMatchObject({ id: 'picmme', from: { date: '1951-12-05' } });
  });

  it('renames PICMME to ICEM in (October) 1952, rejecting the 1951 and 1953 dates', () => {
    expect(dateOf('icem/renamed')).toBe('1952-10');
    expect(fact('icem/renamed').status).toBe('resolved');
    expect(verdictOf('icem/renamed', 'icem.renamed.s001').verdict).toBe('supports');
    for (const id of ['icem.renamed.s000', 'icem.renamed.s002-1951', 'icem.renamed.huygens']) {
      expect(verdictOf('icem/renamed', id).verdict).toBe('rejected');
    }
    expect(nameOf('picmme')?.to).toEqual({ date: '1952-10', precision: 'month' });
  });

  it('renames ICEM to ICM in 1980', () => {
    expect(dateOf('icm/renamed')).toBe('1980');
    expect(fact('icm/renamed').status).toBe('agreed');
    expect(nameOf('icem')?.to).toEqual({ date: '1980', precision: 'year' });
  });

  it('renames ICM to IOM on 14 November 1989 and shows the 1987 adoption as its own date', () => {
    expect(dateOf('iom/renamed')).toBe('1989-11-14');
    expect(fact('iom/renamed').note).toMatch(/20 May 1987.*14 November 1989/);
    const may1987 = verdictOf('iom/renamed', 'iom.renamed.s000-became');
    expect(may1987.verdict).toBe('rejected');
    expect(may1987.reason).toMatch(/adopted, not when the name took effect/);
    expect(dateOf('iom/amendment-adopted')).toBe('1987-05-20');
    expect(verdictOf('iom/amendment-adopted', 'iom.amendment-adopted.s000').verdict).toBe('supports');
    const events = realDataset().timeline.map((e) => `${e.date.date} ${e.fact}`);
    expect(events).toContain('1987-05-20 iom/amendment-adopted');
    expect(events).toContain('1989-11-14 iom/renamed');
    expect(nameOf('icm')?.to).toEqual({ date: '1989-11-14', precision: 'day' });
  });

  it('makes IOM a related organization of the UN since 19 September 2016, not 1956', () => {
    expect(dateOf('org/un-related-since')).toBe('2016-09-19');
    expect(fact('org/un-related-since').status).toBe('resolved');
    const y1956 = verdictOf('org/un-related-since', 'un-related-since.s003');
    expect(y1956.verdict).toBe('rejected');
    expect(y1956.reason).toMatch(/1956/);
    expect(verdictOf('org/un-related-since', 'un-related-since.s000').verdict).toBe('supports');
  });

  it('calls it a related organization, not a "contact organization"', () => {
    expect(fact('org/un-relationship').display).toBe('related organization of the United Nations');
    const contact = verdictOf('org/un-relationship', 'un-relationship.s000');
    expect(contact.verdict).toBe('rejected');
    expect(contact.reason).toMatch(/related organization/);
  });

  it('writes "for", not "on", in the names of ICEM and ICM, keeping the "on" forms as detectable variants', () => {
    expect(fact('icem/name-en').display).toBe('Intergovernmental Committee for European Migration (ICEM)');
    expect(fact('icm/name-en').display).toBe('Intergovernmental Committee for Migration (ICM)');
    for (const [factId, claimId] of [
      ['icem/name-en', 'icem.name-en.s000-on'],
      ['icm/name-en', 'icm.name-en.s000-on-1'],
      ['icm/name-en', 'icm.name-en.s000-on-2'],
    ] as const) {
      expect(verdictOf(factId, claimId)).toMatchObject({
        verdict: 'rejected',
        reason: expect.stringMatching(/'on' for 'for'/),
      });
    }
    expect(nameOf('icem')?.variants.map((v) => v.name)).toContain(
      'Intergovernmental Committee on European Migration',
    );
    expect(nameOf('icm')?.variants.map((v) => v.name)).toContain('Intergovernmental Committee on Migration');
  });

  it('rejects the garbled expansions of IOM with a reason each', () => {
    for (const id of ['iom.name-en.s000-health', 'iom.name-en.s000-korea', 'iom.name-en.s000-migrants']) {
      expect(verdictOf('iom/name-en', id)).toMatchObject({ verdict: 'rejected', reason: expect.any(String) });
    }
    expect(verdictOf('iom/name-en', 'iom.name-en.s000-health').reason).toMatch(/Institute of Medicine/);
  });

  it('dates the founding 5 December 1951 and keeps 6 December as the first session', () => {
    expect(dateOf('org/founded')).toBe('1951-12-05');
    expect(verdictOf('org/founded', 'founded.wikipedia').verdict).toBe('rejected');
    expect(dateOf('picmme/first-session')).toBe('1951-12-06');
  });

  it('settles the 2021 membership for the 174 + 8 of IOM sources over the 173 + 9 of an encyclopedia', () => {
    const entry = fact('org/member-states').history?.find((h) => h.asOf.date === '2021');
    expect(entry).toMatchObject({ display: '174', status: 'resolved' });
    expect(verdictOf('org/member-states', 'member-states.2021.s002-nine').reason).toMatch(/tier-1/);
    // Eight observer states from June 2016, still eight in 2021 and 2024: one point, confirmed later.
    const observers = fact('org/observer-states')
      .history?.filter((h) => h.asOf.date <= '2021')
      .at(-1);
    expect(observers).toMatchObject({
      display: '8',
      asOf: { date: '2016-06-30' },
      confirmed: { date: '2024' },
    });
  });

  it('keeps the 2013 expenditure and the budget Wikipedia gives as two measures, not a conflict', () => {
    const spent = fact('org/expenditure').history?.find((h) => h.asOf.date === '2013');
    expect(spent).toMatchObject({ display: 'US$1.3 billion (expenditure)', status: 'agreed' });
    const budget = fact('org/budget').history?.find((h) => h.asOf.date === '2013');
    expect(budget).toMatchObject({ display: 'US$1.675 billion', status: 'agreed' });
  });
});

describe('facts that change over time', () => {
  it('shows the latest membership with its date and keeps the history', () => {
    const members = fact('org/member-states');
    expect(members).toMatchObject({ display: '175', asOf: { date: '2024' }, time: 'snapshot' });
    expect(members.history?.[0]).toMatchObject({ asOf: { date: '1951-12' }, display: '15' });
    expect(members.history?.at(-1)).toMatchObject({ asOf: { date: '2023' }, confirmed: { date: '2024' } });
    expect(verdictOf('org/member-states', 'member-states.2014.s001-body').verdict).toBe('superseded');
  });

  it('lists every head with a term, the current one since 1 October 2023', () => {
    const head = fact('org/director-general');
    expect(head).toMatchObject({
      display: 'Amy E. Pope (United States)',
      asOf: { date: '2023-10-01' },
      time: 'tenure',
    });
    expect(head.history?.map((h) => h.display.replace(/ \(.*/, ''))).toEqual([
      'Hugh Gibson',
      'Harold H. Tittmann Jr.',
      'Marcus Daly',
      'Bastiaan W. Haveman',
      'John F. Thomas',
      'James L. Carlin',
      'James N. Purcell Jr.',
      'Brunson McKinley',
      'William Lacy Swing',
      'António Vitorino',
      'Amy E. Pope',
    ]);
    expect(head.history?.find((h) => h.display.startsWith('António'))).toMatchObject({
      asOf: { date: '2018-10-01' },
      until: { date: '2023-10-01' },
    });
    expect(verdictOf('org/director-general', 'director-general.vitorino.s002').verdict).toBe('superseded');
  });

  it('rejects undated figures of things that change over time', () => {
    expect(verdictOf('org/offices', 'offices.undated.s000').reason).toMatch(/undated/);
    expect(verdictOf('org/countries', 'countries.undated.s003').reason).toMatch(/undated/);
  });

  it('does not call two dates of one year a dispute: staff figures are placed at their own dates', () => {
    const staff = fact('org/staff').history ?? [];
    expect(staff.filter((h) => h.status === 'disputed')).toEqual([]);
    expect(staff.map((h) => `${h.asOf.date} ${h.display}`)).toEqual(
      expect.arrayContaining(['2008-06 5,600', '2008-12 about 6,690', '2018 11,500', '2019 13,844']),
    );
    expect(staff.find((h) => h.asOf.date === '2008-12')?.approximate).toBe(true);
    expect(verdictOf('org/staff', 'staff.2008.liquisearch').reason).toMatch(/undated/);
  });
});

describe('honest sourcing (issue 14)', () => {
  const head = (name: string) =>
    fact('org/director-general').history?.find((h) => h.display.startsWith(name));

  it('ends Hugh Gibson’s term at his death in office on 12 December 1954, not at his successor', () => {
    expect(head('Hugh Gibson')).toMatchObject({ until: { date: '1954-12-12' }, title: 'Director' });
  });

  it('dates Tittmann only as first attested (about October 1956), not as a known start', () => {
    expect(head('Harold H. Tittmann')).toMatchObject({ asOf: { date: '1956-10' }, approximate: true });
    expect(head('Marcus Daly')?.approximate).toBeUndefined();
  });

  it('titles the heads Director in the ICEM era and Director General today, in French for Amy Pope too', () => {
    expect(head('Bastiaan W. Haveman')?.title).toBe('Director');
    expect(fact('org/director-general')).toMatchObject({
      title: 'Director General',
      titleDisplays: { fr: 'Directrice générale', es: 'Directora General' },
    });
  });

  it('gives the 2025 budget as a projection cited to the news agency, not to IOM’s release', () => {
    const budget = fact('org/budget');
    expect(budget).toMatchObject({ display: 'US$2.89 billion', asOf: { date: '2025' }, projected: true });
    const sources = budget.claims.filter((c) => c.asOf?.date === '2025').map((c) => c.source);
    expect(sources).toEqual(['the-star-2025']);
  });

  it('gives the UN relationship as a history dated 19 September 2016 on the fact itself', () => {
    const un = fact('org/un-relationship');
    expect(un).toMatchObject({ asOf: { date: '2016-09-19' }, time: 'tenure' });
    expect(un.history?.map((h) => h.asOf.date)).toEqual(['1951', '1992', '1996-06-25', '2016-09-19']);
    expect(un.displays?.fr).toBe('organisation apparentée aux Nations Unies');
  });

  it('fills the budget of the ICEM years from contemporary summaries, the 1958 figure marked projected', () => {
    const early = fact('org/budget').history?.filter((h) => h.asOf.date < '1960');
    expect(early?.map((h) => [h.asOf.date, h.display, h.projected ?? false])).toEqual([
      ['1954', 'US$48.783 million', false],
      ['1955', 'US$46.5 million', false],
      ['1958', 'US$34.576 million', true],
    ]);
  });

  it('keeps the newest staff figure dated and says how many staff the 2025 cuts affected', () => {
    expect(fact('org/staff')).toMatchObject({ display: 'nearly 19,000', asOf: { date: '2023-05' } });
    expect(fact('org/staff-affected')).toMatchObject({ display: 'over 6,000', asOf: { date: '2025-03' } });
  });

  it('keeps one measure in the countries series: no boilerplate bound after an exact count, no repeats', () => {
    const countries = fact('org/countries').history?.map((h) => h.display);
    expect(countries).toEqual(['over 100', 'over 150', '170', '171']);
    expect(verdictOf('org/countries', 'countries.2018.s002').verdict).toBe('rejected');
  });

  it('marks uncorroborated seed-only facts single-source and dates Nauru from an independent source, not the seed', () => {
    for (const id of ['org/china-cooperation', 'org/grants', 'org/future-priorities', 'org/social-media'])
      expect(fact(id).reliability, id).toBe('single-source');
    expect(fact('programme:data-portal/full-name').reliability).toBe('single-source');
    expect(fact('org/criticism').display).not.toMatch(/2002|2006/);
    const nauru = fact('org/nauru-centre');
    expect(nauru.display).toMatch(/2001–2008/);
    expect(nauru.reliability).toBeUndefined();
    expect(nauru.claims.map((c) => c.source)).toEqual(['global-detention-project-nauru']);
  });

  it('writes every text the card shows in French and Spanish', () => {
    for (const id of [
      'org/headquarters',
      'org/founding-place',
      'org/director-general',
      'org/un-relationship',
    ]) {
      const f = fact(id);
      for (const item of [f, ...(f.history ?? [])]) {
        expect(item.displays?.fr, `${id} ${item.display}`).toBeTruthy();
        expect(item.displays?.es, `${id} ${item.display}`).toBeTruthy();
      }
    }
  });
});
