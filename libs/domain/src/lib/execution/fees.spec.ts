import { DEFAULT_REGULATORY_RATES, feesFor, NO_FEES } from './fees';

describe('feesFor', () => {
  it('charges percent of notional exactly, without rounding to cents', () => {
    const fees = feesFor({ ...NO_FEES, percent: 0.1 }, 'buy', 3, 2.123457);
    expect(fees.total.toFixed()).toBe('0.006370371');
  });

  it('charges per share with a per-order minimum on the first fill only', () => {
    const schedule = { ...NO_FEES, perShare: 0.005, perShareMinimum: 1 };
    expect(feesFor(schedule, 'buy', 100, 10).total.toFixed()).toBe('1');
    expect(feesFor(schedule, 'buy', 1000, 10).total.toFixed()).toBe('5');
    expect(feesFor(schedule, 'buy', 100, 10, false).total.toFixed()).toBe('0.5');
  });

  it('charges a flat fee once per order', () => {
    expect(feesFor({ ...NO_FEES, flat: 4.95 }, 'sell', 1, 10).total.toFixed()).toBe('4.95');
    expect(feesFor({ ...NO_FEES, flat: 4.95 }, 'sell', 1, 10, false).total.toFixed()).toBe('0');
  });

  it('adds SEC and FINRA TAF fees on sells only, each rounded up to the cent', () => {
    const schedule = { ...NO_FEES, regulatory: true };
    // SEC: 10 000 × 27.80 / 1e6 = 0.278 → 0.28; TAF: 100 × 0.000166 = 0.0166 → 0.02.
    const sell = feesFor(schedule, 'sell', 100, 100);
    expect(sell.regulatory.toFixed()).toBe('0.3');
    expect(feesFor(schedule, 'buy', 100, 100).total.toFixed()).toBe('0');
  });

  it('caps the TAF per trade', () => {
    const rates = { ...DEFAULT_REGULATORY_RATES, secPerMillion: 0 };
    const fees = feesFor(
      { ...NO_FEES, regulatory: true, regulatoryRates: rates },
      'sell',
      1_000_000,
      1,
    );
    expect(fees.regulatory.toFixed()).toBe('8.3');
  });

  it('adds every component together', () => {
    const fees = feesFor(
      { percent: 0.05, perShare: 0.01, perShareMinimum: 0, flat: 1, regulatory: false },
      'buy',
      10,
      50,
    );
    expect(fees.commission.toFixed()).toBe('1.35');
  });
});
