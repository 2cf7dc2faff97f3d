/**
 * Runs the mention detector on passages in JSON lines.
 *
 *   npm run --silent detect -- --jsonl FILE      (FILE may be - for standard input)
 *
 * Each input line is an object with `id` and `text`, and optionally the page's `url` and `title` (used as
 * the browser uses the page's URL and title; null counts as absent), and is its own document; other fields
 * are ignored. A url that is not an absolute URL is reported as FILE:LINE (exit code 1) and the passage is
 * read without it.
 * Each prints one line: {"id": …, "mentions": [{"start", "end", "surface", "name", "confidence"}]}, offsets in
 * UTF-16 code units of `text`. Blank lines are skipped. A bad line is reported on stderr as FILE:LINE and the
 * run goes on, so every good line still gets its result; the exit code is then 1. Nothing else goes to stdout.
 */
import './lib/closed-pipe';
import { readFileSync } from 'node:fs';
import { detect } from '@/lib/detect';
import { PassageInput, passageContext, readJsonLines } from '@/lib/detect/jsonl';

const USAGE = 'usage: npm run --silent detect -- --jsonl FILE   (FILE may be - for standard input)';

function fail(message: string, code: number): never {
  console.error(`detect: ${message}`);
  process.exit(code);
}

function parseArgs(argv: readonly string[]): string {
  if (argv.includes('--help') || argv.includes('-h')) {
    console.error(USAGE);
    process.exit(0);
  }
  const i = argv.indexOf('--jsonl');
  const file = i >= 0 ? argv[i + 1] : undefined;
  if (file === undefined) fail(`missing --jsonl FILE\n${USAGE}`, 2);
  const extra = argv.filter((_arg, j) => j !== i && j !== i + 1);
  if (extra.length > 0) fail(`unexpected argument ${extra[0]}\n${USAGE}`, 2);
  return file;
}

function main(): void {
  const file = parseArgs(process.argv.slice(2));
  let content: string;
  try {
    content = readFileSync(file === '-' ? 0 : file, 'utf8');
  } catch (error) {
    fail(`cannot read ${file}: ${(error as Error).message}`, 2);
  }
  // `| head` closes the pipe early; that is not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  const name = file === '-' ? 'stdin' : file;
  const out: string[] = [];
  for (const result of readJsonLines(content, PassageInput)) {
    if (!result.ok) {
      console.error(`${name}:${result.line}: ${result.error}`);
      process.exitCode = 1;
      continue;
    }
    const { id, text } = result.value;
    const { context, problem } = passageContext(result.value);
    if (problem) {
      // The passage is still read (without its url), so nothing is lost; the run reports the bad field.
      console.error(`${name}:${result.line}: ${problem}`);
      process.exitCode = 1;
    }
    const mentions = detect(text, context).map(({ start, end, surface, name, confidence }) => ({
      start,
      end,
      surface,
      name,
      confidence,
    }));
    out.push(JSON.stringify({ id, mentions }));
  }
  if (out.length > 0) process.stdout.write(`${out.join('\n')}\n`);
}

main();
