import { exactFees } from '../execution/fees';
import { slip } from '../execution/slippage';
import type { Ledger } from '../ledger/ledger';
import { pendingNotional, remainingQuantity } from '../orders/order-fills';
import type { Order, OrderSide } from '../orders/order-types';
import type { DailyLossGuard } from '../risk/daily-loss-guard';
import { patternDayTraderCheck, type DayTradeCounter } from '../risk/day-trades';
import { preTradeCheck, type PreTradeContext } from '../risk/pre-trade-checks';
import type { RiskRejection } from '../risk/risk-config';
import type { EngineConfig } from './engine-config';
import type { OrderBook } from './order-book';

/** What a new order is checked against: the ledger, the open orders and the daily loss guard. */
export class PreTradeGate {
  constructor(
    private readonly config: EngineConfig,
    private readonly ledger: Ledger,
    private readonly book: OrderBook,
    private readonly guard: DailyLossGuard,
    private readonly dayTrades: DayTradeCounter,
  ) {}

  /** The pre-trade rules for an order of `quantity` at the estimated fill `price`. */
  check(
    symbol: string,
    side: OrderSide,
    quantity: number,
    price: number,
    marketOpen: boolean | null,
  ): RiskRejection | null {
    const { risk } = this.config;
    const rejection = preTradeCheck(this.context(symbol, side, quantity, price, marketOpen), risk);
    if (rejection || side === 'buy') return rejection;
    return patternDayTraderCheck(this.dayTrades, risk, symbol, this.ledger.equity());
  }

  /**
   * Cash minus what open buy orders are expected to spend (at their last price with slippage and
   * fees).
   */
  availableCash(): number {
    let reserved = 0;
    for (const order of this.book.openOrders()) {
      if (order.side === 'buy') reserved += this.reservation(order);
    }
    return this.ledger.cashAsNumber - reserved;
  }

  private reservation(order: Order): number {
    const remaining = remainingQuantity(order);
    if (remaining === null) return pendingNotional(order) ?? 0;
    const last = order.limitPrice ?? this.book.state(order.symbol).lastPrice ?? 0;
    const price = slip(last, 'buy', this.config.slippageBps);
    const fees = exactFees(this.config.fees, 'buy', remaining, price).total.toNumber();
    return remaining * price + fees;
  }

  /** A sell of more than is held and not already being sold by another exit (no short selling). */
  sellProblem(symbol: string, quantity: number): RiskRejection | null {
    let committed = 0;
    for (const order of this.book.state(symbol).orders) {
      if (order.side === 'sell' && order.parentId === null)
        committed += remainingQuantity(order) ?? 0;
    }
    const held = this.ledger.quantity(symbol);
    if (quantity <= held - committed + 1e-9) return null;
    return {
      code: 'NO_SHORT_POSITIONS',
      limit: Math.max(0, held - committed),
      requested: quantity,
      message:
        `selling ${quantity} ${symbol} exceeds the ${held - committed} ` +
        `held and not already being sold (no short selling)`,
    };
  }

  private context(
    symbol: string,
    side: OrderSide,
    quantity: number,
    price: number,
    marketOpen: boolean | null,
  ): PreTradeContext {
    const hours = this.config.risk?.enforceMarketHours ? marketOpen : null;
    // Sells face only the market-hours rule: skip gathering what the buy rules look at.
    if (side === 'sell') {
      return {
        symbol,
        side,
        quantity,
        price,
        fees: 0,
        equity: 0,
        availableCash: 0,
        exposureQuantity: 0,
        otherOpenPositions: 0,
        dailyLoss: null,
        marketOpen: hours,
      };
    }
    const equity = this.ledger.equity();
    let pendingBuys = 0;
    const entrySymbols = new Set(this.ledger.symbols());
    for (const order of this.book.openOrders()) {
      if (order.side !== 'buy') continue;
      entrySymbols.add(order.symbol);
      if (order.symbol === symbol)
        pendingBuys += remainingQuantity(order) ?? (pendingNotional(order) ?? 0) / price;
    }
    entrySymbols.delete(symbol);
    return {
      symbol,
      side,
      quantity,
      price,
      fees: exactFees(this.config.fees, side, quantity, price).total.toNumber(),
      equity,
      availableCash: this.availableCash(),
      exposureQuantity: this.ledger.quantity(symbol) + pendingBuys,
      otherOpenPositions: entrySymbols.size,
      dailyLoss: this.guard.breach(equity, this.config.risk),
      marketOpen: hours,
    };
  }
}
