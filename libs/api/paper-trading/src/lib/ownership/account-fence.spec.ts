import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AppConfig } from '@ptp/api/config';
import {
  AccountEntity,
  AccountFenceEntity,
  buildDataSourceOptions,
  DatabaseWrites,
  OrderEntity,
} from '@ptp/api/persistence';
import { DataSource } from 'typeorm';
import { LedgerWriter } from '../desk/ledger-writer.service';
import type { LedgerBatch } from '../desk/ledger-batch';
import { AccountFence } from './account-fence.service';
import type { ClusterSettings } from './cluster-settings';
import { LeaseLostError } from './lease-lost.error';

const ACCOUNT = 'acc-1';
const settings = { instanceId: 'unused' } as ClusterSettings;
const instance = (instanceId: string) => ({ instanceId }) as AppConfig;

/** A batch that writes one order row: enough to see whether a write got through. */
function orderBatch(id: string): LedgerBatch {
  return {
    accountId: ACCOUNT,
    orders: [
      {
        id,
        uuid: null,
        accountId: ACCOUNT,
        sessionId: null,
        parentId: null,
        ocoGroup: null,
        source: 'manual',
        symbol: 'AAPL',
        side: 'buy',
        type: 'market',
        timeInForce: 'day',
        quantity: '1',
        notional: null,
        limitPrice: null,
        stopPrice: null,
        trailPercent: null,
        trailAmount: null,
        status: 'new',
        filledQuantity: '0',
        avgFillPrice: null,
        reason: null,
        state: '{}',
        createdAt: 1,
        updatedAt: 1,
      },
    ],
    clientOrders: [],
    replacement: null,
    trades: [],
    activities: [],
    positions: null,
    equity: null,
    decisions: [],
    roundTrips: [],
    session: null,
    engine: null,
  };
}

// A fresh SQLite file is migrated before each test: slow on a loaded machine.
jest.setTimeout(30_000);

describe('AccountFence on a real SQLite file', () => {
  let dir: string;
  let dataSource: DataSource;
  let writes: DatabaseWrites;
  let first: AccountFence;
  let second: AccountFence;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ptp-fence-'));
    const path = join(dir, 'test.sqlite');
    dataSource = await new DataSource(
      buildDataSourceOptions({ type: 'sqlite', path }),
    ).initialize();
    writes = new DatabaseWrites(dataSource);
    await dataSource.getRepository(AccountEntity).insert({
      id: ACCOUNT,
      name: ACCOUNT,
      startingCapital: '500',
      isDefault: false,
      ownerUserId: null,
      createdAt: 1,
    });
    first = new AccountFence(writes, instance('api-a'), settings);
    second = new AccountFence(writes, instance('api-b'), settings);
  });

  afterEach(async () => {
    await writes.onApplicationShutdown();
    await dataSource.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  const orderIds = async () =>
    (await dataSource.getRepository(OrderEntity).find()).map((order) => order.id);

  it('lets the holder of the newest token write, and records who owns the account since when', async () => {
    expect(first.holds(ACCOUNT)).toBe(false);
    expect(await first.raise(ACCOUNT, 1)).toBe(true);
    await new LedgerWriter(writes, first).write(orderBatch('o-1'));
    expect(await orderIds()).toEqual(['o-1']);
    const row = await dataSource.getRepository(AccountFenceEntity).findOneByOrFail({
      accountId: ACCOUNT,
    });
    expect(row).toMatchObject({ token: 1, ownerInstance: 'api-a' });
    expect(first.owner(ACCOUNT)).toBeNull();
    first.settle(ACCOUNT);
    expect(first.owner(ACCOUNT)).toEqual({
      instance: 'api-a',
      since: new Date(row.ownerSince).toISOString(),
    });
  });

  it('refuses every write of a former owner once a newer lease raised the fence, and rolls it back', async () => {
    await first.raise(ACCOUNT, 1);
    const lost: string[] = [];
    first.lost$.subscribe((accountId) => lost.push(accountId));
    expect(await second.raise(ACCOUNT, 2)).toBe(true);
    // The former owner still believes it holds the account (a paused process): the fence says no.
    expect(first.holds(ACCOUNT)).toBe(true);
    await expect(new LedgerWriter(writes, first).write(orderBatch('o-stale'))).rejects.toThrow(
      LeaseLostError,
    );
    await expect(new LedgerWriter(writes, first).eraseHistory(ACCOUNT)).rejects.toThrow(
      LeaseLostError,
    );
    expect(first.holds(ACCOUNT)).toBe(false);
    expect(lost).toEqual([ACCOUNT]);
    await new LedgerWriter(writes, second).write(orderBatch('o-new'));
    expect(await orderIds()).toEqual(['o-new']);
  });

  it('never lets an older lease take the fence back, and tells the token it holds', async () => {
    expect(await first.storedToken(ACCOUNT)).toBeNull();
    await second.raise(ACCOUNT, 5);
    expect(await first.raise(ACCOUNT, 4)).toBe(false);
    expect(await first.storedToken(ACCOUNT)).toBe(5);
    expect(first.holds(ACCOUNT)).toBe(false);
    expect(first.owner(ACCOUNT)).toBeNull();
  });

  it('writes nothing for an account this process holds no lease on', async () => {
    await expect(new LedgerWriter(writes, first).write(orderBatch('o-1'))).rejects.toThrow(
      LeaseLostError,
    );
    expect(await orderIds()).toEqual([]);
  });

  it('checks nothing without a cluster: the one process holds every account', async () => {
    const alone = new AccountFence(writes, instance('solo'), null);
    expect(alone.holds(ACCOUNT)).toBe(true);
    await new LedgerWriter(writes, alone).write(orderBatch('o-1'));
    expect(await orderIds()).toEqual(['o-1']);
    expect(alone.owner(ACCOUNT)?.instance).toBe('solo');
  });
});
