import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { buildDataSourceOptions } from './data-source-options';
import { DatabaseWrites } from './database-writes.service';
import { AccountEntity } from './entities';

const account = (id: string) => ({
  id,
  name: id,
  startingCapital: '500',
  isDefault: false,
  createdAt: 1,
});
const pause = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('DatabaseWrites on a real SQLite file', () => {
  let dataSource: DataSource;
  let writes: DatabaseWrites;
  const ids = async () =>
    (await dataSource.getRepository(AccountEntity).find({ order: { id: 'ASC' } })).map((a) => a.id);

  beforeEach(async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'ptp-writes-')), 'test.sqlite');
    dataSource = await new DataSource(
      buildDataSourceOptions({ type: 'sqlite', path }),
    ).initialize();
    writes = new DatabaseWrites(dataSource);
  });

  afterEach(async () => {
    await writes.onApplicationShutdown();
    await dataSource.destroy();
  });

  it('lets reads see only what a transaction has committed', async () => {
    let entered!: () => void;
    const inside = new Promise<void>((resolve) => (entered = resolve));
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const writing = writes.transaction(async (manager) => {
      await manager.insert(AccountEntity, account('pending'));
      entered();
      await released;
    });
    await inside;
    expect(await ids()).toEqual([]);
    release();
    await writing;
    expect(await ids()).toEqual(['pending']);
  });

  it('runs overlapping transactions one after the other, each committed on its own', async () => {
    await Promise.all([
      writes.transaction(async (manager) => {
        await manager.insert(AccountEntity, account('a1'));
        await pause();
        await manager.insert(AccountEntity, account('a2'));
      }),
      writes.transaction(async (manager) => {
        await manager.insert(AccountEntity, account('b1'));
      }),
    ]);
    expect(await ids()).toEqual(['a1', 'a2', 'b1']);
  });

  it('keeps a lone write out of a transaction that rolls back', async () => {
    let entered!: () => void;
    const inside = new Promise<void>((resolve) => (entered = resolve));
    const failing = writes.transaction(async (manager) => {
      await manager.insert(AccountEntity, account('doomed'));
      entered();
      await pause();
      throw new Error('tick failed');
    });
    await inside;
    const lone = writes.exclusive(() =>
      dataSource.getRepository(AccountEntity).insert(account('survivor')),
    );
    await expect(failing).rejects.toThrow('tick failed');
    await lone;
    expect(await ids()).toEqual(['survivor']);
  });

  it('goes on after a failed write', async () => {
    await expect(writes.exclusive(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await writes.exclusive(() => dataSource.getRepository(AccountEntity).insert(account('next')));
    expect(await ids()).toEqual(['next']);
  });
});
