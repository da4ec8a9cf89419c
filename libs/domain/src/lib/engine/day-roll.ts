import { session, type TradingSession } from '../calendar/nyse-calendar';
import type { Ledger } from '../ledger/ledger';
import { createOrder } from '../orders/order-factory';
import type { DailyLossGuard } from '../risk/daily-loss-guard';
import type { EngineConfig } from './engine-config';
import { engineRequest } from './engine-request';
import type { EngineSnapshot } from './engine-snapshot';
import type { OrderBook } from './order-book';
import type { OutputBuffer } from './output-buffer';
import { tradingDateOf, tradingDayEnd, type TradingDay } from './session-clock';

const NONE = Number.NEGATIVE_INFINITY;

/**
 * The engine's clock: the bar time, the trading day it is in and the last time an equity point was
 * recorded. Closing a bar time records equity and enforces the daily loss limit; a new trading day
 * expires day orders and starts the guard's session.
 */
export class DayRoll {
  // Times are plain doubles, -Infinity for none: a `number | null` field boxes every double stored
  // in it, and the bar time and the equity time change on every bar.
  private barTime = NONE;
  // The day as two fields, not a TradingDay: daily bars begin a day on every bar.
  private today: string | null = null;
  private todayEnd = NONE;
  /** The regular session of `today` once a decision asked for it (undefined: not looked up yet). */
  private todaySession: TradingSession | null | undefined = undefined;
  private equityTime = NONE;
  /** The equity closeStep recorded, when it returned true. */
  private closedEquity = 0;

  constructor(
    private readonly config: EngineConfig,
    private readonly ledger: Ledger,
    private readonly book: OrderBook,
    private readonly guard: DailyLossGuard,
    private readonly output: OutputBuffer,
    /**
     * Called first when a new trading day begins (corporate actions take effect then); true when it
     * may have changed the ledger.
     */
    private readonly onNewDay: (date: string, time: number) => boolean = () => false,
  ) {}

  load(snapshot: EngineSnapshot): void {
    this.barTime = snapshot.time ?? NONE;
    this.today = snapshot.day?.date ?? null;
    this.todayEnd = snapshot.day?.end ?? NONE;
    this.equityTime = snapshot.lastEquityTime ?? NONE;
  }

  get time(): number | null {
    return this.barTime === NONE ? null : this.barTime;
  }

  get day(): TradingDay | null {
    return this.today === null ? null : { date: this.today, end: this.todayEnd };
  }

  /** The date of the current trading day (`day.date`). */
  get date(): string | null {
    return this.today;
  }

  /** Whether the bar time is past `time` (`time` is too early for a bar). */
  isAfter(time: number): boolean {
    return time < this.barTime;
  }

  get lastEquityTime(): number | null {
    return this.equityTime === NONE ? null : this.equityTime;
  }

  /** Moves the bar time on to `time` (never back) and returns the date of the trading day it is in. */
  advance(time: number): string {
    let closed = false;
    if (time > this.barTime) {
      closed = this.closeStep();
      this.barTime = time;
    }
    if (this.today !== null && time < this.todayEnd) return this.today;
    // Daily bars begin a day on every bar: the session starts at the equity just recorded unless the
    // new day changed the ledger.
    return this.newDay(time, closed);
  }

  /**
   * Rolls the trading day when `time` is in a later one, without moving the bar time: for accounts
   * that see prices but no bars.
   */
  observe(time: number): void {
    if (this.today === null || time >= this.todayEnd) this.newDay(time, false);
  }

  /**
   * The bar time is complete (if not already): record equity, then enforce the daily loss limit.
   * True when it recorded `closedEquity` and left the ledger as it was.
   */
  closeStep(): boolean {
    const time = this.barTime;
    if (time === NONE || time <= this.equityTime) return false;
    const equity = this.ledger.equity();
    this.output.equity(time, equity);
    this.equityTime = time;
    this.closedEquity = equity;
    // Without risk rules there is no limit: no call that would box the equity, on every bar.
    const risk = this.config.risk;
    if (risk === null || !this.guard.update(equity, risk)) return true;
    const breach = this.guard.breach(equity, risk);
    if (breach === null) return true;
    this.output.alert({
      time,
      code: 'DAILY_LOSS_LIMIT_BREACHED',
      message: 'daily loss limit breached: no new entries until the next session',
      ...breach,
    });
    if (this.config.risk?.flattenOnDailyLossLimit) this.flatten(time);
    return false;
  }

  /** isOpen(time) for a time of `date` (the current day), with the day's session looked up once. */
  isMarketOpen(date: string, time: number): boolean {
    if (this.todaySession === undefined) this.todaySession = session(date);
    const today = this.todaySession;
    return today !== null && time >= today.open && time < today.close;
  }

  /** `closed`: closeStep's equity is the ledger's (unless the new day changes the ledger). */
  private newDay(time: number, closed: boolean): string {
    const date = tradingDateOf(time);
    const changed = this.onNewDay(date, time);
    this.expireDayOrders(date, time);
    const equity = closed && !changed ? this.closedEquity : this.ledger.equity();
    this.guard.startSession(date, equity);
    this.today = date;
    this.todayEnd = tradingDayEnd(time, date);
    this.todaySession = undefined;
    return date;
  }

  private flatten(time: number): void {
    for (const symbol of this.ledger.symbols()) {
      const state = this.book.state(symbol);
      if (state.orders.some((o) => o.role === 'exit')) continue;
      const quantity = this.ledger.quantity(symbol);
      const request = engineRequest({ symbol, side: 'sell', type: 'market', quantity });
      const order = createOrder(request, this.book.origin(time, 'risk', 'exit'));
      this.book.accept(order, state.lastPrice ?? 0, time);
    }
  }

  private expireDayOrders(date: string, time: number): void {
    // Daily bars begin a day on every bar, most of them with nothing open to copy.
    if (this.book.openCount === 0) return;
    for (const order of [...this.book.openOrders()]) {
      if (order.timeInForce === 'day' && order.sessionDate !== null && order.sessionDate < date) {
        this.book.close(order, 'expired', `day order: session ${order.sessionDate} is over`, time);
        this.book.prune(this.book.state(order.symbol));
      }
    }
  }
}
