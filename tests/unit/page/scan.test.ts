import { describe, expect, it } from 'vitest';
import { type Block, BlockBuilder, walkInto } from '@/lib/page/blocks';
import { type ScanSink, ScanTask } from '@/lib/page/scan';
import { page } from './helpers';

const candidate = (text: string) => /IOM|Migra/.test(text);

interface ScanOptions {
  clock?: () => number;
  deadline?: number;
}

function scan(roots: Element[], { clock = () => 0, deadline = Number.POSITIVE_INFINITY }: ScanOptions = {}) {
  const blocks: Block[] = [];
  const tested: string[] = [];
  const sink: ScanSink = {
    hasCandidate: (text) => {
      tested.push(text);
      return candidate(text);
    },
    block: (block) => blocks.push(block),
  };
  const task = new ScanTask(roots, sink, clock);
  let steps = 0;
  while (!task.step(deadline)) steps++;
  return { blocks, tested, counts: task.counts, steps };
}

/** Every block of a full node-by-node walk that has a candidate: what the pre-scan must never miss. */
function candidateBlocks(root: Node): string[] {
  const out: string[] = [];
  const builder = new BlockBuilder((b) => {
    if (candidate(b.text)) out.push(b.text);
  });
  walkInto(builder, root);
  builder.end();
  return out;
}

describe('ScanTask', () => {
  it('walks only the pieces of the page that may hold a mention', () => {
    const body = page(
      '<main><article><p>Nothing here.</p><p>The IOM <b>said</b> so.</p><p>Also nothing.</p></article></main>',
    );
    const { blocks, counts } = scan([body]);
    expect(blocks.map((b) => b.text)).toEqual(['The IOM said so.']);
    expect(counts).toMatchObject({ pieces: 3, walked: 1, blocks: 1 });
  });

  it('never reads script, style or JSON text', () => {
    const body = page(
      '<div><script type="application/json">{"IOM": "Migration"}</script><style>.IOM{}</style><p>plain</p></div>',
    );
    const { tested, blocks } = scan([body]);
    expect(tested.join('|')).not.toMatch(/IOM|Migration/);
    expect(blocks).toEqual([]);
  });

  it('finds a mention split over inline elements and a line break', () => {
    const body = page(
      '<div>The <i>I</i>O<b>M</b> office and the International Organization for<br>Migration</div>',
    );
    expect(scan([body]).blocks.map((b) => b.text)).toEqual([
      'The IOM office and the International Organization for\nMigration',
    ]);
  });

  it('resumes where it stopped when a slice runs out of time', () => {
    const html = Array.from({ length: 200 }, (_, i) => `<div><p>para ${i}</p><p>IOM ${i}</p></div>`).join('');
    const body = page(`<main>${html}</main>`);
    let t = 0;
    const sliced = scan([body], { clock: () => t++, deadline: 0 });
    const whole = scan([body]);
    expect(sliced.steps).toBeGreaterThan(10);
    expect(sliced.blocks.map((b) => b.text)).toEqual(whole.blocks.map((b) => b.text));
    expect(whole.blocks).toHaveLength(200);
  });

  it('reads a container like its small previous sibling whole, and walks into it only on a hit', () => {
    const sections = Array.from(
      { length: 20 },
      (_, i) => `<section><h2>S${i}</h2><p>plain ${i}</p><p>more</p></section>`,
    );
    sections[15] = '<section><h2>S15</h2><p>plain</p><p>The IOM said</p></section>';
    const body = page(`<article>${sections.join('')}</article>`);
    const { blocks, counts, tested } = scan([body]);
    expect(blocks.map((b) => b.text)).toEqual(['The IOM said']);
    // The first section is walked into (its size is unknown), the next 18 are one read each, and the one
    // with a hit is read whole and then piece by piece (3 pieces).
    expect(counts.pieces).toBe(3 + 19 + 3);
    expect(tested.filter((t) => /^S\d+plain/.test(t))).toHaveLength(19);
  });

  it('scans several regions, each once', () => {
    const body = page('<div id="a"><p>IOM a</p></div><div id="b"><p>IOM b</p></div><div><p>IOM c</p></div>');
    const roots = [body.querySelector('#a'), body.querySelector('#b')] as Element[];
    expect(scan(roots).blocks.map((b) => b.text)).toEqual(['IOM a', 'IOM b']);
  });

  it('never misses a block that a full walk finds (randomized pages)', () => {
    // Pages built from fragments that only form candidates when joined: the pre-scan reads pieces with
    // textContent, the full walk node by node; both must agree on every block with a candidate.
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
    const words = ['IO', 'M', 'Mig', 'ra', 'tion', ' ', 'IOM', 'plain', '\n', 'x'];
    const inline = ['b', 'i', 'span', 'a', 'em'];
    const blocks = ['p', 'div', 'section', 'li', 'x-box', 'td', 'h2'];
    const skipped = ['code', 'script', 'pre', 'textarea'];
    const build = (depth: number): string => {
      let out = '';
      const n = 1 + Math.floor(random() * 4);
      for (let i = 0; i < n; i++) {
        const r = random();
        if (r < 0.35 || depth > 4) out += pick(words);
        else if (r < 0.6) {
          const tag = pick(inline);
          out += `<${tag}>${build(depth + 1)}</${tag}>`;
        } else if (r < 0.65) out += '<br>';
        else if (r < 0.72) {
          const tag = pick(skipped);
          out += `<${tag}>IOM</${tag}>`;
        } else {
          const tag = pick(blocks);
          out += `<${tag}>${build(depth + 1)}</${tag}>`;
        }
      }
      return out;
    };
    let withCandidates = 0;
    for (let round = 0; round < 300; round++) {
      const body = page(`<div>${build(0)}</div>`);
      const expected = candidateBlocks(body);
      if (expected.length > 0) withCandidates++;
      const found = scan([body])
        .blocks.map((b) => b.text)
        .filter(candidate);
      expect(found, body.innerHTML).toEqual(expected);
    }
    expect(withCandidates).toBeGreaterThan(100);
  });
});

describe('ScanTask slices', () => {
  it('ends a slice before a run of steps that would carry it past the deadline', () => {
    page(Array.from({ length: 100 }, (_, i) => `<p>paragraph ${i}</p>`).join(''));
    // Every clock read is 3 ms later: 16 steps end at 6 ms, and 16 more would end at 9, past the 8 ms deadline.
    let clock = 0;
    const task = new ScanTask([document.body], { hasCandidate: () => false, block: () => undefined }, () => {
      clock += 3;
      return clock;
    });
    expect(task.step(8)).toBe(false);
    expect(task.counts.pieces).toBeLessThanOrEqual(16);
    expect(task.counts.pieces).toBeGreaterThan(0);
  });
});
