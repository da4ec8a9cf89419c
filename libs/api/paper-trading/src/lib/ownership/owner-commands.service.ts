import {
  HttpStatus,
  Inject,
  Injectable,
  Logger,
  type OnApplicationShutdown,
  type OnModuleInit,
} from '@nestjs/common';
import { ApiError } from '@ptp/api/shared';
import { setTimeout as sleep } from 'node:timers/promises';
import { AccountViewPublisher } from '../account-views/account-view-publisher.service';
import { AccountFence } from './account-fence.service';
import { CLUSTER_SETTINGS, type ClusterSettings } from './cluster-settings';
import { LeaseLostError } from './lease-lost.error';
import { OwnerChannel, type CommandRequest } from './owner-channel';
import { RedisLeases } from './redis-leases';

type Handler = (...args: never[]) => Promise<unknown>;

/** A command routed to the account's owner: same arguments as the handler, with the account first. */
export type RoutedCommand<A extends unknown[], R> = (accountId: string, ...args: A) => Promise<R>;

/** Between two looks for an owner while a takeover is under way. */
const RETRY_MS = 250;

/**
 * Runs each account command on the account's owner. Services register their handlers by name;
 * a call runs the handler here when this instance holds the account's lease, and otherwise sends
 * it to the lease's holder over Redis and hands back exactly what the owner answered, its ApiErrors
 * (422 risk rejections included) too. With no owner (a takeover after a crash) it waits for one up
 * to a bound, then answers 503 ACCOUNT_OWNER_UNAVAILABLE. Arguments and results travel as JSON.
 * The owner answers once the account's view it publishes shows the command's effect, so a read
 * that follows the answer, on any instance, sees it.
 */
@Injectable()
export class OwnerCommands implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(OwnerCommands.name);
  private readonly handlers = new Map<string, Handler>();
  private readonly channel: OwnerChannel | null;

  constructor(
    private readonly fence: AccountFence,
    private readonly views: AccountViewPublisher,
    @Inject(CLUSTER_SETTINGS) private readonly cluster: ClusterSettings | null,
    @Inject(RedisLeases) private readonly leases: RedisLeases | null,
  ) {
    this.channel = cluster && new OwnerChannel(cluster);
  }

  async onModuleInit(): Promise<void> {
    await this.channel?.listen(
      (request) => this.serve(request),
      () => this.logger.warn('the command channel had lost its subscription; subscribing again'),
    );
  }

  async onApplicationShutdown(): Promise<void> {
    await this.channel?.close();
  }

  register<A extends unknown[], R>(
    name: string,
    handler: (...args: A) => Promise<R>,
  ): RoutedCommand<A, R> {
    if (this.handlers.has(name)) throw new Error(`owner command ${name} registered twice`);
    this.handlers.set(name, handler as unknown as Handler);
    return (accountId, ...args) => this.run(accountId, name, handler, args) as Promise<R>;
  }

  private async run<A extends unknown[], R>(
    accountId: string,
    name: string,
    handler: (...args: A) => Promise<R>,
    args: A,
  ): Promise<R> {
    if (!this.cluster || !this.channel || !this.leases) return handler(...args);
    const deadline = Date.now() + this.cluster.ownerWaitMs;
    let owner: string | null = null;
    while (Date.now() < deadline) {
      if (this.fence.holds(accountId)) {
        try {
          return await this.published(accountId, handler(...args));
        } catch (error) {
          // The lease went while the command ran: its write was refused, so it may run again.
          if (!(error instanceof LeaseLostError)) throw error;
        }
      } else {
        owner = await this.leases.holder(accountId);
        if (owner !== null && owner !== this.cluster.instanceId) {
          const delivery = await this.channel.send(
            owner,
            accountId,
            name,
            args,
            deadline - Date.now(),
          );
          if (delivery.kind === 'done') return delivery.value as R;
        }
      }
      await sleep(RETRY_MS);
    }
    throw new ApiError(
      HttpStatus.SERVICE_UNAVAILABLE,
      'ACCOUNT_OWNER_UNAVAILABLE',
      `No instance took account ${accountId} over in time; try again shortly.`,
      { accountId, owner },
    );
  }

  /** A command from another instance: run only while this instance still owns the account. */
  private async serve(request: CommandRequest): Promise<unknown> {
    const handler = this.handlers.get(request.name);
    if (!handler) throw new Error(`unknown owner command ${request.name}`);
    if (!this.fence.holds(request.accountId)) throw new LeaseLostError(request.accountId);
    return this.published(request.accountId, handler(...(request.args as never[])));
  }

  private async published<R>(accountId: string, result: Promise<R>): Promise<R> {
    const value = await result;
    await this.views.changed(accountId);
    return value;
  }
}
