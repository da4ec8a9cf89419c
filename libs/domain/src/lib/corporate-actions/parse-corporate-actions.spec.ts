import { DataFormatError } from '../data-formats/data-format-error';
import { parseCorporateActions } from './parse-corporate-actions';

describe('parseCorporateActions', () => {
  it('reads Polygon’s fields and keeps the optional ones it knows', () => {
    const parsed = parseCorporateActions(
      JSON.stringify({
        splits: [{ ticker: 'NVDA', execution_date: '2024-06-10', split_from: 1, split_to: 10 }],
        dividends: [
          {
            ticker: 'AAPL',
            cash_amount: 0.24,
            ex_dividend_date: '2023-05-12',
            pay_date: '2023-05-18',
            record_date: '2023-05-15',
            dividend_type: 'CD',
            frequency: 4,
            currency: 'USD',
          },
        ],
      }),
    );
    expect(parsed.splits[0].split_to).toBe(10);
    expect(parsed.dividends[0]).toEqual({
      ticker: 'AAPL',
      cash_amount: 0.24,
      ex_dividend_date: '2023-05-12',
      pay_date: '2023-05-18',
      record_date: '2023-05-15',
      dividend_type: 'CD',
      frequency: 4,
    });
    expect(parseCorporateActions({ splits: [] })).toEqual({ splits: [], dividends: [] });
  });

  it.each([
    ['not json', '{', 'BAD_JSON'],
    ['a list', '[]', 'BAD_RESULT'],
    [
      'a bad ratio',
      { splits: [{ ticker: 'A', execution_date: '2024-01-02', split_from: 0, split_to: 2 }] },
      'BAD_RESULT',
    ],
    [
      'a bad date',
      { splits: [{ ticker: 'A', execution_date: '2024-02-30', split_from: 1, split_to: 2 }] },
      'BAD_RESULT',
    ],
    [
      'a pay date before the ex-date',
      {
        dividends: [
          { ticker: 'A', cash_amount: 1, ex_dividend_date: '2024-01-05', pay_date: '2024-01-04' },
        ],
      },
      'BAD_RESULT',
    ],
    [
      'a negative amount',
      {
        dividends: [
          { ticker: 'A', cash_amount: -1, ex_dividend_date: '2024-01-05', pay_date: '2024-01-06' },
        ],
      },
      'BAD_RESULT',
    ],
    [
      'a lower-case ticker',
      {
        dividends: [
          { ticker: 'a', cash_amount: 1, ex_dividend_date: '2024-01-05', pay_date: '2024-01-06' },
        ],
      },
      'BAD_RESULT',
    ],
  ])('refuses %s', (_name, input, code) => {
    try {
      parseCorporateActions(input);
      throw new Error('accepted');
    } catch (error) {
      expect(error).toBeInstanceOf(DataFormatError);
      expect((error as DataFormatError).code).toBe(code);
    }
  });
});
