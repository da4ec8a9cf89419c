import { randomUUID } from 'node:crypto';
import { SystemClock } from '../provider/clock';
import { LISTED_SYMBOLS } from '../universe/listed-symbols';
import { SimulatedMarketProvider } from '../simulated/simulated-market.provider';
import { PriceCache } from './price-cache';
import { RedisQuoteStore } from './redis-quote-store';

const REDIS_URL = process.env['REDIS_URL'] || 'redis://127.0.0.1:6379';
const skip = process.env['PTP_SKIP_REDIS'] === '1';
if (skip) process.stdout.write('PTP_SKIP_REDIS=1: skipping the shared Redis price-cache tests\n');

(skip ? describe.skip : describe)(`shared price cache in the real Redis at ${REDIS_URL}`, () => {
  const clock = new SystemClock();
  const namespace = `ptp-test:${randomUUID()}:`;
  const stores: RedisQuoteStore[] = [];
  let market: SimulatedMarketProvider;
  let upstreamCalls = 0;

  /** One API process: its own cache and Redis connection, the same upstream. */
  const process_ = () => {
    const store = new RedisQuoteStore(REDIS_URL, namespace);
    stores.push(store);
    return new PriceCache(
      (symbols) => {
        upstreamCalls++;
        return market.fetchQuotes(symbols);
      },
      clock,
      { source: 'simulated', ttlMs: 30_000, staleAfterMs: 180_000 },
      store,
    );
  };

  beforeAll(async () => {
    market = new SimulatedMarketProvider(
      {
        seed: 1,
        speed: 1,
        followMarketHours: false,
        backfillBars: 5,
        symbols: ['AAPL', 'MSFT', 'NVDA'],
        listed: LISTED_SYMBOLS,
      },
      clock,
    );
    await market.start();
  });

  afterAll(async () => {
    await market.stop();
    await Promise.all(stores.map((s) => s.close()));
  });

  beforeEach(() => {
    upstreamCalls = 0;
  });

  it('lets a second process use the prices the first one fetched', async () => {
    const first = await process_().get(['AAPL', 'MSFT']);
    const second = await process_().get(['AAPL', 'MSFT']);
    expect(upstreamCalls).toBe(1);
    expect(second.quotes.map((q) => q.price)).toEqual(first.quotes.map((q) => q.price));
  });

  it('lets only one of several processes missing at once call upstream', async () => {
    const caches = [process_(), process_(), process_()];
    const results = await Promise.all(caches.map((cache) => cache.get(['NVDA'])));
    expect(upstreamCalls).toBe(1);
    expect(results.map((r) => r.quotes.map((q) => q.symbol))).toEqual([
      ['NVDA'],
      ['NVDA'],
      ['NVDA'],
    ]);
  });
});
