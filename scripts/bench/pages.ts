/**
 * Generated pages for the page benchmark (scripts/bench-page.ts): article-like HTML of a given amount
 * of text, with or without mentions, a fragmented page, a page carrying megabytes of inline JSON, and a
 * page that mutates its own DOM. Deterministic (seeded), so runs compare like with like.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { detect, hasCandidate } from '../../lib/detect/index';
import { STYLE_ATTRIBUTE } from '../../lib/page/highlighter';

/** Words without any detector candidate (no upper-case acronym, no migration stem): checked by the caller. */
const WORDS = (
  'river bridge harvest valley market council school water winter summer road village doctor nurse ' +
  'teacher farmer season rain grain price train station museum garden forest coast harbour island ' +
  'ferry bakery library budget report survey election minister weather storm flood drought crop ' +
  'festival concert theatre painting lesson student family neighbour street corner window evening ' +
  'morning afternoon kitchen table chair letter story history science engine factory worker union ' +
  'company office meeting plan project design energy solar wind power grid cable phone network'
).split(' ');

/** Sentences the detector accepts as mentions (the benchmark checks each one finds at least one). */
export const MENTION_SENTENCES = [
  'Staff of the International Organization for Migration (IOM) helped displaced families reach shelters near Geneva.',
  'IOM teams said humanitarian convoys reached refugees and displaced families in the north.',
  'Reporters asked IOM officials about resettlement of refugees from the camps.',
  'The UN Migration Agency opened an office to help stranded migrants return home.',
];

/** The `i`th mention sentence, cycling through them. */
const mentionSentence = (i: number): string => MENTION_SENTENCES[i % MENTION_SENTENCES.length] ?? '';

/** Page text per mention on pages "with mentions": about one per 5 KB, as the issue asks. */
export const CHARS_PER_MENTION = 5000;

/** Characters per paragraph: a typical news paragraph. */
const PARAGRAPH_CHARS = 500;
/** Paragraphs per section. */
const PARAGRAPHS_PER_SECTION = 10;

function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

/** A sentence of filler words, capitalised, ending with a full stop. */
function sentence(rand: () => number): string {
  const n = 8 + Math.floor(rand() * 10);
  const words = Array.from({ length: n }, () => WORDS[Math.floor(rand() * WORDS.length)] ?? '');
  const first = words[0] ?? '';
  words[0] = first.charAt(0).toUpperCase() + first.slice(1);
  return `${words.join(' ')}.`;
}

/** Plain sentences marked up as a news paragraph would be: a link here, an emphasis there. */
function paragraphHtml(rand: () => number, chars: number, fragmented: boolean): string {
  let text = '';
  const parts: string[] = [];
  while (text.length < chars) {
    const s = sentence(rand);
    text += `${s} `;
    parts.push(s);
  }
  if (fragmented) return parts.map((s) => fragment(s)).join(' ');
  return parts
    .map((s, i) => (i % 3 === 1 ? `<a href="#s${i}">${s}</a>` : i % 4 === 2 ? `<em>${s}</em>` : s))
    .join(' ');
}

/** Every word in its own element, some split again: a page made of many tiny text nodes. */
function fragment(s: string): string {
  return s
    .split(' ')
    .map((w, i) =>
      i % 5 === 4 && w.length > 3 ? `<span>${w.slice(0, 2)}</span><b>${w.slice(2)}</b>` : `<span>${w}</span>`,
    )
    .join(' ');
}

/** Records long tasks from the page's side (both the extension's and the no-op's runs load it). */
const LONGTASK_SCRIPT = `<script>window.__longtasks=[];try{new PerformanceObserver(function(l){for(const e of l.getEntries())__longtasks.push([e.startTime,e.duration]);}).observe({type:'longtask',buffered:true});}catch(e){}</script>`;

/**
 * Counts, from the page's side, how often our style element (the `::highlight()` rule) enters or leaves
 * the head and how often its text is rewritten: each of these makes the browser restyle the page, which
 * issue 17 allows once per page.
 */
const STYLE_COUNT_SCRIPT = `<script>window.__iomStyle={added:0,removed:0,rewritten:0};new MutationObserver(function(rs){const ours=function(n){return n.nodeType===1&&n.hasAttribute('${STYLE_ATTRIBUTE}')};for(const r of rs){if(ours(r.target)){__iomStyle.rewritten++;continue}for(const n of r.addedNodes)if(ours(n))__iomStyle.added++;for(const n of r.removedNodes)if(ours(n))__iomStyle.removed++}}).observe(document.head,{childList:true,subtree:true,characterData:true});</script>`;

function documentHtml(title: string, body: string, head = ''): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>${LONGTASK_SCRIPT}${STYLE_COUNT_SCRIPT}${head}</head><body>
<header><nav><ul>${['Home', 'World', 'Business', 'Science', 'Sport'].map((w) => `<li><a href="#${w}">${w}</a></li>`).join('')}</ul></nav></header>
<main><article>${body}</article></main>
<footer><p>Printed from the archive.</p></footer>
</body></html>`;
}

/**
 * An article with about `textChars` characters of text. With `mentionsEvery`, one mention sentence is put
 * into every section of that many characters; `fragmented` puts every word in an element of its own.
 */
export function articlePage({
  textChars,
  mentionsEvery = 0,
  fragmented = false,
  seed = 1,
  title = 'Bench page',
}: {
  textChars: number;
  mentionsEvery?: number;
  fragmented?: boolean;
  seed?: number;
  title?: string;
}): { html: string; mentions: number; textChars: number } {
  const rand = random(seed);
  const sections: string[] = [];
  let total = 0;
  let mentions = 0;
  let sinceMention = 0;
  for (let s = 0; total < textChars; s++) {
    const paragraphs: string[] = [];
    for (let p = 0; p < PARAGRAPHS_PER_SECTION && total < textChars; p++) {
      let html = paragraphHtml(rand, PARAGRAPH_CHARS, fragmented);
      total += PARAGRAPH_CHARS;
      sinceMention += PARAGRAPH_CHARS;
      if (mentionsEvery > 0 && sinceMention >= mentionsEvery) {
        const m = mentionSentence(mentions);
        html += ` ${fragmented ? fragment(m) : m}`;
        mentions++;
        sinceMention = 0;
      }
      paragraphs.push(`<p>${html}</p>`);
    }
    sections.push(`<section><h2>Section ${s + 1}</h2>\n${paragraphs.join('\n')}\n</section>`);
  }
  return { html: documentHtml(title, sections.join('\n')), mentions, textChars: total };
}

/**
 * A page whose server-rendered state sits in the body as megabytes of inline JSON (as Next.js and
 * similar frameworks ship it), full of candidate words, next to `textChars` of text without mentions.
 */
export function jsonPage({
  jsonChars,
  textChars,
  seed = 3,
}: {
  jsonChars: number;
  textChars: number;
  seed?: number;
}): { html: string; jsonChars: number; textChars: number } {
  const rand = random(seed);
  const items: string[] = [];
  let size = 0;
  for (let i = 0; size < jsonChars; i++) {
    const item = {
      id: i,
      org: 'IOM',
      topic: 'migration and refugees',
      note: sentence(rand),
      tags: ['ICM', 'OIM'],
    };
    const json = JSON.stringify(item);
    items.push(json);
    size += json.length + 1;
  }
  const { html: article, textChars: chars } = articlePage({ textChars, seed });
  const state = `<script type="application/json" id="__STATE__">[${items.join(',')}]</script>`;
  return { html: article.replace('</main>', `</main>${state}`), jsonChars: size, textChars: chars };
}

/**
 * A page with `mentions` mention paragraphs and a live list and ticker that `window.runMutations(n, k)`
 * changes n times, k changes per task (100 by default), as a live-updating page would; resolves after
 * the next frame. `window.highlightAll(limit)` registers a highlight over every mention (or the first
 * `limit`) from the page itself, the reference for what the browser charges per registered range, and
 * `window.observeLikeLens(options)` a MutationObserver that only counts records: with the lens's options
 * and as many ranges as the lens painted, the mechanism's floor; `window.observeMentions(rootMargin)` an
 * IntersectionObserver on every mention paragraph (painting by viewport without the painter's groups).
 */
export function mutationPage({ mentions, seed = 5 }: { mentions: number; seed?: number }): {
  html: string;
  mentions: number;
} {
  const rand = random(seed);
  const paragraphs = Array.from(
    { length: mentions },
    (_, i) => `<p>${sentence(rand)} ${mentionSentence(i)}</p>`,
  );
  const body = `${paragraphs.join('\n')}
<aside><div id="ticker"><span id="tick">0</span> updates so far</div><ul id="live"></ul></aside>
<script>
window.runMutations = (total, perTask = 100) => new Promise((resolve) => {
  const live = document.getElementById('live');
  const tick = document.getElementById('tick').firstChild;
  const items = [];
  let done = 0;
  const batch = () => {
    for (let i = 0; i < perTask && done < total; i++, done++) {
      switch (done % 4) {
        case 0: { const li = document.createElement('li'); li.textContent = 'update ' + done + ' from the newsroom desk'; live.append(li); items.push(li); break; }
        case 1: tick.data = String(done); break;
        case 2: { const li = items.shift(); if (li) li.remove(); break; }
        default: { const li = items[items.length - 1]; if (li) li.firstChild.data = 'edited item ' + done; }
      }
    }
    if (done < total) setTimeout(batch, 0);
    else requestAnimationFrame(() => setTimeout(resolve, 0));
  };
  batch();
});
window.observeLikeLens = (options) => {
  window.__floorRecords = 0;
  new MutationObserver((records) => { window.__floorRecords += records.length; }).observe(document.documentElement, options);
};
window.observeMentions = (rootMargin) => {
  const io = new IntersectionObserver(() => {}, { rootMargin });
  for (const p of document.querySelectorAll('p')) if (/IOM|UN Migration/.test(p.textContent)) io.observe(p);
};
window.highlightAll = (limit = Infinity) => {
  const ranges = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let t = walker.nextNode(); t; t = walker.nextNode()) {
    const at = t.data.search(/IOM|International Organization|UN Migration/);
    if (at >= 0 && ranges.length < limit) ranges.push(new StaticRange({ startContainer: t, startOffset: at, endContainer: t, endOffset: at + 3 }));
  }
  const style = document.createElement('style');
  style.textContent = '::highlight(page-reference) { text-decoration: underline dotted 2px #2f7fd8; }';
  document.head.append(style);
  CSS.highlights.set('page-reference', new Highlight(...ranges));
  return ranges.length;
};
</script>`;
  return { html: documentHtml('Live page', body), mentions };
}

/** One page of the benchmark's list. */
export interface BenchPage {
  /** File name without `.html`, and the name BENCH_PAGES selects it by. */
  name: string;
  label: string;
  html: string;
  /** A page without mentions (nor candidates outside its scripts). */
  none?: boolean;
  /** Its size in MB, as the targets count it. */
  mb: number;
  /** The typical article with mentions of issue 17 (100 KB, 20 mentions), with targets of its own. */
  article?: boolean;
}

/**
 * Writes the benchmark's pages into `dir` (with `blank.html` and `mutations.html`, whose `mentions`
 * paragraphs are highlighted while it mutates) and returns the measured ones, after checking that every
 * mention sentence is one for the detector and that pages without mentions have no candidate.
 */
export function writePages(dir: string, { mutationMentions }: { mutationMentions: number }): BenchPage[] {
  for (const s of MENTION_SENTENCES) {
    if (detect(s).length === 0) throw new Error(`bench: the detector finds no mention in "${s}"`);
  }
  const pages: BenchPage[] = [
    {
      name: 'none-100k',
      label: '100 KB, no mentions',
      ...articlePage({ textChars: 100_000 }),
      none: true,
      mb: 0.1,
    },
    {
      name: 'none-1m',
      label: '1 MB, no mentions',
      ...articlePage({ textChars: 1_000_000 }),
      none: true,
      mb: 1,
    },
    {
      name: 'none-5m',
      label: '5 MB, no mentions',
      ...articlePage({ textChars: 5_000_000 }),
      none: true,
      mb: 5,
    },
    {
      name: 'some-100k',
      label: '100 KB article, 1 mention / 5 KB',
      ...articlePage({ textChars: 100_000, mentionsEvery: 5000 }),
      mb: 0.1,
      article: true,
    },
    {
      name: 'some-1m',
      label: '1 MB, 1 mention / 5 KB',
      ...articlePage({ textChars: 1_000_000, mentionsEvery: 5000 }),
      mb: 1,
    },
    {
      name: 'some-5m',
      label: '5 MB, 1 mention / 5 KB',
      ...articlePage({ textChars: 5_000_000, mentionsEvery: 5000 }),
      mb: 5,
    },
    {
      name: 'fragmented-1m',
      label: '1 MB fragmented (a node per word), 1 mention / 5 KB',
      ...articlePage({ textChars: 1_000_000, mentionsEvery: 5000, fragmented: true }),
      mb: 1,
    },
    {
      name: 'json-3m',
      label: '3 MB inline JSON + 100 KB text, no mentions',
      ...jsonPage({ jsonChars: 3_000_000, textChars: 100_000 }),
      none: true,
      mb: 3.1,
    },
  ];
  for (const page of pages) {
    if (page.none && hasCandidate(page.html.replace(/<script[\s\S]*?<\/script>/g, ''))) {
      throw new Error(`bench: page ${page.name} should have no candidates outside its scripts`);
    }
    writeFileSync(path.join(dir, `${page.name}.html`), page.html);
  }
  writeFileSync(path.join(dir, 'blank.html'), '<!doctype html><title>blank</title>');
  writeFileSync(path.join(dir, 'mutations.html'), mutationPage({ mentions: mutationMentions }).html);
  return pages;
}
