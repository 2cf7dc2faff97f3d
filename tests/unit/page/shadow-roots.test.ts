import { afterEach, describe, expect, it } from 'vitest';
import type { Era } from '@/lib/mention';
import { type CandidateWatch, watchForCandidates } from '@/lib/page/candidate-watch';
import { createHighlighter, createMemorySink } from '@/lib/page/highlighter';
import { PageLens } from '@/lib/page/lens';
import { MentionIndex } from '@/lib/page/mention-index';
import { ScanTask } from '@/lib/page/scan';
import {
  compareComposed,
  composedParent,
  RECHECK_DELAYS_MS,
  ShadowRoots,
  shadowRootOf,
} from '@/lib/page/shadow-roots';
import { MUTATION_FLUSH_DELAY_MS } from '@/lib/page/slices';
import { fakeDetector, iomAcronym, page, plainRange, rangeText, tick, until } from './helpers';

const ALL_ERAS: Record<Era, boolean> = { PICMME: true, ICEM: true, ICM: true, IOM: true };
const win = window as unknown as typeof globalThis;

/** Attaches an open shadow root holding `html` to `host` and returns it. */
function shadow(host: Element | null, html: string): ShadowRoot {
  if (host === null) throw new Error('no host');
  const root = host.attachShadow({ mode: 'open' });
  root.innerHTML = html;
  return root;
}

/** The texts of the blocks a scan of `roots` finds, following shadow roots when `follow`. */
function blocksOf(roots: (Element | ShadowRoot)[], follow: boolean): { texts: string[]; observed: number } {
  const texts: string[] = [];
  let observed = 0;
  const shadows = new ShadowRoots({ win, observe: () => observed++, onLateRoot: () => {} });
  const task = new ScanTask(
    roots,
    {
      hasCandidate: (text) => /IOM/.test(text),
      block: (block) => texts.push(block.text),
      shadows: follow ? shadows : undefined,
    },
    () => performance.now(),
  );
  while (!task.step(Number.POSITIVE_INFINITY)) {}
  shadows.dispose();
  return { texts, observed };
}

describe('shadow roots in the scan', () => {
  it('reads text in open shadow roots and in roots nested in them, and observes each root once', () => {
    const body = page('<div id="top"><p>IOM in the page.</p><x-card id="card"></x-card></div>');
    const outer = shadow(body.querySelector('#card'), '<p>IOM in the card.</p><x-inner></x-inner>');
    shadow(outer.querySelector('x-inner'), '<section><p>IOM deeper in.</p></section>');
    const { texts, observed } = blocksOf([body], true);
    expect(texts).toEqual(['IOM in the page.', 'IOM in the card.', 'IOM deeper in.']);
    expect(observed).toBe(2);
  });

  it('leaves shadow roots alone without a finder (the light DOM only, as before)', () => {
    const body = page('<x-card id="card"></x-card><p>IOM outside.</p>');
    shadow(body.querySelector('#card'), '<p>IOM inside.</p>');
    expect(blocksOf([body], false).texts).toEqual(['IOM outside.']);
  });

  it('reads a host whose like-sibling would be read whole, once the page has shown a root', () => {
    // Like list items after a small one are first read whole with textContent, which has no shadow text.
    const body = page(
      '<ul><li><x-a></x-a>one</li><li><x-b></x-b>two</li><li><x-c></x-c>three</li></ul>'.replace(
        /<x-(\w)><\/x-\w>/g,
        '<x-item id="$1"></x-item>',
      ),
    );
    for (const id of ['a', 'b', 'c']) shadow(body.querySelector(`#${id}`), `<p>IOM item ${id}</p>`);
    expect(blocksOf([body], true).texts).toEqual(['IOM item a', 'IOM item b', 'IOM item c']);
  });

  it('climbs from a shadow tree to the host: skipped regions stay skipped', () => {
    const body = page('<div contenteditable><x-card id="card"></x-card></div>');
    const root = shadow(body.querySelector('#card'), '<p>IOM</p>');
    const p = root.querySelector('p') as Element;
    expect(composedParent(p)).toBe(root.host);
    expect(composedParent(root)).toBe(root.host);
    expect(shadowRootOf(root.host)).toBe(root);
    expect(blocksOf([body], true).texts).toEqual([]);
  });
});

describe('document order across shadow roots', () => {
  it('puts a shadow tree where its host is, nested trees included', () => {
    const body = page('<p id="a">a</p><x-host id="h"></x-host><p id="z">z</p>');
    const outer = shadow(body.querySelector('#h'), '<p id="b">b</p><x-in></x-in><p id="d">d</p>');
    const inner = shadow(outer.querySelector('x-in'), '<p id="c">c</p>');
    const texts = ['#a', '#z'].map((s) => body.querySelector(s)?.firstChild as Node);
    const [a, z] = texts as [Node, Node];
    const b = outer.querySelector('#b')?.firstChild as Node;
    const d = outer.querySelector('#d')?.firstChild as Node;
    const c = inner.querySelector('#c')?.firstChild as Node;
    const order = [z, c, a, d, b].sort((x, y) => compareComposed(x, y, x.getRootNode(), y.getRootNode()));
    expect(order.map((n) => n.textContent)).toEqual(['a', 'b', 'c', 'd', 'z']);
  });

  it("gives the registry's entries in that order, and names the shadow roots that hold mentions", () => {
    const body = page('<p id="a">IOM</p><x-host id="h"></x-host><p id="z">IOM</p>');
    const root = shadow(body.querySelector('#h'), '<p>IOM</p>');
    const index = new MentionIndex(10);
    const { start, end, ...fields } = iomAcronym();
    const add = (node: Node) =>
      index.add({
        ...fields,
        range: plainRange({ startContainer: node, startOffset: start, endContainer: node, endOffset: end }),
        nodes: [node as Text],
        snippet: { before: '', text: 'IOM', after: '' },
      });
    const last = add(body.querySelector('#z')?.firstChild as Node);
    const inside = add(root.querySelector('p')?.firstChild as Node);
    const first = add(body.querySelector('#a')?.firstChild as Node);
    expect(index.entries().map((e) => e.id)).toEqual([first.id, inside.id, last.id]);
    expect(index.shadowRoots()).toEqual([root]);
    index.remove(inside);
    expect(index.shadowRoots()).toEqual([]);
  });
});

let lens: PageLens | undefined;
let watch: CandidateWatch | undefined;
afterEach(() => {
  lens?.stop();
  lens = undefined;
  watch?.dispose();
  watch = undefined;
});

function startLens() {
  const sink = createMemorySink();
  lens = new PageLens({
    doc: document,
    win,
    detector: fakeDetector(),
    sink,
    makeRange: plainRange,
    yieldToMain: () => tick(),
    eras: ALL_ERAS,
  });
  lens.start();
  return { lens, painted: () => [...sink.ranges].map(rangeText).sort() };
}

/** Lets the lens's mutation flush run and the lens settle. */
const settled = async (l: PageLens) => {
  await tick(MUTATION_FLUSH_DELAY_MS + 10);
  await l.whenIdle();
};

describe('the lens in shadow trees', () => {
  it('finds mentions in roots present at the start and nested ones', async () => {
    const body = page('<p>Nothing here.</p><x-card id="card"></x-card>');
    const outer = shadow(body.querySelector('#card'), '<p>The IOM office.</p><x-inner></x-inner>');
    shadow(outer.querySelector('x-inner'), '<p>An ICEM ship.</p>');
    const { lens, painted } = startLens();
    await lens.whenIdle();
    expect(painted()).toEqual(['ICEM', 'IOM']);
    expect(lens.registry.entries().map((e) => e.surface)).toEqual(['IOM', 'ICEM']);
  });

  it('finds a root attached after the start, and follows changes inside a root', async () => {
    const body = page('<p>Nothing here.</p>');
    const { lens, painted } = startLens();
    await lens.whenIdle();
    const host = document.createElement('div');
    body.append(host);
    const root = shadow(host, '<p id="t">Late IOM news.</p>');
    await settled(lens);
    expect(painted()).toEqual(['IOM']);
    // A change inside the root: the document's observer alone would not see it.
    (root.querySelector('#t') as Element).textContent = 'Now about the ICEM.';
    await settled(lens);
    expect(painted()).toEqual(['ICEM']);
    root.append(Object.assign(document.createElement('p'), { textContent: 'And the IOM too.' }));
    await settled(lens);
    expect(painted()).toEqual(['ICEM', 'IOM']);
    lens.stop();
    expect(painted()).toEqual([]);
  });

  it('finds the root of a custom element upgraded after it was read (a re-check later)', async () => {
    const body = page('<x-late id="late"></x-late>');
    const { lens, painted } = startLens();
    await lens.whenIdle();
    expect(painted()).toEqual([]);
    // What a definition arriving later does: attach a root to the element already in the page. Nothing
    // tells the page's observers; the element was noted as not yet defined.
    customElements.define(
      'x-late',
      class extends HTMLElement {
        constructor() {
          super();
          this.attachShadow({ mode: 'open' }).innerHTML = '<p>Upgraded IOM text.</p>';
        }
      },
    );
    expect(shadowRootOf(body.querySelector('#late') as Element)).not.toBeNull();
    await until(() => painted().length > 0, 'the re-check', (RECHECK_DELAYS_MS[0] as number) + 2000);
    expect(painted()).toEqual(['IOM']);
  });
});

describe('the candidate watch in shadow trees', () => {
  const startWatch = () => {
    const calls = { found: 0 };
    watch = watchForCandidates({
      doc: document,
      win,
      hasCandidate: (text) => /IOM|Migra/.test(text),
      onFound: () => calls.found++,
    });
    return calls;
  };

  it('wakes on a candidate that only a shadow root holds', async () => {
    const body = page('<p>Nothing here.</p><x-card id="card"></x-card>');
    shadow(body.querySelector('#card'), '<p>IOM</p>');
    const calls = startWatch();
    await until(() => calls.found > 0, 'the watch to wake');
  });

  it('wakes on a host added later, and on a change inside a root it read', async () => {
    const body = page('<p>Nothing here.</p>');
    let calls = startWatch();
    await tick(MUTATION_FLUSH_DELAY_MS);
    const host = document.createElement('x-card');
    shadow(host, '<p>IOM</p>');
    body.append(host);
    await until(() => calls.found > 0, 'the watch to wake on the added host');

    watch?.dispose();
    const quiet = page('<x-card id="c"></x-card>');
    const root = shadow(quiet.querySelector('#c'), '<p id="t">Nothing yet.</p>');
    calls = startWatch();
    await tick(MUTATION_FLUSH_DELAY_MS);
    expect(calls.found).toBe(0);
    (root.querySelector('#t') as Element).textContent = 'IOM now.';
    await until(() => calls.found > 0, 'the watch to wake on the change inside the root');
  });
  it('wakes on a candidate in a root nested inside the root of a host added later', async () => {
    const body = page('<p>Nothing here.</p><x-shell id="shell"></x-shell>');
    shadow(body.querySelector('#shell'), '<p>Menu</p>');
    const calls = startWatch();
    await tick(MUTATION_FLUSH_DELAY_MS);
    // A plain wrapper holding a component whose own root holds another component: only the innermost
    // root has the candidate.
    const wrapper = document.createElement('div');
    const outer = document.createElement('x-outer');
    const outerRoot = shadow(outer, '<p>Outer title</p><x-inner id="inner"></x-inner>');
    shadow(outerRoot.querySelector('#inner'), '<p>The IOM office reopened.</p>');
    wrapper.append(outer);
    body.append(wrapper);
    await until(() => calls.found > 0, 'the watch to wake on the nested root');
  });

  it('reads each added root whole, once, and stays asleep while none holds a candidate', async () => {
    const body = page('<p>Nothing here.</p><x-list id="list"></x-list>');
    const list = shadow(body.querySelector('#list'), '<ul></ul>');
    const tested: string[] = [];
    watch = watchForCandidates({
      doc: document,
      win,
      hasCandidate: (text) => {
        tested.push(text);
        return /IOM/.test(text);
      },
      onFound: () => {
        throw new Error('no candidate was added');
      },
    });
    await tick(MUTATION_FLUSH_DELAY_MS);
    tested.length = 0;
    for (let i = 0; i < 50; i++) {
      const item = document.createElement('x-item');
      shadow(item, `<li><label>Toggle</label><span>Task ${i}</span><button>Remove</button></li>`);
      list.querySelector('ul')?.append(item);
    }
    await until(() => tested.some((text) => text.includes('Task 49')), 'the added roots to be read');
    await tick(MUTATION_FLUSH_DELAY_MS);
    // One test per root (its whole text), none per label, span or button inside it.
    expect(tested.filter((text) => text.startsWith('Toggle'))).toHaveLength(50);
    expect(tested).toContain('ToggleTask 7Remove');
    expect(watch?.found).toBe(false);
  });

  it('does not wake on a candidate in the root of a host inside an editor', async () => {
    const body = page('<p>Nothing here.</p><div contenteditable="true" id="editor"></div>');
    const calls = startWatch();
    await tick(MUTATION_FLUSH_DELAY_MS);
    const host = document.createElement('x-card');
    shadow(host, '<p>IOM</p>');
    body.querySelector('#editor')?.append(host);
    await tick(MUTATION_FLUSH_DELAY_MS * 3);
    expect(calls.found).toBe(0);
  });
});

describe('custom elements not defined yet, counted by region', () => {
  /** A region whose count of undefined custom elements the test sets, and timers it runs by hand. */
  function setup(hosts: Element[]) {
    const state = { undefinedCount: 0 };
    const region = {
      isConnected: true,
      querySelectorAll: () => ({ length: state.undefinedCount }),
    } as unknown as Element;
    const timers: Array<() => void> = [];
    const late: ShadowRoot[] = [];
    const searched: Array<Element | ShadowRoot> = [];
    const shadows = new ShadowRoots({
      win: {
        setTimeout: ((fn: () => void) => timers.push(fn)) as unknown as typeof setTimeout,
        clearTimeout: () => {},
      },
      observe: () => {},
      onLateRoot: (root) => late.push(root),
      hostsIn: (at) => {
        searched.push(at);
        return hosts;
      },
    });
    /** Runs the timers due now (a re-check schedules the next one, run by the next call). */
    const runTimers = () => {
      for (const fn of timers.splice(0)) fn();
    };
    return { state, region, shadows, late, searched, runTimers };
  }

  it('searches a region again only once its number of undefined custom elements moves', () => {
    const host = document.createElement('x-widget');
    const { state, region, shadows, late, searched, runTimers } = setup([host]);
    state.undefinedCount = 3;
    shadows.laterUnder(region, 3);
    // A first re-check with nothing upgraded: no search.
    runTimers();
    expect(searched).toEqual([]);
    // The definition arrives: one element fewer is undefined, and it now holds a root.
    state.undefinedCount = 2;
    const root = shadow(host, '<p>IOM</p>');
    runTimers();
    expect(searched).toEqual([region]);
    expect(late).toEqual([root]);
    expect(shadows.size).toBe(1);
  });

  it('notes nothing for a region without undefined custom elements, nor without a way to search it', () => {
    const { state, region, shadows, searched, runTimers } = setup([]);
    // The count the search made is taken as it is: the region is not counted again.
    state.undefinedCount = 5;
    shadows.laterUnder(region, 0);
    runTimers();
    expect(searched).toEqual([]);
    const withoutSearch = new ShadowRoots({ win, observe: () => {}, onLateRoot: () => {} });
    const counted = { isConnected: true, querySelectorAll: () => ({ length: 5 }) } as unknown as Element;
    withoutSearch.laterUnder(counted, 5); // no hostsIn: nothing scheduled, nothing thrown
    withoutSearch.dispose();
  });
});

describe('painting in shadow trees', () => {
  it('adds a copy of the style to each root with a painted mention, and removes it on dispose', () => {
    const body = page('<p id="p">IOM</p><x-card id="card"></x-card>');
    const root = shadow(body.querySelector('#card'), '<p>IOM</p>');
    // A window without IntersectionObserver: every range is painted at once.
    const h = createHighlighter(document, { CSS: {} } as unknown as typeof globalThis, 'underline');
    const text = root.querySelector('p')?.firstChild as Node;
    h.sink.add(plainRange({ startContainer: text, startOffset: 0, endContainer: text, endOffset: 3 }));
    const copy = root.querySelector('style[data-iom-lens]');
    expect(copy?.textContent).toContain('::highlight(iom-lens-mention)');
    expect(root.querySelector('p')?.textContent).toBe('IOM'); // the page's text untouched
    h.setStyle('background');
    expect(copy?.textContent).toContain('background-color');
    h.dispose();
    expect(root.querySelector('style[data-iom-lens]')).toBeNull();
    expect(document.querySelector('style[data-iom-lens]')).toBeNull();
  });
});
