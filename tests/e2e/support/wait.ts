/** How often polls retry: short enough to keep tests quick, long enough not to busy the 2-core machine. */
const POLL_INTERVAL_MS = 100;

/** Default patience for a poll: a content script or a Firefox page can take seconds on a loaded machine. */
export const DEFAULT_WAIT_MS = 15_000;

/** Options of {@link waitUntil}. */
export interface WaitOptions {
  /** Give up after this long (default {@link DEFAULT_WAIT_MS}). */
  timeoutMs?: number;
  /** What is awaited, for the timeout message ("the popup's status text"). */
  what?: string;
  /** Pause between attempts (default {@link POLL_INTERVAL_MS}). */
  intervalMs?: number;
}

/**
 * Calls `probe` until it returns something truthy and resolves with that. A probe that throws is
 * retried too (right after a navigation, WebDriver BiDi throws transient errors); the last error is
 * quoted in the timeout message.
 */
export async function waitUntil<T>(
  probe: () => T | Promise<T>,
  { timeoutMs = DEFAULT_WAIT_MS, what = 'condition', intervalMs = POLL_INTERVAL_MS }: WaitOptions = {},
): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value) return value as NonNullable<T>;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() >= deadline) {
      const cause = lastError instanceof Error ? ` (last error: ${lastError.message})` : '';
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}${cause}`);
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
