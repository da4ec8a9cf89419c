import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { type AppConfig, InjectAppConfig } from '@ptp/api/config';
import { UserEntity } from '@ptp/api/persistence';
import { DataSource } from 'typeorm';
import { newSecret, secretHash } from '../secret-tokens';
import { LoginSessionStore } from './login-session-store';

export interface ActiveLogin {
  readonly user: UserEntity;
  readonly expiresAt: number;
}

function credentialOf(user: UserEntity): string {
  return createHash('sha256').update(user.passwordHash).digest('hex').slice(0, 32);
}

/** Dashboard logins, kept server-side so they survive restarts and can be ended from anywhere. */
@Injectable()
export class LoginSessionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: LoginSessionStore,
    @InjectAppConfig() private readonly config: AppConfig,
  ) {}

  /** A fresh session (a login never reuses one); returns the cookie's secret. */
  async start(user: UserEntity, ip: string | null): Promise<{ secret: string; expiresAt: number }> {
    const secret = newSecret();
    const createdAt = Date.now();
    const expiresAt = createdAt + this.config.server.auth.sessionTtlSec * 1000;
    await this.store.save(secretHash(secret), {
      userId: user.id,
      createdAt,
      expiresAt,
      ip,
      credential: credentialOf(user),
    });
    return { secret, expiresAt };
  }

  /** The user a cookie logs in, or null when it is unknown, ended, expired or from an old password. */
  async find(secret: string): Promise<ActiveLogin | null> {
    const session = await this.store.find(secretHash(secret));
    if (!session || session.expiresAt <= Date.now()) return null;
    const user = await this.dataSource.getRepository(UserEntity).findOneBy({ id: session.userId });
    if (!user || credentialOf(user) !== session.credential) return null;
    return { user, expiresAt: session.expiresAt };
  }

  async end(secret: string): Promise<void> {
    await this.store.remove(secretHash(secret));
  }
}
