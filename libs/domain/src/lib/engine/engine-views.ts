import type { LivePriceRefusal } from '../execution/live-price';
import type { Ledger } from '../ledger/ledger';
import type { PositionView } from '../ledger/ledger-views';
import type { DailyLossGuard } from '../risk/daily-loss-guard';

export interface PriceResult {
  readonly refused: LivePriceRefusal | null;
  readonly fills: number;
}

export interface PortfolioView {
  readonly time: number | null;
  readonly cash: number;
  readonly equity: number;
  readonly realizedPnl: number;
  readonly unrealizedPnl: number;
  readonly dayPnl: number;
  readonly dailyLossBreached: boolean;
  readonly positions: PositionView[];
  /** max(0, availableCash()): what new buys may still spend. */
  readonly buyingPower: number;
}

export function portfolioView(
  ledger: Ledger,
  guard: DailyLossGuard,
  time: number | null,
  availableCash: number,
): PortfolioView {
  const equity = ledger.equity();
  return {
    time,
    cash: ledger.cashAsNumber,
    equity,
    realizedPnl: ledger.realizedPnl.toNumber(),
    unrealizedPnl: ledger.unrealizedPnl().toNumber(),
    dayPnl: guard.dayPnl(equity),
    dailyLossBreached: guard.breached,
    positions: ledger.positions(),
    buyingPower: Math.max(0, availableCash),
  };
}

/** A price observed for valuation only. */
export interface PriceMark {
  readonly symbol: string;
  readonly price: number;
  /** When it was observed (UTC ms). */
  readonly time: number;
}
