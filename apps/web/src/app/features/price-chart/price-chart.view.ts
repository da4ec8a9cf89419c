import type { ChartData } from '@ptp/contracts';
import type { LineSeries, MarkerSeries } from '../../shared/charts/chart-series';
import { CHART_COLORS } from '../../shared/charts/chart-theme';

export function priceSeries(data: ChartData | undefined, symbol: string): LineSeries[] {
  return [
    {
      label: symbol,
      color: CHART_COLORS.accent,
      points: (data?.prices[symbol] ?? []).map((p) => ({ x: p.time, y: p.close })),
    },
  ];
}

/** Buy fills as green up-triangles, sell fills as red down-triangles, at their fill price. */
export function fillMarkers(data: ChartData | undefined, symbol: string): MarkerSeries[] {
  const fills = (data?.fills ?? []).filter((f) => f.symbol === symbol);
  return [
    {
      label: 'Buy',
      color: CHART_COLORS.gain,
      shape: 'triangle-up',
      points: fills.filter((f) => f.side === 'buy').map((f) => ({ x: f.time, y: f.price })),
    },
    {
      label: 'Sell',
      color: CHART_COLORS.loss,
      shape: 'triangle-down',
      points: fills.filter((f) => f.side === 'sell').map((f) => ({ x: f.time, y: f.price })),
    },
  ];
}
