import type {
  ChartFillMarker,
  Decision,
  MarketBar,
  MarketTimespan,
  StrategyIndicatorsResponse,
} from '@ptp/contracts';

export type Timeframe = '1m' | '5m' | '15m' | '1h' | '1d';

export interface TimeframeSpec {
  readonly id: Timeframe;
  /** Bars asked from the API; 5m and 15m candles are built from minute bars. */
  readonly timespan: MarketTimespan;
  readonly bucketMinutes: number;
  /** How far back the chart looks; bounded so the indicators stay within the endpoint's limit. */
  readonly lookbackMs: number;
}

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

export const TIMEFRAMES: readonly TimeframeSpec[] = [
  { id: '1m', timespan: 'minute', bucketMinutes: 1, lookbackMs: 8 * HOUR_MS },
  { id: '5m', timespan: 'minute', bucketMinutes: 5, lookbackMs: DAY_MS },
  { id: '15m', timespan: 'minute', bucketMinutes: 15, lookbackMs: 3 * DAY_MS },
  { id: '1h', timespan: 'hour', bucketMinutes: 60, lookbackMs: 30 * DAY_MS },
  { id: '1d', timespan: 'day', bucketMinutes: 1440, lookbackMs: 365 * DAY_MS },
];

export function timeframeSpec(id: Timeframe): TimeframeSpec {
  return TIMEFRAMES.find((t) => t.id === id) ?? TIMEFRAMES[0];
}

/**
 * Minute bars folded into `minutes`-wide candles aligned on UTC multiples of the width: first open,
 * highest high, lowest low, last close, summed volume. For display only.
 */
export function bucketBars(bars: readonly MarketBar[], minutes: number): MarketBar[] {
  if (minutes <= 1) return [...bars];
  const width = minutes * 60_000;
  const out: MarketBar[] = [];
  for (const bar of bars) {
    const time = Math.floor(bar.time / width) * width;
    const last = out[out.length - 1];
    if (last?.time === time) {
      out[out.length - 1] = {
        time,
        open: last.open,
        high: Math.max(last.high, bar.high),
        low: Math.min(last.low, bar.low),
        close: bar.close,
        volume: last.volume + bar.volume,
      };
    } else out.push({ ...bar, time });
  }
  return out;
}

export type IndicatorPane = 'price' | 'volume' | 'rsi';

export interface IndicatorLine {
  readonly key: string;
  readonly label: string;
  readonly pane: IndicatorPane;
  readonly points: readonly { x: number; y: number }[];
}

/** Which audit values are drawn, where, and under which name; the votes and score stay in tooltips. */
const DRAWN: Readonly<Record<string, { label: string; pane: IndicatorPane }>> = {
  smaFast: { label: 'SMA fast', pane: 'price' },
  smaSlow: { label: 'SMA slow', pane: 'price' },
  highestHigh: { label: 'Channel high', pane: 'price' },
  lowestLow: { label: 'Channel low', pane: 'price' },
  volumeMean: { label: 'Volume avg', pane: 'volume' },
  rsi: { label: 'RSI', pane: 'rsi' },
};

/** The strategy's indicator series that have a place on the chart, null (warming-up) values skipped. */
export function indicatorLines(response: StrategyIndicatorsResponse | undefined): IndicatorLine[] {
  if (!response) return [];
  const keys = Object.keys(DRAWN).filter((key) =>
    response.points.some((p) => typeof p.indicators[key] === 'number'),
  );
  return keys.map((key) => ({
    key,
    ...DRAWN[key],
    points: response.points.flatMap((p) => {
      const y = p.indicators[key];
      return typeof y === 'number' ? [{ x: p.time, y }] : [];
    }),
  }));
}

/** The RSI thresholds the strategy acts on, when its parameters have them. */
export function rsiThresholds(
  params: StrategyIndicatorsResponse['params'] | undefined,
): { oversold: number; overbought: number } | null {
  const oversold = params?.['oversold'];
  const overbought = params?.['overbought'];
  return typeof oversold === 'number' && typeof overbought === 'number'
    ? { oversold, overbought }
    : null;
}

/** A fill with the decision that led to its order (matched on the order id), if it is known. */
export interface FillWithDecision {
  readonly fill: ChartFillMarker;
  readonly decision: Decision | null;
}

export function fillsWithDecisions(
  fills: readonly ChartFillMarker[],
  decisions: readonly Decision[],
  symbol: string,
): FillWithDecision[] {
  const byOrder = new Map(decisions.filter((d) => d.orderId).map((d) => [d.orderId, d]));
  return fills
    .filter((f) => f.symbol === symbol)
    .map((fill) => ({ fill, decision: byOrder.get(fill.orderId) ?? null }));
}

const number = (value: number | null) => (value === null ? '…' : String(Number(value.toFixed(4))));

/** Tooltip lines of a fill marker: the fill, then the decision's signal, indicators and risk outcome. */
export function fillTooltipLines({ fill, decision }: FillWithDecision): string[] {
  const lines = [`${fill.side.toUpperCase()} ${fill.quantity} @ ${fill.price}`];
  if (!decision) return [...lines, 'Manual order (no strategy decision)'];
  const risk = decision.riskCode
    ? `${decision.riskOutcome} ${decision.riskCode}`
    : decision.riskOutcome;
  return [
    ...lines,
    `Signal: ${decision.action.toUpperCase()} · ${decision.reason ?? ''}`.trim(),
    ...Object.entries(decision.indicators).map(([key, value]) => `${key} = ${number(value)}`),
    `Risk: ${risk}`,
    'Click to open the decision',
  ];
}
