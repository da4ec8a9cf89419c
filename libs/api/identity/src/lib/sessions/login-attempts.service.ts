import { HttpStatus, Injectable } from '@nestjs/common';
import type { UserEntity } from '@ptp/api/persistence';
import { ApiError } from '@ptp/api/shared';
import { hashPassword, verifyPassword } from '../users/passwords';
import { UsersService } from '../users/users.service';
import { LoginFailures } from './login-failures';

/** 429 with the wait; the controller copies it into Retry-After. */
export class LoginThrottledError extends ApiError {
  constructor(readonly retryAfterSec: number) {
    super(
      HttpStatus.TOO_MANY_REQUESTS,
      'TOO_MANY_LOGIN_ATTEMPTS',
      `Too many failed logins; try again in ${retryAfterSec} s.`,
      { retryAfterSec },
    );
  }
}

/**
 * Checks a user name and password, throttled per user and per client. Every failure looks the same
 * ("invalid credentials") and takes as long, so the answer never tells whether the user exists.
 */
@Injectable()
export class LoginAttemptsService {
  private readonly decoy = hashPassword('decoy password, never valid');

  constructor(
    private readonly users: UsersService,
    private readonly throttle: LoginFailures,
  ) {}

  async verify(name: string, password: string, client: string | null): Promise<UserEntity> {
    const wait = await this.throttle.retryAfterSec(name, client);
    if (wait > 0) throw new LoginThrottledError(wait);
    const user = await this.users.directory.find(name);
    const ok = await verifyPassword(password, user?.passwordHash ?? (await this.decoy));
    if (!user || !ok) {
      await this.throttle.failed(name, client);
      throw new ApiError(HttpStatus.UNAUTHORIZED, 'INVALID_CREDENTIALS', 'invalid credentials');
    }
    await this.throttle.succeeded(name);
    return user;
  }
}
