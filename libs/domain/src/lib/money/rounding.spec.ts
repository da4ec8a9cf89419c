import Decimal from 'decimal.js';
import fc from 'fast-check';
import { dec } from './decimal';
import {
  floorQuantity,
  isOnQuantityStep,
  quantitySteps,
  roundUpToCents,
  toCents,
} from './rounding';

describe('money rounding', () => {
  it('rounds quantities down to the 1e-6 step, never up', () => {
    expect(floorQuantity('16.6666669').toFixed()).toBe('16.666666');
    expect(floorQuantity(0.3).toFixed()).toBe('0.3');
    expect(floorQuantity(5, 1).toFixed()).toBe('5');
    expect(floorQuantity(5.99, 1).toFixed()).toBe('5');
  });

  it('counts whole steps exactly for every 6-decimal quantity (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e15 }), (steps) => {
        const quantity = Number(dec(steps).div(1e6).toFixed());
        expect(quantitySteps(quantity)).toBe(steps);
        expect(isOnQuantityStep(quantity)).toBe(true);
      }),
      { numRuns: 2000 },
    );
    expect(quantitySteps(0.1234567)).toBeNull();
    expect(isOnQuantityStep(0.1234567)).toBe(false);
  });

  it('rounds regulatory fees up to the cent and display amounts half-even', () => {
    expect(roundUpToCents('0.001').toFixed()).toBe('0.01');
    expect(roundUpToCents('0.27800').toFixed()).toBe('0.28');
    expect(toCents('2.345').toFixed()).toBe('2.34');
    expect(toCents('2.355').toFixed()).toBe('2.36');
  });

  it('is not affected by changes to the global decimal.js configuration', () => {
    const saved = Decimal.precision;
    Decimal.set({ precision: 5 });
    try {
      expect(dec('1').div(3).toFixed()).toBe('0.3333333333333333333333333333333333');
    } finally {
      Decimal.set({ precision: saved });
    }
  });
});
