import { Logger } from '@nestjs/common';
import Redis from 'ioredis';
import type { AccountOrderEvents } from './order-updates';

/**
 * Carries committed order events between the instances of a cluster over one Redis channel. An
 * account's events happen on its owner, but a bot's stream may be connected to any instance, so
 * every instance (the owner too) delivers what arrives on the channel, and only that: each event
 * reaches each stream once. Pub/sub keeps no history, like Alpaca's stream: an instance that is
 * not subscribed when an event passes does not see it.
 */
export class RedisOrderRelay {
  private readonly logger = new Logger(RedisOrderRelay.name);
  private readonly publisher: Redis;
  private readonly subscriber: Redis;

  constructor(
    redisUrl: string,
    private readonly channel: string,
  ) {
    const options = { maxRetriesPerRequest: 1, connectTimeout: 2_000, lazyConnect: true };
    this.publisher = new Redis(redisUrl, options);
    this.subscriber = new Redis(redisUrl, options);
    // Failures surface as rejected commands; the URL (and any password) must not reach a log line.
    for (const client of [this.publisher, this.subscriber]) client.on('error', () => undefined);
  }

  /** Subscribes; `deliver` gets every batch published on the channel, in publication order. */
  async start(deliver: (batch: AccountOrderEvents) => void): Promise<void> {
    await Promise.all([this.publisher.connect(), this.subscriber.connect()]);
    this.subscriber.on('message', (_channel: string, message: string) => {
      deliver(JSON.parse(message) as AccountOrderEvents);
    });
    await this.subscriber.subscribe(this.channel);
  }

  publish(batch: AccountOrderEvents): void {
    this.publisher.publish(this.channel, JSON.stringify(batch)).catch((error: unknown) => {
      const count = batch.events.length;
      this.logger.warn(
        `${count} order event(s) of account ${batch.accountId} not relayed: ${(error as Error).message}`,
      );
    });
  }

  async stop(): Promise<void> {
    for (const client of [this.subscriber, this.publisher])
      await client.quit().catch(() => client.disconnect());
  }
}
