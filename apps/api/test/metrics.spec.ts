import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { SMALL_SIMULATED_RUN, pollUntilFinished } from './backtests.helpers';
import { login, useAuthApp } from './identity.helpers';
import { familyOf, samplesOf, scrape, valueOf } from './metrics.helpers';
import { FAST_MARKET, waitFor } from './paper-trading.helpers';
import { useTestApp } from './test-app';

const DOCS = join(__dirname, '..', '..', '..', 'docs');

describe('GET /metrics in local mode (real HTTP, simulated market)', () => {
  const app = useTestApp(FAST_MARKET);
  const http = () => request(app().app.getHttpServer());
  let accountId = '';
  let refusedWith = '';
  let orderId = '';

  beforeAll(async () => {
    accountId = (await http().post('/api/accounts').send({ name: 'Metrics' }).expect(201)).body.data
      .id;
    await http().get('/api/market/quotes').query({ symbols: 'AAPL' }).expect(200);
    const order = { accountId, symbol: 'AAPL', side: 'buy', type: 'market', quantity: 0.1 };
    orderId = (await http().post('/api/orders').send(order).expect(201)).body.data.id;
    await http().get(`/api/orders/${orderId}`).expect(200);
    const tooBig = await http()
      .post('/api/orders')
      .send({ ...order, quantity: 1000 });
    expect(tooBig.status).toBe(422);
    refusedWith = tooBig.body.error.code;
    await http().get('/api/no-such-route/12345').expect(404);
    const run = await http().post('/api/backtests').send(SMALL_SIMULATED_RUN).expect(202);
    await pollUntilFinished(app(), run.body.data.id);
  }, 60_000);

  it('answers raw Prometheus text outside the envelope, which a strict parser reads', async () => {
    const response = await http().get('/metrics').expect(200);
    expect(response.headers['content-type']).toMatch(/^text\/plain;.*\bversion=0\.0\.4\b/);
    expect(response.text).toMatch(/^# HELP /);
    const families = await scrape(app());
    familyOf(families, 'process_cpu_user_seconds_total', 'counter');
    familyOf(families, 'nodejs_heap_size_used_bytes', 'gauge');
  });

  it('times requests by route pattern and status, never by raw URL', async () => {
    const http = familyOf(await scrape(app()), 'ptp_http_request_duration_seconds', 'histogram');
    const labels = { method: 'GET', route: '/api/orders/:id', status: '200' };
    expect(valueOf(http, 'ptp_http_request_duration_seconds_count', labels)).toBe(1);
    const unmatched = { method: 'GET', route: 'unmatched', status: '404' };
    expect(valueOf(http, 'ptp_http_request_duration_seconds_count', unmatched)).toBe(1);
    const routes = new Set(http.samples.map((s) => s.labels.route));
    expect(
      [...routes].filter((route) => route.includes(orderId) || route.includes('12345')),
    ).toEqual([]);
    expect(routes).toContain('/api/orders');
  });

  it('counts orders, fills and refusals by rule, and values the account', async () => {
    const families = await scrape(app());
    const account = { account_id: accountId };
    const orders = familyOf(families, 'ptp_orders_total', 'counter');
    expect(valueOf(orders, 'ptp_orders_total', { ...account, source: 'manual' })).toBe(1);
    const fills = familyOf(families, 'ptp_fills_total', 'counter');
    expect(valueOf(fills, 'ptp_fills_total', { ...account, side: 'buy' })).toBe(1);
    const refused = familyOf(families, 'ptp_order_rejections_total', 'counter');
    expect(valueOf(refused, 'ptp_order_rejections_total', { ...account, rule: refusedWith })).toBe(
      1,
    );
    const portfolio = (await http().get('/api/portfolio').query({ accountId }).expect(200)).body
      .data;
    const equity = familyOf(families, 'ptp_account_equity_dollars', 'gauge');
    expect(valueOf(equity, 'ptp_account_equity_dollars', account)).toBeCloseTo(
      Number(portfolio.equity),
      0,
    );
    const cash = familyOf(families, 'ptp_account_cash_dollars', 'gauge');
    expect(valueOf(cash, 'ptp_account_cash_dollars', account)).toBe(Number(portfolio.cash));
  });

  it('reports the quote cache, the upstream and the request budget', async () => {
    const families = await scrape(app());
    const hits = familyOf(families, 'ptp_quote_cache_hits_total', 'counter');
    const misses = familyOf(families, 'ptp_quote_cache_misses_total', 'counter');
    expect(hits.samples[0].value + misses.samples[0].value).toBeGreaterThan(0);
    familyOf(families, 'ptp_upstream_requests_total', 'counter');
    familyOf(families, 'ptp_request_budget_wait_seconds', 'histogram');
  });

  it('reports the backtest queue and how long runs took', async () => {
    const families = await scrape(app());
    expect(familyOf(families, 'ptp_backtest_queue_depth', 'gauge').samples[0].value).toBe(0);
    expect(familyOf(families, 'ptp_backtests_running', 'gauge').samples[0].value).toBe(0);
    const durations = familyOf(families, 'ptp_backtest_duration_seconds', 'histogram');
    const completed = { outcome: 'completed' };
    expect(valueOf(durations, 'ptp_backtest_duration_seconds_count', completed)).toBe(1);
  });

  it('counts session ticks and their duration per account', async () => {
    await http().post('/paper-trading/start').send({ accountId, strategy: 'mixed' }).expect(200);
    const ticks = await waitFor(async () => {
      const family = familyOf(await scrape(app()), 'ptp_ticks_total', 'counter');
      const count = valueOf(family, 'ptp_ticks_total', { account_id: accountId });
      return count > 0 ? count : undefined;
    }, 'a tick');
    await http().post('/paper-trading/stop').send({ accountId }).expect(200);
    const duration = familyOf(await scrape(app()), 'ptp_tick_duration_seconds', 'histogram');
    const counted = samplesOf(duration, 'ptp_tick_duration_seconds_count', {
      account_id: accountId,
    });
    expect(counted[0].value).toBeGreaterThanOrEqual(ticks);
  }, 60_000);

  it('documents every ptp_ metric, and the Grafana dashboard uses only metrics it serves', async () => {
    const families = await scrape(app());
    const served = [...families.keys()];
    const docs = readFileSync(join(DOCS, 'metrics-endpoint.md'), 'utf8');
    expect(
      served.filter((name) => name.startsWith('ptp_') && !docs.includes(`\`${name}\``)),
    ).toEqual([]);
    const dashboard = readFileSync(join(DOCS, 'grafana', 'dashboard.json'), 'utf8');
    const used = new Set(
      [...dashboard.matchAll(/\b((?:ptp|process|nodejs)_[a-z0-9_]+)/g)].map(([, name]) =>
        name.replace(/_(bucket|sum|count)$/, ''),
      ),
    );
    expect(used.size).toBeGreaterThan(10);
    expect([...used].filter((name) => !families.has(name))).toEqual([]);
  });
});

describe('GET /metrics when logins are required', () => {
  const app = useAuthApp();
  const http = () => request(app().app.getHttpServer());

  it('refuses an anonymous caller with 401 and a trader with 403, in the envelope', async () => {
    const anonymous = await http().get('/metrics').expect(401);
    expect(anonymous.body).toMatchObject({ status: 'error', error: { code: 'UNAUTHENTICATED' } });
    const alice = await login(app(), 'alice');
    const trader = await http().get('/metrics').set('Cookie', alice).expect(403);
    expect(trader.body).toMatchObject({ status: 'error', error: { code: 'FORBIDDEN' } });
  });

  it('answers an admin API token', async () => {
    const root = await login(app(), 'root');
    const token = (
      await http().post('/api/tokens').set('Cookie', root).send({ name: 'prometheus' }).expect(201)
    ).body.data.token as string;
    const families = await scrape(app(), `Bearer ${token}`);
    familyOf(families, 'ptp_http_request_duration_seconds', 'histogram');
  });
});

/** A config file with a general limit of 3 requests a minute. */
function tinyRateLimit(): string {
  const path = join(mkdtempSync(join(tmpdir(), 'ptp-metrics-')), 'platform.json');
  writeFileSync(path, JSON.stringify({ server: { rateLimit: { ttlSec: 60, limit: 3 } } }));
  return path;
}

describe('GET /metrics with server.metrics.public', () => {
  const app = useAuthApp({ METRICS_PUBLIC: 'true', PLATFORM_CONFIG: tinyRateLimit() });

  it('answers anyone, logins required or not', async () => {
    familyOf(await scrape(app()), 'ptp_orders_total', 'counter');
  });

  it('is never rate limited, where other routes are', async () => {
    for (let i = 0; i < 6; i++) await scrape(app());
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++)
      statuses.push((await request(app().app.getHttpServer()).get('/api/strategies')).status);
    expect(statuses).toContain(429);
    await scrape(app());
  });
});
