import { WilderAverage } from './sma-seeded-smoothing';
import { assertPeriod, StreamingIndicator } from './streaming-indicator';

/**
 * Wilder's RSI over closes. Average gain and loss are seeded with the SMA of the first `period`
 * close-to-close changes, then Wilder-smoothed; the first value appears on close number period + 1.
 * With no losses the RSI is 100; with neither gains nor losses (a flat series) it is 50.
 */
export class Rsi implements StreamingIndicator<number> {
  private readonly gains: WilderAverage;
  private readonly losses: WilderAverage;
  private previousClose = 0;
  private started = false;
  private ready = false;
  /** The RSI once both averages are ready (double fields and flags: see PreviousBars). */
  private current = 0;

  constructor(readonly period: number) {
    assertPeriod(period);
    this.gains = new WilderAverage(period);
    this.losses = new WilderAverage(period);
  }

  get value(): number | null {
    return this.ready ? this.current : null;
  }

  update(close: number): number | null {
    const previous = this.previousClose;
    this.previousClose = close;
    if (!this.started) {
      this.started = true;
      return null;
    }
    const change = close - previous;
    const gain = this.gains.update(change > 0 ? change : 0);
    const loss = this.losses.update(change < 0 ? -change : 0);
    if (gain !== null && loss !== null) {
      this.current = rsiFromAverages(gain, loss);
      this.ready = true;
    }
    return this.value;
  }

  /** The averages scale alike, so the RSI itself does not change. */
  rescale(scale: (value: number) => number): void {
    this.gains.rescale(scale);
    this.losses.rescale(scale);
    this.previousClose = scale(this.previousClose);
  }

  isReady(): boolean {
    return this.ready;
  }
}

function rsiFromAverages(averageGain: number, averageLoss: number): number {
  if (averageLoss === 0) {
    return averageGain === 0 ? 50 : 100;
  }
  return 100 - 100 / (1 + averageGain / averageLoss);
}
