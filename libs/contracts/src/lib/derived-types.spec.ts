import {
  computeMetrics,
  DEFAULT_RISK_CONFIG,
  MA_CROSSOVER,
  type Bar,
  type Fill,
  type Order as DomainOrder,
  type OrderRequest,
} from '@ptp/domain';
import type {
  AccountMetrics,
  ChartFillMarker,
  FeeSettings,
  MarketBar,
  Order,
  PlaceOrderRequest,
  RiskLimits,
  StrategyInfo,
  Trade,
} from '../index';
import { everyMember, type WireStrings } from './wire';

/** True only when A and B are the same type (not merely assignable either way). */
type Equal<A, B> =
  (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

// These checks run when ts-jest compiles this file: a mismatch fails the suite.
const sameRiskLimits: Equal<RiskLimits, typeof DEFAULT_RISK_CONFIG> = true;
const decimalFields: Equal<
  WireStrings<{ a: number; b: number | null; c: boolean; d: number }, 'a' | 'b' | 'c'>,
  { readonly a: string; readonly b: string | null; readonly c: boolean; readonly d: number }
> = true;

const BAR: Bar = {
  symbol: 'SPY',
  time: 1_700_000_000_000,
  open: 1,
  high: 2,
  low: 0.5,
  close: 1.5,
  volume: 100,
};
const FILL: Fill = {
  id: 'f1',
  orderId: 'o1',
  symbol: 'SPY',
  side: 'sell',
  quantity: 2,
  price: 10.25,
  commission: 0.01,
  time: BAR.time,
};

describe('contract types derived from the trading core', () => {
  it('compile the type-level checks above', () => {
    expect([sameRiskLimits, decimalFields]).toEqual([true, true]);
  });

  it('take a core bar, fill, order request and risk config as they are', () => {
    const { symbol: _symbol, ...marketBar } = BAR;
    const bar: MarketBar = marketBar;
    const marker: ChartFillMarker = { ...FILL, tradeId: 't1' };
    const request: OrderRequest = {
      symbol: 'SPY',
      side: 'buy',
      type: 'limit',
      quantity: 1,
      limitPrice: 10,
    };
    const placed: PlaceOrderRequest = { ...request, accountId: 'default' };
    const limits: RiskLimits = DEFAULT_RISK_CONFIG;
    const fees: FeeSettings = {
      percent: 0,
      perShare: 0,
      perShareMinimum: 0,
      flat: 0,
      regulatory: false,
    };
    expect([
      bar.close,
      marker.orderId,
      placed.limitPrice,
      limits.maxPositionPct,
      fees.flat,
    ]).toEqual([1.5, 'o1', 10, 10, 0]);
  });

  it("take the core strategy definitions and metrics with the API's additions", () => {
    const { create: _create, ...definition } = MA_CROSSOVER;
    const info: StrategyInfo = { ...definition, defaults: { fast: 10, slow: 30 } };
    const metrics: AccountMetrics = {
      ...computeMetrics({ equityCurve: [{ time: BAR.time, equity: 100 }], trades: [] }),
      accountId: 'default',
      from: null,
      to: null,
    };
    expect(info.params.map((p) => p.key)).toEqual(Object.keys(info.defaults));
    expect(metrics.convention.periodsPerYear).toBe(252);
  });

  it("send the core's numbers as decimal and ISO strings", () => {
    const trade: Trade = {
      ...FILL,
      quantity: String(FILL.quantity),
      price: String(FILL.price),
      commission: String(FILL.commission),
      time: new Date(FILL.time).toISOString(),
      accountId: 'default',
      sessionId: null,
      realizedPnl: '0.00',
    };
    // @ts-expect-error a JSON number where the wire has a decimal string
    const numeric: Trade = { ...trade, price: FILL.price };
    expect([trade.price, numeric.price]).toEqual(['10.25', 10.25]);
  });

  it('keep only the wire fields of a core order', () => {
    type EngineOnly = Exclude<keyof DomainOrder, keyof Order>;
    const engineOnly: Equal<
      EngineOnly,
      'role' | 'triggered' | 'trailAnchor' | 'sessionDate' | 'averageFillPrice'
    > = true;
    const status: Equal<Order['status'], DomainOrder['status']> = true;
    const quantity: Equal<Order['quantity'], string | null> = true;
    expect([engineOnly, status, quantity]).toEqual([true, true, true]);
  });
});

describe('everyMember', () => {
  it('returns the list it checked', () => {
    const list = everyMember<'a' | 'b'>()(['b', 'a']);
    expect(list).toEqual(['b', 'a']);
  });

  it('refuses, at compile time, a list missing a member or naming a stranger', () => {
    // @ts-expect-error 'b' is missing
    const missing = everyMember<'a' | 'b'>()(['a']);
    // @ts-expect-error 'c' is not a member
    const stranger = everyMember<'a' | 'b'>()(['a', 'b', 'c']);
    expect([missing, stranger]).toHaveLength(2);
  });
});
