import type { Provider } from '@nestjs/common';
import { APP_CONFIG } from '@ptp/api/config';
import { RedisAccountViews } from '../account-views/redis-account-views';
import { CLUSTER_SETTINGS, clusterSettings, type ClusterSettings } from './cluster-settings';
import { RedisLeases } from './redis-leases';

/**
 * The cluster settings (null without PostgreSQL and Redis) and, in a cluster, the Redis leases and
 * the accounts' shared views.
 */
export const CLUSTER_PROVIDERS: Provider[] = [
  { provide: CLUSTER_SETTINGS, inject: [APP_CONFIG], useFactory: clusterSettings },
  {
    provide: RedisLeases,
    inject: [CLUSTER_SETTINGS],
    useFactory: (settings: ClusterSettings | null) => settings && new RedisLeases(settings),
  },
  {
    provide: RedisAccountViews,
    inject: [CLUSTER_SETTINGS],
    useFactory: (settings: ClusterSettings | null) => settings && new RedisAccountViews(settings),
  },
];
