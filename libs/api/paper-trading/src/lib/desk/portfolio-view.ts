import type {
  AccountRisk,
  Portfolio,
  PortfolioPosition,
  RiskState as RiskStateView,
} from '@ptp/contracts';
import {
  dec,
  Dec,
  type AccountPosition,
  type AccountView,
  type RiskState,
  type TradingEngine,
} from '@ptp/domain';

/** Display rounding: cents for money, 6 decimals for prices, 4 for percentages; the engine keeps full precision. */
const MONEY_DP = 2;
const PRICE_DP = 6;
const PCT_DP = 4;

/** The portfolio as the API shows it, with the engine's daily-loss state for the session status. */
export interface Valuation extends Portfolio {
  readonly riskState: RiskStateView;
}

export const money = (d: Dec): string =>
  d.toDecimalPlaces(MONEY_DP, Dec.ROUND_HALF_EVEN).toFixed(MONEY_DP);
const price = (d: Dec): string => d.toDecimalPlaces(PRICE_DP, Dec.ROUND_HALF_EVEN).toString();
const pct = (part: Dec, whole: Dec): string =>
  whole.isZero()
    ? '0'
    : part.div(whole).times(100).toDecimalPlaces(PCT_DP, Dec.ROUND_HALF_EVEN).toString();

export interface PortfolioSource {
  readonly accountId: string;
  readonly startingCapital: string;
  readonly account: AccountView;
  readonly risk: RiskState;
  readonly asOf: number;
}

/**
 * Formats the engine's account view for the API. Every figure is the engine's own; only totals
 * against the starting capital and percentages are derived here, for display.
 */
export function portfolioView(source: PortfolioSource): Valuation {
  const { account, risk } = source;
  const starting = dec(source.startingCapital);
  const total = account.equity.minus(starting);
  return {
    accountId: source.accountId,
    startingCapital: source.startingCapital,
    cash: money(account.cash),
    positionsValue: money(account.positionsValue),
    equity: money(account.equity),
    buyingPower: money(account.buyingPower),
    totalPnl: money(total),
    totalPnlPct: pct(total, starting),
    dayPnl: money(account.dayPnl),
    dayPnlPct: pct(account.dayPnl, startOfDay(account, risk)),
    realizedPnl: money(account.realizedPnl),
    unrealizedPnl: money(account.unrealizedPnl),
    positions: account.positions.map((position) => positionView(position, account.equity)),
    asOf: new Date(source.asOf).toISOString(),
    riskState: riskStateView(account, risk),
  };
}

/** Start-of-day equity; before the account's first session, today started where it stands. */
function startOfDay(account: AccountView, risk: RiskState): Dec {
  return risk.sessionDate === null ? account.equity : dec(risk.startOfDayEquity);
}

function positionView(position: AccountPosition, equity: Dec): PortfolioPosition {
  const priced = position.lastPrice !== null && position.unrealizedPnl !== null;
  return {
    symbol: position.symbol,
    quantity: position.quantity.toString(),
    avgCost: price(position.averageCost),
    costBasis: money(position.costBasis),
    lastPrice: position.lastPrice === null ? null : position.lastPrice.toString(),
    marketValue: priced ? money(position.marketValue) : null,
    unrealizedPnl: position.unrealizedPnl === null ? null : money(position.unrealizedPnl),
    unrealizedPnlPct:
      position.unrealizedPnl === null ? null : pct(position.unrealizedPnl, position.costBasis),
    weight: priced ? pct(position.marketValue, equity) : null,
    realizedPnl: money(position.realizedPnl),
    openedAt: new Date(position.openedAt).toISOString(),
  };
}

/** The engine's daily-loss guard as the session status shows it. */
export function riskStateView(account: AccountView, risk: RiskState): RiskStateView {
  const limit = dec(risk.dailyLossLimit ?? 0);
  const blocked = risk.entriesBlocked;
  const dayPnl = money(account.dayPnl);
  return {
    code: blocked ? 'DAILY_LOSS_LIMIT_HIT' : 'OK',
    message: blocked
      ? `daily loss limit hit: ${dayPnl} ≤ -${money(limit)}; no new entries until the next trading day`
      : 'trading normally',
    entriesBlocked: blocked,
    dayStartEquity: money(startOfDay(account, risk)),
    dayPnl,
    dailyLossLimit: money(limit),
  };
}

/** The account's risk limits and its engine's daily-loss state, as `GET /api/risk` shows them. */
export function accountRisk(
  accountId: string,
  limits: AccountRisk['limits'],
  engine: TradingEngine,
  asOf: number,
): AccountRisk {
  const engineRisk = engine.riskState();
  const riskState = riskStateView(engine.account(), engineRisk);
  return {
    accountId,
    limits,
    dailyLoss: {
      sessionDate: engineRisk.sessionDate,
      startEquity: riskState.dayStartEquity,
      dayPnl: riskState.dayPnl,
      limit: riskState.dailyLossLimit,
      breached: engineRisk.breached,
    },
    openPositions: engineRisk.openPositions,
    entriesBlocked: engineRisk.entriesBlocked,
    asOf: new Date(asOf).toISOString(),
  };
}
