import { randomUUID } from 'node:crypto';
import type { ChartEquityPoint, ChartFillMarker, ChartPricePoint } from '@ptp/contracts';
import type { OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';
import {
  chartSnapshot,
  chartView,
  type ChartSnapshot,
  type ChartView,
  SharedChartStore,
} from './shared-chart-store';

/** Seeds (or, with ARGV[1] = 1, replaces) an account's series; everything seeded gets one revision. */
const SEED_SCRIPT = `
if ARGV[1] == '0' and redis.call('exists', KEYS[2]) == 1 then return 0 end
local rev = redis.call('incr', KEYS[1])
redis.call('del', KEYS[2], KEYS[3], KEYS[4])
local n = tonumber(ARGV[3])
for i = 1, n do redis.call('xadd', KEYS[3], rev .. '-' .. i, 'v', ARGV[3 + i]) end
for i = 4 + n, #ARGV do redis.call('xadd', KEYS[4], rev .. '-' .. (i - 3 - n), 'v', ARGV[i]) end
local last = n > 0 and ARGV[3 + n] or ''
redis.call('hset', KEYS[2], 'startingCapital', ARGV[2], 'resetAt', rev, 'lastEquity', last)
return rev`;

/** Appends to an account's series (KEYS[3]); an equity point equal to the last one is not news. */
const APPEND_SCRIPT = `
if redis.call('exists', KEYS[2]) == 0 then return 0 end
if ARGV[1] == 'e' then
  if redis.call('hget', KEYS[2], 'lastEquity') == ARGV[3] then return 0 end
  redis.call('hset', KEYS[2], 'lastEquity', ARGV[3])
end
local rev = redis.call('incr', KEYS[1])
redis.call('xadd', KEYS[3], 'MAXLEN', ARGV[2], rev .. '-1', 'v', ARGV[3])
return rev`;

/**
 * Appends a close only when it is newer than the symbol's last (KEYS[3]: symbol → "time:written at").
 * An older one is a bar already kept, unless the series was quiet for ARGV[6] ms: then it is a new
 * market (a simulated one restarted, whose clock had run ahead), and the series starts over.
 */
const PRICE_SCRIPT = `
local last = redis.call('hget', KEYS[3], ARGV[1])
if last then
  local time, written = string.match(last, '^(-?%d+):(%d+)$')
  if tonumber(ARGV[2]) <= tonumber(time) then
    if tonumber(ARGV[5]) - tonumber(written) < tonumber(ARGV[6]) then return 0 end
    redis.call('del', KEYS[2])
  end
end
redis.call('hset', KEYS[3], ARGV[1], ARGV[2] .. ':' .. ARGV[5])
local rev = redis.call('incr', KEYS[1])
redis.call('xadd', KEYS[2], 'MAXLEN', ARGV[4], rev .. '-1', 'v', ARGV[3])
return rev`;

/** A price series without a new close for this long takes an older one as the start of a new market. */
const NEW_MARKET_AFTER_MS = 10 * 60_000;

type Entry = [id: string, fields: string[]];

/**
 * Chart data in Redis under `<prefix>chart:`: `rev` (the revision counter), `epoch` (names this
 * store in ETags, so answers cached before Redis was emptied never match), per account `acct:<id>`
 * (a hash: starting capital, last reset's revision, last equity point) with the streams
 * `acct:<id>:equity` and `acct:<id>:fills`, per symbol `price:<SYMBOL>` and `prices` (symbol → time
 * of its last close and when it was written). Stream ids are `<revision>-<n>`, so `since=` is one
 * XRANGE per series.
 */
export class RedisChartStore extends SharedChartStore implements OnApplicationShutdown {
  private readonly redis: Redis;

  constructor(
    url: string,
    private readonly namespace: string,
    private readonly capacity: number,
  ) {
    super();
    this.redis = new Redis(url, {
      maxRetriesPerRequest: 1,
      connectTimeout: 2_000,
      enableAutoPipelining: true,
    });
    // Failures surface as rejected commands; the URL (and any password in it) must stay out of logs.
    this.redis.on('error', () => undefined);
  }

  async initAccount(
    accountId: string,
    startingCapital: number,
    equity: readonly ChartEquityPoint[],
    fills: readonly ChartFillMarker[],
    replace: boolean,
  ): Promise<void> {
    const kept = (points: readonly unknown[]) =>
      points.slice(-this.capacity).map((p) => JSON.stringify(p));
    const seeded = kept(equity);
    await this.redis.eval(
      SEED_SCRIPT,
      4,
      this.key('rev'),
      ...this.accountKeys(accountId),
      replace ? '1' : '0',
      String(startingCapital),
      String(seeded.length),
      ...seeded,
      ...kept(fills),
    );
  }

  async dropAccount(accountId: string): Promise<void> {
    await this.redis.del(...this.accountKeys(accountId));
    await this.redis.incr(this.key('rev'));
  }

  async recordEquity(accountId: string, point: ChartEquityPoint): Promise<void> {
    await this.append(accountId, 'e', point);
  }

  async recordFills(accountId: string, fills: readonly ChartFillMarker[]): Promise<void> {
    for (const fill of fills) await this.append(accountId, 'f', fill);
  }

  async recordPrice(symbol: string, point: ChartPricePoint): Promise<void> {
    await this.redis.eval(
      PRICE_SCRIPT,
      3,
      this.key('rev'),
      this.key(`price:${symbol}`),
      this.key('prices'),
      symbol,
      String(point.time),
      JSON.stringify(point),
      String(this.capacity),
      String(Date.now()),
      String(NEW_MARKET_AFTER_MS),
    );
  }

  async dropPrices(symbols: readonly string[]): Promise<void> {
    if (symbols.length === 0) return;
    const batch = this.redis.multi();
    batch.del(...symbols.map((s) => this.key(`price:${s}`)));
    batch.hdel(this.key('prices'), ...symbols);
    batch.incr(this.key('rev'));
    await batch.exec();
  }

  async view(accountId: string, since: number | undefined): Promise<ChartView | undefined> {
    return (await this.read(accountId, since))?.view;
  }

  async snapshot(
    accountId: string,
    benchmarkSymbol: string,
    since: number | undefined,
  ): Promise<ChartSnapshot | undefined> {
    const state = await this.read(accountId, since);
    if (!state) return undefined;
    const { view, symbols } = state;
    const start = view.from === undefined ? '-' : `${view.from + 1}-0`;
    // Only what was written up to the view's revision, so the body matches its asOf and ETag.
    const end = `${view.asOf}-${Number.MAX_SAFE_INTEGER}`;
    const read = <T>(key: string) =>
      this.redis
        .xrange(this.key(key), start, end)
        .then((entries) => (entries as Entry[]).map(([, fields]) => JSON.parse(fields[1]) as T));
    const [startingCapital, equity, fills, ...series] = await Promise.all([
      this.redis.hget(this.key(`acct:${accountId}`), 'startingCapital'),
      read<ChartEquityPoint>(`acct:${accountId}:equity`),
      read<ChartFillMarker>(`acct:${accountId}:fills`),
      ...symbols.map((symbol) => read<ChartPricePoint>(`price:${symbol}`)),
    ]);
    const prices: Record<string, ChartPricePoint[]> = {};
    symbols.forEach((symbol, i) => (prices[symbol] = series[i] as ChartPricePoint[]));
    return chartSnapshot(view, {
      accountId,
      startingCapital: Number(startingCapital),
      benchmarkSymbol,
      symbols,
      equity: equity as ChartEquityPoint[],
      prices,
      fills: fills as ChartFillMarker[],
    });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }

  private async append(accountId: string, kind: 'e' | 'f', point: unknown): Promise<void> {
    const [rev, meta, equity, fills] = [this.key('rev'), ...this.accountKeys(accountId)];
    await this.redis.eval(
      APPEND_SCRIPT,
      3,
      rev,
      meta,
      kind === 'e' ? equity : fills,
      kind,
      String(this.capacity),
      JSON.stringify(point),
    );
  }

  /** The revision, the account's reset and the symbols, read at one instant (one round trip). */
  private async read(
    accountId: string,
    since: number | undefined,
  ): Promise<{ view: ChartView; symbols: string[] } | undefined> {
    const replies = await this.redis
      .multi()
      .get(this.key('epoch'))
      .get(this.key('rev'))
      .hget(this.key(`acct:${accountId}`), 'resetAt')
      .hkeys(this.key('prices'))
      .exec();
    const [epoch, rev, resetAt, symbols] = (replies ?? []).map(([, value]) => value) as [
      string | null,
      string | null,
      string | null,
      string[],
    ];
    if (resetAt === null) return undefined;
    const tag = epoch ?? (await this.newEpoch());
    return {
      view: chartView(tag, accountId, Number(rev), Number(resetAt), since),
      symbols: symbols.sort(),
    };
  }

  private async newEpoch(): Promise<string> {
    await this.redis.set(this.key('epoch'), randomUUID().slice(0, 8), 'NX');
    return (await this.redis.get(this.key('epoch'))) as string;
  }

  private accountKeys(accountId: string): [string, string, string] {
    const base = this.key(`acct:${accountId}`);
    return [base, `${base}:equity`, `${base}:fills`];
  }

  private key(name: string): string {
    return this.namespace + name;
  }
}
