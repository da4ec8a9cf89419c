import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationShutdown,
  type OnModuleInit,
} from '@nestjs/common';
import { RuntimeConfigService } from '@ptp/api/runtime-config';
import Redis from 'ioredis';
import type { Subscription } from 'rxjs';
import { CLUSTER_SETTINGS, type ClusterSettings } from './cluster-settings';

interface ConfigChanged {
  readonly from: string;
  readonly accountId: string;
}

/**
 * A PATCH of an account's config is served by whichever instance gets it, but the account's owner
 * trades on the config it keeps in memory. So every instance announces its changes on a Redis
 * channel, and the others read the account's config again: the owner's engine and session follow.
 */
@Injectable()
export class ConfigBroadcast implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(ConfigBroadcast.name);
  private readonly publisher: Redis | null;
  private readonly subscriber: Redis | null;
  private changes: Subscription | null = null;

  constructor(
    private readonly runtime: RuntimeConfigService,
    @Inject(CLUSTER_SETTINGS) private readonly cluster: ClusterSettings | null,
  ) {
    const options = { maxRetriesPerRequest: 1, connectTimeout: 2_000, lazyConnect: true };
    this.publisher = cluster && new Redis(cluster.redisUrl, options);
    this.subscriber = cluster && new Redis(cluster.redisUrl, options);
    // Failures surface as rejected commands; the URL (and any password) must not reach a log line.
    for (const client of [this.publisher, this.subscriber]) client?.on('error', () => undefined);
  }

  async onModuleInit(): Promise<void> {
    const { cluster, publisher, subscriber } = this;
    if (!cluster || !publisher || !subscriber) return;
    const channel = `${cluster.namespace}config`;
    await Promise.all([publisher.connect(), subscriber.connect()]);
    subscriber.on('message', (_channel: string, message: string) => {
      const { from, accountId } = JSON.parse(message) as ConfigChanged;
      if (from === cluster.instanceId) return;
      this.runtime
        .reload(accountId)
        .catch((error: unknown) =>
          this.logger.error(
            `could not reload the config of account ${accountId}: ${(error as Error).message}`,
          ),
        );
    });
    await subscriber.subscribe(channel);
    this.changes = this.runtime.changes$.subscribe(({ accountId, remote }) => {
      if (remote) return;
      const change: ConfigChanged = { from: cluster.instanceId, accountId };
      publisher.publish(channel, JSON.stringify(change)).catch(() => undefined);
    });
  }

  async onApplicationShutdown(): Promise<void> {
    this.changes?.unsubscribe();
    for (const client of [this.subscriber, this.publisher])
      await client?.quit().catch(() => client.disconnect());
  }
}
