import { createHash } from 'node:crypto';
import type { AppConfig } from '@ptp/api/config';

/** How the api processes of one cluster share the accounts; null when one process trades them all. */
export interface ClusterSettings {
  readonly redisUrl: string;
  /** Key prefix of this cluster's leases, fencing counters, registry and command channels. */
  readonly namespace: string;
  readonly instanceId: string;
  /** A lease not renewed for this long is free for another instance to take. */
  readonly leaseTtlMs: number;
  readonly renewEveryMs: number;
  /** How often an instance heartbeats, looks for unowned accounts and balances. */
  readonly scanEveryMs: number;
  /** How long a command waits for an owner (a takeover included) before it answers 503. */
  readonly ownerWaitMs: number;
}

export const CLUSTER_SETTINGS = Symbol('CLUSTER_SETTINGS');

export const LEASE_TTL_MS = 6_000;
export const LEASE_RENEW_MS = 2_000;
export const OWNERSHIP_SCAN_MS = 1_000;
/** A lease's expiry, a scan and loading the account, with room to spare. */
export const OWNER_WAIT_MS = 15_000;

/**
 * Cluster mode needs a database several processes write (PostgreSQL) and Redis. The namespace is
 * derived from the database: the leases coordinate writers of one database, so two deployments
 * (or two test runs) on one Redis but different databases never see each other's leases.
 */
export function clusterSettings(config: AppConfig): ClusterSettings | null {
  if (!config.redisUrl || config.database.type !== 'postgres') return null;
  const database = createHash('sha256').update(config.database.url.reveal()).digest('hex');
  return {
    redisUrl: config.redisUrl.reveal(),
    namespace: `${config.redisPrefix}cluster:${database.slice(0, 16)}:`,
    instanceId: config.instanceId,
    leaseTtlMs: LEASE_TTL_MS,
    renewEveryMs: LEASE_RENEW_MS,
    scanEveryMs: OWNERSHIP_SCAN_MS,
    ownerWaitMs: OWNER_WAIT_MS,
  };
}
