import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildDataSourceOptions, EquitySnapshotEntity } from '@ptp/api/persistence';
import { DataSource } from 'typeorm';
import { FoldedHistories } from './folded-histories';
import { FoldedHistory } from './folded-history';

const MINUTE = 60_000;
const T0 = Date.UTC(2026, 0, 5, 14, 30);

describe('FoldedHistories on a real SQLite file', () => {
  let dataSource: DataSource;
  let histories: FoldedHistories;
  let reads: jest.SpyInstance;
  let minute = 0;

  const tick = (accountId: string, count = 1) =>
    dataSource.getRepository(EquitySnapshotEntity).insert(
      Array.from({ length: count }, () => ({
        accountId,
        time: T0 + minute++ * MINUTE,
        equity: String(100 + (minute % 7)),
        cash: '0',
        positionsValue: '0',
        benchmark: null,
      })),
    );
  const equities = async (accountId: string) =>
    (await histories.of(accountId)).view().input.equityCurve.map((p) => p.equity);
  const stored = async (accountId: string) =>
    (
      await dataSource
        .getRepository(EquitySnapshotEntity)
        .find({ where: { accountId }, order: { time: 'ASC', id: 'ASC' } })
    ).map((row) => Number(row.equity));

  beforeEach(async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'ptp-folds-')), 'test.sqlite');
    dataSource = await new DataSource(
      buildDataSourceOptions({ type: 'sqlite', path }),
    ).initialize();
    histories = new FoldedHistories(dataSource);
    reads = jest.spyOn(FoldedHistory, 'read');
  });

  afterEach(async () => {
    reads.mockRestore();
    await dataSource.destroy();
  });

  it('reads an account once, then folds only what is new, once, however many calls overlap', async () => {
    await tick('a', 5);
    expect(await equities('a')).toEqual(await stored('a'));
    await tick('a', 3);
    const overlapping = await Promise.all([equities('a'), equities('a'), equities('a')]);
    expect(overlapping).toEqual([await stored('a'), await stored('a'), await stored('a')]);
    expect(reads).toHaveBeenCalledTimes(1);
  });

  it('keeps 64 accounts folded and reads afresh the one asked for least recently', async () => {
    const accounts = Array.from({ length: 65 }, (_, i) => `account-${i}`);
    for (const id of accounts) await tick(id);
    for (const id of accounts.slice(0, 64)) await histories.of(id);
    await histories.of(accounts[0]);
    expect(reads).toHaveBeenCalledTimes(64);

    await histories.of(accounts[64]);
    await histories.of(accounts[0]);
    expect(reads).toHaveBeenCalledTimes(65);
    await histories.of(accounts[1]);
    expect(reads).toHaveBeenCalledTimes(66);
  });
});
