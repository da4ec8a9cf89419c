import { CompensatedSum } from './compensated-sum';
import { assertPeriod, StreamingIndicator } from './streaming-indicator';

/**
 * Exponential smoothing seeded with the SMA of the first `period` inputs:
 * value = prev × (1 − α) + input × α afterwards. EMA and Wilder's average differ only in α.
 */
export class SmaSeededSmoothing implements StreamingIndicator<number> {
  private readonly seedSum = new CompensatedSum();
  private seen = 0;
  /** The smoothed value once `period` inputs were seen (a double field: see PreviousBars). */
  private current = 0;

  constructor(
    readonly period: number,
    private readonly alpha: number,
  ) {
    assertPeriod(period);
  }

  get value(): number | null {
    return this.seen >= this.period ? this.current : null;
  }

  update(input: number): number | null {
    if (this.seen >= this.period) {
      this.current = this.current * (1 - this.alpha) + input * this.alpha;
      return this.current;
    }
    this.seedSum.add(input);
    this.seen++;
    if (this.seen < this.period) return null;
    this.current = this.seedSum.value / this.period;
    return this.current;
  }

  rescale(scale: (value: number) => number): void {
    this.seedSum.rescale(scale);
    this.current = scale(this.current);
  }

  isReady(): boolean {
    return this.seen >= this.period;
  }
}

/**
 * EMA with α = 2 / (period + 1), SMA-seeded (StockCharts / TA-Lib convention): first value at input
 * `period`.
 */
export class Ema extends SmaSeededSmoothing {
  constructor(period: number) {
    super(period, 2 / (period + 1));
  }
}

/** Wilder's smoothing (RMA/SMMA) with α = 1 / period, SMA-seeded. Used by RSI and ATR. */
export class WilderAverage extends SmaSeededSmoothing {
  constructor(period: number) {
    super(period, 1 / period);
  }
}
