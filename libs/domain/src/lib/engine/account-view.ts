import type { Ledger } from '../ledger/ledger';
import { dec, type Dec } from '../money/decimal';
import { ExactDecimal } from '../money/exact-decimal';
import type { PositionHistory } from './position-history';

/** A position in exact decimals, with what it realised since it was opened. */
export interface AccountPosition {
  readonly symbol: string;
  readonly quantity: Dec;
  /** Volume-weighted price paid for the shares held, fees excluded. */
  readonly averageCost: Dec;
  readonly costBasis: Dec;
  /** The last mark; null while no price is known. */
  readonly lastPrice: Dec | null;
  /** quantity × last price; the cost basis while no price is known. */
  readonly marketValue: Dec;
  /** null while no price is known. */
  readonly unrealizedPnl: Dec | null;
  /** The sum of the realised P&L of its fills since it was last opened (restarts when flat). */
  readonly realizedPnl: Dec;
  /** When it was last opened from flat (UTC ms). */
  readonly openedAt: number;
}

/**
 * Everything the account shows, in exact decimals. equity = cash + dividendsReceivable +
 * positionsValue.
 */
export interface AccountView {
  readonly time: number | null;
  readonly cash: Dec;
  readonly equity: Dec;
  readonly positionsValue: Dec;
  /** Cash dividends past their ex-date and not paid yet. */
  readonly dividendsReceivable: Dec;
  readonly realizedPnl: Dec;
  readonly unrealizedPnl: Dec;
  /** Cash not promised to open buy orders, never below 0 (the engine's own estimate). */
  readonly buyingPower: Dec;
  /** Equity minus the start-of-day equity; 0 before the first session. */
  readonly dayPnl: Dec;
  readonly positions: AccountPosition[];
}

export interface AccountFigures {
  readonly time: number | null;
  readonly availableCash: number;
  /** null before the first session. */
  readonly startOfDayEquity: number | null;
}

export function accountView(
  ledger: Ledger,
  history: PositionHistory,
  figures: AccountFigures,
): AccountView {
  const cash = ledger.cash;
  const dividendsReceivable = ledger.dividendsReceivable;
  const equity = ledger.equityDecimal();
  const start = figures.startOfDayEquity;
  return {
    time: figures.time,
    cash,
    equity,
    positionsValue: equity.minus(cash).minus(dividendsReceivable),
    dividendsReceivable,
    realizedPnl: ledger.realizedPnl,
    unrealizedPnl: ledger.unrealizedPnl(),
    buyingPower: dec(Math.max(0, figures.availableCash)),
    dayPnl: start === null ? dec(0) : equity.minus(start),
    positions: ledger.exactPositions().map((position) => {
      const { symbol, quantity, costBasis, lastPrice } = position;
      const opening = history.of(symbol);
      const value = lastPrice === null ? null : quantity.times(ExactDecimal.fromNumber(lastPrice));
      return {
        symbol,
        quantity: quantity.toDec(),
        averageCost: costBasis.dividedBy(quantity).toDec(),
        costBasis: costBasis.toDec(),
        lastPrice: lastPrice === null ? null : dec(lastPrice),
        marketValue: (value ?? costBasis).toDec(),
        unrealizedPnl: value === null ? null : value.minus(costBasis).toDec(),
        realizedPnl: (opening?.realizedPnl ?? ExactDecimal.ZERO).toDec(),
        openedAt: opening?.openedAt ?? 0,
      };
    }),
  };
}
