import type { ClusterProcess } from '@ptp/tools/cluster';
import request from 'supertest';
import { WebSocket } from 'ws';
import { FAST_MARKET, waitFor } from '../paper-trading.helpers';
import { describeCluster, useCluster } from './cluster.fixture';

interface TradeUpdate {
  readonly event: string;
  readonly order: { readonly id: string };
}

/** An Alpaca trade-updates stream on one instance, listening, with every update it received. */
async function listen(process: ClusterProcess): Promise<{ updates: TradeUpdate[]; ws: WebSocket }> {
  const ws = new WebSocket(`${process.url.replace(/^http/, 'ws')}/stream`);
  const frames: { stream: string; data: unknown }[] = [];
  ws.on('message', (data) => frames.push(JSON.parse(String(data))));
  await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
  const answered = (stream: string) =>
    waitFor(async () => frames.find((f) => f.stream === stream), `${stream} on ${process.id}`);
  ws.send(JSON.stringify({ action: 'auth', key: 'k', secret: 's' }));
  expect(await answered('authorization')).toMatchObject({ data: { status: 'authorized' } });
  ws.send(JSON.stringify({ action: 'listen', data: { streams: ['trade_updates'] } }));
  await answered('listening');
  const updates: TradeUpdate[] = [];
  ws.on('message', (data) => {
    const frame = JSON.parse(String(data));
    if (frame.stream === 'trade_updates') updates.push(frame.data);
  });
  return { updates, ws };
}

describeCluster('trade_updates in a cluster (3 api instances, real processes)', () => {
  const fixture = useCluster({ api: 3, workers: 0, env: FAST_MARKET });
  const api = () => fixture.cluster().api;

  const owns = async (p: ClusterProcess): Promise<boolean> =>
    (
      (await request(p.url).get('/health').expect(200)).body.data.instance.accounts as string[]
    ).includes('default');

  it("delivers an account's order events once to streams on every instance, the owner's too", async () => {
    const owner = await waitFor(async () => {
      const owning = await Promise.all(api().map(owns));
      return api()[owning.indexOf(true)];
    }, 'an owner of the default account');
    const [placer, listener] = api().filter((p) => p !== owner);
    const streams = await Promise.all([listener, owner, placer].map(listen));

    const buy = (notional: number) =>
      request(placer.url)
        .post('/v2/orders')
        .send({ symbol: 'SPY', notional: String(notional), side: 'buy', type: 'market' })
        .expect(200);
    const first = (await buy(10)).body;
    expect(first.status).toBe('filled');
    // Events arrive in order: once the second order's fill is in, a repeat of the first's would be.
    const second = (await buy(11)).body;
    for (const { updates } of streams)
      await waitFor(
        async () => updates.find((u) => u.order.id === second.id && u.event === 'fill'),
        'the second fill on every stream',
      );
    for (const { updates, ws } of streams) {
      ws.close();
      expect(updates.filter((u) => u.order.id === first.id).map((u) => u.event)).toEqual([
        'new',
        'fill',
      ]);
      expect(updates.filter((u) => u.order.id === second.id).map((u) => u.event)).toEqual([
        'new',
        'fill',
      ]);
    }
  }, 120_000);
});
