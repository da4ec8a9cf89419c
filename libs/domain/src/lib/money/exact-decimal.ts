import { Dec } from './decimal';
import { nearestDouble } from './nearest-double';

/** Significant digits kept, as the ledger's `Dec` (decimal128). */
const PRECISION = 34;
const LIMIT = 10n ** BigInt(PRECISION);
const POWERS: bigint[] = Array.from({ length: 64 }, (_, i) => 10n ** BigInt(i));

const pow10 = (n: number): bigint => POWERS[n] ?? 10n ** BigInt(n);
const abs = (n: bigint): bigint => (n < 0n ? -n : n);

/**
 * Decimal digits of n ≥ 0: estimated from its double, then settled by comparing with powers of ten
 * (exact). `n.toString().length` cost more than the arithmetic it served.
 */
function digits(n: bigint): number {
  if (n < 10n) return 1;
  const estimate = Number(n);
  if (estimate === Infinity) return n.toString().length;
  let count = Math.floor(Math.log10(estimate)) + 1;
  while (n < pow10(count - 1)) count--;
  while (n >= pow10(count)) count++;
  return count;
}

/**
 * An exact decimal `units × 10^−scale` on a BigInt: the hot-path twin of the ledger's `Dec`
 * (decimal.js), tens of times faster and with the very same results. Sums, differences and products
 * are exact, then rounded half-even to 34 significant digits, and quotients are correctly rounded
 * to 34 digits, exactly as `Dec` does; a JS number is taken at its shortest round-trip decimal, as
 * `Dec` takes it. Scaling by a power of ten is exact (it never adds digits). There is no negative
 * zero.
 */
export class ExactDecimal {
  private constructor(
    readonly units: bigint,
    readonly scale: number,
  ) {}

  static readonly ZERO = new ExactDecimal(0n, 0);

  /** `units × 10^−scale`, rounded to 34 significant digits. */
  static of(units: bigint, scale: number): ExactDecimal {
    return units < LIMIT && units > -LIMIT
      ? new ExactDecimal(units, scale)
      : rounded(units, scale, false);
  }

  static fromNumber(value: number): ExactDecimal {
    // A fill's price and fee are read by sizing, fees, the ledger and the round trips in turn.
    for (let i = 0; i < CACHE_SIZE; i++) if (cachedNumbers[i] === value) return cachedValues[i];
    const parsed = parseNumber(value);
    cacheNext = (cacheNext + 1) % CACHE_SIZE;
    cachedNumbers[cacheNext] = value;
    cachedValues[cacheNext] = parsed;
    return parsed;
  }

  /** A whole number of 10^−decimals steps (e.g. share quantities in 1e-6 steps). */
  static fromSteps(steps: number, decimals: number): ExactDecimal {
    return new ExactDecimal(BigInt(steps), decimals);
  }

  static fromDec(value: Dec): ExactDecimal {
    return ExactDecimal.parse(value.toFixed());
  }

  /**
   * Plain or exponent notation (`String(number)`, `Dec.toFixed()`), not rounded: like `Dec`, an
   * input keeps every digit.
   */
  static parse(text: string): ExactDecimal {
    let exponentAt = text.indexOf('e');
    if (exponentAt < 0) exponentAt = text.indexOf('E');
    const mantissa = exponentAt < 0 ? text : text.slice(0, exponentAt);
    const exponent = exponentAt < 0 ? 0 : Number(text.slice(exponentAt + 1));
    const point = mantissa.indexOf('.');
    if (point < 0) return new ExactDecimal(BigInt(mantissa), -exponent);
    return new ExactDecimal(
      BigInt(mantissa.slice(0, point) + mantissa.slice(point + 1)),
      mantissa.length - point - 1 - exponent,
    );
  }

  get isZero(): boolean {
    return this.units === 0n;
  }

  get isNegative(): boolean {
    return this.units < 0n;
  }

  plus(other: ExactDecimal): ExactDecimal {
    if (other.units === 0n) return ExactDecimal.of(this.units, this.scale);
    if (this.units === 0n) return ExactDecimal.of(other.units, other.scale);
    if (this.scale === other.scale) return ExactDecimal.of(this.units + other.units, this.scale);
    return this.scale > other.scale
      ? ExactDecimal.of(this.units + other.units * pow10(this.scale - other.scale), this.scale)
      : ExactDecimal.of(this.units * pow10(other.scale - this.scale) + other.units, other.scale);
  }

  minus(other: ExactDecimal): ExactDecimal {
    return this.plus(new ExactDecimal(-other.units, other.scale));
  }

  times(other: ExactDecimal): ExactDecimal {
    return ExactDecimal.of(this.units * other.units, this.scale + other.scale);
  }

  /** This ÷ 10^n (exact up to the 34-digit rounding of every result). */
  shift(n: number): ExactDecimal {
    return ExactDecimal.of(this.units, this.scale + n);
  }

  /** Correctly rounded (half-even) to 34 significant digits, as `Dec.div`. */
  dividedBy(other: ExactDecimal): ExactDecimal {
    if (other.units === 0n) throw new RangeError('division by zero');
    if (this.units === 0n) return ExactDecimal.ZERO;
    const negative = this.units < 0n !== other.units < 0n;
    const numerator = abs(this.units);
    const denominator = abs(other.units);
    // Enough extra digits for at least 35 significant digits in the quotient; the remainder breaks
    // ties.
    const extra = Math.max(0, PRECISION + 1 + digits(denominator) - digits(numerator));
    const scaled = numerator * pow10(extra);
    const quotient = scaled / denominator;
    const result = rounded(
      quotient,
      this.scale - other.scale + extra,
      quotient * denominator !== scaled,
    );
    return negative ? new ExactDecimal(-result.units, result.scale) : result;
  }

  compare(other: ExactDecimal): -1 | 0 | 1 {
    let a = this.units;
    let b = other.units;
    if (this.scale > other.scale) b *= pow10(this.scale - other.scale);
    else if (other.scale > this.scale) a *= pow10(other.scale - this.scale);
    return a < b ? -1 : a > b ? 1 : 0;
  }

  /** Rounded to `decimals` places away from zero (the regulators' rounding of fees). */
  roundUp(decimals: number): ExactDecimal {
    if (this.scale <= decimals) return this;
    const divisor = pow10(this.scale - decimals);
    const whole = this.units / divisor;
    if (whole * divisor === this.units) return new ExactDecimal(whole, decimals);
    return new ExactDecimal(this.units < 0n ? whole - 1n : whole + 1n, decimals);
  }

  /** The nearest double, as `Dec.toNumber()`. */
  toNumber(): number {
    // Both operands are exact doubles, so IEEE division rounds the exact quotient once, like
    // parsing.
    if (this.scale >= 0 && this.scale <= 22 && this.units <= MAX_EXACT && this.units >= -MAX_EXACT)
      return Number(this.units) / DOUBLE_POWERS[this.scale];
    return nearestDouble(this.units, this.scale);
  }

  /** Plain notation without trailing zeros, as `Dec.toFixed()`. */
  toFixed(): string {
    if (this.units === 0n) return '0';
    const sign = this.units < 0n ? '-' : '';
    let text = abs(this.units).toString();
    let scale = this.scale;
    if (scale <= 0) return sign + text + '0'.repeat(-scale);
    let end = text.length;
    while (scale > 0 && text.charCodeAt(end - 1) === 48) {
      end--;
      scale--;
    }
    text = text.slice(0, end);
    if (scale === 0) return sign + text;
    return text.length > scale
      ? `${sign}${text.slice(0, text.length - scale)}.${text.slice(text.length - scale)}`
      : `${sign}0.${'0'.repeat(scale - text.length)}${text}`;
  }

  /**
   * `ExactDecimal.fromNumber(value)` for `value = this.toNumber()`, mostly without reading the
   * number: no other decimal of at most 15 significant digits rounds to the same double, so a
   * decimal that short reads back from its double as itself.
   */
  throughNumber(value: number): ExactDecimal {
    const short = this.units < SHORT_LIMIT && this.units > -SHORT_LIMIT;
    return short && this.scale <= 300 && this.scale >= -300 ? this : ExactDecimal.fromNumber(value);
  }

  toDec(): Dec {
    return new Dec(this.toFixed());
  }
}

const MAX_EXACT = BigInt(Number.MAX_SAFE_INTEGER);
const SHORT_LIMIT = 10n ** 15n;
const DOUBLE_POWERS = Array.from({ length: 23 }, (_, i) => Number(`1e${i}`));

/**
 * Half-even to 34 significant digits; `sticky` says the true value is a little above |units| (a
 * division's remainder).
 */
function rounded(units: bigint, scale: number, sticky: boolean): ExactDecimal {
  const magnitude = abs(units);
  const drop = digits(magnitude) - PRECISION;
  if (drop <= 0) return ExactDecimal.of(units, scale);
  const divisor = pow10(drop);
  let kept = magnitude / divisor;
  const rest = magnitude - kept * divisor;
  const half = divisor / 2n;
  if (rest > half || (rest === half && (sticky || (kept & 1n) === 1n))) kept += 1n;
  return ExactDecimal.of(units < 0n ? -kept : kept, scale - drop);
}

const CACHE_SIZE = 4;
const cachedNumbers: number[] = new Array<number>(CACHE_SIZE).fill(0);
const cachedValues: ExactDecimal[] = new Array<ExactDecimal>(CACHE_SIZE).fill(ExactDecimal.ZERO);
let cacheNext = 0;

function parseNumber(value: number): ExactDecimal {
  if (!Number.isFinite(value)) throw new RangeError(`${value} is not a finite amount`);
  if (Number.isSafeInteger(value)) return ExactDecimal.fromSteps(value, 0);
  return shortDecimal(value) ?? ExactDecimal.parse(String(value));
}

/** Below 10^15 units, a decimal has at most 15 significant digits. */
const SHORT_UNITS = 1e15;

/**
 * What `parse(String(value))` gives, found without writing the number when its decimal has at most
 * 15 significant digits, as prices, slipped prices and fees mostly have. Such a decimal is the only
 * one of 15 digits or fewer that rounds to `value`, so it is the shortest round trip `String` writes;
 * the fewest places k whose multiple `units / 10^k` divides back to exactly `value` give it, without
 * a trailing zero. Null when no such decimal exists.
 */
function shortDecimal(value: number): ExactDecimal | null {
  for (let places = 1; places < DOUBLE_POWERS.length; places++) {
    const units = Math.round(value * DOUBLE_POWERS[places]);
    if (!(Math.abs(units) < SHORT_UNITS)) return null;
    if (units / DOUBLE_POWERS[places] === value) return ExactDecimal.fromSteps(units, places);
  }
  return null;
}
