import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

/**
 * Every write of the API goes through here. TypeORM's SQLite driver shares ONE connection and one
 * query runner between all callers, so two transactions started at once would nest as savepoints of
 * each other (and fail with "no such savepoint", or commit together), and a lone write issued while a
 * transaction is open would join it. On SQLite, writes therefore run one at a time; PostgreSQL has a
 * connection pool with real isolation and runs them concurrently.
 */
@Injectable()
export class DatabaseWrites {
  private readonly serial: boolean;
  private tail: Promise<unknown> = Promise.resolve();

  constructor(private readonly dataSource: DataSource) {
    this.serial = dataSource.options.type === 'sqlite';
  }

  /** Runs `work` in one transaction. `work` must only use the manager it is given (no nested writes). */
  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.exclusive(() => this.dataSource.transaction(work));
  }

  /** Runs a write that needs no transaction of its own, outside anybody else's. */
  exclusive<T>(work: () => Promise<T>): Promise<T> {
    if (!this.serial) return work();
    const run = this.tail.then(work, work);
    this.tail = run.catch(() => undefined);
    return run;
  }
}
