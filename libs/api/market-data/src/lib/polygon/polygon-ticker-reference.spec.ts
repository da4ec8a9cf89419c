import { PolygonMockServer } from '@ptp/tools/polygon-mock';
import { ManualClock } from '../../../test/manual-clock';
import { polygonProvider } from '../../../test/polygon-provider';
import { SteppedClock, settle } from '../../../test/stepped-clock';
import { until } from '../../../test/until';

const KEY = 'pk_test_reference_5d4c3b2a';
const WEDNESDAY_11_ET = Date.UTC(2025, 5, 4, 15, 0);
const REFERENCE = '/v3/reference/tickers';
const SNAPSHOT = '/v2/snapshot/locale/us/markets/stocks/tickers';

describe("Polygon's tickers reference decides the universe (loopback mock, real HTTP)", () => {
  let mock: PolygonMockServer;
  let logs: string[];
  let now: () => number;

  beforeEach(async () => {
    logs = [];
    now = () => WEDNESDAY_11_ET;
    mock = new PolygonMockServer({ apiKey: KEY, now: () => now() });
    await mock.start();
  });

  afterEach(() => mock.stop());

  it('asks once per symbol, remembers both answers, and spends one request on a made-up list', async () => {
    const provider = polygonProvider(mock, KEY, new ManualClock(WEDNESDAY_11_ET), logs);
    expect(await provider.unlisted(['AAPL', 'MSFT'])).toEqual([]);
    expect(mock.requests.map((r) => [r.path, r.query, r.auth])).toEqual([
      [REFERENCE, { ticker: 'AAPL', market: 'stocks', active: 'true' }, 'bearer'],
      [REFERENCE, { ticker: 'MSFT', market: 'stocks', active: 'true' }, 'bearer'],
    ]);
    expect(await provider.unlisted(['MSFT', 'AAPL'])).toEqual([]);
    expect(mock.count(REFERENCE)).toBe(2);

    const junk = Array.from(
      { length: 50 },
      (_, i) => `ZQX${String.fromCharCode(65 + (i % 26))}${i}`,
    );
    expect(await provider.unlisted(junk)).toEqual([junk[0]]);
    expect(mock.count(REFERENCE)).toBe(3);
    expect(await provider.unlisted(['AAPL', junk[0]])).toEqual([junk[0]]);
    expect(mock.count(REFERENCE)).toBe(3);
  });

  it('leaves the free plan room for the price refresh while lookups queue', async () => {
    const clock = new SteppedClock(WEDNESDAY_11_ET);
    now = () => clock.now();
    const provider = polygonProvider(mock, KEY, clock, logs, { requestsPerMinute: 5 });
    const symbols = ['AAPL', 'MSFT', 'NVDA', 'AMZN', 'GOOGL', 'META', 'TSLA', 'AMD'];
    const lookups = Promise.all(symbols.map((symbol) => provider.unlisted([symbol])));
    await until(() => mock.count(REFERENCE) === 3, 'the first lookups');
    await settle();
    expect(mock.count(REFERENCE)).toBe(3);
    const quotes = await provider.fetchQuotes(['SPY', 'QQQ']);
    expect(quotes.quotes).toHaveLength(2);
    expect(mock.requests.find((r) => r.path === SNAPSHOT)?.at).toBe(WEDNESDAY_11_ET);
    // Three lookups a minute: the rest go out over the next two minutes.
    for (let minute = 1; minute <= 2; minute++) {
      await clock.advance(60_000);
      await until(() => mock.count(REFERENCE) === Math.min(8, 3 * (minute + 1)), 'lookups');
    }
    expect(await lookups).toEqual(symbols.map(() => []));
    const times = mock.requests.map((r) => r.at);
    for (const t of times)
      expect(times.filter((u) => u >= t && u < t + 60_000).length).toBeLessThanOrEqual(5);
  });
});
