/**
 * Functions that tests run inside the browser (in a page, the background or a content script) travel
 * as source text: they see only their argument, never variables of the test file, and both the
 * argument and the result travel as JSON.
 */
export type RemoteFunction<A, R> = (arg: A) => R | Promise<R>;

/**
 * The JavaScript expression that calls `fn(arg)` in another realm, awaits it and evaluates to a JSON
 * string: `{"value": …}` (a wrapper, so that `undefined` survives as a missing value) or, when `fn`
 * throws, `{"error": "…"}`. Catching in the realm itself gives the same error text in every browser
 * and protocol, and keeps a failing test function out of the browser's error log.
 */
export function remoteExpression<A, R>(fn: RemoteFunction<A, R>, arg: A): string {
  const argument = arg === undefined ? 'undefined' : JSON.stringify(arg);
  return `(async () => {
    try {
      return JSON.stringify({ value: await (${fn.toString()})(${argument}) });
    } catch (error) {
      return JSON.stringify({ error: String(error) + (error && error.stack ? '\\n' + error.stack : '') });
    }
  })()`;
}

/** Decodes what {@link remoteExpression} evaluated to; rethrows the remote function's error. */
export function remoteResult<R>(json: unknown): R {
  if (typeof json !== 'string')
    throw new Error(`Expected a JSON string from the browser, got ${typeof json}`);
  const outcome = JSON.parse(json) as { value: R; error?: string };
  if (outcome.error !== undefined) throw new Error(`The function run in the browser threw: ${outcome.error}`);
  return outcome.value;
}
