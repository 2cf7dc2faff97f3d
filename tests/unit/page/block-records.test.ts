import { beforeEach, describe, expect, it } from 'vitest';
import { type Block, BlockBuilder, walkInto } from '@/lib/page';
import { type BlockRecord, BlockRecords, reusableByFirstNode, sameMentions } from '@/lib/page/block-records';
import { iomAcronym, page } from './helpers';

/** The blocks of the current page, in document order. */
function blocks(): Block[] {
  const found: Block[] = [];
  const builder = new BlockBuilder((block) => found.push(block));
  walkInto(builder, document.body);
  builder.end();
  return found;
}

function admitAll(records: BlockRecords<string>, reusable = new Map<Text, BlockRecord<string>>()) {
  return blocks().map((block) => records.admit(block, reusable));
}

const texts = (records: BlockRecords<string>) => records.all().map((r) => r.block.text);

describe('BlockRecords', () => {
  let records: BlockRecords<string>;
  beforeEach(() => {
    records = new BlockRecords<string>();
  });

  it('keeps the record, with its analysis, of a block that did not change on a rescan', () => {
    page('<p>IOM one</p><p>IOM two</p>');
    admitAll(records);
    for (const record of records.all()) record.analysis = `analysed ${record.block.text}`;
    const kept = records.all()[0];
    (document.querySelectorAll('p')[1]?.firstChild as Text).data = 'IOM three';

    const reusable = reusableByFirstNode(records.takeAll());
    expect(admitAll(records, reusable)).toEqual([false, true]);
    expect(records.all()[0]).toBe(kept);
    expect(records.all().map((r) => r.analysis)).toEqual(['analysed IOM one', null]);
    // What was not taken back is left for the caller to retire.
    expect([...reusable.values()].map((r) => r.analysis)).toEqual(['analysed IOM two']);
  });

  it('drops on settle a record whose text changed, and only once', () => {
    page('<p>IOM one</p><p>IOM two</p>');
    admitAll(records);
    const node = document.querySelector('p')?.firstChild as Text;
    node.data = 'changed';
    expect(records.touched(node)).toBe(records.all()[0]);
    expect(records.isDirty(records.all()[0] as BlockRecord<string>)).toBe(true);

    const dropped: string[] = [];
    expect(records.settle((r) => dropped.push(r.block.text))).toBe(true);
    expect(dropped).toEqual(['IOM one']);
    expect(texts(records)).toEqual(['IOM two']);
    expect(records.settle(() => {})).toBe(false);
  });

  it('drops on settle a record whose text left the document, untouched or not', () => {
    page('<p>IOM one</p><p>IOM two</p>');
    admitAll(records);
    document.querySelector('p')?.remove();
    expect(records.settle(() => {})).toBe(true);
    expect(texts(records)).toEqual(['IOM two']);
  });

  it('ignores changes to text nodes it holds no record for', () => {
    page('<p>IOM one</p>');
    expect(records.touched(document.querySelector('p')?.firstChild as Text)).toBeUndefined();
  });

  it('takes out only the records inside the regions to rescan', () => {
    page('<div id="a"><p>IOM in a</p></div><div id="b"><p>IOM in b</p></div>');
    admitAll(records);
    const inside = records.takeInside(new Set([document.getElementById('b') as Element]));
    expect([...inside].map((r) => r.block.text)).toEqual(['IOM in b']);
    expect(texts(records)).toEqual(['IOM in a']);
  });

  it('takes out the records under a region deep in a shared tree, and none beside it', () => {
    page(
      '<main><section id="s1"><div><p>IOM one</p><p>IOM two</p></div></section>' +
        '<section id="s2"><div><p>IOM three</p><p>IOM four</p></div></section><p>IOM five</p></main>',
    );
    admitAll(records);
    const region = document.querySelector('#s2 div') as Element;
    const inside = records.takeInside(new Set([region, document.getElementById('nowhere') ?? region]));
    expect([...inside].map((r) => r.block.text)).toEqual(['IOM three', 'IOM four']);
    expect(texts(records)).toEqual(['IOM one', 'IOM two', 'IOM five']);
    // Asked again with the outer section, the records already climbed past it are found as well.
    const again = records.takeInside(new Set([document.getElementById('s1') as Element]));
    expect([...again].map((r) => r.block.text)).toEqual(['IOM one', 'IOM two']);
  });

  it('takes out a record in the shadow tree of a host inside the region', () => {
    page('<div id="a"><p>IOM light</p><div id="host"></div></div><p>IOM outside</p>');
    const shadow = (document.getElementById('host') as Element).attachShadow({ mode: 'open' });
    shadow.innerHTML = '<p>IOM shadow</p>';
    admitAll(records);
    const builder = new BlockBuilder((block) => records.admit(block, new Map()));
    walkInto(builder, shadow.firstChild as Element);
    builder.end();
    const inside = records.takeInside(new Set([document.getElementById('a') as Element]));
    expect([...inside].map((r) => r.block.text).sort()).toEqual(['IOM light', 'IOM shadow']);
    expect(texts(records)).toEqual(['IOM outside']);
  });

  it('finds the records inside a region holding more text than there are records', () => {
    const plain = Array.from({ length: 12 }, (_, i) => `<p>plain ${i}</p>`).join('');
    page(`<div id="a">${plain}<p>IOM in a</p>${plain}</div><p>IOM outside</p>`);
    const reusable = new Map<Text, BlockRecord<string>>();
    for (const block of blocks()) if (block.text.startsWith('IOM')) records.admit(block, reusable);
    const inside = records.takeInside(new Set([document.getElementById('a') as Element]));
    expect([...inside].map((r) => r.block.text)).toEqual(['IOM in a']);
    expect(texts(records)).toEqual(['IOM outside']);
  });

  it('does not take a record twice, nor one whose first node left the region', () => {
    page('<div id="a"><p id="p1">IOM one</p><p>IOM two</p></div><div id="b"></div>');
    admitAll(records);
    const a = new Set([document.getElementById('a') as Element]);
    (document.getElementById('b') as Element).append(document.getElementById('p1') as Element);
    expect([...records.takeInside(a)].map((r) => r.block.text)).toEqual(['IOM two']);
    expect(records.takeInside(a).size).toBe(0);
    expect(texts(records)).toEqual(['IOM one']);
  });

  it('forgets every record and every change on clear', () => {
    page('<p>IOM one</p>');
    admitAll(records);
    const node = document.querySelector('p')?.firstChild as Text;
    records.clear();
    expect(records.size).toBe(0);
    expect(records.touched(node)).toBeUndefined();
  });
});

describe('sameMentions', () => {
  const iom = iomAcronym();

  it('holds for the same places, names and confidences', () => {
    expect(sameMentions([iom], [{ ...iom }])).toBe(true);
  });

  it('tells apart a moved, renamed, re-scored, added or removed mention', () => {
    expect(sameMentions([iom], [{ ...iom, start: 1 }])).toBe(false);
    expect(sameMentions([iom], [{ ...iom, name: 'ICM' }])).toBe(false);
    expect(sameMentions([iom], [{ ...iom, confidence: 0.6 }])).toBe(false);
    expect(sameMentions([iom], [iom, iomAcronym(10)])).toBe(false);
    expect(sameMentions([iom], [])).toBe(false);
  });
});
