// `npm run demo`: installs the browser when missing (as root; otherwise says how), builds the extension,
// serves the demo news page (demo/) on 127.0.0.1 and opens Chromium (or, with `--browser firefox`,
// Firefox ESR) with the extension loaded on it; serves until Ctrl-C or the window is closed.
// `--screenshot FILE`: the same, headless; shows a hover card on the first mention when the extension
// draws one, writes a PNG of the page to FILE and exits.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { LaunchOptions } from './demo/launch';
import { showFirstMentionCard } from './demo/showcase';
import { CHROMIUM, type DebianPackage, ensurePackages, FIREFOX_ESR } from './lib/browser-setup';
import { serveDirectory } from './lib/static-server';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DEMO_DIR = path.join(ROOT, 'demo');

/** Size of the screenshot: a laptop screen, wide enough for the article and its side column. */
const SCREENSHOT_VIEWPORT = { width: 1280, height: 900 };

/**
 * Per browser: its name, the Debian package it needs, how WXT builds for it, where the build goes and
 * which launcher of scripts/demo/launch.ts starts it.
 */
const BROWSERS = {
  chromium: {
    title: 'Chromium',
    package: CHROMIUM,
    buildArgs: ['build'],
    output: '.output/chrome-mv3',
    launcher: 'launchChromium',
  },
  firefox: {
    title: 'Firefox ESR',
    package: FIREFOX_ESR,
    buildArgs: ['build', '-b', 'firefox'],
    output: '.output/firefox-mv2',
    launcher: 'launchFirefox',
  },
} satisfies Record<
  string,
  {
    title: string;
    package: DebianPackage;
    buildArgs: string[];
    output: string;
    launcher: keyof typeof import('./demo/launch');
  }
>;

type BrowserName = keyof typeof BROWSERS;

const USAGE = `Usage: npm run demo [-- --browser firefox] [-- --screenshot FILE] [-- --no-build]
  (no options)       build, serve demo/ and open Chromium with IOM Lens; Ctrl-C to stop
  --browser NAME     chromium (default) or firefox (Firefox ESR with the Firefox build)
  --screenshot FILE  the same headless: write a PNG of the page to FILE, then exit
  --no-build         use the existing build in .output/
Installs the browser with apt-get when it is missing and run as root; otherwise prints the command.`;

/** Thrown for what the user must fix: printed as is, exit code 1. */
class DemoError extends Error {}

/** Reads the command line; throws a DemoError naming what is wrong. */
function demoOptions(argv: string[]) {
  let values: ReturnType<typeof parse>['values'];
  try {
    values = parse(argv).values;
  } catch (error) {
    throw new DemoError(`${error instanceof Error ? error.message : error}\n${USAGE}`);
  }
  const browser = values.browser;
  if (!(browser in BROWSERS)) {
    throw new DemoError(`Unknown --browser ${browser}: use ${Object.keys(BROWSERS).join(' or ')}.`);
  }
  return {
    browser: browser as BrowserName,
    screenshot: values.screenshot,
    build: !values['no-build'],
    help: values.help,
  };
}

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    options: {
      browser: { type: 'string', default: 'chromium' },
      screenshot: { type: 'string' },
      'no-build': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
}

async function main(): Promise<void> {
  const options = demoOptions(process.argv.slice(2));
  if (options.help) return void console.log(USAGE);
  const log = (line: string) => console.log(`[demo] ${line}`);
  const target = BROWSERS[options.browser];

  // Set-up first: on a fresh machine the browser is what is missing.
  const problem = ensurePackages([target.package]);
  if (problem) throw new DemoError(problem);
  const headless = options.screenshot !== undefined;
  if (!headless && process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    throw new DemoError(
      `No display to open ${target.title} on. Run it in a desktop session, or use --screenshot FILE.`,
    );
  }
  const extensionDir = path.join(ROOT, target.output);
  if (options.build) {
    log(`Building the extension for ${target.title}…`);
    const build = spawnSync(path.join(ROOT, 'node_modules', '.bin', 'wxt'), target.buildArgs, {
      cwd: ROOT,
      stdio: 'inherit',
    });
    if (build.status !== 0)
      throw new DemoError(`wxt ${target.buildArgs.join(' ')} failed (exit ${build.status})`);
  }
  if (!existsSync(path.join(extensionDir, 'manifest.json'))) {
    throw new DemoError(`No build at ${extensionDir}: run without --no-build.`);
  }

  // The browser drivers load only now: the set-up check above must answer fast, before anything else.
  const launchers = await import('./demo/launch');
  const server = await serveDirectory(DEMO_DIR);
  const launchOptions: LaunchOptions = { headless, viewport: SCREENSHOT_VIEWPORT };
  const browser = await launchers[target.launcher](extensionDir, launchOptions).catch(async (error) => {
    await server.close();
    throw error;
  });
  const stop = async () => {
    await browser.close();
    await server.close();
  };
  try {
    await browser.goto(server.url('/'));
    log(`Demo page: ${server.url('/')}`);
    if (options.screenshot !== undefined) {
      await showFirstMentionCard(browser.page, log);
      const file = path.resolve(options.screenshot);
      await browser.screenshot(file);
      log(`Screenshot written to ${file}`);
      return;
    }
    log(`${target.title} is open with IOM Lens loaded. Press Ctrl-C to stop.`);
    await new Promise<void>((resolve) => {
      process.once('SIGINT', resolve);
      process.once('SIGTERM', resolve);
      void browser.closed.then(resolve); // the window was closed by hand
    });
  } finally {
    await stop();
  }
}

main().catch((error) => {
  const message = error instanceof DemoError ? error.message : error instanceof Error ? error.stack : error;
  console.error(`[demo] ${message}`);
  process.exit(1);
});
