// The demo screenshot's showcase: wait for highlighted mentions, rest the pointer on the first one and wait
// for its hover card. Written against a small page interface so that Chromium (Playwright) and Firefox
// (Puppeteer over WebDriver BiDi) run the same steps.

/** What the showcase needs of a browser page; both drivers' pages are adapted to it (scripts/demo/launch.ts). */
export interface DemoPage {
  /** Runs `fn(arg)` in the page's own world and resolves to its JSON result. */
  evaluate<A, R>(fn: (arg: A) => R, arg: A): Promise<R>;
  /** Moves the pointer to (x, y) in a few steps, as a hand would. */
  hover(x: number, y: number): Promise<void>;
}

/** How long the showcase waits for the content script to highlight mentions (it scans at idle). */
const HIGHLIGHT_WAIT_MS = 10_000;
/** How long it waits for the hover card after the pointer rests on a mention (the dwell is ~300 ms). */
const CARD_WAIT_MS = 5_000;
/** The card's entrance transition, let finish before the capture. */
const CARD_SETTLE_MS = 300;
/** How often a condition in the page is checked while waiting. */
const POLL_MS = 100;
/** Names the extension uses on pages (issues 5 and 6): the CSS highlight and the card's host element. */
const HIGHLIGHT_NAME = 'iom-lens-mention';
const CARD_ELEMENT = 'iom-lens-card';
/** Where the showcase looks for its mention first: the demo article's paragraphs. */
const FOCUS_SELECTOR = 'article p';

interface MentionBox {
  x: number;
  y: number;
  width: number;
  height: number;
  text: string;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Evaluates `fn(arg)` until it returns something other than null or false, or `timeoutMs` passes (then
 * null). Errors count as "not yet": right after a navigation Firefox's BiDi can throw a transient one.
 */
async function poll<A, R>(page: DemoPage, fn: (arg: A) => R, arg: A, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await page.evaluate(fn, arg).catch(() => null);
    if (value !== null && value !== false) return value;
    await sleep(POLL_MS);
  }
  return null;
}

/** In the page: the box of the first highlighted mention, preferring the article's body. */
function firstMentionBox({ name, focus }: { name: string; focus: string }): MentionBox | null {
  // The highlight registry is shared between the page and content scripts, so the page can read it.
  const highlight = globalThis.CSS?.highlights?.get(name);
  if (!highlight?.size) return null;
  const ranges = [...highlight].map((r) => {
    const range = document.createRange();
    range.setStart(r.startContainer, r.startOffset);
    range.setEnd(r.endContainer, r.endOffset);
    return range;
  });
  // First in document order, preferring mentions in the article's body over headings and bylines.
  const inFocus = ranges.filter((r) => r.startContainer.parentElement?.closest(focus));
  const first = (inFocus.length ? inFocus : ranges).sort((a, b) =>
    a.compareBoundaryPoints(Range.START_TO_START, b),
  )[0];
  const rect = first?.getClientRects()[0];
  return first && rect
    ? { x: rect.x, y: rect.y, width: rect.width, height: rect.height, text: first.toString() }
    : null;
}

/** In the page: whether the card's dialog is shown (it stays hidden until placed beside the mention). */
function cardShown(element: string): boolean {
  const dialog = document.querySelector(element)?.shadowRoot?.querySelector('[role="dialog"]');
  if (!dialog) return false;
  const rect = dialog.getBoundingClientRect();
  return rect.width > 0 && rect.height > 0 && getComputedStyle(dialog).visibility === 'visible';
}

/**
 * Waits for highlighted mentions, hovers the first one and waits for its hover card. Each stage is
 * skipped with a note when the extension does not draw it, so the page is still captured.
 */
export async function showFirstMentionCard(page: DemoPage, log: (line: string) => void): Promise<void> {
  const box = await poll(
    page,
    firstMentionBox,
    { name: HIGHLIGHT_NAME, focus: FOCUS_SELECTOR },
    HIGHLIGHT_WAIT_MS,
  );
  if (!box) {
    log(`No highlighted mention within ${HIGHLIGHT_WAIT_MS / 1000} s: capturing the page as it is.`);
    return;
  }
  log(`First mention: "${box.text}". Hovering it…`);
  await page.hover(box.x + box.width / 2, box.y + box.height / 2);
  if (!(await poll(page, cardShown, CARD_ELEMENT, CARD_WAIT_MS))) {
    log(`No <${CARD_ELEMENT}> within ${CARD_WAIT_MS / 1000} s of hovering: capturing without a card.`);
    return;
  }
  await sleep(CARD_SETTLE_MS);
  log('Hover card open.');
}
