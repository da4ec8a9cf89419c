import { DAY_MS } from '../../shared/charts/time-axis';
import type { TimePoint } from '../../shared/charts/chart-series';

export type EquityRange = '1D' | '1W' | '1M' | 'ALL';
export const EQUITY_RANGES: readonly EquityRange[] = ['1D', '1W', '1M', 'ALL'];

const RANGE_MS: Record<Exclude<EquityRange, 'ALL'>, number> = {
  '1D': DAY_MS,
  '1W': 7 * DAY_MS,
  '1M': 30 * DAY_MS,
};

/** The points within `range` of the newest point (the data's clock, not the browser's). */
export function sliceToRange(
  points: readonly TimePoint[],
  range: EquityRange,
): readonly TimePoint[] {
  if (range === 'ALL' || points.length === 0) return points;
  const from = points[points.length - 1].x - RANGE_MS[range];
  const start = points.findIndex((p) => p.x >= from);
  return start <= 0 ? points : points.slice(start);
}

/** Drawdown in percent of the running peak (0 at a new high, negative below it). */
export function drawdownSeries(equity: readonly TimePoint[]): TimePoint[] {
  let peak = Number.NEGATIVE_INFINITY;
  return equity.map(({ x, y }) => {
    peak = Math.max(peak, y);
    return { x, y: peak > 0 ? ((y - peak) / peak) * 100 : 0 };
  });
}

/** Rescales a price series so it starts at `capital`: the buy-and-hold line on the equity chart. */
export function rebaseTo(points: readonly TimePoint[], capital: number): TimePoint[] {
  if (points.length === 0 || points[0].y === 0) return [];
  const factor = capital / points[0].y;
  return points.map(({ x, y }) => ({ x, y: y * factor }));
}
