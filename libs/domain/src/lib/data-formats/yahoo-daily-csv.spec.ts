import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataFormatError } from './data-format-error';
import { parseYahooDailyCsv } from './yahoo-daily-csv';

const orcl = readFileSync(join(__dirname, 'fixtures', 'orcl-1995-01.csv'), 'utf8');
const HEADER = 'Date,Open,High,Low,Close,Adj Close,Volume';

function errorOf(text: string): DataFormatError {
  try {
    parseYahooDailyCsv(text, { symbol: 'X' });
  } catch (e) {
    return e as DataFormatError;
  }
  throw new Error('expected a DataFormatError');
}

describe('parseYahooDailyCsv', () => {
  it('reads raw OHLCV at 00:00 UTC of each date and ignores Adj Close by default', () => {
    const bars = parseYahooDailyCsv(orcl, { symbol: 'ORCL' });
    expect(bars).toHaveLength(5);
    expect(bars[0]).toEqual({
      symbol: 'ORCL',
      time: Date.UTC(1995, 0, 3),
      open: 2.179012,
      high: 2.191358,
      low: 2.117284,
      close: 2.117284,
      volume: 36301200,
    });
    expect(bars.map((b) => new Date(b.time).toISOString().slice(0, 10))).toEqual([
      '1995-01-03',
      '1995-01-04',
      '1995-01-05',
      '1995-01-06',
      '1995-01-09',
    ]);
  });

  it('scales OHLC by Adj Close / Close when adjusted, leaving volume alone', () => {
    const [bar] = parseYahooDailyCsv(orcl, { symbol: 'ORCL', adjusted: true });
    const factor = 1.883304 / 2.117284;
    expect(bar.close).toBe(1.883304);
    expect(bar.open).toBeCloseTo(2.179012 * factor, 12);
    expect(bar.high).toBeCloseTo(2.191358 * factor, 12);
    expect(bar.low).toBeCloseTo(2.117284 * factor, 12);
    expect(bar.volume).toBe(36301200);
  });

  it('skips null rows, blank lines, a BOM and CRLF line endings', () => {
    const text =
      `\uFEFF${HEADER}\r\n2020-01-02,1,2,0.5,1.5,1.5,100\r\n` +
      '2020-01-03,null,null,null,null,null,null\r\n\r\n2020-01-06,1,2,0.5,1.5,1.5,100\r\n';
    expect(parseYahooDailyCsv(text, { symbol: 'X' }).map((b) => b.time)).toEqual([
      Date.UTC(2020, 0, 2),
      Date.UTC(2020, 0, 6),
    ]);
  });

  it('gives [] for a header-only file', () => {
    expect(parseYahooDailyCsv(`${HEADER}\n`, { symbol: 'X' })).toEqual([]);
  });

  it.each([
    ['Date,Open,High,Low,Close,Volume\n', 'BAD_HEADER', 1],
    [`${HEADER}\n2020-01-02,1,2,0.5,1.5,100\n`, 'WRONG_COLUMN_COUNT', 2],
    [`${HEADER}\n2020-01-02,1,2,0.5,1.5,1.5,100\n2020-02-30,1,2,0.5,1.5,1.5,100\n`, 'BAD_DATE', 3],
    [`${HEADER}\n2020-01-02,1,2,abc,1.5,1.5,100\n`, 'BAD_NUMBER', 2],
    [`${HEADER}\n2020-01-02,1,2,,1.5,1.5,100\n`, 'BAD_NUMBER', 2],
    [`${HEADER}\n2020-01-02,1,2,0.5,1.5,1.5,-1\n`, 'BAD_NUMBER', 2],
    [`${HEADER}\n2020-01-02,1,0.5,2,1.5,1.5,100\n`, 'INCONSISTENT_BAR', 2],
    [
      `${HEADER}\n2020-01-03,1,2,0.5,1.5,1.5,100\n2020-01-02,1,2,0.5,1.5,1.5,100\n`,
      'OUT_OF_ORDER',
      3,
    ],
    [
      `${HEADER}\n2020-01-03,1,2,0.5,1.5,1.5,100\n2020-01-03,1,2,0.5,1.5,1.5,100\n`,
      'OUT_OF_ORDER',
      3,
    ],
  ])('rejects malformed input with a code and line number (%#)', (text, code, line) => {
    const error = errorOf(text);
    expect(error).toBeInstanceOf(DataFormatError);
    expect(error).toMatchObject({ code, line });
    expect(error.message).toMatch(new RegExp(`^line ${line}: `));
  });

  it('refuses to adjust a row whose Adj Close is zero', () => {
    expect(() =>
      parseYahooDailyCsv(`${HEADER}\n2020-01-02,1,2,0.5,1.5,0,100\n`, {
        symbol: 'X',
        adjusted: true,
      }),
    ).toThrow(/line 2: cannot adjust/);
  });
});
