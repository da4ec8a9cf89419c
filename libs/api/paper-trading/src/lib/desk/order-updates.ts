import { Inject, Injectable, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { type Observable, Subject } from 'rxjs';
import { CLUSTER_SETTINGS, type ClusterSettings } from '../ownership/cluster-settings';
import { RedisOrderRelay } from './redis-order-relay';

/** What happened to an order, in the words of Alpaca's `trade_updates` stream. */
export type OrderEventKind =
  'new' | 'fill' | 'partial_fill' | 'canceled' | 'expired' | 'replaced' | 'rejected';

/** One fill of an order: its price and shares, and the position it left (signed shares). */
export interface OrderEventFill {
  readonly id: string;
  readonly price: string;
  readonly quantity: string;
  readonly positionQuantity: string;
}

export interface OrderEvent {
  readonly event: OrderEventKind;
  readonly orderId: string;
  /** UTC ms: the fill's time, or the order's last change. */
  readonly time: number;
  readonly fill?: OrderEventFill;
}

/**
 * The order events of one committed change of an account, in the order they happened. Plain data,
 * so another process's changes can arrive here the same way (e.g. relayed through Redis).
 */
export interface AccountOrderEvents {
  readonly accountId: string;
  readonly events: readonly OrderEvent[];
}

/**
 * The one seam order events pass through: desks publish what they committed, readers (the
 * Alpaca `trade_updates` stream) subscribe. Only committed changes are published. In a cluster
 * they travel through Redis, so that every instance's readers see every account's events.
 */
@Injectable()
export class OrderUpdates implements OnModuleInit, OnApplicationShutdown {
  private readonly subject = new Subject<AccountOrderEvents>();
  private readonly relay: RedisOrderRelay | null;

  constructor(@Inject(CLUSTER_SETTINGS) cluster: ClusterSettings | null) {
    this.relay =
      cluster && new RedisOrderRelay(cluster.redisUrl, `${cluster.namespace}order-updates`);
  }

  async onModuleInit(): Promise<void> {
    await this.relay?.start((batch) => this.subject.next(batch));
  }

  async onApplicationShutdown(): Promise<void> {
    await this.relay?.stop();
  }

  get updates$(): Observable<AccountOrderEvents> {
    return this.subject.asObservable();
  }

  publish(batch: AccountOrderEvents): void {
    if (batch.events.length === 0) return;
    if (this.relay) this.relay.publish(batch);
    else this.subject.next(batch);
  }
}
