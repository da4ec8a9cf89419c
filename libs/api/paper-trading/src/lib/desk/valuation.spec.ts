import type { PositionEntity } from '@ptp/api/persistence';
import Decimal from 'decimal.js';
import { valuePortfolio, type ValuationInput } from './valuation';

const position = (over: Partial<PositionEntity>): PositionEntity =>
  Object.assign(new Object() as PositionEntity, { accountId: 'default', symbol: 'AAPL', quantity: '0.220587', avgCost: '225.68278499999997', realizedPnl: '-0.09845899284', openedAt: 0, updatedAt: 0, ...over });

const input = (over: Partial<ValuationInput> = {}): ValuationInput => ({
  accountId: 'default',
  startingCapital: '500',
  cash: new Decimal('450.21'),
  reserved: new Decimal('10'),
  realizedPnl: new Decimal('-0.09845899284'),
  positions: [position({})],
  prices: new Map([['AAPL', 226.1]]),
  dayStartEquity: new Decimal('500'),
  dailyLossLimitPct: 5,
  asOf: 0,
  ...over,
});

describe('valuePortfolio', () => {
  it('rounds for display only: prices to 6 decimals, money to cents, percentages to 4 decimals', () => {
    const [aapl] = valuePortfolio(input()).positions;
    expect(aapl).toMatchObject({ avgCost: '225.682785', realizedPnl: '-0.10', lastPrice: '226.1', marketValue: '49.87' });
    expect(aapl.weight).toMatch(/^\d+\.\d{1,4}$/);
  });

  it('values equity exactly from cash and marked positions, and buying power net of reservations', () => {
    const portfolio = valuePortfolio(input());
    const value = new Decimal('0.220587').times('226.1');
    expect(portfolio.equity).toBe(new Decimal('450.21').plus(value).toFixed(2));
    expect(portfolio.buyingPower).toBe('440.21');
  });

  it('carries a position without a price at cost instead of zero', () => {
    const portfolio = valuePortfolio(input({ prices: new Map() }));
    expect(portfolio.positions[0]).toMatchObject({ lastPrice: null, marketValue: null, unrealizedPnl: null });
    expect(portfolio.equity).toBe(new Decimal('450.21').plus(new Decimal('0.220587').times('225.68278499999997')).toFixed(2));
  });
});
