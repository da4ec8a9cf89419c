import Decimal from 'decimal.js';
import { Dec, dec, type DecimalInput } from './decimal';
import { ExactDecimal } from './exact-decimal';

/** Shares are whole multiples of 1e-6: fractional orders are rounded DOWN to this step. */
export const QUANTITY_DECIMALS = 6;
export const QUANTITY_STEP = 1e-6;
/**
 * Money shown to people is rounded half-even to cents; the ledger and reports keep full precision.
 */
export const DISPLAY_CASH_DECIMALS = 2;

/** Rounds up to whole cents (regulators' rule for the SEC fee and the FINRA TAF). */
export function roundUpToCents(value: DecimalInput): Dec {
  return dec(value).toDecimalPlaces(DISPLAY_CASH_DECIMALS, Decimal.ROUND_UP);
}

export function toCents(value: DecimalInput): Dec {
  return dec(value).toDecimalPlaces(DISPLAY_CASH_DECIMALS, Decimal.ROUND_HALF_EVEN);
}

/**
 * Rounds a share quantity DOWN to the quantity step (default 1e-6): sizing never buys more than the
 * money allows. `step` must be a power of ten between 1 and 1e-6.
 */
export function floorQuantity(value: DecimalInput, step: DecimalInput = QUANTITY_STEP): Dec {
  const stepDec = dec(step);
  return dec(value).div(stepDec).floor().mul(stepDec);
}

/** True when a quantity has at most QUANTITY_DECIMALS decimals. */
export function isOnQuantityStep(value: DecimalInput): boolean {
  return dec(value).decimalPlaces() <= QUANTITY_DECIMALS;
}

/**
 * A share quantity as a whole number of quantity steps, or null when it is not on the step grid.
 * Exact for numbers: the double nearest a 6-decimal value divides back to itself.
 */
export function quantitySteps(quantity: number): number | null {
  const steps = Math.round(quantity * 1e6);
  return steps / 1e6 === quantity && Number.isSafeInteger(steps) ? steps : null;
}

/**
 * A share quantity as an exact decimal, from its whole quantity steps when it is on the step grid.
 */
export function exactQuantity(quantity: number): ExactDecimal {
  const steps = quantitySteps(quantity);
  return steps === null
    ? ExactDecimal.fromNumber(quantity)
    : ExactDecimal.fromSteps(steps, QUANTITY_DECIMALS);
}

/** Quantity steps × price, exactly. */
export function exactNotional(steps: number, price: number): ExactDecimal {
  return ExactDecimal.fromSteps(steps, QUANTITY_DECIMALS).times(ExactDecimal.fromNumber(price));
}

/** Quantity × price, exactly, whether or not the quantity is on the step grid. */
export function exactNotionalOf(quantity: number, price: number): ExactDecimal {
  return exactQuantity(quantity).times(ExactDecimal.fromNumber(price));
}
