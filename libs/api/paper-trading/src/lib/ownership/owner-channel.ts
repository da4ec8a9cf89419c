import { randomUUID } from 'node:crypto';
import { HttpStatus } from '@nestjs/common';
import { ApiError, RiskRejectionApiError } from '@ptp/api/shared';
import Redis from 'ioredis';
import type { ClusterSettings } from './cluster-settings';
import { LeaseLostError } from './lease-lost.error';

/** A command for the account's owner, as it travels. */
export interface CommandRequest {
  readonly id: string;
  readonly from: string;
  readonly accountId: string;
  readonly name: string;
  readonly args: readonly unknown[];
}

/** An ApiError as it travels back, so the caller can throw exactly what the owner threw. */
interface WireError {
  readonly status: number;
  readonly code: string;
  readonly message: string;
  readonly details?: unknown;
  readonly risk?: { readonly limit: number | null; readonly requested: number | null };
}

type Reply =
  | { readonly id: string; readonly kind: 'ok'; readonly value: unknown }
  | { readonly id: string; readonly kind: 'error'; readonly error: WireError }
  /** The receiver does not own the account (any more): nothing was done, ask again. */
  | { readonly id: string; readonly kind: 'moved' };

/** What became of a command sent to an owner. */
export type Delivery =
  | { readonly kind: 'done'; readonly value: unknown }
  | { readonly kind: 'moved' }
  /** Nobody listens on the owner's channel: it is gone, and the command was not delivered. */
  | { readonly kind: 'unreachable' };

export type CommandHandler = (request: CommandRequest) => Promise<unknown>;

function toWire(error: unknown): WireError {
  if (error instanceof RiskRejectionApiError) {
    const body = error.getResponse() as { message: string };
    return {
      status: error.getStatus(),
      code: error.code,
      message: body.message,
      details: error.details,
      risk: { limit: error.limit, requested: error.requested },
    };
  }
  if (error instanceof ApiError) {
    const body = error.getResponse() as { message: string };
    return {
      status: error.getStatus(),
      code: error.code,
      message: body.message,
      details: error.details,
    };
  }
  return {
    status: HttpStatus.INTERNAL_SERVER_ERROR,
    code: 'INTERNAL_ERROR',
    message: error instanceof Error ? error.message : String(error),
  };
}

function fromWire(wire: WireError): Error {
  if (wire.status >= 500) return new Error(wire.message);
  if (wire.risk)
    return new RiskRejectionApiError(
      wire.code,
      wire.message,
      wire.risk.limit,
      wire.risk.requested,
      wire.details as Record<string, unknown>,
    );
  return new ApiError(wire.status, wire.code, wire.message, wire.details);
}

/**
 * Request and reply between instances over Redis pub/sub: each instance listens on its own
 * command channel and its own reply channel. PUBLISH answers how many listeners got the message,
 * so a command sent to a dead owner is known not to have been delivered and may be sent again.
 */
export class OwnerChannel {
  private readonly publisher: Redis;
  private readonly subscriber: Redis;
  private readonly pending = new Map<string, (reply: Reply) => void>();
  private handler: CommandHandler | null = null;
  private watchdog: NodeJS.Timeout | null = null;

  constructor(private readonly settings: ClusterSettings) {
    const options = { maxRetriesPerRequest: 1, connectTimeout: 2_000 };
    this.publisher = new Redis(settings.redisUrl, options);
    this.subscriber = new Redis(settings.redisUrl, { ...options, lazyConnect: true });
    // Failures surface as rejected commands; the URL (and any password) must not reach a log line.
    this.publisher.on('error', () => undefined);
    this.subscriber.on('error', () => undefined);
    this.subscriber.on('message', (channel: string, message: string) =>
      this.onMessage(channel, message),
    );
  }

  /**
   * Starts taking commands (handled by `handler`) and replies. A watchdog checks every
   * `renewEveryMs` that Redis still counts this instance's subscriptions, and subscribes again if
   * not: an instance that silently stopped listening would look dead to every other one.
   */
  async listen(handler: CommandHandler, onResubscribe: () => void): Promise<void> {
    this.handler = handler;
    await this.subscriber.connect();
    await this.subscribe();
    this.watchdog = setInterval(() => {
      void this.listening()
        .then(async (listening) => {
          if (listening) return;
          onResubscribe();
          await this.subscribe();
        })
        .catch(() => undefined);
    }, this.settings.renewEveryMs);
    this.watchdog.unref();
  }

  /** Sends a command to `owner` and waits up to `waitMs` for its reply. */
  async send(
    owner: string,
    accountId: string,
    name: string,
    args: readonly unknown[],
    waitMs: number,
  ): Promise<Delivery> {
    const request: CommandRequest = {
      id: randomUUID(),
      from: this.settings.instanceId,
      accountId,
      name,
      args,
    };
    let timer: NodeJS.Timeout | undefined;
    const reply = new Promise<Reply | null>((resolve) => {
      this.pending.set(request.id, resolve);
      timer = setTimeout(() => resolve(null), waitMs);
    });
    try {
      const listeners = await this.publisher.publish(
        this.channel('cmd', owner),
        JSON.stringify(request),
      );
      if (listeners === 0) return { kind: 'unreachable' };
      const answer = await reply;
      if (answer === null)
        throw new ApiError(
          HttpStatus.SERVICE_UNAVAILABLE,
          'ACCOUNT_OWNER_UNAVAILABLE',
          `Instance ${owner}, which owns account ${accountId}, did not answer in time; the command may or may not have been executed.`,
          { accountId, owner },
        );
      if (answer.kind === 'moved') return { kind: 'moved' };
      if (answer.kind === 'error') throw fromWire(answer.error);
      return { kind: 'done', value: answer.value };
    } finally {
      clearTimeout(timer);
      this.pending.delete(request.id);
    }
  }

  async close(): Promise<void> {
    if (this.watchdog) clearInterval(this.watchdog);
    for (const client of [this.subscriber, this.publisher])
      await client.quit().catch(() => client.disconnect());
  }

  private async subscribe(): Promise<void> {
    await this.subscriber.subscribe(this.own('cmd'), this.own('reply'));
  }

  /** Whether Redis counts a subscriber on both of this instance's channels. */
  private async listening(): Promise<boolean> {
    const counts = (await this.publisher.pubsub('NUMSUB', this.own('cmd'), this.own('reply'))) as (
      string | number
    )[];
    return Number(counts[1]) > 0 && Number(counts[3]) > 0;
  }

  private own(kind: 'cmd' | 'reply'): string {
    return this.channel(kind, this.settings.instanceId);
  }

  private onMessage(channel: string, message: string): void {
    if (channel === this.own('reply')) {
      const reply = JSON.parse(message) as Reply;
      this.pending.get(reply.id)?.(reply);
      return;
    }
    void this.serve(JSON.parse(message) as CommandRequest);
  }

  private async serve(request: CommandRequest): Promise<void> {
    let reply: Reply;
    try {
      if (!this.handler) throw new LeaseLostError(request.accountId);
      reply = { id: request.id, kind: 'ok', value: await this.handler(request) };
    } catch (error) {
      reply =
        error instanceof LeaseLostError
          ? { id: request.id, kind: 'moved' }
          : { id: request.id, kind: 'error', error: toWire(error) };
    }
    await this.publisher
      .publish(this.channel('reply', request.from), JSON.stringify(reply))
      .catch(() => undefined);
  }

  private channel(kind: 'cmd' | 'reply', instance: string): string {
    return `${this.settings.namespace}${kind}:${instance}`;
  }
}
