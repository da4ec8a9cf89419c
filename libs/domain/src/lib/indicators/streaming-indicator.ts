/**
 * The contract every streaming indicator shares: one `update` per completed bar (O(1) amortised
 * work and memory bounded by the period), `value` null until warmed up.
 */
export interface StreamingIndicator<TInput> {
  readonly period: number;
  /** The value as of the latest update; null while warming up. */
  readonly value: number | null;
  /** Feeds the next input and returns the new `value`. */
  update(input: TInput): number | null;
  isReady(): boolean;
  /**
   * Maps every input-derived value it holds (a split: prices ÷ ratio, volumes × ratio), so that
   * the history reads as if it had always been on the new basis.
   */
  rescale(scale: (value: number) => number): void;
}

/** A price or volume mapping of `rescale`. */
export type Rescale = (value: number) => number;

export function assertPeriod(period: number): void {
  if (!Number.isInteger(period) || period < 1) {
    throw new RangeError(`indicator period must be a positive integer, got ${period}`);
  }
}
