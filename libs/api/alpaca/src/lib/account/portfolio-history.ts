import { dec, Dec } from '@ptp/domain';
import { invalidQuery as invalid, queryTime as time } from '../shared/alpaca-query';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

export const TIMEFRAMES: Readonly<Record<string, number>> = {
  '1Min': MINUTE,
  '5Min': 5 * MINUTE,
  '15Min': 15 * MINUTE,
  '1H': 60 * MINUTE,
  '1D': DAY,
};

const PERIOD = /^(\d+)(D|W|M|A)$/;
const PERIOD_UNIT: Readonly<Record<string, number>> = {
  D: DAY,
  W: 7 * DAY,
  M: 30 * DAY,
  A: 365 * DAY,
};

export interface HistoryWindow {
  readonly from: number;
  readonly to: number;
  readonly timeframe: string;
}

export interface EquityPoint {
  readonly time: number;
  readonly equity: string;
}

export interface AlpacaPortfolioHistory {
  readonly timestamp: number[];
  readonly equity: number[];
  readonly profit_loss: number[];
  readonly profit_loss_pct: number[];
  readonly base_value: number;
  readonly timeframe: string;
}

/**
 * period/timeframe/start/end as Alpaca reads them: the default period is 1M; the default timeframe
 * is 1Min under seven days, 15Min under 30 and 1D beyond; `end` defaults to now (the market's).
 */
export function historyWindow(query: Record<string, unknown>, now: number): HistoryWindow {
  const periodText = typeof query['period'] === 'string' ? query['period'] : '1M';
  const period = PERIOD.exec(periodText);
  if (!period) throw invalid('period must be a number followed by D, W, M or A (e.g. 1M)');
  const length = Number(period[1]) * PERIOD_UNIT[period[2]];
  const endGiven = time(query['end'], 'end');
  const end = endGiven ?? now;
  const start = time(query['start'], 'start');
  const from = start ?? end - length;
  const span = end - from;
  const fallback = span < 7 * DAY ? '1Min' : span < 30 * DAY ? '15Min' : '1D';
  const timeframe = typeof query['timeframe'] === 'string' ? query['timeframe'] : fallback;
  if (TIMEFRAMES[timeframe] === undefined)
    throw invalid(`timeframe must be one of ${Object.keys(TIMEFRAMES).join(', ')}`);
  if (from > end) throw invalid('start must be before end');
  // Without `end`, up to the newest snapshot: the account's market time may run a bar ahead.
  return { from, to: endGiven ?? Number.MAX_SAFE_INTEGER, timeframe };
}

const round = (d: Dec, dp: number): number => d.toDecimalPlaces(dp, Dec.ROUND_HALF_EVEN).toNumber();

/**
 * The account's equity snapshots, the last of each timeframe bucket, with profit and loss against
 * the first point (`base_value`).
 */
export function portfolioHistory(
  points: readonly EquityPoint[],
  window: HistoryWindow,
): AlpacaPortfolioHistory {
  const step = TIMEFRAMES[window.timeframe];
  const buckets = new Map<number, EquityPoint>();
  for (const point of points) buckets.set(Math.floor(point.time / step) * step, point);
  const series = [...buckets.entries()].sort(([a], [b]) => a - b);
  const base = series.length > 0 ? dec(series[0][1].equity) : dec(0);
  const pnl = series.map(([, point]) => dec(point.equity).minus(base));
  return {
    timestamp: series.map(([bucket]) => bucket / 1000),
    equity: series.map(([, point]) => round(dec(point.equity), 2)),
    profit_loss: pnl.map((d) => round(d, 2)),
    profit_loss_pct: pnl.map((d) => (base.isZero() ? 0 : round(d.div(base), 6))),
    base_value: round(base, 2),
    timeframe: window.timeframe,
  };
}
