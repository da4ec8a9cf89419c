import type { ChartFillMarker, Decision, StrategyIndicatorsResponse } from '@ptp/contracts';
import {
  bucketBars,
  fillTooltipLines,
  fillsWithDecisions,
  indicatorLines,
  rsiThresholds,
} from './candles.view';

const T0 = Date.UTC(2026, 0, 5, 15, 0);
const bar = (minute: number, open: number, high: number, low: number, close: number) => ({
  time: T0 + minute * 60_000,
  open,
  high,
  low,
  close,
  volume: 100,
});

describe('bucketBars', () => {
  it('folds minute bars into 5-minute candles: first open, extreme high/low, last close, summed volume', () => {
    const bars = [
      bar(0, 10, 11, 9, 10.5),
      bar(1, 10.5, 12, 10, 11),
      bar(4, 11, 11.5, 8, 9),
      bar(5, 9, 9, 9, 9),
    ];
    expect(bucketBars(bars, 5)).toEqual([
      { time: T0, open: 10, high: 12, low: 8, close: 9, volume: 300 },
      { time: T0 + 5 * 60_000, open: 9, high: 9, low: 9, close: 9, volume: 100 },
    ]);
  });

  it('leaves minute bars as they are', () => {
    const bars = [bar(0, 1, 2, 0.5, 1.5)];
    expect(bucketBars(bars, 1)).toEqual(bars);
  });
});

const response = (points: StrategyIndicatorsResponse['points']): StrategyIndicatorsResponse => ({
  strategy: 'mixed',
  symbol: 'AAPL',
  timespan: 'minute',
  from: T0,
  to: T0 + 60_000,
  params: { fast: 10, slow: 30, oversold: 25, overbought: 75 },
  warmUpBars: 0,
  points,
});

describe('indicatorLines', () => {
  it('places SMAs and channels on the price pane, RSI in its own, skipping warming-up values and votes', () => {
    const lines = indicatorLines(
      response([
        { time: T0, indicators: { smaFast: null, rsi: 40, score: 1, highestHigh: 12 } },
        { time: T0 + 60_000, indicators: { smaFast: 10.5, rsi: 45, score: 2, highestHigh: 12 } },
      ]),
    );
    expect(lines.map((l) => [l.key, l.pane])).toEqual([
      ['smaFast', 'price'],
      ['highestHigh', 'price'],
      ['rsi', 'rsi'],
    ]);
    expect(lines[0].points).toEqual([{ x: T0 + 60_000, y: 10.5 }]);
    expect(indicatorLines(undefined)).toEqual([]);
  });

  it('reads the RSI thresholds from the strategy parameters', () => {
    expect(rsiThresholds(response([]).params)).toEqual({ oversold: 25, overbought: 75 });
    expect(rsiThresholds({ fast: 10, slow: 30 })).toBeNull();
  });
});

describe('fill tooltips', () => {
  const fill = (orderId: string, symbol = 'AAPL'): ChartFillMarker => ({
    time: T0,
    symbol,
    side: 'buy',
    price: 101.25,
    quantity: 3,
    orderId,
    tradeId: `t-${orderId}`,
  });
  const decision: Decision = {
    id: 7,
    accountId: 'default',
    sessionId: 's',
    time: new Date(T0).toISOString(),
    symbol: 'AAPL',
    strategy: 'mixed',
    action: 'enter',
    reason: 'score 2 ≥ 2',
    indicators: { rsi: 22.123456, smaFast: null },
    riskOutcome: 'approved',
    riskCode: null,
    riskReason: null,
    orderId: 'o1',
  };

  it('pairs each fill of the symbol with the decision behind its order', () => {
    const pairs = fillsWithDecisions(
      [fill('o1'), fill('o2'), fill('o3', 'MSFT')],
      [decision],
      'AAPL',
    );
    expect(pairs.map((p) => [p.fill.orderId, p.decision?.id ?? null])).toEqual([
      ['o1', 7],
      ['o2', null],
    ]);
  });

  it('shows the signal, the indicator values and the risk outcome', () => {
    expect(fillTooltipLines({ fill: fill('o1'), decision })).toEqual([
      'BUY 3 @ 101.25',
      'Signal: ENTER · score 2 ≥ 2',
      'rsi = 22.1235',
      'smaFast = …',
      'Risk: approved',
      'Click to open the decision',
    ]);
    expect(fillTooltipLines({ fill: fill('o2'), decision: null })).toEqual([
      'BUY 3 @ 101.25',
      'Manual order (no strategy decision)',
    ]);
  });
});
