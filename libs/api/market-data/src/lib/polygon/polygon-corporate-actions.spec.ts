import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCorporateActions } from '@ptp/domain';
import { PolygonMockServer } from '@ptp/tools/polygon-mock';
import { ManualClock } from '../../../test/manual-clock';
import { polygonProvider } from '../../../test/polygon-provider';

const KEY = 'pk_live_corporate_7f3e9a1b2c';
const NOW = Date.UTC(2025, 5, 4, 15, 0);
const SPLITS = '/v3/reference/splits';
const DIVIDENDS = '/v3/reference/dividends';
/** The published examples of Polygon's splits and dividends references (docs/market-data.md). */
const SAMPLE = JSON.parse(
  readFileSync(
    join(__dirname, '../../../test/fixtures/polygon-corporate-actions.sample.json'),
    'utf8',
  ),
);
const ACTIONS = parseCorporateActions({
  splits: [
    ...SAMPLE.splits,
    { ticker: 'AAPL', execution_date: '2020-09-02', split_from: 2, split_to: 1 },
  ],
  dividends: [
    ...SAMPLE.dividends,
    { ticker: 'AAPL', cash_amount: 0.25, ex_dividend_date: '2023-08-11', pay_date: '2023-08-17' },
  ],
});

describe("Polygon's splits and dividends references (loopback mock, real HTTP)", () => {
  let mock: PolygonMockServer;
  let logs: string[];

  beforeEach(async () => {
    logs = [];
    mock = new PolygonMockServer({
      apiKey: KEY,
      now: () => NOW,
      maxPageSize: 1,
      corporateActions: ACTIONS,
    });
    await mock.start();
  });

  afterEach(() => mock.stop());

  it('follows next_url through every page, per symbol and window, and caches the answer', async () => {
    const provider = polygonProvider(mock, KEY, new ManualClock(NOW), logs);
    const actions = await provider.corporateActions(['AAPL', 'NVDA'], '2020-01-01', '2024-12-31');
    expect(actions.splits).toEqual([
      expect.objectContaining({ ticker: 'AAPL', execution_date: '2020-08-31', split_to: 4 }),
      expect.objectContaining({ ticker: 'AAPL', execution_date: '2020-09-02', split_from: 2 }),
      expect.objectContaining({ ticker: 'NVDA', execution_date: '2024-06-10', split_to: 10 }),
    ]);
    expect(actions.dividends).toEqual([
      expect.objectContaining({
        ticker: 'AAPL',
        cash_amount: 0.24,
        ex_dividend_date: '2023-05-12',
        pay_date: '2023-05-18',
        record_date: '2023-05-15',
        dividend_type: 'CD',
        frequency: 4,
      }),
      expect.objectContaining({ ticker: 'AAPL', cash_amount: 0.25 }),
    ]);
    const first = mock.requests.filter((r) => r.path === SPLITS && !r.query['cursor']);
    expect(first.map((r) => r.query)).toEqual([
      expect.objectContaining({
        ticker: 'AAPL',
        'execution_date.gte': '2020-01-01',
        'execution_date.lte': '2024-12-31',
      }),
      expect.objectContaining({ ticker: 'NVDA' }),
    ]);
    // AAPL: two splits and two dividends a page each (plus the empty answers of NVDA's dividends).
    expect(mock.count(SPLITS)).toBe(3);
    expect(mock.count(DIVIDENDS)).toBe(3);
    expect(mock.requests.every((r) => r.auth === 'bearer')).toBe(true);
    const asked = mock.requests.length;
    expect(await provider.corporateActions(['NVDA', 'AAPL'], '2020-01-01', '2024-12-31')).toEqual({
      splits: [actions.splits[2], actions.splits[0], actions.splits[1]],
      dividends: actions.dividends,
    });
    expect(mock.requests.length).toBe(asked);
  });

  it('leaves out a symbol whose requests fail, logs why without the key, and asks again next time', async () => {
    const provider = polygonProvider(mock, KEY, new ManualClock(NOW), logs, { maxRetries: 0 });
    mock.inject({ kind: 'status', status: 502, path: DIVIDENDS });
    const degraded = await provider.corporateActions(['AAPL', 'NVDA'], '2020-01-01', '2024-12-31');
    expect(degraded.splits.map((s) => s.ticker)).toEqual(['NVDA']);
    expect(logs.some((line) => /corporate actions of AAPL: .*HTTP 502/.test(line))).toBe(true);
    for (const fault of [
      { kind: 'malformed', path: SPLITS },
      { kind: 'status', status: 429, retryAfterSec: 0, path: DIVIDENDS },
    ] as const) {
      mock.inject(fault);
      expect(await provider.corporateActions(['AAPL'], '2020-01-01', '2024-12-31')).toEqual({
        splits: [],
        dividends: [],
      });
    }
    const healed = await provider.corporateActions(['AAPL'], '2020-01-01', '2024-12-31');
    expect(healed.splits).toHaveLength(2);
    expect(healed.dividends).toHaveLength(2);
    expect(JSON.stringify(logs)).not.toContain(KEY);
  });

  it('answers nothing, and never throws, when the key is refused', async () => {
    const provider = polygonProvider(mock, 'not-the-key-31', new ManualClock(NOW), logs);
    expect(await provider.corporateActions(['AAPL'], '2020-01-01', '2024-12-31')).toEqual({
      splits: [],
      dividends: [],
    });
    expect(logs.join('\n')).toMatch(/401/);
    expect(logs.join('\n')).not.toContain('not-the-key-31');
    expect(provider.health().state).toBe('unauthorized');
  });

  it('skips an item without a usable field and keeps the rest', async () => {
    mock.corporateActions = {
      splits: [],
      dividends: [
        ACTIONS.dividends[0],
        { ...ACTIONS.dividends[1], cash_amount: 0 },
        { ...ACTIONS.dividends[1], ticker: 'AAPL', ex_dividend_date: '2023-11-10', pay_date: '' },
      ],
    };
    const provider = polygonProvider(mock, KEY, new ManualClock(NOW), logs);
    const { dividends } = await provider.corporateActions(['AAPL'], '2020-01-01', '2024-12-31');
    expect(dividends.map((d) => d.ex_dividend_date)).toEqual(['2023-05-12']);
    expect(logs.filter((line) => line.endsWith('skipped'))).toHaveLength(2);
  });
});
