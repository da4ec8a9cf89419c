import { ExactDecimal } from '../money/exact-decimal';
import { exactNotional, QUANTITY_STEP } from '../money/rounding';
import { exactFees, type FeeSchedule } from '../execution/fees';
import type { FillCost } from '../execution/fill-cost';

/** How a strategy entry is sized. */
export type SizingConfig =
  | { readonly mode: 'auto' }
  | { readonly mode: 'quantity'; readonly quantity: number }
  | { readonly mode: 'notional'; readonly notional: number };

/**
 * The dollar target of an entry: auto = min(maxPositionPct × equity, available cash); notional =
 * the fixed amount. Null for fixed-quantity sizing.
 */
export function entryNotional(
  sizing: Exclude<SizingConfig, { readonly mode: 'quantity' }>,
  equity: number,
  availableCash: number,
  maxPositionPct: number,
): number;
export function entryNotional(
  sizing: SizingConfig,
  equity: number,
  availableCash: number,
  maxPositionPct: number,
): number | null;
export function entryNotional(
  sizing: SizingConfig,
  equity: number,
  availableCash: number,
  maxPositionPct: number,
): number | null {
  if (sizing.mode === 'quantity') return null;
  if (sizing.mode === 'notional') return sizing.notional;
  return Math.max(0, Math.min((maxPositionPct / 100) * equity, availableCash));
}

const STEPS_PER_SHARE = 1 / QUANTITY_STEP;

/**
 * A floating-point estimate of the most shares within `budget` whose cost plus fees stays within
 * `cash`, as a whole number of quantity steps (may be one step off; for pre-trade estimates).
 */
export function affordableSteps(
  budget: number,
  cash: number,
  price: number,
  fees: FeeSchedule,
): number {
  if (!(price > 0) || !(budget > 0) || !(cash > 0)) return 0;
  // Fees are at most linear in the quantity plus fixed parts: size within them.
  const perShareCost = price * (1 + fees.percent / 100) + fees.perShare;
  const fixed = fees.flat + fees.perShareMinimum;
  return Math.min(budget / price, Math.max(0, cash - fixed) / perShareCost) * STEPS_PER_SHARE;
}

/**
 * The most shares (a multiple of the quantity step, rounded down) whose cost stays within `budget`
 * and whose cost plus fees stays within `cash`, with that cost and those fees (a first fill's): the
 * estimate, verified (and stepped down) in exact decimals, so the ledger never refuses the result.
 * Null when not one step is affordable. `cashAsNumber`, when given, must be `cash` as the nearest
 * double.
 */
export function affordableBuy(
  budget: number,
  cash: ExactDecimal | number,
  price: number,
  fees: FeeSchedule,
  cashAsNumber?: number,
): FillCost | null {
  const exactCash = typeof cash === 'number' ? ExactDecimal.fromNumber(cash) : cash;
  // The ledger keeps its cash as the nearest double too: converting it again is a string round
  // trip.
  const estimate = affordableSteps(budget, cashAsNumber ?? exactCash.toNumber(), price, fees);
  let steps = Math.floor(estimate);
  if (steps <= 0) return null;
  const exactBudget = ExactDecimal.fromNumber(budget);
  const costOf = (s: number): FillCost | null => {
    const notional = exactNotional(s, price);
    if (notional.compare(exactBudget) > 0) return null;
    const quantity = s / STEPS_PER_SHARE;
    const buyFees = exactFees(fees, 'buy', quantity, price, true, notional);
    return notional.plus(buyFees.total).compare(exactCash) <= 0
      ? { quantity, notional, fees: buyFees }
      : null;
  };
  // A quotient that is a whole number of steps may land just below it in floating point.
  const oneMore = estimate - steps > 1 - 1e-6 ? costOf(steps + 1) : null;
  if (oneMore) return oneMore;
  for (; steps > 0; steps--) {
    const cost = costOf(steps);
    if (cost) return cost;
  }
  return null;
}
