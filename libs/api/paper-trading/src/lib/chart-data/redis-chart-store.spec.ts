import { randomUUID } from 'node:crypto';
import Redis from 'ioredis';
import { ChartDataStore } from './chart-data.store';
import { RedisChartStore } from './redis-chart-store';

const REDIS_URL = process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';
const describeRedis = process.env['PTP_SKIP_REDIS'] === '1' ? describe.skip : describe;

describeRedis('chart data shared through Redis (real Redis)', () => {
  const namespace = `ptp-test:${randomUUID()}:chart:`;
  const shared: RedisChartStore[] = [];
  /** One API instance's store, on the same Redis. */
  const instance = () => {
    const store = new RedisChartStore(REDIS_URL, namespace, 5);
    shared.push(store);
    return new ChartDataStore(store);
  };
  const point = (time: number, equity: number) => ({ time, equity, cash: 100, benchmark: null });
  const fill = (time: number) => ({
    time,
    symbol: 'AAPL',
    side: 'buy' as const,
    price: 10,
    quantity: 1,
    tradeId: `t-${time}`,
    orderId: `o-${time}`,
  });

  afterAll(async () => {
    await Promise.all(shared.map((store) => store.onApplicationShutdown()));
    const redis = new Redis(REDIS_URL);
    const keys = await redis.keys(`${namespace}*`);
    if (keys.length > 0) await redis.del(...keys);
    redis.disconnect();
  });

  it('gives the same body and ETag on every instance, whoever wrote which point', async () => {
    const [owner, reader, late] = [instance(), instance(), instance()];
    owner.initAccount('a', 500, [point(60_000, 500)], []);
    await owner.written();
    // Another instance loading the account from the database does not seed it again.
    reader.initAccount('a', 500, [point(60_000, 500)], []);
    await reader.written();
    expect(await reader.has('a')).toBe(true);
    const first = await reader.read('a', 'SPY', undefined);

    owner.recordFills('a', [fill(120_000)]);
    owner.recordEquity('a', point(120_000, 501));
    owner.recordEquity('a', point(120_000, 501));
    for (const store of [owner, reader, late])
      store.recordPrice('AAPL', { time: 120_000, close: 10 });
    await Promise.all([owner, reader, late].map((store) => store.written()));
    const answers = await Promise.all(
      [owner, reader, late].map((store) => store.read('a', 'SPY', undefined)),
    );
    expect(answers[1]).toEqual(answers[0]);
    expect(answers[2]).toEqual(answers[0]);
    expect(answers[0]?.data).toMatchObject({
      equity: [point(60_000, 500), point(120_000, 501)],
      fills: [fill(120_000)],
      prices: { AAPL: [{ time: 120_000, close: 10 }] },
      symbols: ['AAPL'],
    });
    expect(answers[0]?.etag).not.toBe(first?.etag);
    expect(await late.etagOf('a', undefined)).toBe(answers[0]?.etag);

    const since = first?.data.asOf;
    const increments = await Promise.all(
      [owner, late].map((store) => store.read('a', 'SPY', since)),
    );
    expect(increments[1]).toEqual(increments[0]);
    expect(increments[0]?.data).toMatchObject({
      incremental: true,
      equity: [point(120_000, 501)],
      fills: [fill(120_000)],
    });
  });

  it('starts an account over on a reset everywhere, keeps each series within its capacity', async () => {
    const [owner, reader] = [instance(), instance()];
    owner.initAccount('b', 500);
    for (let minute = 1; minute <= 8; minute++)
      owner.recordEquity('b', point(minute * 60_000, minute));
    await owner.written();
    const full = await reader.read('b', 'SPY', undefined);
    expect(full?.data.equity.map((p) => p.equity)).toEqual([4, 5, 6, 7, 8]);

    owner.resetAccount('b', 750);
    await owner.written();
    const after = await reader.read('b', 'SPY', full?.data.asOf);
    expect(after?.data).toMatchObject({ incremental: false, startingCapital: 750, equity: [] });
  });

  it('loses no series when Redis lost them: an instance holding the account seeds it again', async () => {
    const owner = instance();
    owner.initAccount('c', 500, [point(60_000, 500)]);
    await owner.written();
    const redis = new Redis(REDIS_URL);
    await redis.del(`${namespace}acct:c`, `${namespace}acct:c:equity`);
    redis.disconnect();
    expect(await instance().has('c')).toBe(false);
    expect(await owner.has('c')).toBe(true);
    expect((await instance().read('c', 'SPY', undefined))?.data.equity).toEqual([
      point(60_000, 500),
    ]);
  });
});
