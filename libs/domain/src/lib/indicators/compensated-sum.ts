/**
 * Running sum with Neumaier compensation. A rolling window adds and removes values for millions of
 * bars; plain float accumulation would drift away from the batch sum, and crossovers compare two
 * such averages for equality.
 */
export class CompensatedSum {
  private sum = 0;
  private compensation = 0;

  add(value: number): void {
    const total = this.sum + value;
    if (Math.abs(this.sum) >= Math.abs(value)) {
      this.compensation += this.sum - total + value;
    } else {
      this.compensation += value - total + this.sum;
    }
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
