import * as v from 'valibot';
import type { DocumentContext } from './types';

/** One non-blank line of a JSON-lines file: its parsed value, or why it was rejected. */
export type LineResult<T> =
  | { /** 1-based line number. */ line: number; ok: true /** The validated value. */; value: T }
  | {
      /** 1-based line number. */ line: number;
      ok: false /** What is wrong, naming the field. */;
      error: string;
    };

/**
 * A passage to run the detector on: `id` and `text`, and optionally the page's `url` and `title`, which
 * the detector uses as the browser uses the page's (see DocumentContext); null stands for absent, and
 * other fields are ignored.
 */
export const PassageInput = v.object(
  {
    id: v.union([v.string(), v.number()], 'id must be a string or a number'),
    text: v.string('text must be a string'),
    url: v.nullish(v.string('url must be a string')),
    title: v.nullish(v.string('title must be a string')),
  },
  'each line must be a JSON object with "id" and "text"',
);

/** A validated detector input line. */
export type PassageInput = v.InferOutput<typeof PassageInput>;

/**
 * The page context of a passage. A url that is not an absolute URL is left out rather than losing the
 * passage: `problem` then says so, for the caller to report.
 */
export function passageContext(input: Pick<PassageInput, 'url' | 'title'>): {
  context: DocumentContext;
  problem: string | null;
} {
  const context: DocumentContext = {};
  if (input.title != null) context.title = input.title;
  if (input.url == null) return { context, problem: null };
  if (!URL.canParse(input.url))
    return { context, problem: `url ${JSON.stringify(input.url)} is not an absolute URL; read without it` };
  context.url = input.url;
  return { context, problem: null };
}

function describe(issues: readonly v.BaseIssue<unknown>[]): string {
  return issues
    .map((issue) => {
      const path = v.getDotPath(issue);
      if (path && issue.input === undefined) return `missing field "${path}"`;
      return path ? `${path}: ${issue.message}` : issue.message;
    })
    .join('; ');
}

/** Parses and validates JSON lines; blank lines are skipped, bad lines are reported with their number. */
export function* readJsonLines<T>(
  content: string,
  schema: v.GenericSchema<unknown, T>,
): Generator<LineResult<T>> {
  const lines = content.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i] ?? '';
    if (raw.trim() === '') continue;
    const line = i + 1;
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch (error) {
      yield { line, ok: false, error: `not valid JSON (${(error as Error).message})` };
      continue;
    }
    const result = v.safeParse(schema, parsed);
    if (result.success) yield { line, ok: true, value: result.output };
    else yield { line, ok: false, error: describe(result.issues) };
  }
}
