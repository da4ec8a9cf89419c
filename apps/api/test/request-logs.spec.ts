// nestjs-pino keeps the first app's logger for lines outside a request (start-up, timers, sockets).
import { __resetOutOfContextForTests } from 'nestjs-pino/PinoLogger';
import request from 'supertest';
import { disposeTestApp, startTestApp } from './test-app';

describe('the request log of the running API', () => {
  const TOKEN = 'ptp_0f3c9a7e5b1d4c2a8e6f';
  const COOKIE = 'sess_7d1e4b9c2a6f3e8d';
  const API_KEY = 'key_4a8e2c6f1b9d3e7a';
  const QUERY_SECRET = 'qs_9e3a7c1f5b2d8e4a';
  const PASSWORD = 'pw_2b6f9d1e4a8c3e7b';

  it('names each request by id, method, path and status, and never logs a credential', async () => {
    // Under jest, process.stdout is already wrapped, so pino writes to it (not straight to fd 1).
    const lines: string[] = [];
    const capture = (chunk: unknown) => {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      return true;
    };
    const stdout = jest.spyOn(process.stdout, 'write').mockImplementation(capture);
    const stderr = jest.spyOn(process.stderr, 'write').mockImplementation(capture);
    __resetOutOfContextForTests();
    const t = await startTestApp({ LOG_LEVEL: 'debug' });
    try {
      const http = () => request(t.app.getHttpServer());
      await http()
        .get('/paper-trading/status')
        .set('Authorization', `Bearer ${TOKEN}`)
        .set('Cookie', `ptp_session=${COOKIE}`)
        .set('X-Api-Key', API_KEY)
        .set('X-Request-Id', 'trace-me-1');
      await http().get('/paper-trading/status').set('X-Request-Id', 'trace-me-2').expect(200);
      await http().get(`/api/market/quotes?symbols=AAPL&apiKey=${QUERY_SECRET}&token=${TOKEN}`);
      await http().post('/api/auth/login').send({ name: 'nobody', password: PASSWORD });
    } finally {
      await disposeTestApp(t);
      __resetOutOfContextForTests();
      stdout.mockRestore();
      stderr.mockRestore();
    }
    const requestLines = lines
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as { req?: Record<string, unknown>; res?: unknown })
      .filter((entry) => entry.req);
    expect(requestLines.find((entry) => entry.req?.['id'] === 'trace-me-2')).toMatchObject({
      req: { id: 'trace-me-2', method: 'GET', url: '/paper-trading/status' },
      res: { statusCode: 200 },
    });
    const quotes = requestLines.find((entry) => String(entry.req?.['url']).includes('quotes'));
    expect(quotes?.req?.['url']).toBe(
      '/api/market/quotes?symbols=AAPL&apiKey=[redacted]&token=[redacted]',
    );
    expect(requestLines.some((entry) => entry.req?.['url'] === '/api/auth/login')).toBe(true);
    const secrets = [TOKEN, COOKIE, API_KEY, QUERY_SECRET, PASSWORD];
    expect(lines.filter((line) => secrets.some((secret) => line.includes(secret)))).toEqual([]);
  }, 60_000);
});
