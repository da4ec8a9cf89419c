import { createHash } from 'node:crypto';

/**
 * The UUID an order shows to clients that want one (the Alpaca-compatible API): derived from the
 * account and the engine's order id (SHA-1, laid out as a version-5 UUID), so every upsert of the
 * order's row, and the migration that fills it in for older rows, give the same value.
 */
export function orderUuid(accountId: string, orderId: string): string {
  const hash = createHash('sha1').update(`${accountId}/${orderId}`).digest();
  hash[6] = (hash[6] & 0x0f) | 0x50;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return [
    hex.slice(0, 8),
    hex.slice(8, 12),
    hex.slice(12, 16),
    hex.slice(16, 20),
    hex.slice(20, 32),
  ].join('-');
}
