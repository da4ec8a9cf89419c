import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import type { ChartEquityPoint, ChartFillMarker, ChartPricePoint } from '@ptp/contracts';
import { RevisionClock } from './revision-clock';
import { RevisionedSeries } from './revisioned-series';
import {
  type ChartSnapshot,
  chartSnapshot,
  chartView,
  SharedChartStore,
} from './shared-chart-store';

export type { ChartSnapshot } from './shared-chart-store';

/** Points kept per series; at one point per minute this is more than two trading weeks. */
export const CHART_SERIES_CAPACITY = 10_000;

interface AccountSeries {
  readonly startingCapital: number;
  readonly equity: RevisionedSeries<ChartEquityPoint>;
  readonly fills: RevisionedSeries<ChartFillMarker>;
  /** Revision of the last reset: a `since` older than this must get the full (empty) history. */
  readonly resetAt: number;
}

/**
 * What /api/chart-data serves, kept in memory: per account the equity curve and fill markers,
 * and one price series per watched symbol. Filled from the database once at start-up and then
 * by the tick and order code, so a poll never reaches the database or the market-data provider.
 *
 * With Redis (`SharedChartStore`), every write also goes there and answers (`has`, `etagOf`,
 * `read`) come from there, so every instance of a cluster gives the same body and ETag.
 */
@Injectable()
export class ChartDataStore {
  private readonly logger = new Logger(ChartDataStore.name);
  private readonly clock = new RevisionClock();
  /** Distinguishes this process' revisions from those of an earlier run in ETags. */
  private readonly bootId = randomUUID().slice(0, 8);
  private readonly accounts = new Map<string, AccountSeries>();
  private readonly prices = new Map<string, RevisionedSeries<ChartPricePoint>>();
  private readonly writing = new Set<Promise<void>>();

  constructor(
    // An explicit token: a union type's design metadata is Object, which Nest cannot resolve.
    @Optional() @Inject(SharedChartStore) private readonly shared: SharedChartStore | null = null,
  ) {
    this.clock.next();
  }

  /** Whether the account's series exist (seeding the shared store from memory if Redis lost them). */
  async has(accountId: string): Promise<boolean> {
    if (!this.shared) return this.hasAccount(accountId);
    if (await this.shared.view(accountId, undefined)) return true;
    const series = this.accounts.get(accountId);
    if (!series) return false;
    const [equity, fills] = [series.equity.since(undefined), series.fills.since(undefined)];
    await this.shared.initAccount(accountId, series.startingCapital, equity, fills, false);
    return true;
  }

  /** The ETag `read` would send, without building the answer (for If-None-Match). */
  async etagOf(accountId: string, since: number | undefined): Promise<string | undefined> {
    return this.shared
      ? (await this.shared.view(accountId, since))?.etag
      : this.etag(accountId, since);
  }

  async read(
    accountId: string,
    benchmarkSymbol: string,
    since: number | undefined,
  ): Promise<ChartSnapshot | undefined> {
    return this.shared
      ? this.shared.snapshot(accountId, benchmarkSymbol, since)
      : this.snapshot(accountId, benchmarkSymbol, since);
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
    this.share((shared) => shared.initAccount(accountId, startingCapital, equity, fills, false));
  }

  /** Empties an account's series (a reset), here and in the shared store. */
  resetAccount(accountId: string, startingCapital: number): void {
    this.initAccount(accountId, startingCapital);
    this.share((shared) => shared.initAccount(accountId, startingCapital, [], [], true));
  }

  dropAccount(accountId: string): void {
    this.accounts.delete(accountId);
    this.clock.next();
    this.share((shared) => shared.dropAccount(accountId));
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
    this.share((shared) => shared.recordEquity(accountId, point));
  }

  recordFills(accountId: string, fills: readonly ChartFillMarker[]): void {
    const series = this.accounts.get(accountId);
    for (const fill of fills) series?.fills.push(fill, this.clock.next());
    if (fills.length > 0) this.share((shared) => shared.recordFills(accountId, fills));
  }

  /** Appends a close to a symbol's series; a bar that is not newer than the last one is ignored. */
  recordPrice(symbol: string, point: ChartPricePoint): void {
    this.share((shared) => shared.recordPrice(symbol, point));
    let series = this.prices.get(symbol);
    if (!series) {
      series = new RevisionedSeries(CHART_SERIES_CAPACITY);
      this.prices.set(symbol, series);
    }
    const last = series.last();
    if (last && last.time >= point.time) return;
    series.push(point, this.clock.next());
  }

  /**
   * Drops the price series of symbols market data no longer tracks; from the shared store only when
   * `everywhere` (the market-data leader's evictions: nobody in the cluster uses them any more).
   */
  dropPrices(symbols: readonly string[], everywhere = true): void {
    if (everywhere) this.share((shared) => shared.dropPrices(symbols));
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
    return chartSnapshot(view, {
      accountId,
      startingCapital: series.startingCapital,
      benchmarkSymbol,
      symbols: [...this.prices.keys()],
      equity: series.equity.since(view.from),
      prices,
      fills: series.fills.since(view.from),
    });
  }

  /** The ETag `snapshot` would send, without building the answer (for If-None-Match). */
  etag(accountId: string, since: number | undefined): string | undefined {
    const series = this.accounts.get(accountId);
    return series && this.view(accountId, series, since).etag;
  }

  /** An increment only when `since` is a revision of this process after the account's last reset. */
  private view(accountId: string, series: AccountSeries, since: number | undefined) {
    return chartView(this.bootId, accountId, this.clock.current(), series.resetAt, since);
  }

  /**
   * Writes to the shared store in call order (one pipelined connection); a failed write is logged and
   * the point is missing there until the account is seeded again, as Redis is a cache of the database.
   */
  private share(write: (shared: SharedChartStore) => Promise<void>): void {
    if (!this.shared) return;
    const done = write(this.shared)
      .catch((error: Error) => this.logger.warn(`chart data not shared: ${error.message}`))
      .finally(() => this.writing.delete(done));
    this.writing.add(done);
  }

  /** Resolves once every write sent to the shared store so far has landed (or failed). */
  async written(): Promise<void> {
    await Promise.all([...this.writing]);
  }
}
