// `npm run demo`: builds the Chrome extension, serves the demo news page (demo/) on 127.0.0.1 and opens
// Chromium with the extension loaded on it; serves until Ctrl-C.
// `npm run demo -- --screenshot FILE`: the same, headless; shows a hover card on the first mention when
// the extension draws one, writes a PNG of the page to FILE and exits.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { CHROMIUM_PATH, chromiumArgs } from './lib/browsers.mjs';
import { serveDirectory } from './lib/static-server.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const EXTENSION_DIR = path.join(ROOT, '.output', 'chrome-mv3');
const DEMO_DIR = path.join(ROOT, 'demo');

/** Size of the screenshot: a laptop screen, wide enough for the article and its side column. */
const SCREENSHOT_VIEWPORT = { width: 1280, height: 900 };
/** How long the screenshot waits for the content script to highlight mentions (it scans at idle). */
const HIGHLIGHT_WAIT_MS = 10_000;
/** How long it waits for the hover card after the pointer rests on a mention (the dwell is ~300 ms). */
const CARD_WAIT_MS = 5_000;
/** Names the extension uses on pages (issues 5 and 6): the CSS highlight and the card's host element. */
const HIGHLIGHT_NAME = 'iom-lens-mention';
const CARD_ELEMENT = 'iom-lens-card';
/** Where the showcase looks for its mention first: the demo article's paragraphs. */
const FOCUS_SELECTOR = 'article p';

const USAGE = `Usage: npm run demo [-- --screenshot FILE] [-- --no-build]
  (no options)       build, serve demo/ and open Chromium with IOM Lens; Ctrl-C to stop
  --screenshot FILE  the same headless: write a PNG of the page to FILE, then exit
  --no-build         use the existing .output/chrome-mv3`;

/**
 * The screenshot's showcase step: wait for highlighted mentions, rest the pointer on the first one and
 * wait for its hover card. Each stage is skipped with a note when the extension does not (yet) draw it,
 * so the page is still captured.
 * @param {import('playwright-core').Page} page
 * @param {(line: string) => void} log
 */
export async function showFirstMentionCard(page, log) {
  const box = await page
    .waitForFunction(
      ({ name, focus }) => {
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
        return rect
          ? { x: rect.x, y: rect.y, width: rect.width, height: rect.height, text: first.toString() }
          : null;
      },
      { name: HIGHLIGHT_NAME, focus: FOCUS_SELECTOR },
      { timeout: HIGHLIGHT_WAIT_MS },
    )
    .then((handle) => handle.jsonValue())
    .catch(() => null);
  if (!box) {
    log(`No highlighted mention within ${HIGHLIGHT_WAIT_MS / 1000} s: capturing the page as it is.`);
    return;
  }
  log(`First mention: "${box.text}". Hovering it…`);
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 5 });
  // The card's dialog sits in the host's open shadow root (Playwright's CSS pierces it) and stays hidden
  // until it has been placed beside the mention.
  const card = await page
    .waitForSelector(`${CARD_ELEMENT} [role="dialog"]`, { state: 'visible', timeout: CARD_WAIT_MS })
    .catch(() => null);
  if (!card) {
    log(`No <${CARD_ELEMENT}> within ${CARD_WAIT_MS / 1000} s of hovering: capturing without a card.`);
    return;
  }
  await page.waitForTimeout(300); // let the card's entrance transition finish before the capture
  log('Hover card open.');
}

async function main() {
  const { values } = parseArgs({
    options: {
      screenshot: { type: 'string' },
      'no-build': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) return void console.log(USAGE);
  const log = (line) => console.log(`[demo] ${line}`);
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium is not installed at ${CHROMIUM_PATH}: apt-get install -y chromium (or set CHROMIUM_PATH).`,
    );
  }
  const headless = values.screenshot !== undefined;
  if (!headless && process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    throw new Error('No display to open Chromium on. Run it in a desktop session, or use --screenshot FILE.');
  }
  if (!values['no-build']) {
    log('Building the Chrome extension…');
    const build = spawnSync(path.join(ROOT, 'node_modules', '.bin', 'wxt'), ['build'], {
      cwd: ROOT,
      stdio: 'inherit',
    });
    if (build.status !== 0) throw new Error(`wxt build failed (exit ${build.status})`);
  }
  if (!existsSync(path.join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`No build at ${EXTENSION_DIR}: run without --no-build.`);
  }

  const server = await serveDirectory(DEMO_DIR);
  const context = await chromium.launchPersistentContext('', {
    executablePath: CHROMIUM_PATH,
    headless,
    args: chromiumArgs(EXTENSION_DIR),
    viewport: headless ? SCREENSHOT_VIEWPORT : null, // headful: the window's own size
    // Ctrl-C is ours: close the browser and the server, then exit 0 (Playwright would exit with 130).
    handleSIGINT: false,
    handleSIGTERM: false,
  });
  const stop = async () => {
    await context.close().catch(() => {});
    await server.close();
  };
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(server.url('/'));
    log(`Demo page: ${server.url('/')}`);
    if (headless) {
      await showFirstMentionCard(page, log);
      const file = path.resolve(values.screenshot);
      await page.screenshot({ path: file });
      log(`Screenshot written to ${file}`);
      await stop();
      return;
    }
    log('Chromium is open with IOM Lens loaded. Press Ctrl-C to stop.');
    await new Promise((resolve) => {
      process.once('SIGINT', resolve);
      process.once('SIGTERM', resolve);
      context.once('close', resolve); // the window was closed by hand
    });
    await stop();
  } catch (error) {
    await stop();
    throw error;
  }
}

// Runs only as a script, so a test or another tool can import showFirstMentionCard.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    console.error(`[demo] ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  });
}
