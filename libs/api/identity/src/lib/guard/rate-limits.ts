import type { ExecutionContext } from '@nestjs/common';
import type { AppConfig } from '@ptp/api/config';
import { principalOf } from '@ptp/api/shared';
import type { ThrottlerModuleOptions } from '@nestjs/throttler';
import type { Request } from 'express';
import { AuthController } from '../auth.controller';
import { MemoryThrottlerStorage } from './memory-throttler-storage';
import { RedisThrottlerStorage } from './redis-throttler-storage';
import { clientIp } from './request-credentials';

/** Login's own bucket per client address, on top of the per-user backoff of LoginThrottle. */
export const LOGIN_RATE_LIMIT = { limit: 10, ttlMs: 60_000 };

/**
 * Counted per token or per user, so one user's dashboard is never locked out by another client on
 * the same address (or by a flood of anonymous requests); anonymous callers count per address.
 */
function callerKey(request: Request): string {
  const principal = principalOf(request);
  if (principal?.tokenId) return `token:${principal.tokenId}`;
  if (principal?.userId) return `user:${principal.userId}`;
  return `client:${clientIp(request) ?? 'unknown'}`;
}

const isLogin = (context: ExecutionContext) =>
  context.getHandler() === AuthController.prototype.login;

/** The limits of `server.rateLimit` and login's own; counted in Redis when REDIS_URL is set. */
export function rateLimits(config: AppConfig): ThrottlerModuleOptions {
  return {
    storage: config.redisUrl
      ? new RedisThrottlerStorage(config.redisUrl.reveal(), config.redisPrefix)
      : new MemoryThrottlerStorage(),
    throttlers: [
      {
        name: 'default',
        limit: config.server.rateLimit.limit,
        ttl: config.server.rateLimit.ttlSec * 1000,
        getTracker: (request) => callerKey(request as Request),
      },
      {
        name: 'login',
        limit: LOGIN_RATE_LIMIT.limit,
        ttl: LOGIN_RATE_LIMIT.ttlMs,
        getTracker: (request) => `client:${clientIp(request as Request) ?? 'unknown'}`,
        skipIf: (context) => !isLogin(context),
      },
    ],
  };
}
