/**
 * Running sum with Neumaier compensation. A rolling window adds and removes values for millions of
 * bars; plain float accumulation would drift away from the batch sum, and crossovers compare two
 * such averages for equality.
 */
export class CompensatedSum {
  private sum = 0;
  private compensation = 0;

  // Kept short: V8 inlines calls into a strategy's per-bar evaluation up to a bytecode budget, and
  // a double passed to a call it did not inline is boxed.
  add(value: number): void {
    const sum = this.sum;
    const total = sum + value;
    this.compensation +=
      Math.abs(sum) >= Math.abs(value) ? sum - total + value : value - total + sum;
    this.sum = total;
  }

  /** A linear map of the sum (a split's price or volume factor). */
  rescale(scale: (value: number) => number): void {
    this.sum = scale(this.sum);
    this.compensation = scale(this.compensation);
  }

  get value(): number {
    return this.sum + this.compensation;
  }
}
