import fc from 'fast-check';
import { Dec, dec } from './decimal';
import { ExactDecimal } from './exact-decimal';

/**
 * Numbers of every shape money and quantities take: prices, 6-decimal quantities, tiny fees, huge
 * balances.
 */
const amount = fc.oneof(
  fc.double({ min: -1e9, max: 1e9, noNaN: true, noDefaultInfinity: true }),
  fc.double({ min: 1e-12, max: 1e-3, noNaN: true }),
  fc.integer({ min: -1e15, max: 1e15 }).map((steps) => steps / 1e6),
  fc.integer({ min: 1, max: 5_000_000 }).map((cents) => cents / 100),
  fc.constantFrom(0, 1, -1, 100, 0.1, 0.05, 27.8, 0.000166, 1e21, 1.5e-7, 2 ** 53 + 2),
);

/** Long decimals (up to 40 digits), as a ledger sum or a quotient can be. */
const longDecimal = fc
  .tuple(fc.boolean(), fc.bigInt({ min: 0n, max: 10n ** 40n }), fc.integer({ min: 0, max: 38 }))
  .map(([negative, units, scale]) => {
    const text = units.toString().padStart(scale + 1, '0');
    const sign = negative && units !== 0n ? '-' : '';
    const fraction = scale > 0 ? `.${text.slice(text.length - scale)}` : '';
    return `${sign}${text.slice(0, text.length - scale)}${fraction}`;
  });

const operand = fc.oneof(
  amount.map((n) => ({ exact: ExactDecimal.fromNumber(n), dec: dec(n) })),
  longDecimal.map((s) => ({ exact: ExactDecimal.parse(s), dec: dec(s) })),
);

// Dec has a negative zero, ExactDecimal does not: `+ 0` folds −0 (also a negative number's
// underflow) into 0.
describe('ExactDecimal', () => {
  it('reads numbers and decimal strings as Dec does', () => {
    fc.assert(
      fc.property(amount, (n) => {
        expect(ExactDecimal.fromNumber(n).toFixed()).toBe(dec(n).toFixed());
        expect(ExactDecimal.fromNumber(n).toNumber() + 0).toBe(dec(n).toNumber() + 0);
      }),
      { numRuns: 3000 },
    );
    fc.assert(
      fc.property(longDecimal, (s) =>
        expect(ExactDecimal.parse(s).toFixed()).toBe(dec(s).toFixed()),
      ),
    );
    expect(ExactDecimal.parse('1.5e-7').toFixed()).toBe('0.00000015');
    expect(ExactDecimal.fromNumber(-0).toFixed()).toBe('0');
    expect(ExactDecimal.fromSteps(16_666_666, 6).toFixed()).toBe('16.666666');
    expect(ExactDecimal.fromSteps(5_000_000, 6).toFixed()).toBe('5');
  });

  it(
    'adds, subtracts, multiplies and divides with the ' +
      'results of Dec, 34-digit rounding included (property)',
    () => {
      fc.assert(
        fc.property(operand, operand, ({ exact: a, dec: x }, { exact: b, dec: y }) => {
          expect(a.plus(b).toFixed()).toBe(x.plus(y).toFixed());
          expect(a.minus(b).toFixed()).toBe(x.minus(y).toFixed());
          expect(a.times(b).toFixed()).toBe(x.times(y).toFixed());
          expect(a.compare(b)).toBe(x.comparedTo(y));
          if (!y.isZero()) expect(a.dividedBy(b).toFixed()).toBe(x.dividedBy(y).toFixed());
          expect(a.times(b).toNumber() + 0).toBe(x.times(y).toNumber() + 0);
        }),
        { numRuns: 3000 },
      );
    },
  );

  it('keeps agreeing with Dec along long chains of ledger-like operations (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom('plus', 'minus', 'times', 'dividedBy'), amount), {
          minLength: 1,
          maxLength: 60,
        }),
        (steps) => {
          let exact = ExactDecimal.fromNumber(1_000_000);
          let reference: Dec = dec(1_000_000);
          for (const [op, n] of steps) {
            if (op === 'dividedBy' && n === 0) continue;
            exact = exact[op](ExactDecimal.fromNumber(n));
            reference = reference[op](n);
            expect(exact.toFixed()).toBe(reference.toFixed());
          }
          expect(exact.toNumber() + 0).toBe(reference.toNumber() + 0);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('reads back its own number as fromNumber does, without the number when it can (property)', () => {
    const nearFifteenDigits = fc
      .tuple(fc.bigInt({ min: -(10n ** 17n), max: 10n ** 17n }), fc.integer({ min: -5, max: 24 }))
      .map(([units, scale]) => ExactDecimal.of(units, scale));
    fc.assert(
      fc.property(
        fc.oneof(
          nearFifteenDigits,
          operand.map((o) => o.exact),
        ),
        (x) => {
          const value = x.toNumber();
          expect(x.throughNumber(value).toFixed()).toBe(ExactDecimal.fromNumber(value).toFixed());
        },
      ),
      { numRuns: 3000 },
    );
    const sixteenDigits = ExactDecimal.parse('9.999999900319561');
    expect(sixteenDigits.throughNumber(sixteenDigits.toNumber()).toFixed()).toBe(
      '9.999999900319562',
    );
  });

  it('breaks division ties half-even and rounds up to cents away from zero, as Dec', () => {
    const third = ExactDecimal.fromNumber(1).dividedBy(ExactDecimal.fromNumber(3));
    expect(third.toFixed()).toBe(dec(1).div(3).toFixed());
    expect(ExactDecimal.fromNumber(2).dividedBy(ExactDecimal.fromNumber(3)).toFixed()).toBe(
      dec(2).div(3).toFixed(),
    );
    for (const tie of [
      '1234567890123456789012345678901234.5',
      '1234567890123456789012345678901235.5',
      '-1234567890123456789012345678901234.5',
    ]) {
      expect(ExactDecimal.parse(tie).dividedBy(ExactDecimal.fromNumber(1)).toFixed()).toBe(
        dec(tie).div(1).toFixed(),
      );
      expect(ExactDecimal.parse(tie).plus(ExactDecimal.ZERO).toFixed()).toBe(
        dec(tie).plus(0).toFixed(),
      );
      expect(ExactDecimal.parse(tie).dividedBy(ExactDecimal.fromNumber(-3)).toFixed()).toBe(
        dec(tie).div(-3).toFixed(),
      );
    }
    fc.assert(
      fc.property(operand, ({ exact, dec: x }) => {
        expect(exact.roundUp(2).toFixed()).toBe(x.toDecimalPlaces(2, Dec.ROUND_UP).toFixed());
        expect(exact.shift(2).toFixed()).toBe(x.div(100).toFixed());
        expect(exact.toDec().eq(x)).toBe(true);
      }),
      { numRuns: 2000 },
    );
    expect(() => third.dividedBy(ExactDecimal.ZERO)).toThrow(RangeError);
  });
});
