import * as v from 'valibot';

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
 * the detector uses as the browser uses the page's (see DocumentContext); other fields are ignored.
 */
export const PassageInput = v.object(
  {
    id: v.union([v.string(), v.number()], 'id must be a string or a number'),
    text: v.string('text must be a string'),
    url: v.optional(v.pipe(v.string('url must be a string'), v.url('url must be an absolute URL'))),
    title: v.optional(v.string('title must be a string')),
  },
  'each line must be a JSON object with "id" and "text"',
);

/** A validated detector input line. */
export type PassageInput = v.InferOutput<typeof PassageInput>;

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
