import { Secret } from '@ptp/api/config';
import type { PolygonMockServer } from '@ptp/tools/polygon-mock';
import {
  PolygonMarketProvider,
  type PolygonProviderOptions,
} from '../src/lib/polygon/polygon-market.provider';
import type { Clock } from '../src/lib/provider/clock';

/** A Polygon provider against the loopback mock with a paid plan's budget, every log line kept in `logs`. */
export function polygonProvider(
  mock: PolygonMockServer,
  key: string,
  clock: Clock,
  logs: string[],
  overrides: Partial<PolygonProviderOptions> = {},
): PolygonMarketProvider {
  return new PolygonMarketProvider(
    {
      baseUrl: mock.baseUrl,
      apiKey: new Secret(key),
      timeoutMs: 5_000,
      maxRetries: 3,
      requestsPerMinute: 10_000,
      backfillBars: 30,
      ...overrides,
    },
    clock,
    { log: (message) => logs.push(message), warn: (message) => logs.push(message) },
  );
}
