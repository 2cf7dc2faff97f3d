import { afterEach, describe, expect, it } from 'vitest';
import {
  isAskedHost,
  MAX_UNDEFINED_ASKED,
  pageShadowHostCandidates,
  SHADOW_HOST_SELECTOR,
  shadowHostCandidates,
} from '@/lib/page/shadow-hosts';

/** A page with every kind of element the search must tell apart, each named by its `id`. */
const PAGE = `
  <div id="outer"><p id="para">text <span id="inline">in</span></p><div id="leaf-div">leaf</div></div>
  <section id="leaf-section"></section>
  <ul id="leaf-list"></ul>
  <table><tbody><tr><td id="leaf-cell">cell</td></tr></tbody></table>
  <news-card id="custom-with-children"><p>inside</p></news-card>
  <x-empty id="custom-leaf"></x-empty>
  <article id="article"><x-nested id="custom-nested">n</x-nested></article>
  <o:p id="unknown-tag">word</o:p>
  <marquee id="obsolete"></marquee>
  <svg id="icon"><font-face id="svg-hyphenated"></font-face><path d="M0 0"></path></svg>
`;

function ids(elements: Iterable<Element>): string[] {
  return [...elements].map((el) => el.id).filter((id) => id !== '');
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('shadowHostCandidates', () => {
  it('finds custom elements and the leaf containers that can host a shadow root, in document order', () => {
    document.body.innerHTML = PAGE;
    expect(ids(shadowHostCandidates(document.body))).toEqual([
      'leaf-div',
      'leaf-section',
      'custom-with-children',
      'custom-leaf',
      'custom-nested',
    ]);
  });

  it('finds what visiting every element with the scan’s own rule finds, less containers that cannot host a root', () => {
    document.body.innerHTML = PAGE;
    const visited = [...document.body.getElementsByTagName('*')].filter(isAskedHost);
    // The DOM standard's list of elements attachShadow accepts, besides custom elements.
    const hostNames = /^(article|aside|blockquote|body|div|footer|h[1-6]|header|main|nav|p|section|span)$/;
    const canHost = visited.filter((el) => el.localName.includes('-') || hostNames.test(el.localName));
    expect(ids(shadowHostCandidates(document.body))).toEqual(ids(canHost));
  });

  it('asks only so many custom elements not defined yet on a whole page, and all in a small region', () => {
    document.body.innerHTML = `${'<mjx-c>x</mjx-c>'.repeat(MAX_UNDEFINED_ASKED + 50)}<div id="box"></div>`;
    const { hosts: found, notDefined } = pageShadowHostCandidates(document.body);
    expect(found.filter((el) => el.localName === 'mjx-c')).toHaveLength(MAX_UNDEFINED_ASKED);
    expect(found[0]?.id).toBe('box');
    // Every one is counted (here with the test DOM's own elements, which it takes for undefined).
    expect(notDefined).toBeGreaterThanOrEqual(MAX_UNDEFINED_ASKED + 50);
    expect(shadowHostCandidates(document.body)).toHaveLength(MAX_UNDEFINED_ASKED + 51);
    const root = (document.querySelector('#box') as Element).attachShadow({ mode: 'open' });
    root.innerHTML = '<x-inner id="inner"></x-inner><p>text</p>';
    expect(ids(shadowHostCandidates(root))).toEqual(['inner']);
    expect(ids(pageShadowHostCandidates(root).hosts)).toEqual(['inner']);
  });

  it('visits every element when the engine rejects the selector', () => {
    document.body.innerHTML = PAGE;
    const body = document.body;
    const rejecting = new Proxy(body, {
      get(target, key) {
        if (key === 'querySelectorAll')
          return () => {
            throw new SyntaxError(`'${SHADOW_HOST_SELECTOR.slice(0, 20)}…' is not a valid selector`);
          };
        const value = Reflect.get(target, key, target);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    expect(ids(shadowHostCandidates(rejecting))).toEqual([
      'leaf-div',
      'leaf-section',
      'leaf-list',
      'leaf-cell',
      'custom-with-children',
      'custom-leaf',
      'custom-nested',
    ]);
  });
});
