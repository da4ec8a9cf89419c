import { ConfigError } from './config-error';

/** What every Redis key of the platform starts with, unless REDIS_PREFIX says otherwise. */
export const DEFAULT_REDIS_PREFIX = 'ptp:';

const REDIS_PREFIX_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/;

/**
 * The namespace of this platform's keys in a shared Redis: two platforms (or two test runs) on one
 * Redis with different prefixes never see each other's logins, prices, bars or counters.
 */
export function resolveRedisPrefix(explicit: string | undefined): string {
  if (!explicit) return DEFAULT_REDIS_PREFIX;
  if (REDIS_PREFIX_PATTERN.test(explicit)) return explicit;
  throw new ConfigError([
    {
      key: 'REDIS_PREFIX',
      value: explicit,
      allowed: 'letters, digits, ".", "_", ":" and "-", at most 64 characters',
      source: 'environment',
    },
  ]);
}
