import type { ChartData } from '@ptp/contracts';
import type { Bar } from '@ptp/domain';
import request from 'supertest';
import { waitFor } from '../paper-trading.helpers';
import { describeCluster, useCluster } from './cluster.fixture';

const MINUTE = 60_000;

const marketNow = async (url: string): Promise<number> =>
  (await request(url).get('/api/market/status').expect(200)).body.data.asOf;
const leads = async (url: string): Promise<boolean> =>
  (await request(url).get('/health').expect(200)).body.data.details.market_data.leader;
const minuteBars = async (url: string, from: number, to: number): Promise<Bar[]> =>
  (
    await request(url)
      .get('/api/market/bars')
      .query({ symbol: 'AAPL', timespan: 'minute', from, to })
      .expect(200)
  ).body.data.bars;

/** Each minute of [from, to] exactly once, in order. */
const everyMinute = (bars: Bar[], from: number, to: number) =>
  expect(bars.map((b) => b.time)).toEqual(
    Array.from({ length: (to - from) / MINUTE + 1 }, (_, i) => from + i * MINUTE),
  );

describeCluster('one simulated market for the whole cluster (real processes)', () => {
  // Two simulated minutes a second: a failover of a few seconds spans several bars.
  const fixture = useCluster({ api: 3, workers: 0, env: { SIMULATION_SPEED: '120' } });
  const api = () => fixture.cluster().api;

  it('serves the same chart data, body and ETag, from every instance', async () => {
    const urls = api().map((p) => p.url);
    // Bars keep landing; compare three answers given at the same revision.
    const answers = await waitFor(async () => {
      const all = await Promise.all(urls.map((url) => request(url).get('/api/chart-data')));
      const asOf = all.map((r) => (r.body.data as ChartData).asOf);
      return asOf.every((a) => a === asOf[0]) ? all : undefined;
    }, 'three chart-data answers at one revision');
    expect(answers.map((r) => r.status)).toEqual([200, 200, 200]);
    const [first, ...rest] = answers.map((r) => ({ etag: r.headers['etag'], data: r.body.data }));
    expect(first.data.symbols.length).toBeGreaterThan(0);
    expect(first.data.prices[first.data.symbols[0]].length).toBeGreaterThan(0);
    for (const other of rest) expect(other).toEqual(first);
    // Another instance's ETag is a 304 wherever nothing changed since; an increment from any.
    const since = first.data.asOf;
    const increments = await Promise.all(
      urls.map((url) => request(url).get('/api/chart-data').query({ since }).expect(200)),
    );
    for (const increment of increments) expect(increment.body.data.incremental).toBe(true);
    const notModified = await waitFor(async () => {
      const etag = (await request(urls[0]).get('/api/chart-data')).headers['etag'] as string;
      const again = await Promise.all(
        urls.map((url) => request(url).get('/api/chart-data').set('If-None-Match', etag)),
      );
      return again.every((r) => r.status === 304) ? again : undefined;
    }, 'a moment without a new bar');
    expect(notModified).toHaveLength(3);
  });

  it('has one market-data leader; when it is killed another takes over, and no minute is lost or repeated', async () => {
    const leading = await Promise.all(api().map((p) => leads(p.url)));
    expect(leading.filter(Boolean)).toHaveLength(1);
    const leader = api()[leading.indexOf(true)];
    const survivors = api().filter((p) => p !== leader);

    const before = Math.floor((await marketNow(survivors[0].url)) / MINUTE) * MINUTE;
    expect((await leader.kill('SIGKILL')).signal).toBe('SIGKILL');
    const successor = await waitFor(async () => {
      const states = await Promise.all(survivors.map((p) => leads(p.url)));
      return states.includes(true) ? survivors[states.indexOf(true)] : undefined;
    }, 'a survivor to lead market data');
    expect(survivors).toContain(successor);

    // Minutes from before the kill to well after the takeover, as each survivor holds them.
    const after = (await marketNow(successor.url)) + 10 * MINUTE;
    const from = before - 10 * MINUTE;
    const to = Math.floor(after / MINUTE) * MINUTE;
    // A bar reaches each instance through the Redis stream a moment after the market passes it.
    const held = await waitFor(async () => {
      const bars = await Promise.all(survivors.map((p) => minuteBars(p.url, from, to)));
      return bars.every((b) => b.at(-1)?.time === to) ? bars : undefined;
    }, 'every survivor to hold the checked range');
    everyMinute(held[0], from, to);
    expect(held[1]).toEqual(held[0]);

    // The killed instance comes back as a follower and reads the same history from the stream.
    await leader.restart();
    await leader.waitReady();
    expect(await leads(leader.url)).toBe(false);
    expect(await minuteBars(leader.url, from, to)).toEqual(held[0]);
  }, 180_000);
});
