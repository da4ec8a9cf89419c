import type { LivePriceRefusal } from '../execution/live-price';
import type { PositionView } from '../ledger/ledger-views';

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

/** A price observed for valuation only. */
export interface PriceMark {
  readonly symbol: string;
  readonly price: number;
  /** When it was observed (UTC ms). */
  readonly time: number;
}
