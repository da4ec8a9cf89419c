import { CompensatedSum } from './compensated-sum';
import { RingBuffer } from './ring-buffer';
import { assertPeriod, StreamingIndicator } from './streaming-indicator';

/** Simple moving average of the last `period` inputs (the current one included). */
export class Sma implements StreamingIndicator<number> {
  private readonly window: RingBuffer;
  private readonly sum = new CompensatedSum();
  /** The average once the window is full (a double field: see PreviousBars). */
  private current = 0;

  constructor(readonly period: number) {
    assertPeriod(period);
    this.window = new RingBuffer(period);
  }

  get value(): number | null {
    return this.window.isFull() ? this.current : null;
  }

  /**
   * `value` for a caller that checked isReady(): a `number | null` that is a number is a boxed
   * double, one allocation per read on a per-bar path; a plain number is not.
   */
  get average(): number {
    return this.current;
  }

  update(input: number): number | null {
    const evicted = this.window.push(input);
    this.sum.add(input);
    if (evicted) this.sum.add(-this.window.evicted);
    if (!this.window.isFull()) return null;
    this.current = this.sum.value / this.period;
    return this.current;
  }

  rescale(scale: (value: number) => number): void {
    this.window.map(scale);
    this.sum.rescale(scale);
    this.current = scale(this.current);
  }

  isReady(): boolean {
    return this.window.isFull();
  }
}
