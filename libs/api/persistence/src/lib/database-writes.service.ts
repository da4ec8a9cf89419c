import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

/**
 * Every write of the API goes through here. TypeORM's SQLite driver shares ONE connection and one
 * query runner between all callers, so two transactions started at once would nest as savepoints of
 * each other (and fail with "no such savepoint", or commit together), and a lone write issued while a
 * transaction is open would join it. On SQLite, writes therefore run one at a time; PostgreSQL has a
 * connection pool with real isolation and runs them concurrently.
 *
 * On SQLite, transactions also run on a connection of their own: every read goes through the shared
 * connection, and a read on the connection that is writing would see rows its transaction has not
 * committed yet (an answer that a crash could then take back). With WAL, the shared connection reads
 * only what is committed.
 */
@Injectable()
export class DatabaseWrites implements OnApplicationShutdown {
  private readonly serial: boolean;
  private tail: Promise<unknown> = Promise.resolve();
  private writer: Promise<DataSource> | null = null;

  constructor(private readonly dataSource: DataSource) {
    this.serial = dataSource.options.type === 'sqlite';
  }

  /** Runs `work` in one transaction. `work` must only use the manager it is given (no nested writes). */
  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    if (!this.serial) return this.dataSource.transaction(work);
    return this.exclusive(async () => (await this.writerConnection()).transaction(work));
  }

  /** Runs a write that needs no transaction of its own, outside anybody else's. */
  exclusive<T>(work: () => Promise<T>): Promise<T> {
    if (!this.serial) return work();
    const run = this.tail.then(work, work);
    this.tail = run.catch(() => undefined);
    return run;
  }

  async onApplicationShutdown(): Promise<void> {
    const writer = await this.writer?.catch(() => null);
    if (writer?.isInitialized) await writer.destroy();
  }

  /**
   * The same database file, opened once more; the first connection already ran the migrations.
   * While the shared connection is closed the database counts as closed for writes too.
   */
  private async writerConnection(): Promise<DataSource> {
    if (!this.dataSource.isInitialized) throw new Error('the database connection is closed');
    this.writer ??= new DataSource({
      ...this.dataSource.options,
      migrationsRun: false,
    }).initialize();
    return this.writer;
  }
}
