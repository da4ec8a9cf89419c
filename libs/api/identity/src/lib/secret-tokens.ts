import { createHash, randomBytes } from 'node:crypto';

/** 256 random bits, URL-safe: a session cookie's or an API token's secret part. */
export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * Secrets are stored as their SHA-256: they are random and long, so a fast hash is enough (unlike
 * passwords), and a copy of the database lets nobody in.
 */
export function secretHash(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}
