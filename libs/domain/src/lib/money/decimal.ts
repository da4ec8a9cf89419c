import Decimal from 'decimal.js';

/**
 * The ledger's own Decimal constructor: a clone, so that nobody configuring the global `decimal.js`
 * (the API imports it too) can change how money is rounded here. 34 significant digits (IEEE 754
 * decimal128) hold any cash balance to far below a millionth of a cent.
 */
export const Dec = Decimal.clone({
  precision: 34,
  rounding: Decimal.ROUND_HALF_EVEN,
  toExpNeg: -30,
  toExpPos: 40,
});
export type Dec = Decimal;

/**
 * Everything money helpers accept: a JS number is taken at its shortest round-trip decimal (0.1 is
 * 0.1).
 */
export type DecimalInput = Decimal.Value;

export const ZERO = new Dec(0);

export function dec(value: DecimalInput): Dec {
  return new Dec(value);
}
