import type { ExactDecimal } from '../money/exact-decimal';

export interface PositionView {
  readonly symbol: string;
  readonly quantity: number;
  /** Volume-weighted price paid for the shares held, fees excluded. */
  readonly averageCost: number;
  /** Last mark; null while no price is known (the position is then valued at cost). */
  readonly lastPrice: number | null;
  readonly marketValue: number;
  readonly unrealizedPnl: number;
}

/** A position in the ledger's own exact decimals. */
export interface ExactPositionView {
  readonly symbol: string;
  readonly quantity: ExactDecimal;
  /** What the shares held cost, fees excluded. */
  readonly costBasis: ExactDecimal;
  readonly lastPrice: number | null;
}

/** The ledger as exact decimal strings: two ledgers are equal when their states are. */
export interface LedgerState {
  readonly cash: string;
  readonly realizedPnl: string;
  readonly feesPaid: string;
  /** Dividends accrued and not paid yet; absent when none. */
  readonly dividendsReceivable?: string;
  readonly positions: readonly {
    readonly symbol: string;
    readonly quantity: string;
    readonly costBasis: string;
  }[];
}
