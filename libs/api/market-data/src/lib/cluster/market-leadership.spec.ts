import { randomUUID } from 'node:crypto';
import type { Bar } from '@ptp/domain';
import Redis from 'ioredis';
import { Clock, SystemClock } from '../provider/clock';
import { SimulatedMarketProvider } from '../simulated/simulated-market.provider';
import { LISTED_SYMBOLS } from '../universe/listed-symbols';
import { MarketLeadership } from './market-leadership';
import { RedisMarketRelay } from './redis-market-relay';

const REDIS_URL = process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';
const describeRedis = process.env['PTP_SKIP_REDIS'] === '1' ? describe.skip : describe;

/** Ten simulated minutes a second. */
const OPTIONS = {
  seed: 7,
  speed: 600,
  followMarketHours: false,
  backfillBars: 5,
  symbols: ['AAPL'],
  listed: LISTED_SYMBOLS,
};

class FixedClock extends Clock {
  constructor(public at: number) {
    super();
  }
  now(): number {
    return this.at;
  }
  async sleep(): Promise<void> {
    // Never waits: the reference market is stepped by hand.
  }
}

const until = async (done: () => boolean, what: string) => {
  for (let i = 0; i < 400 && !done(); i++) await new Promise((r) => setTimeout(r, 50));
  if (!done()) throw new Error(`timed out waiting for ${what}`);
};

describeRedis('one market-data leader through Redis (real Redis)', () => {
  const namespace = `ptp-test:${randomUUID()}:market:simulated:`;
  const clock = new SystemClock();
  const instances: Array<{
    leadership: MarketLeadership;
    market: SimulatedMarketProvider;
    bars: Bar[];
  }> = [];

  const instance = async (id: string) => {
    const market = new SimulatedMarketProvider(OPTIONS, clock);
    const bars: Bar[] = [];
    market.bars$.subscribe((bar) => bars.push(bar));
    const leadership = new MarketLeadership(
      new RedisMarketRelay(REDIS_URL, namespace, id),
      market,
      clock,
      { log: () => undefined },
      {
        maxSymbols: 10,
        idleMs: 60_000,
        track: (symbols) => market.watch(symbols),
        refresh: async () => undefined,
        tracked: () => true,
      },
    );
    await leadership.start();
    const it = { leadership, market, bars };
    instances.push(it);
    return it;
  };

  afterAll(async () => {
    for (const { leadership, market } of instances) {
      await leadership.stop().catch(() => undefined);
      await market.stop();
    }
    const redis = new Redis(REDIS_URL);
    const keys = await redis.keys(`${namespace}*`);
    if (keys.length > 0) await redis.del(...keys);
    redis.disconnect();
  });

  it('emits the leader’s bars on every instance, and a successor goes on with the same market', async () => {
    const a = await instance('a');
    const b = await instance('b');
    expect([a.leadership.isLeader, b.leadership.isLeader]).toEqual([true, false]);
    // The follower got the leader's history from the stream, not from a simulator of its own.
    await until(() => b.market.recentBars('AAPL', 5).length === 5, 'the history on b');
    const held = new Map(a.market.recentBars('AAPL', 1_000).map((bar) => [bar.time, bar]));
    const history = b.market.recentBars('AAPL', 5);
    expect(history).toEqual(history.map((bar) => held.get(bar.time)));

    await until(() => b.bars.length >= 5, 'five live bars on b');
    const shared = b.bars.length;
    expect(b.bars.slice(0, shared)).toEqual(a.bars.slice(0, shared));

    await a.leadership.stop();
    await a.market.pause();
    await until(() => b.leadership.isLeader, 'b to lead');
    await until(() => b.bars.length >= shared + 20, 'twenty bars after the takeover');

    // Every minute once, in order, across the takeover.
    const times = b.bars.map((bar) => bar.time);
    expect(times).toEqual(times.map((_, i) => times[0] + i * 60_000));
    // And the very market one simulator alone would have made from the shared origin.
    const origin = Number(
      await new Redis(REDIS_URL).get(`${namespace}origin`).finally(() => undefined),
    );
    const referenceClock = new FixedClock(origin);
    const reference = new SimulatedMarketProvider(OPTIONS, referenceClock);
    await reference.start(origin);
    await reference.pause();
    referenceClock.at =
      origin +
      (b.bars[b.bars.length - 1].time + 120_000 - Math.floor(origin / 60_000) * 60_000) /
        OPTIONS.speed;
    reference.advance();
    const expected = new Map(reference.recentBars('AAPL', 10_000).map((bar) => [bar.time, bar]));
    expect(b.bars).toEqual(b.bars.map((bar) => expected.get(bar.time)));
  }, 60_000);
});
