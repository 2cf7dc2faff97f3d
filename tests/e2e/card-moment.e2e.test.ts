import { expect, it } from 'vitest';
import datasetJson from '@/data/compiled/dataset.json';
import { type CardDataset, createCardModel } from '@/lib/card/model';
import { sparkGeometry } from '@/lib/card/sparkline';
import type { CardModel } from '@/lib/card/types';
import type { CompiledDataset } from '@/lib/dataset/types';
import { cardTexts, englishIn, englishOnlyWords, type TranslatedLang } from '../support/english-words';
import { card, hoverWord, SHOW_WAIT_MS, settled } from './card-support';
import type { BrowserTab } from './support';
import { describeInBrowsers, waitUntil } from './support';

// Cards that answer for the reader's moment, in real browsers with the BUILT extension: the page's date
// from JSON-LD and from a meta tag, a former name's era on an undated page, the sparkline's mark, and no
// English in French and Spanish cards. Fixtures: tests/e2e/fixtures/card/{dated-1975,dated-2010,undated-icm}.html.

const dataset = datasetJson as unknown as CompiledDataset;

/** One value of the card as rendered: the value and its date. */
interface SeenCell {
  value: string;
  asOf: string;
}

/** What the card shows about its moment, read from its open shadow root. */
interface SeenMoment {
  origin: string | null;
  date: string | null;
  line: string;
  thenTitle: string | null;
  todayTitle: string | null;
  atThen: Record<string, SeenCell>;
  atToday: Record<string, SeenCell>;
  chartIds: string[];
  chart: { mark: string | null; shape: string | null; x: number | null; width: number | null; label: string };
  text: string;
}

const seen = (tab: BrowserTab) =>
  tab.evaluate((): SeenMoment => {
    const shadow = document.querySelector('iom-lens-card')?.shadowRoot;
    const q = (selector: string) => shadow?.querySelector(selector) ?? null;
    const cells = (section: string) => {
      const out: Record<string, { value: string; asOf: string }> = {};
      for (const row of Array.from(
        shadow?.querySelectorAll(`[data-section="${section}"] [data-fact]`) ?? [],
      )) {
        out[row.getAttribute('data-fact') ?? ''] = {
          value: row.querySelector('.value')?.textContent ?? '',
          asOf: (row.querySelector('.asof')?.textContent ?? '').trim(),
        };
      }
      return out;
    };
    const moment = q('[data-testid="card-as-of"]');
    // The member-states chart (a budget chart may follow it).
    const chart = q('[data-testid="card-chart"][data-chart="members"]');
    const mark = chart?.querySelector('[data-testid="chart-mark"]') ?? null;
    const number = (name: string) => (mark?.hasAttribute(name) ? Number(mark.getAttribute(name)) : null);
    return {
      origin: moment?.getAttribute('data-origin') ?? null,
      date: moment?.getAttribute('data-date') ?? null,
      line: moment?.textContent ?? '',
      thenTitle: q('[data-section="then"] .section-title')?.textContent ?? null,
      todayTitle: q('[data-section="today"] .section-title')?.textContent ?? null,
      atThen: cells('then'),
      atToday: cells('today'),
      chartIds: Array.from(shadow?.querySelectorAll('[data-testid="card-chart"]') ?? []).map(
        (c) => c.getAttribute('data-chart') ?? '',
      ),
      chart: {
        mark: chart?.getAttribute('data-mark') ?? null,
        shape: mark?.tagName.toLowerCase() ?? null,
        x: number('x1') ?? number('x'),
        width: number('width'),
        label: chart?.querySelector('svg')?.getAttribute('aria-label') ?? '',
      },
      // Text node by text node: textContent would glue a label to its value into one word.
      text: (() => {
        const dialog = q('[role="dialog"]');
        if (!dialog) return '';
        const parts: string[] = [];
        const walker = document.createTreeWalker(dialog, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) parts.push(node.textContent ?? '');
        return parts.join(' ');
      })(),
    };
  });

/** The model the card should render (the same factory as the card UI), for the expected numbers. */
const modelFor = (surface: string, nameId: string, lang: string, date: string | null): CardModel =>
  createCardModel(
    dataset as CardDataset,
    { surface, nameId, lang },
    date ? { pageDate: { date, origin: 'given' } } : {},
  );

/** English-only words for a card in `lang`, from the English card of the same mention and moment. */
const englishFor = (surface: string, nameId: string, lang: TranslatedLang, date: string | null) =>
  englishOnlyWords(dataset, lang, cardTexts(modelFor(surface, nameId, 'en', date)));

async function closeCard(tab: BrowserTab): Promise<void> {
  await tab.mouseMove(5, 5);
  await waitUntil(async () => !(await card(tab)).open, {
    what: 'the card to close',
    timeoutMs: SHOW_WAIT_MS,
  });
}

describeInBrowsers('cards at the reader’s moment', (suite) => {
  const open = async (path: string) => {
    const tab = await suite.browser.openTab(suite.server.url(path));
    await settled(suite.browser, tab);
    return tab;
  };

  it('on a page dated 1975 (JSON-LD), an ICEM card shows the head of that time, today’s head as today, the date marked; in French, no English', async () => {
    const tab = await open('card/dated-1975.html');
    await hoverWord(tab, 'english', 'ICEM');
    const en = await seen(tab);
    expect(en).toMatchObject({ origin: 'page', date: '1975-06-12' });
    expect(en.line).toBe('As of the page’s date, Jun 12, 1975');
    expect(en.thenTitle).toBe('Then — 1975');
    expect(en.atThen.head?.value).toContain('John F. Thomas');
    expect(en.atThen.head?.asOf).toBe('since about 1969');
    expect(en.atThen.name?.value).toContain('(ICEM)');
    expect(en.todayTitle).toBe('Today');
    expect(en.atToday.head?.value).toContain('Amy E. Pope');
    expect(en.atToday.head?.asOf).toBe('since Oct 1, 2023');
    expect(en.atThen.members?.value).toBe('not known for 1975');
    const model = modelFor('ICEM', 'icem', 'en', '1975-06-12');
    const members = model.charts.find((c) => c.id === 'members');
    const expectedMark = members ? sparkGeometry(members).mark : null;
    expect(en.chart).toMatchObject({ mark: '1975-06-12', shape: 'line', x: expectedMark?.x });
    // Member states first, then the budget where its series allows (the same factory decides).
    expect(en.chartIds).toEqual(model.charts.map((c) => c.id));
    expect(en.chartIds[0]).toBe('members');
    expect(en.chart.label).toMatch(/^Member states: 15 \(December 1951\), .* Marked: Jun 12, 1975\.$/);

    await closeCard(tab);
    await hoverWord(tab, 'french', 'CIME');
    const fr = await seen(tab);
    expect(fr).toMatchObject({ origin: 'page', date: '1975-06-12' });
    expect(fr.atThen.head?.value).toBe('John F. Thomas (États-Unis), Directeur');
    expect(fr.todayTitle).toBe('Aujourd’hui');
    expect(englishIn([fr.text], englishFor('CIME', 'icem', 'fr', '1975-06-12'))).toEqual([]);
    await tab.close();
  });

  it('on a page dated 2010 (meta tag), an IOM card shows the head of 2010; in Spanish, no English', async () => {
    const tab = await open('card/dated-2010.html');
    await hoverWord(tab, 'english', 'IOM');
    const en = await seen(tab);
    expect(en).toMatchObject({ origin: 'page', date: '2010-03-04' });
    expect(en.atThen.head?.value).toContain('William Lacy Swing');
    expect(en.atToday.head?.value).toContain('Amy E. Pope');
    expect(en.chart).toMatchObject({ mark: '2010-03-04', shape: 'line' });
    expect(en.chartIds).toEqual(['members', 'budget']); // both series have figures before 2010

    await closeCard(tab);
    await hoverWord(tab, 'spanish', 'OIM');
    const es = await seen(tab);
    expect(es).toMatchObject({ origin: 'page', date: '2010-03-04' });
    expect(es.atThen.head?.value).toBe('William Lacy Swing (Estados Unidos), Director General');
    expect(es.todayTitle).toBe('Hoy');
    expect(englishIn([es.text], englishFor('OIM', 'iom', 'es', '2010-03-04'))).toEqual([]);
    await tab.close();
  });

  it('on an undated page, an ICM card answers for the ICM era: its first and last head, the era marked as a band', async () => {
    const tab = await open('card/undated-icm.html');
    await hoverWord(tab, 'english', 'ICM');
    const en = await seen(tab);
    expect(en).toMatchObject({ origin: 'era', date: '1980' });
    expect(en.line).toBe('As of the ICM years, 1980–1989');
    expect(en.atThen.head?.value).toMatch(/^James L\. Carlin .* → James N\. Purcell Jr\. /);
    expect(en.atThen.head?.asOf).toBe('1980–1989');
    expect(en.atToday.head?.value).toContain('Amy E. Pope');
    const model = modelFor('ICM', 'icm', 'en', null);
    const members = model.charts.find((c) => c.id === 'members');
    const expectedMark = members ? sparkGeometry(members).mark : null;
    expect(en.chart).toMatchObject({
      mark: '1980',
      shape: 'rect',
      x: expectedMark?.x,
      width: expectedMark?.width,
    });
    expect(en.chart.width).toBeGreaterThan(0);
    expect(en.chart.label).toMatch(/ Marked: 1980–1989\.$/);
    await tab.close();
  });
});
