/** Where painted ranges go: the real Highlight in browsers, a plain set in unit tests. */
export interface HighlightSink {
  /** Paints a range. */
  add(range: AbstractRange): void;
  /** Stops painting a range. */
  delete(range: AbstractRange): void;
  /** Stops painting everything. */
  clear(): void;
  /** Number of ranges added (to be painted). */
  readonly size: number;
}
