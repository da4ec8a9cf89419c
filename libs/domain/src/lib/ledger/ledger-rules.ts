import { ExactDecimal } from '../money/exact-decimal';
import { QUANTITY_DECIMALS } from '../money/rounding';
import type { Fill } from './fill';
import { LedgerError } from './ledger-error';

export interface PositionBook {
  /** The symbol the book is kept under: valuing every book needs no Map entries. */
  readonly symbol: string;
  /** Shares held, in whole quantity steps (exact: fills are on the step grid). */
  steps: number;
  /** Total cost of the shares held (fills' price × quantity, fees excluded). */
  costBasis: ExactDecimal;
  /** quantity as a number, for the hot path (marking, sizing). */
  quantityNumber: number;
}

export const STEPS_PER_SHARE = 10 ** QUANTITY_DECIMALS;
export const newBook = (symbol: string, steps: number, costBasis: ExactDecimal): PositionBook => ({
  symbol,
  steps,
  costBasis,
  quantityNumber: steps / STEPS_PER_SHARE,
});

export const sharesOf = (steps: number): ExactDecimal =>
  ExactDecimal.fromSteps(steps, QUANTITY_DECIMALS);

/** What a fill trades: its quantity in 1e-6 steps, quantity × price, and its fees. */
export interface FillAmounts {
  readonly steps: number;
  readonly amount: ExactDecimal;
  readonly commission: ExactDecimal;
}

/** Why the ledger refuses a fill (cash short, more sold than held), or null. */
export function fillRefusal(
  fill: Fill,
  { steps, amount, commission }: FillAmounts,
  cash: ExactDecimal,
  heldSteps: number,
): LedgerError | null {
  if (fill.side === 'buy') {
    const cost = amount.plus(commission);
    if (cost.compare(cash) > 0)
      return new LedgerError(
        'INSUFFICIENT_CASH',
        `buying ${fill.quantity} ${fill.symbol} costs ${cost.toFixed()} ` +
          `with fees; cash is ${cash.toFixed()}`,
      );
    return null;
  }
  if (heldSteps < steps)
    return new LedgerError(
      'NO_SHORT_POSITIONS',
      `selling ${fill.quantity} ${fill.symbol} exceeds the ${sharesOf(heldSteps).toFixed()} held`,
    );
  if (amount.plus(cash).compare(commission) < 0)
    return new LedgerError(
      'INSUFFICIENT_CASH',
      `the fees of selling ${fill.symbol} exceed cash and proceeds`,
    );
  return null;
}

/** Shares (in 1e-6 steps) after a split of `splitFrom` into `splitTo`, floored to the step. */
export function splitSteps(steps: number, splitFrom: number, splitTo: number): number {
  const exact = ExactDecimal.fromSteps(steps, 0)
    .times(ExactDecimal.fromNumber(splitTo))
    .dividedBy(ExactDecimal.fromNumber(splitFrom));
  const ten = BigInt(10);
  if (exact.scale <= 0) return Number(exact.units * ten ** BigInt(-exact.scale));
  return Number(exact.units / ten ** BigInt(exact.scale));
}
