import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { type AppConfig, InjectAppConfig, isLoopbackHost, StartupRefusal } from '@ptp/api/config';
import type { AuthState } from '@ptp/contracts';
import { UsersService } from './users/users.service';

/** How long "no users yet" is believed before the table is asked again (the CLI may add one). */
const NO_USERS_RECHECK_MS = 1000;

/**
 * Local mode (loopback and no users) trusts every caller; otherwise every caller must log in or send
 * a token. Once a user exists the server stays in required mode until it restarts.
 */
@Injectable()
export class AuthModeService implements OnApplicationBootstrap {
  private usersSeen = false;
  private checkedAt = Number.NEGATIVE_INFINITY;

  constructor(
    @InjectAppConfig() private readonly config: AppConfig,
    private readonly users: UsersService,
  ) {}

  /** Required by configuration alone, whatever the users table holds. */
  private get requiredByConfig(): boolean {
    const { auth, host } = this.config.server;
    return auth.mode === 'required' || (auth.mode === 'auto' && !isLoopbackHost(host));
  }

  async state(): Promise<AuthState> {
    if (this.config.server.auth.mode === 'off') return 'local';
    if (this.requiredByConfig || (await this.anyUser())) return 'required';
    return 'local';
  }

  /** A server that requires logins but has no admin could never be managed: refuse to start. */
  async onApplicationBootstrap(): Promise<void> {
    if (!this.requiredByConfig || (await this.users.directory.admins()) > 0) return;
    const why =
      this.config.server.auth.mode === 'required'
        ? 'AUTH_MODE=required'
        : `HOST=${this.config.server.host} is reachable from other machines`;
    throw new StartupRefusal(
      `Refusing to start: logins are required (${why}) but no admin user exists, so nobody ` +
        'could log in. Create the first admin on this database, then start again:\n' +
        '  npm run users -- add admin --role admin --password-stdin',
    );
  }

  private async anyUser(): Promise<boolean> {
    if (this.usersSeen || Date.now() - this.checkedAt < NO_USERS_RECHECK_MS) return this.usersSeen;
    this.usersSeen = (await this.users.directory.count()) > 0;
    this.checkedAt = Date.now();
    return this.usersSeen;
  }
}
