/**
 * Stepwise computations: generators that yield between steps so that a caller on a page's main thread
 * (the page lens) can stop at its slice budget and go on in a later task. Node tools and tests just drain
 * them.
 */

/** A computation that yields between its steps and returns `R`. */
export type Steps<R> = Generator<void, R, void>;

/** Runs a stepwise computation to its end and returns its result. */
export function drain<R>(steps: Steps<R>): R {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}
