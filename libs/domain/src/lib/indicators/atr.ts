import type { Bar } from '../market/bar';
import { WilderAverage } from './sma-seeded-smoothing';
import { assertPeriod, StreamingIndicator } from './streaming-indicator';

export type RangeBar = Pick<Bar, 'high' | 'low' | 'close'>;

/**
 * Wilder's Average True Range (StockCharts convention): the first bar's true range is high − low,
 * later ones max(high − low, |high − prevClose|, |low − prevClose|); the first ATR is the mean of
 * the first `period` true ranges (so it appears on bar `period`), then Wilder smoothing.
 */
export class Atr implements StreamingIndicator<RangeBar> {
  private readonly average: WilderAverage;
  private previousClose: number | null = null;

  constructor(readonly period: number) {
    assertPeriod(period);
    this.average = new WilderAverage(period);
  }

  get value(): number | null {
    return this.average.value;
  }

  update(bar: RangeBar): number | null {
    const range = trueRange(bar, this.previousClose);
    this.previousClose = bar.close;
    return this.average.update(range);
  }

  rescale(scale: (value: number) => number): void {
    this.average.rescale(scale);
    if (this.previousClose !== null) this.previousClose = scale(this.previousClose);
  }

  isReady(): boolean {
    return this.average.isReady();
  }
}

export function trueRange(bar: RangeBar, previousClose: number | null): number {
  const range = bar.high - bar.low;
  if (previousClose === null) {
    return range;
  }
  return Math.max(range, Math.abs(bar.high - previousClose), Math.abs(bar.low - previousClose));
}
