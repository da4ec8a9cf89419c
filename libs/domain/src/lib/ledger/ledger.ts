import { dec, type Dec, type DecimalInput } from '../money/decimal';
import { ExactDecimal } from '../money/exact-decimal';
import { exactNotional, quantitySteps } from '../money/rounding';
import type { Fill } from './fill';
import type { ExactPositionView, LedgerState, PositionView } from './ledger-views';
import { LedgerError } from './ledger-error';
import { PriceMarks } from './price-marks';
import {
  fillRefusal,
  newBook,
  sharesOf,
  splitSteps,
  STEPS_PER_SHARE,
  type PositionBook,
} from './ledger-rules';

/**
 * Cash and long positions in exact decimals (no margin, no shorts). Only fills and corporate
 * actions (splits, dividends) change it. Prices marked for valuation are plain numbers: marking
 * happens on every bar and moves no money. Realised P&L is (sell price − average cost) × quantity
 * summed over sells, minus every fee paid, so that equity = starting cash + realised + unrealised
 * (dividends count as realised, receivables as equity). The arithmetic is ExactDecimal's, which
 * gives exactly the results of `Dec` (34 significant digits, half-even) many times faster; the
 * getters hand out `Dec`.
 */
export class Ledger {
  private cashExact: ExactDecimal;
  private cashNumber: number;
  private realized = ExactDecimal.ZERO;
  private fees = ExactDecimal.ZERO;
  /** Dividends accrued on their ex-date and not paid yet: part of equity, not of cash. */
  private receivable = ExactDecimal.ZERO;
  private receivableNumber = 0;
  private readonly books = new Map<string, PositionBook>();
  private readonly marks = new PriceMarks();

  constructor(readonly startingCash: DecimalInput) {
    const cash = dec(startingCash);
    if (!cash.isFinite() || cash.isNegative())
      throw new LedgerError('INVALID_FILL', 'starting cash must be a non-negative amount');
    this.cashExact = ExactDecimal.fromDec(cash);
    this.cashNumber = cash.toNumber();
  }

  /** Rebuilds a ledger from its fills in order: it equals the live ledger that recorded them. */
  static fromFills(startingCash: DecimalInput, fills: Iterable<Fill>): Ledger {
    const ledger = new Ledger(startingCash);
    for (const fill of fills) ledger.applyFill(fill);
    return ledger;
  }

  /** A ledger in a saved state (see state()); marks start empty until prices arrive. */
  static fromState(
    startingCash: DecimalInput,
    state: LedgerState,
    marks: Readonly<Record<string, number>> = {},
  ): Ledger {
    const ledger = new Ledger(startingCash);
    ledger.cashExact = ExactDecimal.fromDec(dec(state.cash));
    ledger.cashNumber = ledger.cashExact.toNumber();
    ledger.realized = ExactDecimal.fromDec(dec(state.realizedPnl));
    ledger.fees = ExactDecimal.fromDec(dec(state.feesPaid));
    if (state.dividendsReceivable !== undefined) {
      ledger.receivable = ExactDecimal.parse(state.dividendsReceivable);
      ledger.receivableNumber = ledger.receivable.toNumber();
    }
    for (const p of state.positions) {
      const steps = quantitySteps(Number(p.quantity));
      if (steps === null || !(steps > 0) || !sharesOf(steps).toDec().eq(p.quantity))
        throw new LedgerError(
          'INVALID_FILL',
          `position ${p.symbol}: ${p.quantity} is not a positive quantity on the 1e-6 step`,
        );
      const costBasis = ExactDecimal.fromDec(dec(p.costBasis));
      ledger.books.set(p.symbol, newBook(p.symbol, steps, costBasis));
      ledger.marks.set(
        p.symbol,
        marks[p.symbol] ?? costBasis.dividedBy(sharesOf(steps)).toNumber(),
      );
    }
    return ledger;
  }

  /** Prices last marked, by symbol. */
  markedPrices(): Record<string, number> {
    return this.marks.toRecord();
  }

  get cash(): Dec {
    return this.cashExact.toDec();
  }

  /** Cash as the exact decimal the ledger computes with (for sizing on the hot path). */
  get exactCash(): ExactDecimal {
    return this.cashExact;
  }

  get cashAsNumber(): number {
    return this.cashNumber;
  }

  get realizedPnl(): Dec {
    return this.realized.toDec();
  }

  /** Realised P&L as the exact decimal the ledger computes with. */
  get exactRealizedPnl(): ExactDecimal {
    return this.realized;
  }

  get feesPaid(): Dec {
    return this.fees.toDec();
  }

  get dividendsReceivable(): Dec {
    return this.receivable.toDec();
  }

  /** Shares held (0 when flat). */
  quantity(symbol: string): number {
    return this.books.get(symbol)?.quantityNumber ?? 0;
  }

  get openPositionCount(): number {
    return this.books.size;
  }

  symbols(): string[] {
    return [...this.books.keys()];
  }

  /**
   * Books a fill; throws LedgerError (changing nothing) when it would break an invariant. Callers
   * that have them pass `notional` (quantity × price) and `fee` (`fromNumber(fill.commission)`).
   */
  applyFill(fill: Fill, notional?: ExactDecimal, fee?: ExactDecimal): void {
    const steps = quantitySteps(fill.quantity);
    if (!(fill.quantity > 0) || !(fill.price > 0) || !(fill.commission >= 0) || steps === null) {
      throw new LedgerError(
        'INVALID_FILL',
        `fill needs a positive quantity on the 1e-6 step, a positive price and a non-negative ` +
          `commission (got ${fill.quantity} @ ${fill.price}, fee ${fill.commission})`,
      );
    }
    const quantity = sharesOf(steps);
    const amount = notional ?? exactNotional(steps, fill.price);
    const commission =
      fee ?? (fill.commission === 0 ? ExactDecimal.ZERO : ExactDecimal.fromNumber(fill.commission));
    const held = this.books.get(fill.symbol)?.steps ?? 0;
    const refused = fillRefusal(fill, { steps, amount, commission }, this.cashExact, held);
    if (refused) throw refused;
    const book = this.books.get(fill.symbol);
    if (fill.side === 'buy') {
      this.cashExact = this.cashExact.minus(amount.plus(commission));
      if (book) {
        book.steps += steps;
        book.costBasis = book.costBasis.plus(amount);
        book.quantityNumber = book.steps / STEPS_PER_SHARE;
      } else {
        this.books.set(fill.symbol, newBook(fill.symbol, steps, amount));
      }
    } else {
      const position = book as PositionBook;
      const all = position.steps === steps;
      const released = all
        ? position.costBasis
        : position.costBasis.times(quantity).dividedBy(sharesOf(position.steps));
      this.cashExact = this.cashExact.plus(amount.minus(commission));
      this.realized = this.realized.plus(amount.minus(released));
      if (all) {
        this.books.delete(fill.symbol);
      } else {
        position.steps -= steps;
        position.costBasis = position.costBasis.minus(released);
        position.quantityNumber = position.steps / STEPS_PER_SHARE;
      }
    }
    if (fill.commission !== 0) {
      this.realized = this.realized.minus(commission);
      this.fees = this.fees.plus(commission);
    }
    this.cashNumber = this.cashExact.toNumber();
    if (!this.marks.has(fill.symbol)) this.marks.set(fill.symbol, fill.price);
  }

  /**
   * Shares × splitTo/splitFrom (floored to the step), same total cost, mark ÷ the ratio; a position
   * left below one step is written off. The shares before and after, null when flat.
   */
  applySplit(
    symbol: string,
    splitFrom: number,
    splitTo: number,
  ): { before: ExactDecimal; after: ExactDecimal } | null {
    const mark = this.marks.get(symbol);
    if (mark !== undefined) this.marks.set(symbol, (mark * splitFrom) / splitTo);
    const book = this.books.get(symbol);
    if (!book) return null;
    const steps = splitSteps(book.steps, splitFrom, splitTo);
    const before = sharesOf(book.steps);
    if (steps <= 0) {
      this.realized = this.realized.minus(book.costBasis);
      this.books.delete(symbol);
      return { before, after: ExactDecimal.ZERO };
    }
    book.steps = steps;
    book.quantityNumber = steps / STEPS_PER_SHARE;
    return { before, after: sharesOf(steps) };
  }

  /** A dividend on its ex-date (a receivable and realised income), or on its pay date (cash). */
  bookDividend(phase: 'accrued' | 'paid', amount: ExactDecimal): void {
    if (amount.isNegative || (phase === 'paid' && amount.compare(this.receivable) > 0))
      throw new LedgerError('INVALID_FILL', `no dividend receivable of ${amount.toFixed()}`);
    if (phase === 'accrued') this.realized = this.realized.plus(amount);
    else this.cashExact = this.cashExact.plus(amount);
    this.receivable =
      phase === 'accrued' ? this.receivable.plus(amount) : this.receivable.minus(amount);
    this.receivableNumber = this.receivable.toNumber();
    this.cashNumber = this.cashExact.toNumber();
  }

  /** Records the latest price of a symbol for valuation. */
  mark(symbol: string, price: number): void {
    this.marks.set(symbol, price);
  }

  lastPrice(symbol: string): number | null {
    return this.marks.get(symbol) ?? null;
  }

  /** Mark-to-market equity as a number (fast; for equity curves and risk). */
  equity(): number {
    return this.marks.markToMarket(this.cashNumber + this.receivableNumber, this.books);
  }

  /** Mark-to-market equity in exact decimals. */
  equityDecimal(): Dec {
    let value = this.cashExact.plus(this.receivable);
    for (const [symbol, book] of this.books) value = value.plus(this.marketValue(symbol, book));
    return value.toDec();
  }

  unrealizedPnl(): Dec {
    let value = ExactDecimal.ZERO;
    for (const [symbol, book] of this.books)
      value = value.plus(this.marketValue(symbol, book).minus(book.costBasis));
    return value.toDec();
  }

  private marketValue(symbol: string, book: PositionBook): ExactDecimal {
    return sharesOf(book.steps).times(ExactDecimal.fromNumber(this.marks.get(symbol) as number));
  }

  private sortedBooks(): [string, PositionBook][] {
    return [...this.books.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  }

  positions(): PositionView[] {
    return this.sortedBooks().map(([symbol, book]) => {
      const lastPrice = this.marks.get(symbol) ?? null;
      const marketValue = lastPrice === null ? book.costBasis : this.marketValue(symbol, book);
      return {
        symbol,
        quantity: book.quantityNumber,
        averageCost: book.costBasis.dividedBy(sharesOf(book.steps)).toNumber(),
        lastPrice,
        marketValue: marketValue.toNumber(),
        unrealizedPnl: marketValue.minus(book.costBasis).toNumber(),
      };
    });
  }

  /** Each position's exact quantity and cost basis with its last mark, by symbol. */
  exactPositions(): ExactPositionView[] {
    return this.sortedBooks().map(([symbol, book]) => ({
      symbol,
      quantity: sharesOf(book.steps),
      costBasis: book.costBasis,
      lastPrice: this.marks.get(symbol) ?? null,
    }));
  }

  state(): LedgerState {
    return {
      cash: this.cashExact.toFixed(),
      realizedPnl: this.realized.toFixed(),
      feesPaid: this.fees.toFixed(),
      // Absent while zero, so that states saved before dividends existed compare equal.
      ...(this.receivable.isZero ? {} : { dividendsReceivable: this.receivable.toFixed() }),
      positions: this.sortedBooks().map(([symbol, book]) => ({
        symbol,
        quantity: sharesOf(book.steps).toFixed(),
        costBasis: book.costBasis.toFixed(),
      })),
    };
  }
}
