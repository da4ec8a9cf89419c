import type { Bar } from '@ptp/domain';

/**
 * The newest 1-minute bars of each symbol, oldest first, capped per symbol. A bar with the time of the
 * last one replaces it (a provider may revise the minute it is still building); older bars are ignored.
 */
export class BarHistory {
  private readonly bars = new Map<string, Bar[]>();

  constructor(private readonly capacity: number) {}

  append(bar: Bar): boolean {
    let series = this.bars.get(bar.symbol);
    if (!series) {
      series = [];
      this.bars.set(bar.symbol, series);
    }
    const last = series[series.length - 1];
    if (last && bar.time < last.time) return false;
    if (last && bar.time === last.time) {
      series[series.length - 1] = bar;
      return true;
    }
    series.push(bar);
    // Trim in chunks so appending stays O(1) amortised.
    if (series.length > this.capacity * 1.25) series.splice(0, series.length - this.capacity);
    return true;
  }

  forget(symbol: string): void {
    this.bars.delete(symbol);
  }

  recent(symbol: string, count: number): Bar[] {
    const series = this.bars.get(symbol) ?? [];
    return series.slice(Math.max(0, series.length - Math.min(count, this.capacity)));
  }

  /** Bars starting in [from, to]. */
  range(symbol: string, from: number, to: number): Bar[] {
    return (this.bars.get(symbol) ?? []).filter((bar) => bar.time >= from && bar.time <= to);
  }

  last(symbol: string): Bar | undefined {
    const series = this.bars.get(symbol);
    return series?.[series.length - 1];
  }
}
