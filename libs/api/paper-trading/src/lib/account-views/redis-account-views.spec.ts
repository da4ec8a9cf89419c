import { randomUUID } from 'node:crypto';
import { ApiError } from '@ptp/api/shared';
import type { ClusterSettings } from '../ownership/cluster-settings';
import { RedisAccountViews } from './redis-account-views';
import type { SharedAccountView } from './shared-account-view';

const REDIS_URL = process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';
const describeRedis = process.env['PTP_SKIP_REDIS'] === '1' ? describe.skip : describe;

jest.setTimeout(30_000);

/** A view told apart by its cash; the store keeps views whole, whatever they hold. */
const view = (cash: string) => ({ valuation: { cash } }) as unknown as SharedAccountView;

describeRedis('account views on a real Redis', () => {
  const settings: ClusterSettings = {
    redisUrl: REDIS_URL,
    namespace: `ptp:test:${randomUUID()}:`,
    instanceId: 'api-1',
    leaseTtlMs: 5_000,
    renewEveryMs: 1_000,
    scanEveryMs: 500,
    ownerWaitMs: 300,
  };
  const views = new RedisAccountViews(settings);
  afterAll(async () => {
    for (const accountId of ['a', 'b']) await views.drop(accountId);
    await views.close();
  });

  it('keeps the newest owner’s view: a former owner (smaller token) cannot replace it', async () => {
    expect(await views.publish('a', 3, view('100.00'))).toBe(1);
    expect(await views.publish('a', 4, view('90.00'))).toBe(2);
    expect(await views.publish('a', 3, view('100.00'))).toBe(0);
    expect(await views.read('a')).toEqual(view('90.00'));
    expect(await views.publish('a', 4, view('80.00'))).toBe(3);
    expect(await views.awaitView('a')).toEqual(view('80.00'));
  });

  it('tells which accounts have no view, and answers 503 for one that never gets one', async () => {
    await views.publish('b', 1, view('5.00'));
    expect(await views.missing(['a', 'b', 'c'])).toEqual(['c']);
    await views.drop('b');
    expect(await views.missing(['b'])).toEqual(['b']);
    const error = await views.awaitView('b').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe('ACCOUNT_OWNER_UNAVAILABLE');
    expect((error as ApiError).getStatus()).toBe(503);
  });
});
