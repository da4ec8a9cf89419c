import type { AppConfig } from './app-config';
import { StartupRefusal } from './startup-refusal';

/** What several processes need to share: one database that takes many writers, and Redis. */
export const CLUSTER_REQUIREMENT =
  'Several processes need DATABASE_URL=postgres://… (a database they can all write to) and ' +
  'REDIS_URL (what they share besides the database).';

/**
 * PROCESS_ROLE=api or worker only makes sense next to another process with the other role, so it
 * asks for a multi-process topology; without PostgreSQL and Redis that cannot work, so say so now
 * rather than fail later in a way nobody connects to this setting.
 */
export function refuseSplitRoleWithoutCluster(config: AppConfig): void {
  const role = config.server.role;
  if (role === 'all') return;
  const missing = [
    ...(config.database.type === 'postgres' ? [] : ['DATABASE_URL=postgres://…']),
    ...(config.redisUrl ? [] : ['REDIS_URL']),
  ];
  if (missing.length === 0) return;
  throw new StartupRefusal(
    `Refusing to start: PROCESS_ROLE=${role} runs one part of the platform and needs another ` +
      `process for the rest, but ${missing.join(' and ')} ${missing.length > 1 ? 'are' : 'is'} not set. ` +
      `${CLUSTER_REQUIREMENT} With ${config.database.type === 'sqlite' ? 'SQLite' : 'this setup'}, ` +
      'run one process with PROCESS_ROLE=all (the default).',
  );
}
