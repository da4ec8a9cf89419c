import { Injectable } from '@nestjs/common';
import { type AppConfig, InjectAppConfig } from '@ptp/api/config';
import { DatabaseWrites, LoginSessionEntity, UserEntity } from '@ptp/api/persistence';
import { DataSource, LessThan } from 'typeorm';
import { newSecret, secretHash } from '../secret-tokens';

export interface ActiveLogin {
  readonly user: UserEntity;
  readonly expiresAt: number;
}

/** Dashboard logins, kept in the database so they survive restarts and can be ended from anywhere. */
@Injectable()
export class LoginSessionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly writes: DatabaseWrites,
    @InjectAppConfig() private readonly config: AppConfig,
  ) {}

  /** A fresh session (a login never reuses one); returns the cookie's secret. */
  async start(user: UserEntity, ip: string | null): Promise<{ secret: string; expiresAt: number }> {
    const secret = newSecret();
    const now = Date.now();
    const expiresAt = now + this.config.server.auth.sessionTtlSec * 1000;
    await this.writes.transaction(async (manager) => {
      await manager.delete(LoginSessionEntity, { expiresAt: LessThan(now) });
      await manager.insert(LoginSessionEntity, {
        id: secretHash(secret),
        userId: user.id,
        createdAt: now,
        expiresAt,
        ip,
      });
    });
    return { secret, expiresAt };
  }

  /** The user a cookie logs in, or null when it is unknown, ended or expired. */
  async find(secret: string): Promise<ActiveLogin | null> {
    const session = await this.dataSource
      .getRepository(LoginSessionEntity)
      .findOneBy({ id: secretHash(secret) });
    if (!session || session.expiresAt <= Date.now()) return null;
    const user = await this.dataSource.getRepository(UserEntity).findOneBy({ id: session.userId });
    return user ? { user, expiresAt: session.expiresAt } : null;
  }

  async end(secret: string): Promise<void> {
    await this.writes.transaction((manager) =>
      manager.delete(LoginSessionEntity, { id: secretHash(secret) }),
    );
  }
}
