import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { ChartData, ChartEquityPoint, ChartFillMarker, ChartPricePoint } from '@ptp/contracts';
import { RevisionClock } from './revision-clock';
import { RevisionedSeries } from './revisioned-series';

/** Points kept per series; at one point per minute this is more than two trading weeks. */
export const CHART_SERIES_CAPACITY = 10_000;

interface AccountSeries {
  readonly startingCapital: number;
  readonly equity: RevisionedSeries<ChartEquityPoint>;
  readonly fills: RevisionedSeries<ChartFillMarker>;
  /** Revision of the last reset: a `since` older than this must get the full (empty) history. */
  readonly resetAt: number;
}

export interface ChartSnapshot {
  readonly etag: string;
  readonly data: ChartData;
}

/**
 * What /api/chart-data serves, kept in memory: per account the equity curve and fill markers,
 * and one price series per watched symbol. Filled from the database once at start-up and then
 * by the tick and order code, so a poll never reaches the database or the market-data provider.
 */
@Injectable()
export class ChartDataStore {
  private readonly clock = new RevisionClock();
  /** Distinguishes this process' revisions from those of an earlier run in ETags. */
  private readonly bootId = randomUUID().slice(0, 8);
  private readonly accounts = new Map<string, AccountSeries>();
  private readonly prices = new Map<string, RevisionedSeries<ChartPricePoint>>();

  constructor() {
    this.clock.next();
  }

  hasAccount(accountId: string): boolean {
    return this.accounts.has(accountId);
  }

  /** (Re)creates an account's series, e.g. at start-up from the database or after a reset. */
  initAccount(
    accountId: string,
    startingCapital: number,
    equity: readonly ChartEquityPoint[] = [],
    fills: readonly ChartFillMarker[] = [],
  ): void {
    const revision = this.clock.next();
    const series: AccountSeries = {
      startingCapital,
      equity: new RevisionedSeries(CHART_SERIES_CAPACITY),
      fills: new RevisionedSeries(CHART_SERIES_CAPACITY),
      resetAt: revision,
    };
    for (const point of equity) series.equity.push(point, revision);
    for (const fill of fills) series.fills.push(fill, revision);
    this.accounts.set(accountId, series);
  }

  dropAccount(accountId: string): void {
    this.accounts.delete(accountId);
    this.clock.next();
  }

  /** Appends an equity point; one equal to the last (several commits in one market minute) is not news. */
  recordEquity(accountId: string, point: ChartEquityPoint): void {
    const series = this.accounts.get(accountId)?.equity;
    const last = series?.last();
    if (
      last &&
      last.time === point.time &&
      last.equity === point.equity &&
      last.cash === point.cash &&
      last.benchmark === point.benchmark
    )
      return;
    series?.push(point, this.clock.next());
  }

  recordFills(accountId: string, fills: readonly ChartFillMarker[]): void {
    const series = this.accounts.get(accountId);
    for (const fill of fills) series?.fills.push(fill, this.clock.next());
  }

  /** Appends a close to a symbol's series; a bar that is not newer than the last one is ignored. */
  recordPrice(symbol: string, point: ChartPricePoint): void {
    let series = this.prices.get(symbol);
    if (!series) {
      series = new RevisionedSeries(CHART_SERIES_CAPACITY);
      this.prices.set(symbol, series);
    }
    const last = series.last();
    if (last && last.time >= point.time) return;
    series.push(point, this.clock.next());
  }

  /** Drops the price series of symbols market data no longer tracks. */
  dropPrices(symbols: readonly string[]): void {
    if (!symbols.some((symbol) => this.prices.delete(symbol))) return;
    this.clock.next();
  }

  lastPrice(symbol: string): ChartPricePoint | undefined {
    return this.prices.get(symbol)?.last();
  }

  /**
   * The chart data of an account (undefined if the account is not loaded). The ETag names this
   * process, the account, the store's revision and `since`, so it changes exactly when the answer would.
   */
  snapshot(
    accountId: string,
    benchmarkSymbol: string,
    since: number | undefined,
  ): ChartSnapshot | undefined {
    const series = this.accounts.get(accountId);
    if (!series) return undefined;
    const view = this.view(accountId, series, since);
    const prices: Record<string, ChartPricePoint[]> = {};
    for (const [symbol, points] of this.prices) prices[symbol] = points.since(view.from);
    return {
      etag: view.etag,
      data: {
        accountId,
        asOf: view.asOf,
        incremental: view.from !== undefined,
        startingCapital: series.startingCapital,
        benchmarkSymbol,
        symbols: [...this.prices.keys()].sort(),
        equity: series.equity.since(view.from),
        prices,
        fills: series.fills.since(view.from),
      },
    };
  }

  /** The ETag `snapshot` would send, without building the answer (for If-None-Match). */
  etag(accountId: string, since: number | undefined): string | undefined {
    const series = this.accounts.get(accountId);
    return series && this.view(accountId, series, since).etag;
  }

  /** An increment only when `since` is a revision of this process after the account's last reset. */
  private view(
    accountId: string,
    series: AccountSeries,
    since: number | undefined,
  ): { asOf: number; from: number | undefined; etag: string } {
    const asOf = this.clock.current();
    const from =
      since !== undefined && since >= series.resetAt && since <= asOf ? since : undefined;
    return { asOf, from, etag: `W/"${this.bootId}-${accountId}-${asOf}-${from ?? 'all'}"` };
  }
}
