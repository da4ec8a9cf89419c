import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AppConfig } from '@ptp/api/config';
import type { MarketDataService } from '@ptp/api/market-data';
import {
  AccountEntity,
  buildDataSourceOptions,
  DatabaseWrites,
  EquitySnapshotEntity,
} from '@ptp/api/persistence';
import { DataSource } from 'typeorm';
import type { TradingDesks } from '../desk/trading-desks.service';
import { AccountFence } from '../ownership/account-fence.service';
import type { ClusterSettings } from '../ownership/cluster-settings';
import { LeaseLostError } from '../ownership/lease-lost.error';
import { HistoryRetention } from './history-retention.service';

const DAY_MS = 86_400_000;
const NOW = Date.UTC(2026, 5, 1, 16);
const config = {
  marketData: { provider: 'simulated', simulated: { speed: 1 }, replay: { speed: 1 } },
  retention: { rawEquityDays: 30, decisionDays: 90 },
} as unknown as AppConfig;
/** A cluster this process holds no lease in: every fenced write of it must be refused. */
const CLUSTER = { namespace: 'test', instanceId: 'api-9' } as ClusterSettings;

describe('history retention on a real SQLite file', () => {
  let dataSource: DataSource;
  let writes: DatabaseWrites;
  const snapshots = () => dataSource.getRepository(EquitySnapshotEntity).count();
  const retention = (fence: AccountFence) =>
    new HistoryRetention(
      {
        ownedAccountIds: () => ['a'],
        exclusive: (_id: string, run: () => Promise<unknown>) => run(),
      } as unknown as TradingDesks,
      { status: async () => ({ asOf: NOW }) } as unknown as MarketDataService,
      writes,
      dataSource,
      fence,
      config,
    );

  beforeEach(async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'ptp-retention-')), 'test.sqlite');
    dataSource = await new DataSource(
      buildDataSourceOptions({ type: 'sqlite', path }),
    ).initialize();
    writes = new DatabaseWrites(dataSource);
    await dataSource.getRepository(AccountEntity).insert({
      id: 'a',
      name: 'a',
      startingCapital: '500',
      isDefault: false,
      ownerUserId: null,
      createdAt: 1,
    });
    // Forty days ago, twenty points of one New York afternoon: past the 30-day raw window.
    const day = NOW - 40 * DAY_MS;
    await dataSource.getRepository(EquitySnapshotEntity).insert(
      Array.from({ length: 20 }, (_, i) => ({
        accountId: 'a',
        time: day + i * 60_000,
        equity: String(500 + (i % 7)),
        cash: '500',
        positionsValue: '0',
        benchmark: null,
      })),
    );
  });

  afterEach(async () => {
    await writes.onApplicationShutdown();
    await dataSource.destroy();
  });

  it('thins what aged out when the fence lets this process write', async () => {
    const outcome = await retention(new AccountFence(writes, config, null)).runOnce();
    expect(outcome.snapshotsThinned).toBeGreaterThan(0);
    expect(await snapshots()).toBe(20 - outcome.snapshotsThinned);
  });

  it('deletes nothing for an account whose lease this process does not hold', async () => {
    await expect(retention(new AccountFence(writes, config, CLUSTER)).runOnce()).rejects.toThrow(
      LeaseLostError,
    );
    expect(await snapshots()).toBe(20);
  });
});
