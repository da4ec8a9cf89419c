import type { EquitySnapshotEntity, PositionEntity } from '@ptp/api/persistence';
import type { ChartEquityPoint, ChartFillMarker } from '@ptp/contracts';
import { newYorkDate, type EngineOutput, type Fill } from '@ptp/domain';
import Decimal from 'decimal.js';
import type { AccountBook, LiveEngine } from './account-book';
import { buyReservation } from './buy-reservation';
import type { LivePrices } from './live-prices';
import { bookFills } from './position-rows';
import { valuePortfolio, type Valuation } from './valuation';

/** The rows and figures one engine output leads to, computed before they are written. */
export interface ProjectedChange {
  readonly positions: PositionEntity[] | null;
  readonly equity: Omit<EquitySnapshotEntity, 'id'> | null;
  readonly cash: Decimal;
  readonly reserved: Decimal;
  realized(fillId: string): string;
}

/**
 * Projects an account's engine state onto what the API shows and stores: the valuation, the
 * positions rows, the equity snapshot with its buy-and-hold benchmark, and the chart points.
 */
export class AccountProjection {
  constructor(
    private readonly book: AccountBook,
    private readonly prices: LivePrices,
    private readonly benchmarkSymbol: string,
  ) {}

  static fillMarker(fill: Fill): ChartFillMarker {
    const { time, symbol, side, price, quantity, id, orderId } = fill;
    return { time, symbol, side, price, quantity, tradeId: id, orderId };
  }

  static equityPoint(snapshot: Omit<EquitySnapshotEntity, 'id'>): ChartEquityPoint {
    const benchmark = snapshot.benchmark === null ? null : Number(snapshot.benchmark);
    return { time: snapshot.time, equity: Number(snapshot.equity), cash: Number(snapshot.cash), benchmark };
  }

  current(dailyLossLimitPct: number): Valuation {
    this.rollDay();
    const { cash, positions, reserved } = this.book;
    return this.value(cash, positions, reserved, dailyLossLimitPct);
  }

  afterOutput(live: LiveEngine, output: EngineOutput, snapshot: boolean): ProjectedChange {
    const book = this.book;
    const ledger = live.engine.book.state();
    const booked =
      output.fills.length > 0
        ? bookFills(book.account.id, book.account.startingCapital, live.committed, ledger, book.positions, output.fills)
        : null;
    const cash = new Decimal(ledger.cash);
    const positions = booked?.positions ?? book.positions;
    const { slippageBps, fees, risk } = live.runtime;
    const reserved = buyReservation(live.engine.orders(), (s) => this.prices.priceOf(s), slippageBps, fees);
    const equity =
      snapshot || output.fills.length > 0
        ? this.equitySnapshot(this.value(cash, positions, reserved, risk.dailyLossLimitPct))
        : null;
    return {
      positions: booked ? booked.positions : null,
      equity,
      cash,
      reserved,
      realized: (fillId) => booked?.realized.get(fillId) ?? '0',
    };
  }

  /** Memory follows the database once the change is written. */
  apply(live: LiveEngine, change: ProjectedChange): void {
    const book = this.book;
    const ledger = live.engine.book.state();
    live.committed = ledger;
    book.cash = change.cash;
    book.realizedPnl = new Decimal(ledger.realizedPnl);
    book.positions = change.positions ?? book.positions;
    book.reserved = change.reserved;
    book.openOrderSymbols = new Set(live.engine.orders().map((o) => o.symbol));
    if (change.equity) book.lastEquity = new Decimal(change.equity.equity);
  }

  private value(cash: Decimal, positions: readonly PositionEntity[], reserved: Decimal, dailyLossLimitPct: number): Valuation {
    const book = this.book;
    return valuePortfolio({
      accountId: book.account.id,
      startingCapital: book.account.startingCapital,
      cash,
      reserved,
      realizedPnl: book.realizedPnl,
      positions,
      prices: this.prices.closes(),
      dayStartEquity: book.dayStart?.equity ?? null,
      dailyLossLimitPct,
      asOf: book.marketTime,
    });
  }

  private equitySnapshot(valuation: Valuation): Omit<EquitySnapshotEntity, 'id'> {
    const book = this.book;
    const price = this.prices.priceOf(this.benchmarkSymbol);
    let benchmark: number | null = null;
    if (price !== undefined) {
      book.benchmarkAnchor ??= { price, value: Number(book.account.startingCapital) };
      benchmark = (book.benchmarkAnchor.value * price) / book.benchmarkAnchor.price;
    }
    return {
      accountId: book.account.id,
      time: book.marketTime,
      equity: valuation.equity,
      cash: new Decimal(valuation.cash).toString(),
      positionsValue: valuation.positionsValue,
      benchmark: benchmark === null ? null : new Decimal(benchmark).toDecimalPlaces(6).toString(),
    };
  }

  /** At the first valuation of a new New York trading day, yesterday's last equity becomes the day's start. */
  private rollDay(): void {
    const book = this.book;
    const today = newYorkDate(book.marketTime);
    if (book.dayStart?.date === today) return;
    const cost = book.positions.reduce((sum, p) => sum.plus(new Decimal(p.quantity).times(p.avgCost)), new Decimal(0));
    book.dayStart = { date: today, equity: book.lastEquity ?? book.cash.plus(cost) };
  }
}
