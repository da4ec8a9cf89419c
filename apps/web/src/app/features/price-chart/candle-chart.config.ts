import type { ChartDataset, ChartOptions, TooltipModel } from 'chart.js';
import type { MarketBar } from '@ptp/contracts';
import { CHART_COLORS, paletteColor } from '../../shared/charts/chart-theme';
import type { FillWithDecision, IndicatorLine } from './candles.view';

export interface CandleChartInput {
  readonly bars: readonly MarketBar[];
  readonly lines: readonly IndicatorLine[];
  readonly thresholds: { oversold: number; overbought: number } | null;
  readonly fills: readonly FillWithDecision[];
}

/** Marks a dataset as fill markers and carries each point's fill and decision for the tooltip. */
export interface FillDatasetMeta {
  readonly fills: readonly FillWithDecision[];
}

const PANE_AXIS = { price: 'y', volume: 'volume', rsi: 'rsi' } as const;

function lineDataset(line: IndicatorLine, index: number): ChartDataset {
  return {
    type: 'line',
    label: line.label,
    data: line.points as { x: number; y: number }[],
    yAxisID: PANE_AXIS[line.pane],
    order: 1,
    borderColor: line.pane === 'rsi' ? CHART_COLORS.benchmark : paletteColor(index + 1),
    borderWidth: 1.2,
    borderDash: line.key === 'highestHigh' || line.key === 'lowestLow' ? [4, 3] : [],
    pointRadius: 0,
    tension: 0,
  };
}

function thresholdDataset(label: string, y: number, bars: readonly MarketBar[]): ChartDataset {
  const xs = bars.length > 0 ? [bars[0].time, bars[bars.length - 1].time] : [];
  return {
    type: 'line',
    label,
    data: xs.map((x) => ({ x, y })),
    yAxisID: 'rsi',
    order: 2,
    borderColor: CHART_COLORS.cash,
    borderDash: [2, 3],
    borderWidth: 1,
    pointRadius: 0,
  };
}

function fillDataset(side: 'buy' | 'sell', fills: readonly FillWithDecision[]): ChartDataset {
  const own = fills.filter((f) => f.fill.side === side);
  return Object.assign(
    {
      type: 'line' as const,
      label: side === 'buy' ? 'Buy fills' : 'Sell fills',
      data: own.map((f) => ({ x: f.fill.time, y: f.fill.price })),
      yAxisID: 'y',
      showLine: false,
      borderColor: side === 'buy' ? CHART_COLORS.gain : CHART_COLORS.loss,
      backgroundColor: side === 'buy' ? CHART_COLORS.gain : CHART_COLORS.loss,
      order: 0,
      pointStyle: 'triangle' as const,
      pointRotation: side === 'buy' ? 0 : 180,
      pointRadius: 7,
      pointHoverRadius: 9,
    },
    { fillMeta: { fills: own } satisfies FillDatasetMeta },
  );
}

/** Candles, volume, the strategy's indicators (price, volume and RSI panes) and the fills. */
export function candleDatasets(input: CandleChartInput): ChartDataset[] {
  const { bars, lines, thresholds, fills } = input;
  return [
    fillDataset('buy', fills),
    fillDataset('sell', fills),
    {
      type: 'candlestick',
      label: 'Price',
      order: 5,
      data: bars.map((b) => ({ x: b.time, o: b.open, h: b.high, l: b.low, c: b.close })),
      yAxisID: 'y',
      backgroundColors: {
        up: CHART_COLORS.gain,
        down: CHART_COLORS.loss,
        unchanged: CHART_COLORS.cash,
      },
      borderColors: {
        up: CHART_COLORS.gain,
        down: CHART_COLORS.loss,
        unchanged: CHART_COLORS.cash,
      },
    } as unknown as ChartDataset,
    ...lines.map(lineDataset),
    {
      type: 'bar',
      label: 'Volume',
      order: 6,
      data: bars.map((b) => ({ x: b.time, y: b.volume })),
      yAxisID: 'volume',
      backgroundColor: bars.map((b) => (b.close >= b.open ? '#27d17f66' : '#ff4d4f66')),
      barPercentage: 1,
      categoryPercentage: 0.9,
    },
    ...(thresholds && lines.some((l) => l.pane === 'rsi')
      ? [
          thresholdDataset(`Oversold ${thresholds.oversold}`, thresholds.oversold, bars),
          thresholdDataset(`Overbought ${thresholds.overbought}`, thresholds.overbought, bars),
        ]
      : []),
  ];
}

const axisFont = { family: "ui-monospace, 'DejaVu Sans Mono', monospace", size: 10 };

export function candleOptions(
  hasRsi: boolean,
  external: (context: { chart: unknown; tooltip: TooltipModel<'candlestick'> }) => void,
): ChartOptions {
  const pane = (weight: number, offset: boolean) => ({
    type: 'linear' as const,
    position: 'right' as const,
    stack: 'panes',
    stackWeight: weight,
    offset,
    grid: { color: CHART_COLORS.grid },
    ticks: { color: CHART_COLORS.text, font: axisFont, maxTicksLimit: 5 },
    border: { color: CHART_COLORS.cash },
  });
  return {
    animation: false,
    responsive: true,
    maintainAspectRatio: false,
    parsing: false,
    interaction: { mode: 'nearest', axis: 'x', intersect: false },
    plugins: {
      legend: { labels: { color: CHART_COLORS.text, font: axisFont, boxWidth: 10, boxHeight: 2 } },
      tooltip: { enabled: false, external },
      zoom: {
        limits: { x: { min: 'original', max: 'original' } },
        pan: { enabled: true, mode: 'x' },
        zoom: { wheel: { enabled: true }, pinch: { enabled: true }, mode: 'x' },
      },
    },
    scales: {
      x: {
        type: 'time',
        grid: { color: CHART_COLORS.grid },
        ticks: { color: CHART_COLORS.text, font: axisFont, maxTicksLimit: 8, maxRotation: 0 },
      },
      y: pane(hasRsi ? 4 : 5, true),
      volume: { ...pane(1, true), ticks: { ...pane(1, true).ticks, maxTicksLimit: 2 } },
      rsi: { ...pane(hasRsi ? 1.5 : 0.0001, true), display: hasRsi, min: 0, max: 100 },
    },
  } as ChartOptions;
}
