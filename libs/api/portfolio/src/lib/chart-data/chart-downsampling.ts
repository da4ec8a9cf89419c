import type { ChartData } from '@ptp/contracts';
import { lttb } from './lttb';

/** The most points a full chart-data answer carries per series, whatever the history's length. */
export const MAX_CHART_POINTS = 2_000;

/**
 * A full answer with every series cut to `max` points: the equity curve and each price series by
 * LTTB (their shape, peaks and troughs stay), the fill markers to the newest `max` (older fills stay
 * in `GET /api/trades`). Increments (`since=`) are never thinned: they carry every new point.
 */
export function downsampleChartData(data: ChartData, max = MAX_CHART_POINTS): ChartData {
  if (data.incremental) return data;
  const long =
    data.equity.length > max ||
    data.fills.length > max ||
    Object.values(data.prices).some((series) => series.length > max);
  if (!long) return data;
  return {
    ...data,
    equity: lttb(
      data.equity,
      max,
      (p) => p.time,
      (p) => p.equity,
    ),
    prices: Object.fromEntries(
      Object.entries(data.prices).map(([symbol, series]) => [
        symbol,
        lttb(
          series,
          max,
          (p) => p.time,
          (p) => p.close,
        ),
      ]),
    ),
    fills: data.fills.slice(-max),
  };
}
