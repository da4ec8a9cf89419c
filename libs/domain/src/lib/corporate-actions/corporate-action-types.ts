/**
 * A stock split as Polygon's `/v3/reference/splits` reports it: from `execution_date` on, every
 * `split_from` shares are `split_to` shares (a reverse split has split_from > split_to).
 */
export interface SplitAction {
  readonly ticker: string;
  /** `YYYY-MM-DD`: the first trading day on the new basis. */
  readonly execution_date: string;
  readonly split_from: number;
  readonly split_to: number;
  readonly id?: string;
}

/**
 * A cash dividend as Polygon's `/v3/reference/dividends` reports it. Whoever holds the shares at
 * the close before `ex_dividend_date` is paid `cash_amount` per share on `pay_date`.
 */
export interface DividendAction {
  readonly ticker: string;
  /** Dollars per share. */
  readonly cash_amount: number;
  readonly ex_dividend_date: string;
  readonly pay_date: string;
  readonly record_date?: string;
  readonly declaration_date?: string;
  /** CD regular, SC special, LT/ST capital gain distributions. */
  readonly dividend_type?: string;
  /** Payments per year; 0 one-off. */
  readonly frequency?: number;
  readonly id?: string;
}

/** The corporate-actions file of replays and backtests, and what live providers hand the engine. */
export interface CorporateActions {
  readonly splits: readonly SplitAction[];
  readonly dividends: readonly DividendAction[];
}

export const NO_CORPORATE_ACTIONS: CorporateActions = { splits: [], dividends: [] };

/** A split as booked by the ledger: the shares held before and after, exact decimal strings. */
export interface SplitActivity {
  readonly id: string;
  readonly type: 'split';
  readonly symbol: string;
  readonly time: number;
  readonly date: string;
  readonly splitFrom: number;
  readonly splitTo: number;
  readonly quantityBefore: string;
  readonly quantityAfter: string;
}

/**
 * A dividend as booked by the ledger: `accrued` on the ex-date (a receivable, counted in equity and
 * realised P&L), `paid` into cash on the pay date.
 */
export interface DividendActivity {
  readonly id: string;
  readonly type: 'dividend';
  readonly phase: 'accrued' | 'paid';
  readonly symbol: string;
  readonly time: number;
  readonly exDate: string;
  readonly payDate: string;
  readonly cashAmount: number;
  /** Shares held at the close before the ex-date. */
  readonly quantity: string;
  /** Dollars, exact decimal string: quantity × cashAmount. */
  readonly amount: string;
}

/** What the ledger books besides fills. */
export type CorporateActivity = SplitActivity | DividendActivity;

/** A dividend accrued and not paid yet (snapshotted). */
export interface DividendReceivable {
  readonly symbol: string;
  readonly exDate: string;
  readonly payDate: string;
  readonly cashAmount: number;
  readonly quantity: string;
  readonly amount: string;
}

export function splitKey(split: SplitAction): string {
  return `split:${split.ticker}:${split.execution_date}:${split.split_from}:${split.split_to}`;
}

export function dividendKey(dividend: DividendAction): string {
  return `dividend:${dividend.ticker}:${dividend.ex_dividend_date}:${dividend.cash_amount}`;
}

/**
 * The actions that take effect after `date` (a trading day already begun): what a live engine may
 * still be given. On its own date a split is in the prices from the open, so one learnt of then
 * would re-split a position bought on the new basis.
 */
export function actionsAfter(actions: CorporateActions, date: string | null): CorporateActions {
  if (date === null) return actions;
  return {
    splits: actions.splits.filter((split) => split.execution_date > date),
    dividends: actions.dividends.filter((dividend) => dividend.ex_dividend_date > date),
  };
}
