import { randomUUID } from 'node:crypto';
import type { Bar } from '@ptp/domain';
import Redis from 'ioredis';
import { MarketRelay, type RelayedBarKind, type SharedMarketStatus } from './market-relay';

/** Entries kept in the bar stream: the backfills and recent minutes of a couple hundred symbols. */
export const BAR_STREAM_MAXLEN = 50_000;
const READ_PAGE = 2_000;
const FOLLOW_BLOCK_MS = 1_000;

/** Renews the lease only if this instance still holds it. */
const RENEW_SCRIPT = `if redis.call('get', KEYS[1]) == ARGV[1] then
  return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end`;
const RESIGN_SCRIPT =
  "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";

/**
 * Agrees on the market clock's origin; a new origin is a new market (the cluster was down longer than
 * the origin is kept), so the bars of the old one, whose times may lie ahead of it, are dropped.
 */
const ORIGIN_SCRIPT = `if redis.call('set', KEYS[1], ARGV[1], 'PX', ARGV[2], 'NX') then
  redis.call('del', KEYS[2]) else redis.call('pexpire', KEYS[1], ARGV[2]) end
return redis.call('get', KEYS[1])`;

type StreamEntry = [id: string, fields: string[]];

/**
 * `MarketRelay` in Redis, under `<prefix>market:<provider>:`: `leader` (the lease: a token with a
 * TTL), `origin`, `bars` (a stream capped at about `BAR_STREAM_MAXLEN` entries: `k` = p|h, `b` = the
 * bar's JSON), `used` (a sorted set: symbol → when last used) and `status`.
 */
export class RedisMarketRelay extends MarketRelay {
  private readonly redis: Redis;
  /** XREAD BLOCK holds its connection, so following has one of its own. */
  private readonly reader: Redis;
  private readonly token: string;
  private closed = false;

  constructor(
    url: string,
    private readonly namespace: string,
    instanceId: string,
  ) {
    super();
    const options = { maxRetriesPerRequest: 1, connectTimeout: 2_000 };
    // One backfill is hundreds of XADDs: pipelining sends them in a few round trips.
    this.redis = new Redis(url, { ...options, enableAutoPipelining: true });
    this.reader = new Redis(url, options);
    // Failures surface as rejected commands; the URL (and any password in it) must stay out of logs.
    this.redis.on('error', () => undefined);
    this.reader.on('error', () => undefined);
    this.token = `${instanceId}:${randomUUID()}`;
  }

  async lead(ttlMs: number): Promise<boolean> {
    const key = this.key('leader');
    if ((await this.redis.eval(RENEW_SCRIPT, 1, key, this.token, ttlMs)) === 1) return true;
    return (await this.redis.set(key, this.token, 'PX', ttlMs, 'NX')) === 'OK';
  }

  async resign(): Promise<void> {
    await this.redis.eval(RESIGN_SCRIPT, 1, this.key('leader'), this.token);
  }

  async origin(proposed: number, keepMs: number): Promise<number> {
    const keys = [this.key('origin'), this.key('bars')];
    return Number(await this.redis.eval(ORIGIN_SCRIPT, 2, ...keys, proposed, keepMs));
  }

  publish(bar: Bar, kind: RelayedBarKind): void {
    void this.redis
      .xadd(
        this.key('bars'),
        'MAXLEN',
        '~',
        BAR_STREAM_MAXLEN,
        '*',
        'k',
        kind === 'publish' ? 'p' : 'h',
        'b',
        JSON.stringify(bar),
      )
      .catch(() => undefined);
  }

  async replay(take: (bar: Bar, kind: RelayedBarKind) => void): Promise<string> {
    let from = '-';
    let last = '0-0';
    for (;;) {
      const page = (await this.redis.xrange(
        this.key('bars'),
        from,
        '+',
        'COUNT',
        READ_PAGE,
      )) as StreamEntry[];
      for (const entry of page) deliver(entry, take);
      if (page.length < READ_PAGE) return page.length > 0 ? page[page.length - 1][0] : last;
      last = page[page.length - 1][0];
      from = `(${last}`;
    }
  }

  follow(fromId: string, take: (bar: Bar, kind: RelayedBarKind) => void): void {
    const loop = async (id: string): Promise<void> => {
      while (!this.closed) {
        try {
          const reply = (await this.reader.xread(
            'BLOCK',
            FOLLOW_BLOCK_MS,
            'STREAMS',
            this.key('bars'),
            id,
          )) as Array<[string, StreamEntry[]]> | null;
          for (const entry of reply?.[0]?.[1] ?? []) {
            deliver(entry, take);
            id = entry[0];
          }
        } catch {
          // Redis away: try again shortly; the stream keeps what was added meanwhile.
          if (!this.closed) await new Promise((resolve) => setTimeout(resolve, FOLLOW_BLOCK_MS));
        }
      }
    };
    void loop(fromId);
  }

  async announce(symbols: readonly string[], now: number): Promise<void> {
    if (symbols.length === 0) return;
    await this.redis.zadd(this.key('used'), ...symbols.flatMap((s) => [now, s]));
  }

  async usedSince(since: number, limit: number): Promise<string[]> {
    await this.redis.zremrangebyscore(this.key('used'), '-inf', `(${since}`);
    return this.redis.zrevrangebyscore(this.key('used'), '+inf', since, 'LIMIT', 0, limit);
  }

  async writeStatus(status: SharedMarketStatus, ttlMs: number): Promise<void> {
    await this.redis.set(this.key('status'), JSON.stringify(status), 'PX', ttlMs);
  }

  async readStatus(): Promise<SharedMarketStatus | null> {
    const value = await this.redis.get(this.key('status'));
    return value ? (JSON.parse(value) as SharedMarketStatus) : null;
  }

  async close(): Promise<void> {
    this.closed = true;
    this.reader.disconnect();
    await this.redis.quit().catch(() => this.redis.disconnect());
  }

  private key(name: string): string {
    return this.namespace + name;
  }
}

function deliver([, fields]: StreamEntry, take: (bar: Bar, kind: RelayedBarKind) => void): void {
  const value = (name: string) => fields[fields.indexOf(name) + 1];
  take(JSON.parse(value('b')) as Bar, value('k') === 'p' ? 'publish' : 'record');
}
