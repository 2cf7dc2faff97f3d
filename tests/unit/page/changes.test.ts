import { describe, expect, it } from 'vitest';
import {
  BURST_RECORDS,
  ChangeCollector,
  MAX_INSERTS_PER_PARENT,
  MAX_REGIONS_PER_BATCH,
  regionOf,
} from '@/lib/page/changes';
import type { ScanRoot } from '@/lib/page/shadow-roots';
import { page } from './helpers';

/** A region's id ('#shadow' for a shadow root), or undefined. */
const idOf = (region: ScanRoot | null) =>
  region === null ? undefined : region.nodeType === 11 ? '#shadow' : (region as Element).id;

/** Runs `change`, collects its mutation records and returns what the collector makes of them. */
async function batchOf(change: () => void) {
  const collector = new ChangeCollector();
  const observer = new MutationObserver((records) => collector.add(records));
  observer.observe(document.documentElement, { childList: true, characterData: true, subtree: true });
  change();
  await new Promise((resolve) => setTimeout(resolve, 0));
  observer.disconnect();
  return collector.take(document.body);
}

describe('regionOf', () => {
  it('is the nearest block around a node', () => {
    const body = page('<div id="d"><p id="p">a <b>b</b></p></div>');
    expect(idOf(regionOf(body.querySelector('b')?.firstChild as Node, body))).toBe('p');
    expect(idOf(regionOf(body.querySelector('#d') as Node, body))).toBe('d');
  });

  it('is null inside skipped regions, outside the body and for detached nodes', () => {
    const body = page('<div contenteditable><p>x</p></div><pre><b>y</b></pre>');
    expect(regionOf(body.querySelector('p') as Node, body)).toBeNull();
    expect(regionOf(body.querySelector('b') as Node, body)).toBeNull();
    expect(regionOf(document.head, body)).toBeNull();
    expect(regionOf(document.createElement('p'), body)).toBeNull();
  });

  it('is the body for text straight in the body', () => {
    const body = page('loose <b>text</b>');
    expect(regionOf(body.querySelector('b') as Node, body)).toBe(body);
  });
});

describe('ChangeCollector', () => {
  it('tells of each text node whose data changed, and of nothing else', async () => {
    const body = page('<p id="p">IOM <b>x</b></p><ul><li>a</li></ul>');
    const told: Node[] = [];
    const collector = new ChangeCollector();
    const observer = new MutationObserver((records) => collector.add(records, (node) => told.push(node)));
    observer.observe(document.documentElement, { childList: true, characterData: true, subtree: true });
    const text = body.querySelector('b')?.firstChild as Text;
    text.data = 'y';
    body.querySelector('ul')?.append(document.createElement('li'));
    await new Promise((resolve) => setTimeout(resolve, 0));
    observer.disconnect();
    expect(told).toEqual([text]);
    expect(collector.take(body).regions.map(idOf).sort()).toEqual(['', 'p']);
  });

  it('rescans only an inserted block, not the list it joined', async () => {
    const body = page('<ul id="list">\n<li>a</li>\n</ul>');
    const li = document.createElement('li');
    const batch = await batchOf(() => body.querySelector('ul')?.append(li));
    expect(batch).toEqual({ regions: [li], full: false });
  });

  it('rescans the surrounding block when inline content changes', async () => {
    const body = page('<p id="p">IOM <b>x</b></p>');
    const batch = await batchOf(() => body.querySelector('b')?.replaceWith('text'));
    expect(batch.regions.map(idOf)).toEqual(['p']);
  });

  it('rescans the block whose text node changed', async () => {
    const body = page('<div><p id="p">one</p></div>');
    const batch = await batchOf(() => {
      (body.querySelector('p')?.firstChild as Text).data = 'two';
    });
    expect(batch.regions.map(idOf)).toEqual(['p']);
  });

  it('keeps only the outermost of nested regions', async () => {
    const body = page('<div id="outer"><p id="inner">x</p>y</div>');
    const batch = await batchOf(() => {
      (body.querySelector('p')?.firstChild as Text).data = 'z';
      body.querySelector('#outer')?.append(' more');
    });
    expect(batch.regions.map(idOf)).toEqual(['outer']);
  });

  it('ignores the extension’s own nodes', async () => {
    page('<p>x</p>');
    const batch = await batchOf(() => {
      document.body.append(document.createElement('iom-lens-card'));
      const style = document.createElement('style');
      style.setAttribute('data-iom-lens', '');
      document.head.append(style);
    });
    expect(batch).toEqual({ regions: [], full: false });
  });

  it('asks for a full rescan when the body itself changes text', async () => {
    page('<p>x</p>');
    expect((await batchOf(() => document.body.append('loose'))).full).toBe(true);
  });

  it('merges too many regions into their common ancestor, and into a full rescan at the body', async () => {
    const items = Array.from({ length: MAX_REGIONS_PER_BATCH + 1 }, () => '<li>a <b>b</b></li>').join('');
    const body = page(`<main><ul id="list">${items}</ul></main>`);
    const merged = await batchOf(() => {
      for (const b of body.querySelectorAll('b')) b.textContent = 'c';
    });
    expect(merged.regions.map(idOf)).toEqual(['list']);
    const loose = page(Array.from({ length: MAX_REGIONS_PER_BATCH + 1 }, () => '<p>a <b>b</b></p>').join(''));
    const full = await batchOf(() => {
      for (const b of loose.querySelectorAll('b')) b.textContent = 'c';
    });
    expect(full.full).toBe(true);
  });
});

describe('ChangeCollector in a burst', () => {
  it('notes only the parents of changes past BURST_RECORDS, and merges them', async () => {
    const body = page('<main><ul id="list"></ul></main>');
    const list = body.querySelector('ul') as HTMLElement;
    const batch = await batchOf(() => {
      for (let i = 0; i <= BURST_RECORDS; i++) list.append(document.createElement('li'));
    });
    expect(batch.regions.map(idOf)).toEqual(['list']);
  });
});

describe('ChangeCollector and lists', () => {
  it('rescans a list as a whole once it received more than MAX_INSERTS_PER_PARENT items', async () => {
    const body = page('<main><ul id="feed"></ul></main>');
    const list = body.querySelector('ul') as HTMLElement;
    const few = await batchOf(() => {
      for (let i = 0; i < MAX_INSERTS_PER_PARENT; i++) list.append(document.createElement('li'));
    });
    expect(few.regions).toHaveLength(MAX_INSERTS_PER_PARENT);
    const many = await batchOf(() => {
      for (let i = 0; i <= MAX_INSERTS_PER_PARENT; i++) list.append(document.createElement('li'));
    });
    expect(many.regions.map(idOf)).toEqual(['feed']);
  });
});
