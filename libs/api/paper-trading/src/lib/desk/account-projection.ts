import type { EquitySnapshotEntity, PositionEntity } from '@ptp/api/persistence';
import type { ChartEquityPoint, ChartFillMarker } from '@ptp/contracts';
import {
  dec,
  type AccountView,
  type EngineOutput,
  type Fill,
  type TradingEngine,
} from '@ptp/domain';
import type { AccountBook } from './account-book';
import type { PositionChanges } from './ledger-batch';
import type { LivePrices } from './live-prices';
import { money, portfolioView, type Valuation } from './portfolio-view';

/** The rows one engine output leads to, computed before they are written. */
export interface ProjectedRows {
  readonly positions: PositionChanges | null;
  readonly equity: Omit<EquitySnapshotEntity, 'id'> | null;
}

/**
 * Projects an account's engine state onto what the API shows and stores: the valuation, the
 * positions rows, the equity snapshot with its buy-and-hold benchmark, and the chart points. It
 * maps and formats the engine's figures; it computes none of its own but the benchmark, which is
 * a market series, not an account figure.
 */
export class AccountProjection {
  /** The last valuation, kept while the engine's state and the market time stay where they were. */
  private kept: {
    engine: TradingEngine;
    revision: number;
    asOf: number;
    valuation: Valuation;
  } | null = null;

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
    return {
      time: snapshot.time,
      equity: Number(snapshot.equity),
      cash: Number(snapshot.cash),
      benchmark,
    };
  }

  /**
   * The dashboard polls this every few seconds while the account changes once a tick, so it is
   * computed once per engine revision (frozen, as every caller shares it).
   */
  valuation(): Valuation {
    const { account, live, marketTime: asOf } = this.book;
    const { engine } = live;
    const kept = this.kept;
    if (kept?.engine === engine && kept.revision === engine.revision && kept.asOf === asOf)
      return kept.valuation;
    const valuation = frozen(
      portfolioView({
        accountId: account.id,
        startingCapital: account.startingCapital,
        account: engine.account(),
        risk: engine.riskState(),
        asOf,
      }),
    );
    this.kept = { engine, revision: engine.revision, asOf, valuation };
    return valuation;
  }

  rows(output: EngineOutput, snapshot: boolean): ProjectedRows {
    // A split moves positions as a fill does.
    const fills = output.fills.length > 0 || output.activities.length > 0;
    if (!fills && !snapshot) return { positions: null, equity: null };
    const view = this.book.live.engine.account();
    for (const fill of output.fills) this.book.lastFillTime.set(fill.symbol, fill.time);
    return {
      positions: fills ? this.positionChanges(view, output) : null,
      equity: this.equitySnapshot(view),
    };
  }

  /**
   * A fill moves only its own symbol's position, so only the traded symbols' rows are written; a
   * split or a dividend may move any holding, and the whole set is written again.
   */
  private positionChanges(view: AccountView, output: EngineOutput): PositionChanges {
    const rows = this.positionRows(view);
    if (output.activities.length > 0) return { replace: true, rows, closed: [] };
    const traded = new Set(output.fills.map((fill) => fill.symbol));
    const held = new Set(rows.map((row) => row.symbol));
    return {
      replace: false,
      rows: rows.filter((row) => traded.has(row.symbol)),
      closed: [...traded].filter((symbol) => !held.has(symbol)),
    };
  }

  private positionRows(view: AccountView): PositionEntity[] {
    const accountId = this.book.account.id;
    return view.positions.map((p) => ({
      accountId,
      symbol: p.symbol,
      quantity: p.quantity.toString(),
      avgCost: p.averageCost.toString(),
      realizedPnl: p.realizedPnl.toString(),
      openedAt: p.openedAt,
      updatedAt: this.book.lastFillTime.get(p.symbol) ?? p.openedAt,
    }));
  }

  private equitySnapshot(view: AccountView): Omit<EquitySnapshotEntity, 'id'> {
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
      equity: money(view.equity),
      cash: dec(money(view.cash)).toString(),
      positionsValue: money(view.positionsValue),
      benchmark: benchmark === null ? null : dec(benchmark).toDecimalPlaces(6).toString(),
    };
  }
}

function frozen(valuation: Valuation): Valuation {
  for (const position of valuation.positions) Object.freeze(position);
  Object.freeze(valuation.positions);
  Object.freeze(valuation.riskState);
  return Object.freeze(valuation);
}
