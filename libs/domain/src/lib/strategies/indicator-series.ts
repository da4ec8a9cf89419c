import type { Bar } from '../market/bar';
import type { StrategyParams } from './strategy';
import { createStrategy } from './strategy-registry';

/** The strategy's audit values on one bar, exactly as its `onBar` reported them. */
export interface IndicatorPoint {
  readonly time: number;
  readonly indicators: Readonly<Record<string, number | null>>;
}

export interface IndicatorSeriesOptions {
  /** Points before this time (UTC ms) only warm the strategy up and are not returned. */
  readonly from?: number;
}

/**
 * Feeds one symbol's bars, oldest first, to a fresh instance of the strategy and records the
 * indicators it reports on each bar. Indicator values do not depend on whether the strategy holds,
 * so the series is the one the engine's instance computed on the same bars.
 */
export function strategyIndicatorSeries(
  name: string,
  params: Partial<StrategyParams>,
  bars: readonly Bar[],
  { from = Number.NEGATIVE_INFINITY }: IndicatorSeriesOptions = {},
): IndicatorPoint[] {
  const strategy = createStrategy(name, params);
  const points: IndicatorPoint[] = [];
  for (const bar of bars) {
    const { indicators } = strategy.onBar(bar, { holding: false });
    if (bar.time >= from) points.push({ time: bar.time, indicators: { ...indicators } });
  }
  return points;
}
