import type { PositionEntity } from '@ptp/api/persistence';
import type { Portfolio, PortfolioPosition, RiskState } from '@ptp/contracts';
import Decimal from 'decimal.js';

/** Display rounding: cents for money, 6 decimals for prices, 4 for percentages; the ledger itself keeps full precision. */
const MONEY_DP = 2;
const PRICE_DP = 6;
const PCT_DP = 4;

export interface ValuationInput {
  readonly accountId: string;
  readonly startingCapital: string;
  readonly cash: Decimal;
  /** Cash held back by working buy orders. */
  readonly reserved: Decimal;
  /** Realised P&L of the whole account (closed positions included), net of every fee. */
  readonly realizedPnl: Decimal;
  readonly positions: readonly PositionEntity[];
  readonly prices: ReadonlyMap<string, number>;
  readonly dayStartEquity: Decimal | null;
  readonly dailyLossLimitPct: number;
  readonly asOf: number;
}

export interface Valuation extends Portfolio {
  readonly riskState: RiskState;
}

const money = (d: Decimal) => d.toDecimalPlaces(MONEY_DP, Decimal.ROUND_HALF_EVEN).toFixed(MONEY_DP);
const price = (value: Decimal.Value) => new Decimal(value).toDecimalPlaces(PRICE_DP, Decimal.ROUND_HALF_EVEN).toString();
const pct = (part: Decimal, whole: Decimal) => (whole.isZero() ? '0' : part.div(whole).times(100).toDecimalPlaces(PCT_DP, Decimal.ROUND_HALF_EVEN).toString());

/**
 * Marks positions to the latest prices. A position without a known price is carried at cost (its
 * market value fields are null) so equity never jumps to zero when a quote is missing.
 */
export function valuePortfolio(input: ValuationInput): Valuation {
  const marked = input.positions.map((p) => {
    const quantity = new Decimal(p.quantity);
    const cost = quantity.times(p.avgCost);
    const last = input.prices.get(p.symbol);
    const value = last === undefined ? null : quantity.times(last);
    return { row: p, cost, last, value };
  });
  const positionsValue = marked.reduce((sum, m) => sum.plus(m.value ?? m.cost), new Decimal(0));
  const equity = input.cash.plus(positionsValue);
  const starting = new Decimal(input.startingCapital);
  const unrealized = marked.reduce((sum, m) => sum.plus(m.value === null ? 0 : m.value.minus(m.cost)), new Decimal(0));
  const dayStart = input.dayStartEquity ?? equity;
  const dayPnl = equity.minus(dayStart);
  const positions: PortfolioPosition[] = marked.map(({ row, cost, last, value }) => ({
    symbol: row.symbol,
    quantity: row.quantity,
    avgCost: price(row.avgCost),
    lastPrice: last === undefined ? null : String(last),
    marketValue: value === null ? null : money(value),
    unrealizedPnl: value === null ? null : money(value.minus(cost)),
    unrealizedPnlPct: value === null ? null : pct(value.minus(cost), cost),
    weight: value === null ? null : pct(value, equity),
    realizedPnl: money(new Decimal(row.realizedPnl)),
    openedAt: new Date(row.openedAt).toISOString(),
  }));
  return {
    accountId: input.accountId,
    startingCapital: input.startingCapital,
    cash: money(input.cash),
    positionsValue: money(positionsValue),
    equity: money(equity),
    buyingPower: money(Decimal.max(0, input.cash.minus(input.reserved))),
    totalPnl: money(equity.minus(starting)),
    totalPnlPct: pct(equity.minus(starting), starting),
    dayPnl: money(dayPnl),
    dayPnlPct: pct(dayPnl, dayStart),
    realizedPnl: money(input.realizedPnl),
    unrealizedPnl: money(unrealized),
    positions,
    asOf: new Date(input.asOf).toISOString(),
    riskState: riskState(dayStart, dayPnl, input.dailyLossLimitPct),
  };
}

/** The daily loss limit as the status shows it: hit once today's loss reaches the limit of start-of-day equity. */
export function riskState(dayStartEquity: Decimal, dayPnl: Decimal, dailyLossLimitPct: number): RiskState {
  const limit = dayStartEquity.times(dailyLossLimitPct).div(100);
  const hit = dayPnl.negated().greaterThanOrEqualTo(limit) && limit.greaterThan(0);
  return {
    code: hit ? 'DAILY_LOSS_LIMIT_HIT' : 'OK',
    message: hit ? `daily loss limit hit: ${money(dayPnl)} ≤ -${money(limit)}; no new entries until the next trading day` : 'trading normally',
    entriesBlocked: hit,
    dayStartEquity: money(dayStartEquity),
    dayPnl: money(dayPnl),
    dailyLossLimit: money(limit),
  };
}
