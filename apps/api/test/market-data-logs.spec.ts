// nestjs-pino keeps the first app's logger for lines outside a request (start-up, timers, sockets).
import { __resetOutOfContextForTests } from 'nestjs-pino/PinoLogger';
import request from 'supertest';
import { PolygonMockServer } from '@ptp/tools/polygon-mock';
import { poll, writePlatformConfig } from './market-data.helpers';
import { disposeTestApp, startTestApp } from './test-app';

describe('no Polygon key in any log line of the running API', () => {
  const KEY = 'pk_secret_5e2b8c1d7f0a4e69';
  let mock: PolygonMockServer;

  beforeAll(() => {
    mock = new PolygonMockServer({ apiKey: KEY });
    return mock.start();
  });

  afterAll(() => mock.stop());

  it('keeps the key out of the logs through every fault class, at debug level', async () => {
    // Under jest, process.stdout is already wrapped, so pino writes to it (not straight to fd 1).
    const lines: string[] = [];
    const capture = (chunk: unknown) => {
      lines.push(...String(chunk).split('\n'));
      return true;
    };
    const stdout = jest.spyOn(process.stdout, 'write').mockImplementation(capture);
    const stderr = jest.spyOn(process.stderr, 'write').mockImplementation(capture);
    // The app's data dir holds the config too, so disposing of the app removes both.
    const { dir, path: configPath } = writePlatformConfig('ptp-logs-', {
      trading: { watchlist: ['AAPL'] },
      marketData: {
        cacheTtlSec: 0,
        polygon: { requestsPerMinute: 10_000, maxRetries: 1, timeoutMs: 1_000 },
      },
    });
    __resetOutOfContextForTests();
    const t = await startTestApp(
      {
        POLYGON_API_KEY: KEY,
        POLYGON_BASE_URL: mock.baseUrl,
        POLYGON_WEBSOCKET: 'true',
        POLYGON_WEBSOCKET_URL: mock.websocketUrl,
        PLATFORM_CONFIG: configPath,
        LOG_LEVEL: 'debug',
      },
      dir,
    );
    try {
      const http = () => request(t.app.getHttpServer());
      const faults = [
        { kind: 'status', status: 500 },
        { kind: 'malformed' },
        { kind: 'drop' },
        { kind: 'status', status: 429, retryAfterSec: 0 },
        { kind: 'slow', delayMs: 2_000 },
      ] as const;
      for (const fault of faults) {
        mock.inject({ ...fault, path: '/v2/snapshot', times: 2 });
        await http().get('/api/market/quotes?symbols=AAPL');
      }
      // A client that puts the key into a URL must not get it logged either.
      await http().get(`/api/market/quotes?symbols=AAPL&apiKey=${KEY}`);
      await http()
        .get('/api/market/bars?symbol=AAPL&timespan=day&from=2025-06-02&to=2025-06-06')
        .expect(200);
      await http().get('/health');
      // The WebSocket authenticates with the key; a drop makes it authenticate again.
      mock.stream.dropAll();
      await poll(
        async () => mock.stream.received.filter((m) => m.action === 'auth').length,
        (auths) => auths === 2,
      );
    } finally {
      await disposeTestApp(t);
      __resetOutOfContextForTests();
      stdout.mockRestore();
      stderr.mockRestore();
    }
    expect(lines.some((line) => line.includes('retry'))).toBe(true);
    expect(lines.some((line) => line.includes('/api/market/quotes'))).toBe(true);
    expect(
      lines.some((line) => line.includes('Polygon WebSocket') && line.includes('polling REST')),
    ).toBe(true);
    expect(lines.filter((line) => line.includes(KEY))).toEqual([]);
  }, 60_000);
});
