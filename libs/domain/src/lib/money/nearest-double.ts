/**
 * The double nearest `units × 10^−scale`, as `Number(`${units}e${-scale}`)` gives it, for the
 * ledger's balances and fees (17 to 31 digits, up to 22 places): writing and parsing the digits was
 * the costliest step of a fill.
 */
export function nearestDouble(units: bigint, scale: number): number {
  const negative = units < 0n;
  const magnitude = negative ? -units : units;
  const value = scale >= 0 && scale <= 22 && magnitude < LIMIT ? quotient(magnitude, scale) : NaN;
  if (Number.isNaN(value)) return Number(`${units}e${-scale}`);
  return negative ? -value : value;
}

/** Up to 2^104 units, the rest of the nearest double is below 2^53: a double holds it exactly. */
const LIMIT = 2n ** 104n;
const POWERS = Array.from({ length: 23 }, (_, i) => Number(`1e${i}`));
/** Veltkamp's constant: splits a double into two halves whose products are exact. */
const SPLITTER = 2 ** 27 + 1;
const split = (x: number): [number, number] => {
  const c = SPLITTER * x;
  const high = c - (c - x);
  return [high, x - high];
};
const POWER_HALVES = POWERS.map(split);
const word = new Float64Array(1);
const halves = new Uint32Array(word.buffer);
/** Which 32-bit half of a double holds its sign and exponent (the platform's byte order). */
const HIGH = ((word[0] = 1), halves[1] === 0x3ff00000 ? 1 : 0);
const LOW = 1 - HIGH;
const TOP_MANTISSA = 2 ** 52 - 5;

/**
 * magnitude ÷ 10^scale rounded to the nearest double, or NaN where the fast way cannot tell: the
 * magnitude is split into the double nearest it and an exact rest, the quotient of that double is
 * corrected by the exact remainder of its division (Dekker's product) plus the rest. The correction
 * is rounded twice (about 2^-51 of a double's spacing), so the sum is taken only when the value
 * lies far from every point halfway between two doubles (a decimal under 2^104 units is on such a
 * point or further from it than that; the check does not rely on it) and away from a power of two,
 * where the spacing changes.
 */
function quotient(magnitude: bigint, scale: number): number {
  const high = Number(magnitude);
  const rest = Number(magnitude - BigInt(high));
  const power = POWERS[scale];
  const q = high / power;
  const [qHigh, qLow] = split(q);
  const [pHigh, pLow] = POWER_HALVES[scale];
  const product = q * power;
  const productLow = qHigh * pHigh - product + qHigh * pLow + qLow * pHigh + qLow * pLow;
  const remainder = high - product - productLow;
  const correction = (remainder + rest) / power;
  word[0] = q;
  const exponent = (halves[HIGH] >>> 20) & 0x7ff;
  const mantissa = (halves[HIGH] & 0xfffff) * 2 ** 32 + halves[LOW];
  if (exponent <= 53 || exponent >= 0x7fe || mantissa < 4 || mantissa > TOP_MANTISSA) return NaN;
  halves[HIGH] = (exponent - 52) << 20;
  halves[LOW] = 0;
  const steps = correction / word[0];
  const offHalf = Math.abs(steps - Math.floor(steps) - 0.5);
  if (!(Math.abs(steps) < 2) || offHalf < 2 ** -30) return NaN;
  return q + correction;
}
