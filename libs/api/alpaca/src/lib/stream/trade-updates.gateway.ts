import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import {
  type BeforeApplicationShutdown,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { type AppConfig, InjectAppConfig } from '@ptp/api/config';
import { type AccountOrderEvents, OrderUpdates } from '@ptp/api/paper-trading';
import { OrderEntity } from '@ptp/api/persistence';
import { crossSiteRefusal, hostAllowList } from '@ptp/api/shared';
import type { Request, RequestHandler, Response } from 'express';
import type { Subscription } from 'rxjs';
import { DataSource, In } from 'typeorm';
import { type WebSocket, WebSocketServer } from 'ws';
import { toAlpacaOrder } from '../orders/order.mapper';
import { rfc3339 } from '../shared/alpaca-values';
import { StreamAuthService } from './stream-auth.service';

export const STREAM_PATH = '/stream';
/** A client frame is a small JSON command; nothing bigger is read. */
const MAX_FRAME_BYTES = 4_096;
/** Open streams at most: each holds a socket and a subscription slot. */
const MAX_CONNECTIONS = 500;
/** A connection that has not authenticated by then is closed. */
const AUTH_TIMEOUT_MS = 10_000;

interface Listener {
  accountId: string | null;
  listening: boolean;
}

interface ClientFrame {
  action?: unknown;
  key?: unknown;
  secret?: unknown;
  data?: { key_id?: unknown; secret_key?: unknown; streams?: unknown };
}

/**
 * Alpaca's trade-updates WebSocket at `GET /stream` on the API's own port: `auth` (or the official
 * client's `authenticate`), then `listen` to `trade_updates`. Events come from OrderUpdates after
 * each commit; frames are JSON in binary frames, as Alpaca sends them and its clients read them.
 */
@Injectable()
export class TradeUpdatesGateway implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(TradeUpdatesGateway.name);
  private readonly server = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES });
  private readonly listeners = new Map<WebSocket, Listener>();
  private subscription: Subscription | null = null;
  private delivered: Promise<void> = Promise.resolve();
  private closing = false;
  private readonly hosts: RequestHandler;
  private readonly corsOrigins: readonly string[];

  constructor(
    private readonly adapter: HttpAdapterHost,
    private readonly auth: StreamAuthService,
    private readonly updates: OrderUpdates,
    private readonly dataSource: DataSource,
    @InjectAppConfig() config: AppConfig,
  ) {
    this.hosts = hostAllowList(config.server.allowedHosts);
    this.corsOrigins = config.server.corsOrigins;
  }

  onApplicationBootstrap(): void {
    const http = this.adapter.httpAdapter.getHttpServer() as import('node:http').Server;
    http.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
      if (new URL(request.url ?? '/', 'http://x').pathname !== STREAM_PATH) return;
      if (this.closing || this.listeners.size >= MAX_CONNECTIONS) {
        socket.end('HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\n\r\n');
        return;
      }
      if (!this.passesPerimeter(request)) {
        socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
        return;
      }
      this.server.handleUpgrade(request, socket, head, (ws) => this.accept(ws));
    });
    // One batch after the other: each reads its orders first, and a later batch's reads must not
    // overtake an earlier one's (a `fill` sent before its `new`).
    this.subscription = this.updates.updates$.subscribe((batch) => {
      this.delivered = this.delivered
        .then(() => this.deliver(batch))
        .catch((error: unknown) =>
          this.logger.error(`trade update delivery failed: ${(error as Error).message}`),
        );
    });
  }

  /** Before the HTTP server closes: it would otherwise wait for the open streams. */
  beforeApplicationShutdown(): void {
    this.closing = true;
    this.subscription?.unsubscribe();
    for (const ws of this.listeners.keys()) ws.terminate();
    this.server.close();
  }

  /**
   * The Host allow-list, as for every HTTP request, and no page of another origin: in local mode
   * any key is accepted, so a cross-site page could otherwise read the account's trades.
   */
  private passesPerimeter(request: IncomingMessage): boolean {
    let hostOk = false;
    this.hosts(request as Request, {} as Response, (error?: unknown) => {
      hostOk = error === undefined;
    });
    return hostOk && crossSiteRefusal(request as Request, this.corsOrigins) === undefined;
  }

  private accept(ws: WebSocket): void {
    const listener: Listener = { accountId: null, listening: false };
    this.listeners.set(ws, listener);
    const timer = setTimeout(() => {
      if (listener.accountId === null) ws.close(1008, 'authentication timeout');
    }, AUTH_TIMEOUT_MS);
    ws.on('close', () => {
      clearTimeout(timer);
      this.listeners.delete(ws);
    });
    ws.on('error', () => ws.terminate());
    ws.on('message', (raw: Buffer) => {
      this.onFrame(ws, listener, raw).catch((error: unknown) => {
        this.logger.warn(`stream frame failed: ${(error as Error).message}`);
        ws.close(1011, 'internal error');
      });
    });
  }

  private async onFrame(ws: WebSocket, listener: Listener, raw: Buffer): Promise<void> {
    let frame: ClientFrame;
    try {
      frame = JSON.parse(raw.toString('utf8')) as ClientFrame;
    } catch {
      return this.send(ws, { stream: 'error', data: { error_message: 'invalid JSON' } });
    }
    if (frame.action === 'auth' || frame.action === 'authenticate') {
      const accountId = await this.auth.accountOf(
        frame.action === 'auth'
          ? { key: frame.key, secret: frame.secret }
          : { key: frame.data?.key_id, secret: frame.data?.secret_key },
      );
      listener.accountId = accountId;
      this.send(ws, {
        stream: 'authorization',
        data: { status: accountId ? 'authorized' : 'unauthorized', action: frame.action },
      });
      if (!accountId) ws.close(1008, 'unauthorized');
      return;
    }
    if (frame.action === 'listen') {
      if (!listener.accountId)
        return this.send(ws, {
          stream: 'authorization',
          data: { status: 'unauthorized', action: 'listen' },
        });
      const asked = Array.isArray(frame.data?.streams) ? frame.data.streams : [];
      listener.listening = asked.includes('trade_updates');
      return this.send(ws, {
        stream: 'listening',
        data: { streams: listener.listening ? ['trade_updates'] : [] },
      });
    }
    this.send(ws, { stream: 'error', data: { error_message: 'unknown action' } });
  }

  private async deliver(batch: AccountOrderEvents): Promise<void> {
    const sockets = [...this.listeners].filter(
      ([, l]) => l.listening && l.accountId === batch.accountId,
    );
    if (sockets.length === 0) return;
    const ids = [...new Set(batch.events.map((event) => event.orderId))];
    const rows = await this.dataSource
      .getRepository(OrderEntity)
      .findBy({ accountId: batch.accountId, id: In(ids) });
    const byId = new Map(rows.map((row) => [row.id, row]));
    const children = await this.dataSource
      .getRepository(OrderEntity)
      .findBy({ accountId: batch.accountId, parentId: In(ids) });
    for (const event of batch.events) {
      const row = byId.get(event.orderId);
      if (!row) continue;
      const legs = children.filter((child) => child.parentId === row.id);
      const message = {
        stream: 'trade_updates',
        data: {
          event: event.event,
          timestamp: rfc3339(event.time),
          order: toAlpacaOrder(row, legs),
          ...(event.fill && {
            execution_id: event.fill.id,
            price: event.fill.price,
            qty: event.fill.quantity,
            position_qty: event.fill.positionQuantity,
          }),
        },
      };
      for (const [ws] of sockets) this.send(ws, message);
    }
  }

  private send(ws: WebSocket, message: unknown): void {
    if (ws.readyState === ws.OPEN) ws.send(Buffer.from(JSON.stringify(message)));
  }
}
