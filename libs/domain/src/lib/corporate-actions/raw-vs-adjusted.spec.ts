import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runBacktest } from '../backtest/run-backtest';
import type { BacktestInput } from '../backtest/backtest-types';
import { parseYahooDailyCsv } from '../data-formats/yahoo-daily-csv';
import { formatBarTime } from '../engine/session-clock';
import { engineConfig } from '../engine/testing/engine-fixtures';
import { TradingEngine } from '../engine/trading-engine';
import type { Bar } from '../market/bar';
import type { CorporateActions } from './corporate-action-types';

/**
 * NVIDIA split 2-for-1 on 2006-04-07. The fixture is Yahoo's split-adjusted series; undoing the
 * split (prices × 2, volumes ÷ 2 before that date) gives the raw prices a broker showed. Raw prices
 * plus the split event must trade and value exactly as the adjusted series does.
 */
const SPLIT_DATE = '2006-04-07';
const ADJUSTED = parseYahooDailyCsv(
  readFileSync(join(__dirname, 'fixtures/nvda-2005-11-to-2006-09-adjusted.csv'), 'utf8'),
  { symbol: 'NVDA' },
);
const RAW: Bar[] = ADJUSTED.map((bar) =>
  formatBarTime(bar.time) >= SPLIT_DATE
    ? bar
    : {
        ...bar,
        open: bar.open * 2,
        high: bar.high * 2,
        low: bar.low * 2,
        close: bar.close * 2,
        volume: bar.volume / 2,
      },
);
const SPLIT: CorporateActions = {
  splits: [{ ticker: 'NVDA', execution_date: SPLIT_DATE, split_from: 1, split_to: 2 }],
  dividends: [],
};
const DIVIDEND: CorporateActions = {
  splits: SPLIT.splits,
  dividends: [
    { ticker: 'NVDA', cash_amount: 0.05, ex_dividend_date: '2006-06-01', pay_date: '2006-06-20' },
  ],
};

/** Buys `quantity` on the first bar, rests a limit sell of half of it, returns the equity path. */
function holdThrough(
  bars: readonly Bar[],
  quantity: number,
  limit: number,
  actions?: CorporateActions,
) {
  const engine = new TradingEngine(engineConfig({ startingCash: 100_000 }));
  if (actions) engine.scheduleCorporateActions(actions);
  const equity: number[] = [];
  const fills: { time: string; quantity: number; price: number }[] = [];
  bars.forEach((bar, i) => {
    engine.onBar(bar);
    if (i === 0) {
      engine.submitOrder({ symbol: 'NVDA', side: 'buy', type: 'market', quantity }, bar.time);
    }
    if (i === 1) {
      const half = quantity / 2;
      const sell = { side: 'sell', type: 'limit', quantity: half, limitPrice: limit } as const;
      expect(engine.submitOrder({ symbol: 'NVDA', ...sell }, bar.time).ok).toBe(true);
    }
    const out = engine.takeOutput();
    equity.push(...out.equity.values);
    fills.push(
      ...out.fills.map((f) => ({
        time: formatBarTime(f.time),
        quantity: f.quantity,
        price: f.price,
      })),
    );
  });
  return { equity, fills, account: engine.account(), engine };
}

describe('raw prices with the split event equal the split-adjusted series (NVDA 2006)', () => {
  // A limit above every pre-split high that the post-split bars reach: it fills after the split.
  const postSplit = ADJUSTED.filter((b) => formatBarTime(b.time) >= SPLIT_DATE);
  const preSplitHigh = Math.max(
    ...ADJUSTED.filter((b) => formatBarTime(b.time) < SPLIT_DATE).map((b) => b.high),
  );
  const limit = Math.max(...postSplit.map((b) => b.high)) - 0.5;

  it('the fixture has the jump the event must bridge', () => {
    const before = RAW.find((b) => formatBarTime(b.time) === '2006-04-06') as Bar;
    const after = RAW.find((b) => formatBarTime(b.time) === SPLIT_DATE) as Bar;
    expect(after.open / before.close).toBeLessThan(0.55);
    expect(limit).toBeGreaterThan(preSplitHigh);
  });

  it('gives exactly the same equity path, fills and final position', () => {
    const adjusted = holdThrough(ADJUSTED, 200, limit);
    const raw = holdThrough(RAW, 100, limit * 2, SPLIT);
    expect(raw.equity).toEqual(adjusted.equity);
    // The buy traded before the split: half the shares at twice the price; the limit after it.
    const [buy, sell] = raw.fills;
    expect([buy.time, buy.quantity * 2, buy.price / 2]).toEqual([
      adjusted.fills[0].time,
      adjusted.fills[0].quantity,
      adjusted.fills[0].price,
    ]);
    expect(sell.time > SPLIT_DATE).toBe(true);
    expect(sell).toEqual(adjusted.fills[1]);
    expect(raw.fills).toHaveLength(2);
    const figures = (r: typeof raw) => [
      r.account.cash.toFixed(),
      r.account.equity.toFixed(),
      ...r.account.positions.flatMap((p) => [p.quantity.toFixed(), p.costBasis.toFixed()]),
    ];
    expect(figures(raw)).toEqual(figures(adjusted));
  });

  it('without the event the raw series shows the loss that never happened', () => {
    const adjusted = holdThrough(ADJUSTED, 200, limit);
    const raw = holdThrough(RAW, 100, limit * 2);
    const split = RAW.findIndex((b) => formatBarTime(b.time) === SPLIT_DATE);
    expect(raw.equity[split] - raw.equity[split - 1]).toBeLessThan(-900);
    expect(raw.equity).not.toEqual(adjusted.equity);
  });

  it('a dividend adds its cash from the ex-date, within rounding', () => {
    const adjusted = holdThrough(ADJUSTED, 200, limit);
    const raw = holdThrough(RAW, 100, limit * 2, DIVIDEND);
    const ex = RAW.findIndex((b) => formatBarTime(b.time) === '2006-06-01');
    const soldBeforeEx = raw.fills
      .filter((f) => f.time > SPLIT_DATE && f.time < '2006-06-01')
      .reduce((sum, f) => sum + f.quantity, 0);
    const held = 200 - soldBeforeEx;
    raw.equity.forEach((value, i) => {
      const dividend = i >= ex ? held * 0.05 : 0;
      expect(value).toBeCloseTo(adjusted.equity[i] + dividend, 9);
    });
    const paid = raw.account.cash.minus(adjusted.account.cash);
    expect(paid.toFixed()).toBe(String(held * 0.05));
  });
});

describe('backtests on raw prices with corporate actions', () => {
  const base = (bars: readonly Bar[], strategy: string, params: Record<string, number>) =>
    ({
      bars,
      strategy,
      params,
      capital: 100_000,
      sizing: { mode: 'notional', notional: 20_000 },
      slippageBps: 0,
      risk: null,
    }) satisfies BacktestInput;

  it.each([
    ['ma-crossover', { fast: 5, slow: 20 }],
    ['rsi-mean-reversion', { period: 5, oversold: 35, overbought: 60 }],
    ['momentum-breakout', { entryPeriod: 10, exitPeriod: 5, volumeMultiple: 1.1 }],
    ['mixed', { fast: 5, slow: 20, rsiPeriod: 5, entryPeriod: 10, exitPeriod: 5 }],
  ])('%s: same signals and the same equity path up to the quantity step', (name, params) => {
    const adjusted = runBacktest(base(ADJUSTED, name, params));
    const raw = runBacktest({ ...base(RAW, name, params), corporateActions: SPLIT });
    const signals = (r: typeof raw) => r.fills.map((f) => `${f.time} ${f.side}`);
    expect(signals(raw)).toEqual(signals(adjusted));
    expect(raw.fills.length).toBeGreaterThan(0);
    raw.equityCurve.forEach((point, i) => {
      expect(point.time).toBe(adjusted.equityCurve[i].time);
      expect(Math.abs(point.equity / adjusted.equityCurve[i].equity - 1)).toBeLessThan(1e-6);
    });
    expect(raw.metrics.totalReturn).toBeCloseTo(adjusted.metrics.totalReturn as number, 6);
    expect(raw.metrics.maxDrawdown.pct).toBeCloseTo(adjusted.metrics.maxDrawdown.pct, 6);
    expect(raw.metrics.sharpe).toBeCloseTo(adjusted.metrics.sharpe as number, 4);
    expect(raw.metrics.benchmark?.totalReturn).toBeCloseTo(
      adjusted.metrics.benchmark?.totalReturn as number,
      12,
    );
    expect(raw.metrics.benchmark?.maxDrawdown.pct).toBeCloseTo(
      adjusted.metrics.benchmark?.maxDrawdown.pct as number,
      12,
    );
  });
});
