import { wrap } from './ring-buffer';
import { assertPeriod, StreamingIndicator } from './streaming-indicator';

/**
 * Maximum of the last `period` inputs (the current one included) via a monotonic deque kept in two
 * ring buffers: each input is pushed and popped at most once, so updates are amortised O(1).
 * The minimum is the same structure over negated inputs.
 */
class RollingExtreme implements StreamingIndicator<number> {
  private readonly values: Float64Array;
  private readonly indexes: Float64Array;
  private head = 0;
  private length = 0;
  private seen = 0;
  /** The extreme once `period` inputs were seen (a double field: see PreviousBars). */
  private current = 0;

  constructor(
    readonly period: number,
    private readonly sign: 1 | -1,
  ) {
    assertPeriod(period);
    this.values = new Float64Array(period);
    this.indexes = new Float64Array(period);
  }

  get value(): number | null {
    return this.seen >= this.period ? this.current : null;
  }

  update(input: number): number | null {
    const index = this.seen++;
    const signed = this.sign * input;
    if (this.length > 0 && this.indexes[this.head] <= index - this.period) {
      this.head = wrap(this.head + 1, this.period);
      this.length--;
    }
    while (this.length > 0 && this.values[this.slot(this.length - 1)] <= signed) {
      this.length--;
    }
    const tail = this.slot(this.length);
    this.values[tail] = signed;
    this.indexes[tail] = index;
    this.length++;
    this.current = this.sign * this.values[this.head];
    return this.value;
  }

  /** `scale` must be increasing and odd (a positive factor), so that the order is kept. */
  rescale(scale: (value: number) => number): void {
    for (let i = 0; i < this.length; i++) {
      const slot = this.slot(i);
      this.values[slot] = scale(this.values[slot]);
    }
    this.current = scale(this.current);
  }

  isReady(): boolean {
    return this.seen >= this.period;
  }

  private slot(offset: number): number {
    return wrap(this.head + offset, this.period);
  }
}

/** Highest of the last `period` inputs, current one included. */
export class RollingMax extends RollingExtreme {
  constructor(period: number) {
    super(period, 1);
  }
}

/** Lowest of the last `period` inputs, current one included. */
export class RollingMin extends RollingExtreme {
  constructor(period: number) {
    super(period, -1);
  }
}
