import type { Server } from 'node:http';
import { type Bar, MINUTE_MS, newYorkDate } from '@ptp/domain';
import { type WebSocket, WebSocketServer } from 'ws';
import type { MockMarketTape } from './mock-market-tape';

/** A frame a client sent, with the key of an `auth` replaced by `[key]` or `[wrong key]`. */
export interface MockStreamMessage {
  readonly connection: number;
  readonly action: string;
  readonly params: string;
}

interface Client {
  readonly id: number;
  authed: boolean;
  readonly topics: Set<string>;
}

type Event = Record<string, unknown>;

/**
 * Polygon's stocks WebSocket (`/stocks` on the mock's port) in its exact format: every server frame is
 * a JSON array; `connected` on open, `auth` → `auth_success` / `auth_failed`, `subscribe` → one
 * `success` per topic, `T` trades and `AM` minute aggregates (ms times), and `max_connections` when a
 * second connection authenticates with the same key. Tests push events and drop connections at will.
 */
export class PolygonMockStream {
  readonly received: MockStreamMessage[] = [];
  /** When false, a right key is refused with `auth_failed`, like a plan without streaming. */
  entitled = true;
  private readonly wss: WebSocketServer;
  private readonly clients = new Map<WebSocket, Client>();
  private readonly lastMinuteSent = new Map<string, number>();
  private opened = 0;
  private sequence = 0;

  constructor(
    server: Server,
    private readonly apiKey: string,
    private readonly tape: MockMarketTape,
    private readonly now: () => number,
  ) {
    this.wss = new WebSocketServer({ server, path: '/stocks' });
    this.wss.on('connection', (socket) => this.onConnection(socket));
  }

  /** Connections opened so far. */
  get connectionCount(): number {
    return this.opened;
  }

  /** Topics of each open, authenticated connection. */
  get subscriptions(): string[][] {
    return [...this.clients.values()].filter((c) => c.authed).map((c) => [...c.topics]);
  }

  /** Sends a trade to the connections subscribed to `T.<symbol>` (or `T.*`); returns how many. */
  trade(symbol: string, price: number, time = this.now(), size = 100): number {
    const id = ++this.sequence;
    return this.publish(`T.${symbol}`, {
      ev: 'T',
      sym: symbol,
      i: String(id),
      x: 4,
      p: price,
      s: size,
      c: [14, 41],
      t: time,
      q: id,
      z: 3,
    });
  }

  /** Sends a minute aggregate (`s` = the bar's start) to the connections subscribed to `AM.<symbol>`. */
  minute(bar: Bar): number {
    const vw = Math.round(((bar.high + bar.low + bar.close) / 3) * 10_000) / 10_000;
    return this.publish(`AM.${bar.symbol}`, {
      ev: 'AM',
      sym: bar.symbol,
      v: bar.volume,
      av: bar.volume,
      op: bar.open,
      vw,
      o: bar.open,
      h: bar.high,
      l: bar.low,
      c: bar.close,
      a: vw,
      z: Math.max(1, Math.round(bar.volume / 100)),
      s: bar.time,
      e: bar.time + MINUTE_MS,
    });
  }

  /**
   * The tape, live: a trade at the current point of each subscribed symbol's minute, and the minute
   * aggregate once a minute completes. The CLI calls it every second.
   */
  tick(): void {
    const now = this.now();
    const start = Math.floor(now / MINUTE_MS) * MINUTE_MS;
    for (const symbol of this.subscribedSymbols()) {
      const completed = this.tape.lastMinute(symbol, now);
      const sent = this.lastMinuteSent.get(symbol);
      if (completed) this.lastMinuteSent.set(symbol, completed.time);
      // Like Polygon, only minutes that complete while subscribed: never an old one on subscribe.
      if (completed && sent !== undefined && completed.time > sent) this.minute(completed);
      const building = this.tape
        .dayBars(symbol, newYorkDate(now))
        .find((bar) => bar.time === start);
      if (building)
        this.trade(
          symbol,
          Math.round(
            (building.open + ((building.close - building.open) * (now - start)) / MINUTE_MS) * 100,
          ) / 100,
          now,
        );
    }
  }

  /** Drops every connection without a close frame, like a server restart. */
  dropAll(): void {
    for (const socket of this.clients.keys()) socket.terminate();
  }

  async close(): Promise<void> {
    this.dropAll();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }

  private onConnection(socket: WebSocket): void {
    const client: Client = { id: ++this.opened, authed: false, topics: new Set() };
    this.clients.set(socket, client);
    socket.on('close', () => this.clients.delete(socket));
    socket.on('error', () => this.clients.delete(socket));
    socket.on('message', (data) => this.onMessage(socket, client, String(data)));
    send(socket, [status('connected', 'Connected Successfully')]);
  }

  private onMessage(socket: WebSocket, client: Client, text: string): void {
    let message: { action?: unknown; params?: unknown };
    try {
      message = JSON.parse(text);
    } catch {
      send(socket, [status('error', 'invalid JSON')]);
      return;
    }
    const action = String(message.action);
    const params = typeof message.params === 'string' ? message.params : '';
    this.received.push({
      connection: client.id,
      action,
      params: action === 'auth' ? (params === this.apiKey ? '[key]' : '[wrong key]') : params,
    });
    if (action === 'auth') return this.authenticate(socket, client, params);
    if (!client.authed) return send(socket, [status('error', 'not authorized')]);
    const topics = params.split(',').filter((t) => t !== '');
    if (action === 'subscribe') {
      for (const topic of topics) client.topics.add(topic);
      return send(
        socket,
        topics.map((t) => status('success', `subscribed to: ${t}`)),
      );
    }
    if (action === 'unsubscribe') {
      for (const topic of topics) client.topics.delete(topic);
      return send(
        socket,
        topics.map((t) => status('success', `unsubscribed to: ${t}`)),
      );
    }
    send(socket, [status('error', `unknown action: ${action}`)]);
  }

  private authenticate(socket: WebSocket, client: Client, key: string): void {
    if (key !== this.apiKey || !this.entitled) {
      send(socket, [status('auth_failed', 'authentication failed')]);
      socket.close(1008, 'authentication failed');
      return;
    }
    // One connection per key: the older one is told and closed, as Polygon does.
    for (const [other, peer] of this.clients) {
      if (other === socket || !peer.authed) continue;
      send(other, [
        status(
          'max_connections',
          'Maximum number of websocket connections exceeded. You have reached the connection limit for your account.',
        ),
      ]);
      other.close(1008, 'max_connections');
    }
    client.authed = true;
    send(socket, [status('auth_success', 'authenticated')]);
  }

  private subscribedSymbols(): Set<string> {
    const symbols = new Set<string>();
    for (const client of this.clients.values()) {
      for (const topic of client.topics)
        if (/^(T|AM)\./.test(topic) && !topic.endsWith('*'))
          symbols.add(topic.slice(topic.indexOf('.') + 1));
    }
    return symbols;
  }

  private publish(topic: string, event: Event): number {
    const wildcard = `${topic.slice(0, topic.indexOf('.'))}.*`;
    let reached = 0;
    for (const [socket, client] of this.clients) {
      if (client.authed && (client.topics.has(topic) || client.topics.has(wildcard))) {
        send(socket, [event]);
        reached++;
      }
    }
    return reached;
  }
}

function status(state: string, message: string): Event {
  return { ev: 'status', status: state, message };
}

function send(socket: WebSocket, events: readonly Event[]): void {
  socket.send(JSON.stringify(events));
}
