import { addDays } from '../calendar/calendar-date';
import { isTradingDay } from '../calendar/nyse-calendar';
import type { Fill } from '../ledger/fill';
import type { RiskConfig, RiskRejection } from './risk-config';

/** FINRA's pattern-day-trader equity floor, in dollars. */
export const PDT_EQUITY_FLOOR = 25_000;
/** Day trades allowed in the window before the next one is refused (the fourth makes a PDT). */
export const PDT_MAX_DAY_TRADES = 3;
/** The rolling window, in business days, counting the current one. */
export const PDT_WINDOW_DAYS = 5;
/** Days with day trades kept before those out of the window are dropped unasked. */
const MAX_KEPT_DAYS = 64;

/** The day trades of one trading day. */
export interface DayTradeCount {
  readonly date: string;
  readonly count: number;
}

/** What the counter carries across restarts (snapshotted); its size does not grow with trading. */
export interface DayTradeState {
  /** The current trading day; null before the first. */
  readonly date: string | null;
  /** Shares of each symbol bought today and not yet sold again today. */
  readonly boughtToday: Readonly<Record<string, number>>;
  /** Day trades per trading day of the window ending today (days without any left out). */
  readonly days: readonly DayTradeCount[];
  /** Sell orders counted today that are still working: their later fills are the same day trade. */
  readonly countedWorking: readonly string[];
}

export interface DayTradeWindow {
  readonly from: string;
  readonly to: string;
}

/** The first of the `PDT_WINDOW_DAYS` NYSE trading days that end on `date`. */
export function dayTradeWindowStart(date: string): string {
  let start = date;
  for (let counted = 1; counted < PDT_WINDOW_DAYS;) {
    start = addDays(start, -1);
    if (isTradingDay(start)) counted++;
  }
  return start;
}

/**
 * Counts day trades the way FINRA's rule 4210 does for a long-only account: a sell order that
 * closes shares bought the same trading day is one day trade, however many fills it takes. The
 * count covers the current trading day and the four before it.
 */
export class DayTradeCounter {
  private date: string | null;
  private readonly bought: Map<string, number>;
  private days: DayTradeCount[];
  private readonly countedWorking: Set<string>;
  /** The current day's window, kept for the day: the status the dashboard polls reads it. */
  private currentWindow: DayTradeWindow | null = null;
  /** A day began since days out of the window were last dropped. */
  private stale = false;

  constructor(saved?: DayTradeState) {
    this.date = saved?.date ?? null;
    this.bought = new Map(Object.entries(saved?.boughtToday ?? {}));
    this.days = [...(saved?.days ?? [])];
    this.countedWorking = new Set(saved?.countedWorking ?? []);
  }

  /** A new trading day: nothing is bought yet, and days older than the window drop out. */
  startDay(date: string): void {
    if (date === this.date) return;
    this.date = date;
    // clear() gives even an empty collection a new table: on daily bars that is one each per bar.
    if (this.bought.size > 0) this.bought.clear();
    if (this.countedWorking.size > 0) this.countedWorking.clear();
    // The window's start is a calendar walk: the days it leaves out are dropped when the count or
    // the state is read, which a backtest does not do.
    this.stale = true;
    if (this.days.length > MAX_KEPT_DAYS) this.dropDaysOutOfWindow();
  }

  /** A fill, once booked; `working` says whether its order still works after it. */
  record(fill: Fill, working: boolean): void {
    const bought = this.bought.get(fill.symbol) ?? 0;
    if (fill.side === 'buy') {
      this.bought.set(fill.symbol, bought + fill.quantity);
      return;
    }
    if (bought > 0 && this.date !== null) {
      this.bought.set(fill.symbol, Math.max(0, bought - fill.quantity));
      if (!this.countedWorking.has(fill.orderId)) this.countToday();
      if (working) this.countedWorking.add(fill.orderId);
    }
    if (!working) this.countedWorking.delete(fill.orderId);
  }

  /** Whether selling `symbol` now would close shares bought today, i.e. be a day trade. */
  wouldDayTrade(symbol: string): boolean {
    return (this.bought.get(symbol) ?? 0) > 0;
  }

  get count(): number {
    this.dropDaysOutOfWindow();
    return this.days.reduce((total, day) => total + day.count, 0);
  }

  window(): DayTradeWindow | null {
    if (this.date === null) return null;
    if (this.currentWindow?.to !== this.date)
      this.currentWindow = { from: dayTradeWindowStart(this.date), to: this.date };
    return this.currentWindow;
  }

  state(): DayTradeState {
    this.dropDaysOutOfWindow();
    return {
      date: this.date,
      boughtToday: Object.fromEntries([...this.bought].filter(([, quantity]) => quantity > 0)),
      days: [...this.days],
      countedWorking: [...this.countedWorking],
    };
  }

  private dropDaysOutOfWindow(): void {
    if (!this.stale) return;
    this.stale = false;
    if (this.days.length === 0) return;
    const { from } = this.window() as DayTradeWindow;
    this.days = this.days.filter((day) => day.date >= from);
  }

  private countToday(): void {
    const last = this.days[this.days.length - 1];
    if (last?.date === this.date)
      this.days[this.days.length - 1] = { ...last, count: last.count + 1 };
    else this.days.push({ date: this.date as string, count: 1 });
  }
}

/**
 * The opt-in pattern-day-trader rule: under the equity floor, a sell that would be a fourth day
 * trade in the window is refused.
 */
export function patternDayTraderCheck(
  counter: DayTradeCounter,
  risk: RiskConfig | null,
  symbol: string,
  equity: number,
): RiskRejection | null {
  if (!risk?.patternDayTrader || equity >= PDT_EQUITY_FLOOR) return null;
  if (counter.count < PDT_MAX_DAY_TRADES || !counter.wouldDayTrade(symbol)) return null;
  const window = counter.window();
  const span = window ? ` (${window.from} to ${window.to})` : '';
  return {
    code: 'RISK_PDT',
    limit: PDT_MAX_DAY_TRADES,
    requested: counter.count + 1,
    message:
      `pattern-day-trader rule: ${counter.count} day trades in the last ${PDT_WINDOW_DAYS} ` +
      `business days${span}; selling ${symbol} bought today would be another, and equity is ` +
      `under ${PDT_EQUITY_FLOOR}`,
    ...(window ? { window } : {}),
  };
}
