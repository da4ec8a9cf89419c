import { randomUUID } from 'node:crypto';
import Redis from 'ioredis';
import { ApiError, RiskRejectionApiError } from '@ptp/api/shared';
import type { ClusterSettings } from './cluster-settings';
import { LeaseLostError } from './lease-lost.error';
import { OwnerChannel } from './owner-channel';
import { RedisLeases } from './redis-leases';

const REDIS_URL = process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';
const describeRedis = process.env['PTP_SKIP_REDIS'] === '1' ? describe.skip : describe;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// Each test opens Redis connections of its own: slow on a loaded machine.
jest.setTimeout(30_000);

describeRedis('account leases and owner commands on a real Redis', () => {
  const namespace = `ptp:test:${randomUUID()}:`;
  const settings = (instanceId: string, leaseTtlMs = 5_000): ClusterSettings => ({
    redisUrl: REDIS_URL,
    namespace,
    instanceId,
    leaseTtlMs,
    renewEveryMs: 1_000,
    scanEveryMs: 500,
    ownerWaitMs: 10_000,
  });
  const opened: { close?(): Promise<void>; quit?(): Promise<unknown> }[] = [];
  function open<T extends { close?(): Promise<void>; quit?(): Promise<unknown> }>(client: T): T {
    opened.push(client);
    return client;
  }
  afterEach(async () => {
    for (const client of opened.splice(0)) await (client.close?.() ?? client.quit?.());
  });

  it('grants a lease to one instance at a time, each grant with a larger fencing token', async () => {
    const a = open(new RedisLeases(settings('a')));
    const b = open(new RedisLeases(settings('b')));
    const first = await a.acquire('acc');
    expect(first).not.toBeNull();
    expect(await b.acquire('acc')).toBeNull();
    expect(await a.holder('acc')).toBe('a');
    // b may not renew or release what a holds.
    expect(await b.renew(['acc'])).toEqual(['acc']);
    await b.release('acc');
    expect(await a.holder('acc')).toBe('a');
    expect(await a.renew(['acc'])).toEqual([]);
    await a.release('acc');
    expect(await a.holder('acc')).toBeNull();
    const second = await b.acquire('acc');
    expect(second).toBeGreaterThan(first as number);
    expect(await b.holders(['acc', 'other'])).toEqual(['b', null]);
  });

  it('frees a lease nobody renews once its TTL has passed, for the next holder', async () => {
    const a = open(new RedisLeases(settings('a', 200)));
    const b = open(new RedisLeases(settings('b', 200)));
    const first = await a.acquire('acc-ttl');
    expect(await b.acquire('acc-ttl')).toBeNull();
    await pause(400);
    expect(await a.renew(['acc-ttl'])).toEqual(['acc-ttl']);
    expect(await b.acquire('acc-ttl')).toBeGreaterThan(first as number);
  });

  it('catches a fencing counter up to a token seen before, never down, after Redis lost it', async () => {
    const a = open(new RedisLeases(settings('a')));
    const raw = open(new Redis(REDIS_URL));
    const first = (await a.acquire('acc-reset')) as number;
    await a.release('acc-reset');
    // Redis restarted without persistence: the counter is gone.
    await raw.del(`${namespace}fence:acc-reset`);
    await a.catchUp('acc-reset', first + 40);
    await a.catchUp('acc-reset', first + 1);
    expect(await a.acquire('acc-reset')).toBe(first + 41);
  });

  it('counts live instances by their heartbeats, and forgets one that leaves', async () => {
    const a = open(new RedisLeases(settings('a')));
    const b = open(new RedisLeases(settings('b')));
    expect(await a.heartbeat()).toBe(1);
    expect(await b.heartbeat()).toBe(2);
    await b.leave();
    expect(await a.heartbeat()).toBe(1);
  });

  it("carries the owner's answer back to the caller, its ApiErrors and 422 risk rejections included", async () => {
    const owner = open(new OwnerChannel(settings('owner')));
    const caller = open(new OwnerChannel(settings('caller')));
    const resubscribed = jest.fn();
    await owner.listen(async ({ name, args }) => {
      if (name === 'echo') return { echoed: args };
      if (name === 'reject')
        throw ApiError.riskRejection('MAX_POSITION_PCT', 'too big', 50, 5000, { orderId: 'o-9' });
      if (name === 'missing')
        throw ApiError.notFound('ORDER_NOT_FOUND', 'no such order', { id: 1 });
      throw new LeaseLostError('acc');
    }, resubscribed);
    await caller.listen(async () => undefined, resubscribed);
    expect(await caller.send('owner', 'acc', 'echo', [1, 'x'], 10_000)).toEqual({
      kind: 'done',
      value: { echoed: [1, 'x'] },
    });
    const rejected = await caller.send('owner', 'acc', 'reject', [], 10_000).catch((e) => e);
    expect(rejected).toBeInstanceOf(RiskRejectionApiError);
    expect(rejected).toMatchObject({
      code: 'MAX_POSITION_PCT',
      limit: 50,
      requested: 5000,
      details: { rule: 'MAX_POSITION_PCT', limit: 50, requested: 5000, orderId: 'o-9' },
    });
    expect(rejected.getStatus()).toBe(422);
    const missing = await caller.send('owner', 'acc', 'missing', [], 10_000).catch((e) => e);
    expect(missing).toBeInstanceOf(ApiError);
    expect(missing.getStatus()).toBe(404);
    expect(missing.code).toBe('ORDER_NOT_FOUND');
    expect(await caller.send('owner', 'acc', 'moved', [], 10_000)).toEqual({ kind: 'moved' });
    expect(await caller.send('nobody', 'acc', 'echo', [], 10_000)).toEqual({
      kind: 'unreachable',
    });
    expect(resubscribed).not.toHaveBeenCalled();
  });
});
