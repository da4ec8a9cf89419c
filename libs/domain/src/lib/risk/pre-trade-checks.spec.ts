import { NO_FEES } from '../execution/fees';
import { DailyLossGuard } from './daily-loss-guard';
import { preTradeCheck, type PreTradeContext } from './pre-trade-checks';
import { DEFAULT_RISK_CONFIG, type RiskConfig } from './risk-config';
import { affordableBuy, entryNotional } from './sizing';

const base: PreTradeContext = {
  symbol: 'AAA',
  side: 'buy',
  quantity: 1,
  price: 20,
  fees: 0,
  equity: 500,
  availableCash: 500,
  exposureQuantity: 0,
  otherOpenPositions: 0,
  dailyLoss: null,
  marketOpen: true,
};
const risk: RiskConfig = { ...DEFAULT_RISK_CONFIG };

describe('preTradeCheck', () => {
  it('passes an order within every limit', () => {
    expect(preTradeCheck(base, risk)).toBeNull();
  });

  it('caps a position at maxPositionPct of equity, counting what is held and pending', () => {
    expect(preTradeCheck({ ...base, quantity: 3.655, exposureQuantity: 0 }, risk)).toEqual({
      code: 'RISK_MAX_POSITION',
      limit: 50,
      requested: 73.1,
      message: 'a position may be worth at most 10% of equity (50); this one would be 73.1',
    });
    expect(preTradeCheck({ ...base, quantity: 1, exposureQuantity: 1.6 }, risk)).toMatchObject({
      code: 'RISK_MAX_POSITION',
      requested: 52,
    });
    expect(preTradeCheck({ ...base, quantity: 2.5 }, risk)).toBeNull();
  });

  it('limits the number of open positions, but not adding to a held one', () => {
    expect(preTradeCheck({ ...base, otherOpenPositions: 8 }, risk)).toMatchObject({
      code: 'RISK_MAX_OPEN_POSITIONS',
      limit: 8,
      requested: 9,
    });
    expect(
      preTradeCheck({ ...base, otherOpenPositions: 8, exposureQuantity: 0.5 }, risk),
    ).toBeNull();
  });

  it('blocks entries after the daily loss limit, with the dollar figures', () => {
    expect(preTradeCheck({ ...base, dailyLoss: { limit: 25, loss: 30 } }, risk)).toMatchObject({
      code: 'RISK_DAILY_LOSS_LIMIT',
      limit: 25,
      requested: 30,
    });
  });

  it('needs cash for the order and its fees', () => {
    expect(
      preTradeCheck({ ...base, fees: 0.5, availableCash: 20.4 }, { ...risk, maxPositionPct: 100 }),
    ).toMatchObject({ code: 'INSUFFICIENT_CASH', limit: 20.4, requested: 20.5 });
  });

  it('enforces a minimum notional and the regular session', () => {
    expect(preTradeCheck({ ...base, quantity: 0.04 }, risk)).toMatchObject({
      code: 'RISK_MIN_NOTIONAL',
      limit: 1,
      requested: 0.8,
    });
    expect(preTradeCheck({ ...base, marketOpen: false }, risk)).toMatchObject({
      code: 'RISK_MARKET_CLOSED',
    });
    expect(
      preTradeCheck({ ...base, marketOpen: false }, { ...risk, enforceMarketHours: false }),
    ).toBeNull();
  });

  it('lets sells through every rule except market hours', () => {
    const sell = {
      ...base,
      side: 'sell' as const,
      quantity: 1000,
      dailyLoss: { limit: 1, loss: 2 },
      otherOpenPositions: 99,
    };
    expect(preTradeCheck(sell, risk)).toBeNull();
    expect(preTradeCheck({ ...sell, marketOpen: false }, risk)).toMatchObject({
      code: 'RISK_MARKET_CLOSED',
    });
  });

  it('keeps only the cash rule when risk is off', () => {
    const huge = {
      ...base,
      quantity: 20,
      otherOpenPositions: 50,
      dailyLoss: { limit: 1, loss: 2 },
      marketOpen: false,
    };
    expect(preTradeCheck(huge, null)).toBeNull();
    expect(preTradeCheck({ ...huge, quantity: 26 }, null)).toMatchObject({
      code: 'INSUFFICIENT_CASH',
    });
  });
});

describe('sizing', () => {
  it('auto targets min(maxPositionPct × equity, available cash)', () => {
    expect(entryNotional({ mode: 'auto' }, 500, 1000, 10)).toBe(50);
    expect(entryNotional({ mode: 'auto' }, 500, 30, 10)).toBe(30);
    expect(entryNotional({ mode: 'notional', notional: 75 }, 500, 30, 10)).toBe(75);
    expect(entryNotional({ mode: 'quantity', quantity: 3 }, 500, 30, 10)).toBeNull();
  });

  it('rounds the quantity down to the 1e-6 step and leaves room for fees', () => {
    expect(affordableBuy(50, 500, 3, NO_FEES)?.quantity).toBe(16.666666);
    const fees = { ...NO_FEES, percent: 1, flat: 1 };
    const quantity = affordableBuy(100, 100, 10, fees)?.quantity ?? 0;
    expect(quantity).toBe(9.80198);
    expect(quantity * 10 * 1.01 + 1).toBeLessThanOrEqual(100);
    expect((quantity + 1e-6) * 10 * 1.01 + 1).toBeGreaterThan(100);
  });

  it(
    'returns the exact cost and fees of the size it ' +
      'picked, or null when not one step is affordable',
    () => {
      const fees = { ...NO_FEES, percent: 1, flat: 1 };
      const sized = affordableBuy(100, 100, 10, fees);
      expect(sized?.notional.toFixed()).toBe('98.0198');
      expect(sized?.fees.total.toFixed()).toBe('1.980198');
      expect(affordableBuy(100, 0.5, 10, fees)).toBeNull();
      expect(affordableBuy(0, 100, 10, NO_FEES)).toBeNull();
    },
  );
});

describe('DailyLossGuard', () => {
  it('breaches once the loss reaches the limit and stays breached for the session', () => {
    const guard = new DailyLossGuard();
    guard.startSession('2025-03-03', 1000);
    expect(guard.update(951, risk)).toBe(false);
    expect(guard.update(950, risk)).toBe(true);
    expect(guard.update(1100, risk)).toBe(false);
    expect(guard.breach(1100, risk)).toEqual({ limit: 50, loss: -100 });
    guard.startSession('2025-03-04', 1100);
    expect(guard.breached).toBe(false);
    expect(guard.dayPnl(1090)).toBe(-10);
  });
});
