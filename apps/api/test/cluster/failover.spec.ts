import type { ClusterProcess } from '@ptp/tools/cluster';
import request from 'supertest';
import { expectPortfolioMatchesFills, type TradeRow } from '../ledger-reconcile';
import { FAST_MARKET, TRADING_SESSION, waitFor } from '../paper-trading.helpers';
import { describeCluster, useCluster } from './cluster.fixture';

/** The bound on a takeover: from the owner's death to another instance owning the account. */
const TAKEOVER_BOUND_MS = 10_000;
const KILLS = 5;

interface Owner {
  readonly instance: string;
  readonly since: string;
}

describeCluster('one owner per account, with failover (3 api + 1 worker, real processes)', () => {
  const fixture = useCluster({ api: 3, workers: 1, env: FAST_MARKET });
  const api = () => fixture.cluster().api;
  const byId = (id: string) => api().find((p) => p.id === id) as ClusterProcess;

  /** The account's owner as any instance reports it (from the status its owner last published). */
  async function ownerVia(p: ClusterProcess): Promise<Owner> {
    const status = await request(p.url).get('/paper-trading/status').expect(200);
    return status.body.data.owner;
  }

  async function healthAccounts(p: ClusterProcess): Promise<string[]> {
    return (await request(p.url).get('/health').expect(200)).body.data.instance.accounts;
  }

  it("runs a command sent to a non-owner on the owner and answers the owner's response", async () => {
    const owner = await waitFor(() => ownerVia(api()[0]), 'an owner of the default account');
    const others = api().filter((p) => p.id !== owner.instance);
    expect(others).toHaveLength(2);
    expect(await healthAccounts(byId(owner.instance))).toEqual(['default']);
    for (const other of others) expect(await healthAccounts(other)).toEqual([]);

    const rejected = await request(others[0].url)
      .post('/api/orders')
      .send({ symbol: 'SPY', side: 'buy', type: 'market', quantity: 100 })
      .expect(422);
    expect(rejected.body.error).toMatchObject({ code: 'RISK_MAX_POSITION', limit: 50 });
    expect(rejected.body.error.details).toMatchObject({ rule: 'RISK_MAX_POSITION' });

    const placed = await request(others[1].url)
      .post('/api/orders')
      .send({ symbol: 'SPY', side: 'buy', type: 'market', notional: 20, clientOrderId: 'c-1' })
      .expect(201);
    expect(placed.body.data).toMatchObject({ symbol: 'SPY', status: 'filled' });
    // The same client order id through the third instance finds the original: no second order.
    const retried = await request(byId(owner.instance).url)
      .post('/api/orders')
      .send({ symbol: 'SPY', side: 'buy', type: 'market', notional: 20, clientOrderId: 'c-1' })
      .expect(200);
    expect(retried.body.data.id).toBe(placed.body.data.id);
    // A config change made through a non-owner reaches the owner, which then trades on it.
    await request(others[0].url)
      .patch('/api/config')
      .send({ risk: { maxPositionPct: 30 } })
      .expect(200);
    await waitFor(async () => {
      const risk = (await request(others[1].url).get('/api/risk').expect(200)).body.data;
      return risk.limits.maxPositionPct === 30 ? true : undefined;
    }, 'the owner to follow the new risk limit');
    await request(others[1].url)
      .post('/api/orders')
      .send({ symbol: 'SPY', side: 'buy', type: 'market', notional: 60 })
      .expect(201);
    const seen = await Promise.all(
      api().map(async (p) => (await request(p.url).get('/api/portfolio').expect(200)).body.data),
    );
    for (const portfolio of seen.slice(1)) expect(portfolio.cash).toBe(seen[0].cash);
  }, 60_000);

  it('takes the account over within 10 s each time its owner is SIGKILLed, and the ledger reconciles', async () => {
    const started = await request(api()[0].url)
      .post('/paper-trading/start')
      .send(TRADING_SESSION)
      .expect(200);
    const sessionId = started.body.data.sessionId;
    await waitFor(
      async () =>
        (await request(api()[1].url).get('/api/trades')).body.data.total >= 3 ? true : undefined,
      'three fills',
    );

    let last: Owner = started.body.data.owner;
    for (let kill = 0; kill < KILLS; kill++) {
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 3_000));
      const victim = byId((await ownerVia(api()[0])).instance);
      const survivor = api().find((p) => p !== victim) as ClusterProcess;
      const killedAt = Date.now();
      await victim.kill('SIGKILL');
      const owner = await waitFor(
        async () => {
          const current = await ownerVia(survivor);
          return current.instance !== victim.id ? current : undefined;
        },
        `a takeover after kill ${kill + 1}`,
      );
      expect(Date.parse(owner.since) - killedAt).toBeLessThanOrEqual(TAKEOVER_BOUND_MS);
      expect(Date.parse(owner.since)).toBeGreaterThan(Date.parse(last.since));
      last = owner;
      await victim.restart();
      await victim.waitReady();
    }

    // Everything is read through an instance that survived the last kill.
    const reader = api().find((p) => p.id !== last.instance) as ClusterProcess;
    const status = (await request(reader.url).get('/paper-trading/status').expect(200)).body.data;
    expect(status).toMatchObject({ state: 'running', sessionId, owner: last });
    await request(reader.url).post('/paper-trading/stop').send({}).expect(200);
    const trades = (await request(reader.url).get('/api/trades').query({ limit: 1000 }).expect(200))
      .body.data.items as (TradeRow & { id: string })[];
    const orders = (await request(reader.url).get('/api/orders').query({ limit: 1000 }).expect(200))
      .body.data as { id: string }[];
    expect(new Set(trades.map((t) => t.id)).size).toBe(trades.length);
    expect(new Set(orders.map((o) => o.id)).size).toBe(orders.length);
    const portfolio = (await request(reader.url).get('/api/portfolio').expect(200)).body.data;
    expectPortfolioMatchesFills(portfolio, trades);
    const health = (await request(reader.url).get('/health').expect(200)).body.data;
    expect(health.details.portfolio).toMatchObject({ status: 'up', state: 'ok' });
    expect(await healthAccounts(byId(last.instance))).toEqual(['default']);
  }, 300_000);
});
