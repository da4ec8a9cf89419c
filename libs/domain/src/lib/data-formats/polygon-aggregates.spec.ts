import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parsePolygonAggregates } from './polygon-aggregates';

const aapl = readFileSync(join(__dirname, 'fixtures', 'aapl-aggs-day-2005-04-01.json'), 'utf8');

describe('parsePolygonAggregates', () => {
  it('maps t/o/h/l/c/v to bars with the ticker as symbol; t stays UTC ms', () => {
    expect(parsePolygonAggregates(aapl)).toEqual([
      {
        symbol: 'AAPL',
        time: 1112331600000,
        open: 1.5032,
        high: 1.5064,
        low: 1.4489,
        close: 1.4604,
        volume: 642646396,
      },
      {
        symbol: 'AAPL',
        time: 1112587200000,
        open: 1.4639,
        high: 1.4754,
        low: 1.4343,
        close: 1.4675,
        volume: 578172308,
      },
    ]);
  });

  it(
    'restamps daily bars (00:00 New York, across ' + 'a DST change) to 00:00 UTC of the same date',
    () => {
      const bars = parsePolygonAggregates(JSON.parse(aapl), { daily: true, symbol: 'aapl' });
      expect(bars.map((b) => [b.symbol, new Date(b.time).toISOString()])).toEqual([
        ['aapl', '2005-04-01T00:00:00.000Z'],
        ['aapl', '2005-04-04T00:00:00.000Z'],
      ]);
    },
  );

  it('gives [] for an unknown ticker or an empty range (no results)', () => {
    const empty =
      '{"ticker":"ZZZZ","queryCount":0,"resultsCount":0,"adjusted":true,' +
      '"status":"OK","request_id":"x","count":0}';
    expect(parsePolygonAggregates(empty)).toEqual([]);
    expect(parsePolygonAggregates({ ticker: 'ZZZZ', status: 'DELAYED', results: [] })).toEqual([]);
  });

  it('accepts fractional volume', () => {
    const [bar] = parsePolygonAggregates({
      ticker: 'X',
      results: [{ t: 0, o: 1, h: 1, l: 1, c: 1, v: 12.5 }],
    });
    expect(bar.volume).toBe(12.5);
  });

  it.each([
    ['not json', 'BAD_JSON'],
    ['[1]', 'BAD_JSON'],
    ['{"status":"NOT_AUTHORIZED","message":"plan"}', 'PROVIDER_ERROR'],
    ['{"status":"ERROR","error":"boom"}', 'PROVIDER_ERROR'],
    ['{"ticker":"X","results":{}}', 'BAD_RESULT'],
    ['{"results":[{"t":0,"o":1,"h":1,"l":1,"c":1,"v":1}]}', 'MISSING_SYMBOL'],
    ['{"ticker":"X","results":[{"t":"0","o":1,"h":1,"l":1,"c":1,"v":1}]}', 'BAD_RESULT'],
    ['{"ticker":"X","results":[{"t":0,"o":1,"h":1,"l":1,"c":1}]}', 'BAD_NUMBER'],
    ['{"ticker":"X","results":[null]}', 'BAD_RESULT'],
    [
      '{"ticker":"X","results":[' +
        '{"t":5,"o":1,"h":1,"l":1,"c":1,"v":1},{"t":5,"o":1,"h":1,"l":1,"c":1,"v":1}]}',
      'OUT_OF_ORDER',
    ],
  ])('rejects %s with %s', (body, code) => {
    expect(() => parsePolygonAggregates(body)).toThrow(expect.objectContaining({ code }));
  });
});
