import type { Secret } from '@ptp/api/config';
import type { Bar } from '@ptp/domain';
import WebSocket from 'ws';
import type { StreamState } from '../provider/market-data.provider';
import type { PolygonLogger } from './polygon-http.client';
import {
  type StreamTrade,
  streamEvents,
  streamMinute,
  streamTopics,
  streamTrade,
} from './polygon-stream-events';

export interface PolygonStreamOptions {
  /** e.g. `wss://socket.polygon.io/stocks`. */
  readonly url: string;
  readonly apiKey: Secret;
  /** First reconnect delay; it doubles per failed attempt, with jitter, up to `reconnectMaxMs`. */
  readonly reconnectBaseMs: number;
  readonly reconnectMaxMs: number;
  /** A refused key or plan does not change by the second: wait this long before authenticating again. */
  readonly authRetryMs: number;
  /** Ping period; a connection that left the last ping (or the handshake) unanswered is dropped. */
  readonly heartbeatMs: number;
}

export interface PolygonStreamHandlers {
  trade(trade: StreamTrade): void;
  minute(bar: Bar): void;
  state(state: StreamState): void;
}

/**
 * Polygon's stocks WebSocket with `ws`: waits for `connected`, sends `{"action":"auth"}`, and after
 * `auth_success` subscribes to `T.` and `AM.` of every symbol. A lost connection is reopened with
 * exponential backoff and everything is subscribed again; the owner polls REST meanwhile. The key
 * travels only in the auth frame, which is never logged.
 */
export class PolygonStreamClient {
  private readonly symbols = new Set<string>();
  private socket: WebSocket | null = null;
  private current: StreamState = 'off';
  private lastReason = 'not started';
  /** Why the current connection is being dropped, when this side knows better than the close code. */
  private dropReason: string | null = null;
  private failures = 0;
  private retryTimer: NodeJS.Timeout | null = null;
  private heartbeat: NodeJS.Timeout | null = null;
  /** The URL as logged: without a query string or user info, in case someone put a key there. */
  private readonly where: string;

  constructor(
    private readonly options: PolygonStreamOptions,
    private readonly handlers: PolygonStreamHandlers,
    private readonly logger: PolygonLogger,
  ) {
    const url = new URL(options.url);
    this.where = `${url.protocol}//${url.host}${url.pathname}`;
  }

  get state(): StreamState {
    return this.current;
  }

  /** Why the stream is not streaming (or `streaming`); never contains the key. */
  get reason(): string {
    return this.current === 'streaming' ? 'streaming' : this.lastReason;
  }

  start(): void {
    if (this.current !== 'off') return;
    this.setState('connecting');
    this.connect();
  }

  stop(): void {
    this.clearTimers();
    const socket = this.socket;
    this.socket = null;
    socket?.removeAllListeners();
    socket?.on('error', () => undefined);
    socket?.terminate();
    this.lastReason = 'stopped';
    this.setState('off');
  }

  /** Adds symbols; while streaming, only the new ones are subscribed (the rest already are). */
  subscribe(symbols: readonly string[]): void {
    const added = symbols.filter((s) => !this.symbols.has(s));
    for (const symbol of added) this.symbols.add(symbol);
    if (this.current === 'streaming') this.sendSubscribe(added);
  }

  /** Drops symbols; while streaming, their topics are unsubscribed. */
  unsubscribe(symbols: readonly string[]): void {
    const dropped = symbols.filter((s) => this.symbols.delete(s));
    if (this.current === 'streaming' && dropped.length > 0)
      this.socket?.send(JSON.stringify({ action: 'unsubscribe', params: streamTopics(dropped) }));
  }

  private connect(): void {
    const socket = new WebSocket(this.options.url, { handshakeTimeout: this.options.heartbeatMs });
    this.socket = socket;
    this.dropReason = null;
    let answered = false;
    socket.on('open', () => {
      answered = true;
      this.heartbeat = setInterval(() => {
        if (!answered || this.current !== 'streaming') {
          this.dropReason = answered ? 'no authentication answer' : 'no answer to ping';
          socket.terminate();
          return;
        }
        answered = false;
        socket.ping();
      }, this.options.heartbeatMs);
      this.heartbeat.unref();
    });
    socket.on('pong', () => (answered = true));
    socket.on('message', (data) => this.onFrame(socket, String(data)));
    // `ws` follows every 'error' with 'close', which schedules the next attempt.
    socket.on('error', (error) => (this.dropReason = error.message));
    socket.on('close', (code) => this.onClose(socket, code));
  }

  private onFrame(socket: WebSocket, text: string): void {
    for (const event of streamEvents(text)) {
      if (event['ev'] === 'T') {
        const trade = streamTrade(event);
        if (trade) this.handlers.trade(trade);
      } else if (event['ev'] === 'AM') {
        const bar = streamMinute(event);
        if (bar) this.handlers.minute(bar);
      } else if (event['ev'] === 'status') {
        this.onStatus(
          socket,
          String(event['status']),
          typeof event['message'] === 'string' ? event['message'] : '',
        );
      }
    }
  }

  private onStatus(socket: WebSocket, status: string, message: string): void {
    switch (status) {
      case 'connected':
        socket.send(JSON.stringify({ action: 'auth', params: this.options.apiKey.reveal() }));
        return;
      case 'auth_success':
        this.failures = 0;
        this.setState('streaming');
        this.logger.log(`Polygon WebSocket ${this.where} streaming ${this.symbols.size} symbols`);
        this.sendSubscribe([...this.symbols]);
        return;
      case 'auth_failed':
        this.lastReason = `authentication failed (key invalid or plan without streaming): ${message}`;
        this.setState('auth_failed');
        socket.close();
        return;
      case 'max_connections':
        // Another connection with this key (another process?) took over; do not fight it quickly.
        this.dropReason = 'another connection with this key took over (max_connections)';
        this.failures = Number.POSITIVE_INFINITY;
        return;
      case 'error':
        this.logger.warn(`Polygon WebSocket error: ${message}`);
        return;
    }
  }

  private onClose(socket: WebSocket, code: number): void {
    if (socket !== this.socket) return;
    this.socket = null;
    this.clearTimers();
    let delay: number;
    if (this.current === 'auth_failed') {
      delay = this.options.authRetryMs;
    } else {
      this.lastReason = this.dropReason ?? `connection closed (code ${code})`;
      const ceiling = Math.min(
        this.options.reconnectMaxMs,
        this.options.reconnectBaseMs * 2 ** Math.min(this.failures, 30),
      );
      this.failures++;
      // Half fixed, half random: several processes losing the server at once do not come back at once.
      delay = ceiling / 2 + Math.random() * (ceiling / 2);
      this.setState('reconnecting');
    }
    this.logger.warn(
      `Polygon WebSocket: ${this.lastReason}; polling REST, next connection in ${Math.round(delay)} ms`,
    );
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.connect();
    }, delay);
    this.retryTimer.unref();
  }

  private sendSubscribe(symbols: readonly string[]): void {
    if (symbols.length > 0)
      this.socket?.send(JSON.stringify({ action: 'subscribe', params: streamTopics(symbols) }));
  }

  private setState(state: StreamState): void {
    if (state === this.current) return;
    this.current = state;
    this.handlers.state(state);
  }

  private clearTimers(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.retryTimer = null;
    this.heartbeat = null;
  }
}
