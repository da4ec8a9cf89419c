import {
  dividendKey,
  splitKey,
  type CorporateActions,
  type DividendAction,
  type DividendReceivable,
  type SplitAction,
} from '../corporate-actions/corporate-action-types';
import type { Ledger } from '../ledger/ledger';
import { quantitySteps } from '../money/rounding';
import { ExactDecimal } from '../money/exact-decimal';
import type { RoundTripTracker } from '../ledger/round-trips';
import { adjustOrderForSplit } from '../orders/order-split';
import { isOpenOrder } from '../orders/order-types';
import type { EngineIds } from './engine-ids';
import type { OrderBook } from './order-book';
import type { OutputBuffer } from './output-buffer';

/** Scheduled actions, unpaid dividends and what was applied today (snapshotted). */
export interface CorporateActionState {
  readonly pending: CorporateActions;
  readonly receivables: readonly DividendReceivable[];
  /** Keys of the actions applied in the current trading day: a re-fed one is not applied again. */
  readonly appliedToday: readonly string[];
}

const byDate =
  <T>(date: (item: T) => string) =>
  (a: T, b: T) =>
    date(a) < date(b) ? -1 : date(a) > date(b) ? 1 : 0;

/**
 * Splits and cash dividends, applied when the trading day they take effect begins (before any fill
 * of that day): a dividend accrues on its ex-date to the shares held at the previous close and is
 * paid on its pay date; a split moves the position, its round trip, the symbol's open orders and
 * its strategy's indicator history to the new basis. Actions dated before the current trading day
 * when they are scheduled are history and ignored; those of the current day apply at once.
 */
export class CorporateActionBook {
  private splits: SplitAction[] = [];
  private dividends: DividendAction[] = [];
  private receivables: DividendReceivable[] = [];
  private applied = new Set<string>();

  constructor(
    private readonly ledger: Ledger,
    private readonly trips: RoundTripTracker,
    private readonly book: OrderBook,
    private readonly ids: EngineIds,
    private readonly output: OutputBuffer,
    saved?: CorporateActionState,
  ) {
    if (!saved) return;
    this.splits = [...saved.pending.splits];
    this.dividends = [...saved.pending.dividends];
    this.receivables = [...saved.receivables];
    this.applied = new Set(saved.appliedToday);
  }

  schedule(actions: CorporateActions, today: string | null, time: number | null): void {
    const known = new Set([
      ...this.applied,
      ...this.splits.map(splitKey),
      ...this.dividends.map(dividendKey),
    ]);
    for (const split of actions.splits) {
      const key = splitKey(split);
      if (known.has(key) || (today !== null && split.execution_date < today)) continue;
      known.add(key);
      this.splits.push(split);
    }
    for (const dividend of actions.dividends) {
      const key = dividendKey(dividend);
      if (known.has(key) || (today !== null && dividend.ex_dividend_date < today)) continue;
      known.add(key);
      this.dividends.push(dividend);
    }
    this.splits.sort(byDate((s) => s.execution_date));
    this.dividends.sort(byDate((d) => d.ex_dividend_date));
    if (today !== null && time !== null) this.applyDue(today, time);
  }

  /**
   * A new trading day began at `time`: what takes effect by `date` is applied. True when something
   * did (the ledger may have changed).
   */
  startDay(date: string, time: number): boolean {
    // clear() gives even an empty set a new table, and most days apply nothing.
    if (this.applied.size > 0) this.applied.clear();
    return this.applyDue(date, time);
  }

  state(): CorporateActionState | undefined {
    const size = this.splits.length + this.dividends.length + this.receivables.length;
    if (size + this.applied.size === 0) return undefined;
    return {
      pending: { splits: [...this.splits], dividends: [...this.dividends] },
      receivables: [...this.receivables],
      appliedToday: [...this.applied],
    };
  }

  /** Dividends accrued and not yet paid. */
  pendingReceivables(): readonly DividendReceivable[] {
    return this.receivables;
  }

  private applyDue(date: string, time: number): boolean {
    // Entitlement is the shares held at the previous close, before a split of the same day.
    while (this.dividends.length > 0 && this.dividends[0].ex_dividend_date <= date) {
      const dividend = this.dividends.shift() as DividendAction;
      this.applied.add(dividendKey(dividend));
      this.accrue(dividend, time);
    }
    while (this.splits.length > 0 && this.splits[0].execution_date <= date) {
      const split = this.splits.shift() as SplitAction;
      this.applied.add(splitKey(split));
      this.split(split, time);
    }
    // Daily bars begin a day on every bar, most of them with no dividend to pay.
    if (this.receivables.length === 0) return this.applied.size > 0;
    const due = this.receivables.filter((r) => r.payDate <= date);
    this.receivables = this.receivables.filter((r) => r.payDate > date);
    for (const receivable of due) this.pay(receivable, time);
    return this.applied.size > 0 || due.length > 0;
  }

  private accrue(dividend: DividendAction, time: number): void {
    const symbol = dividend.ticker;
    const held = this.ledger.exactPositions().find((p) => p.symbol === symbol)?.quantity;
    if (!held) return;
    const cashAmount = dividend.cash_amount;
    const amount = held.times(ExactDecimal.fromNumber(cashAmount));
    this.ledger.bookDividend('accrued', amount);
    const receivable: DividendReceivable = {
      symbol,
      exDate: dividend.ex_dividend_date,
      payDate: dividend.pay_date,
      cashAmount,
      quantity: held.toFixed(),
      amount: amount.toFixed(),
    };
    this.receivables.push(receivable);
    this.output.activity(
      {
        id: this.ids.nextActivity(),
        type: 'dividend',
        phase: 'accrued',
        time,
        ...receivable,
      },
      this.ids.fills,
    );
  }

  private pay(receivable: DividendReceivable, time: number): void {
    this.ledger.bookDividend('paid', ExactDecimal.parse(receivable.amount));
    this.output.activity(
      {
        id: this.ids.nextActivity(),
        type: 'dividend',
        phase: 'paid',
        time,
        ...receivable,
      },
      this.ids.fills,
    );
  }

  private split(split: SplitAction, time: number): void {
    const { ticker: symbol, split_from: splitFrom, split_to: splitTo } = split;
    const moved = this.ledger.applySplit(symbol, splitFrom, splitTo);
    const state = this.book.state(symbol);
    for (const order of state.orders) {
      if (!isOpenOrder(order)) continue;
      adjustOrderForSplit(order, splitFrom, splitTo);
      this.book.emit(order);
    }
    if (state.lastPrice !== null) state.lastPrice = (state.lastPrice * splitFrom) / splitTo;
    state.strategy?.rules.adjustForSplit(splitTo / splitFrom);
    if (!moved) return;
    const steps = quantitySteps(moved.after.toNumber()) ?? 0;
    this.trips.applySplit(symbol, steps, splitFrom, splitTo);
    this.output.activity(
      {
        id: this.ids.nextActivity(),
        type: 'split',
        symbol,
        time,
        date: split.execution_date,
        splitFrom,
        splitTo,
        quantityBefore: moved.before.toFixed(),
        quantityAfter: moved.after.toFixed(),
      },
      this.ids.fills,
    );
  }
}
