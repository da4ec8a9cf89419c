import type { OnApplicationShutdown } from '@nestjs/common';
import type { ThrottlerStorage } from '@nestjs/throttler';

type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

/** How often keys with nothing left to count are dropped. */
const SWEEP_INTERVAL_MS = 60_000;

/** One caller's hits on one route under one throttler: their expiry times, oldest first. */
interface Counter {
  readonly expiries: number[];
  /** Index of the oldest expiry still counted; the ones before it have expired. */
  head: number;
  expiresAt: number;
  blockExpiresAt: number;
  isBlocked: boolean;
}

const seconds = (ms: number) => Math.ceil(ms / 1000);

/**
 * The rate limiter's counters in this process, with the sliding window and blocking of
 * `@nestjs/throttler`'s own storage. That one filters a key's whole list of hit times on every
 * request, which under the limit of `server.rateLimit` cost each GET more than its handler; here the
 * hits of a key expire in the order they came, so each request drops the expired ones from the front.
 */
export class MemoryThrottlerStorage implements ThrottlerStorage, OnApplicationShutdown {
  private readonly counters = new Map<string, Counter>();
  private readonly sweeper = setInterval(() => this.sweep(Date.now()), SWEEP_INTERVAL_MS).unref();

  async increment(
    key: string,
    ttl: number,
    limit: number,
    blockDuration: number,
    _throttlerName: string,
  ): Promise<ThrottlerStorageRecord> {
    const now = Date.now();
    const counter = this.counterOf(key, now + ttl);
    expire(counter, now);
    if (counter.expiresAt <= now) counter.expiresAt = now + ttl;
    const timeToExpire = seconds(counter.expiresAt - now);
    if (blockDuration <= 0) {
      const isBlocked = hits(counter) >= limit;
      if (!isBlocked) counter.expiries.push(now + ttl);
      return {
        totalHits: hits(counter) + (isBlocked ? 1 : 0),
        timeToExpire,
        isBlocked,
        timeToBlockExpire: isBlocked ? seconds(counter.expiries[counter.head] - now) : 0,
      };
    }
    if (!counter.isBlocked) counter.expiries.push(now + ttl);
    if (hits(counter) > limit && !counter.isBlocked) {
      counter.isBlocked = true;
      counter.blockExpiresAt = now + blockDuration;
    }
    const timeToBlockExpire = seconds(counter.blockExpiresAt - now);
    if (timeToBlockExpire <= 0 && counter.isBlocked) {
      counter.isBlocked = false;
      counter.expiries.length = 0;
      counter.head = 0;
      counter.expiries.push(now + ttl);
    }
    return {
      totalHits: hits(counter),
      timeToExpire,
      isBlocked: counter.isBlocked,
      timeToBlockExpire,
    };
  }

  onApplicationShutdown(): void {
    clearInterval(this.sweeper);
  }

  private counterOf(key: string, expiresAt: number): Counter {
    let counter = this.counters.get(key);
    if (!counter) {
      counter = { expiries: [], head: 0, expiresAt, blockExpiresAt: 0, isBlocked: false };
      this.counters.set(key, counter);
    }
    return counter;
  }

  private sweep(now: number): void {
    for (const [key, counter] of this.counters) {
      expire(counter, now);
      const blocked = counter.isBlocked && counter.blockExpiresAt > now;
      if (!blocked && counter.expiresAt <= now && hits(counter) === 0) this.counters.delete(key);
    }
  }
}

function hits(counter: Counter): number {
  return counter.expiries.length - counter.head;
}

/** Stops counting the hits whose time is up, and compacts the list once half of it is dead. */
function expire(counter: Counter, now: number): void {
  const { expiries } = counter;
  while (counter.head < expiries.length && expiries[counter.head] <= now) counter.head++;
  if (counter.head > 64 && counter.head * 2 >= expiries.length) {
    expiries.splice(0, counter.head);
    counter.head = 0;
  }
}
