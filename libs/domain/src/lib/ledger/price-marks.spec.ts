import { ExactDecimal } from '../money/exact-decimal';
import { newBook } from './ledger-rules';
import { PriceMarks } from './price-marks';

describe('PriceMarks.markToMarket', () => {
  const books = new Map([
    ['AAA', newBook('AAA', 2_000_000, ExactDecimal.ZERO)],
    ['BBB', newBook('BBB', 500_000, ExactDecimal.ZERO)],
  ]);

  it('adds each book at its last price to the start, in the books order', () => {
    const marks = new PriceMarks();
    marks.set('AAA', 10.1);
    marks.set('BBB', 3);
    marks.set('AAA', 10.2);
    expect(marks.markToMarket(0.1, books)).toBe(0.1 + 2 * 10.2 + 0.5 * 3);
  });

  it('is NaN while a book has no price', () => {
    const marks = new PriceMarks();
    marks.set('AAA', 10);
    expect(marks.markToMarket(0, books)).toBeNaN();
  });
});
