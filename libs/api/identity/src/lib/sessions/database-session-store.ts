import { Injectable } from '@nestjs/common';
import { DatabaseWrites, LoginSessionEntity } from '@ptp/api/persistence';
import { DataSource, LessThan } from 'typeorm';
import { type LoginRecord, LoginSessionStore } from './login-session-store';

/** Logins in the `login_sessions` table; expired rows are swept whenever a login begins. */
@Injectable()
export class DatabaseSessionStore extends LoginSessionStore {
  constructor(
    private readonly dataSource: DataSource,
    private readonly writes: DatabaseWrites,
  ) {
    super();
  }

  async save(id: string, record: LoginRecord): Promise<void> {
    await this.writes.transaction(async (manager) => {
      await manager.delete(LoginSessionEntity, { expiresAt: LessThan(Date.now()) });
      await manager.insert(LoginSessionEntity, { id, ...record });
    });
  }

  async find(id: string): Promise<LoginRecord | null> {
    return this.dataSource.getRepository(LoginSessionEntity).findOneBy({ id });
  }

  async remove(id: string): Promise<void> {
    await this.writes.transaction((manager) => manager.delete(LoginSessionEntity, { id }));
  }
}
