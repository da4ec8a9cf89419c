import { PolygonMockServer } from '@ptp/tools/polygon-mock';
import type {
  PolygonMarketProvider,
  PolygonProviderOptions,
} from '../src/lib/polygon/polygon-market.provider';
import { ManualClock } from './manual-clock';
import { polygonProvider } from './polygon-provider';
import { until } from './until';

export const STREAM_KEY = 'pk_stream_4d7e1a9c02b8f6e3';
export const WEDNESDAY_11_ET = Date.UTC(2025, 5, 4, 15, 0);
export const SNAPSHOT = '/v2/snapshot/locale/us/markets/stocks/tickers';

/**
 * A fresh loopback Polygon mock (REST and WebSocket), a manual clock at Wednesday 11:00 ET and a
 * log for every `it` of the `describe` this is called in; after each `it` the providers it
 * started are stopped, the mock too, and no logged line may carry the key.
 */
export function usePolygonStream() {
  let current: { mock: PolygonMockServer; clock: ManualClock; logs: string[] } | undefined;
  const started: PolygonMarketProvider[] = [];
  const now = () => {
    if (!current) throw new Error('no Polygon mock is running (did beforeEach fail?)');
    return current;
  };
  const mock = () => now().mock;
  const clock = () => now().clock;
  const logs = () => now().logs;

  /** A started provider watching `watch`, streaming from the mock with short reconnect timings. */
  const provider = async (watch: string[], overrides: Partial<PolygonProviderOptions> = {}) => {
    const p = polygonProvider(mock(), STREAM_KEY, clock(), logs(), {
      maxRetries: 1,
      backfillBars: 0,
      websocket: true,
      websocketUrl: mock().websocketUrl,
      streamTiming: { reconnectBaseMs: 5, reconnectMaxMs: 20, heartbeatMs: 5_000 },
      ...overrides,
    });
    started.push(p);
    await p.watch(watch);
    await p.start();
    return p;
  };
  const streaming = (p: PolygonMarketProvider) =>
    until(() => p.health().stream === 'streaming', 'streaming');
  const subscribed = (topics: string[]) =>
    until(
      () => mock().stream.subscriptions.some((s) => topics.every((t) => s.includes(t))),
      topics.join(','),
    );

  beforeEach(async () => {
    const clock = new ManualClock(WEDNESDAY_11_ET);
    const mock = new PolygonMockServer({ apiKey: STREAM_KEY, seed: 7, now: () => clock.now() });
    current = { mock, clock, logs: [] };
    await mock.start();
  });

  afterEach(async () => {
    const { mock, logs } = now();
    current = undefined;
    for (const p of started.splice(0)) await p.stop();
    await mock.stop();
    // Whatever happened on the socket, no logged line carries the key.
    expect(logs.filter((line) => line.includes(STREAM_KEY))).toEqual([]);
  });

  return { mock, clock, logs, provider, streaming, subscribed };
}
