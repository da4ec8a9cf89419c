import { ThrottlerStorageService } from '@nestjs/throttler';
import fc from 'fast-check';
import { MemoryThrottlerStorage } from './memory-throttler-storage';

/** A request: after `waitMs`, one hit on `key`. */
const step = fc.record({
  waitMs: fc.oneof(fc.integer({ min: 0, max: 50 }), fc.integer({ min: 0, max: 3_000 })),
  key: fc.constantFrom('a', 'b'),
});

describe('MemoryThrottlerStorage', () => {
  beforeEach(() => {
    jest.useFakeTimers();
    jest.setSystemTime(1_000_000);
  });
  afterEach(() => jest.useRealTimers());

  it('refuses the hit over the limit, blocks for the block duration, then counts afresh', async () => {
    const storage = new MemoryThrottlerStorage();
    const hit = () => storage.increment('k', 1_000, 2, 5_000, 'default');
    expect((await hit()).isBlocked).toBe(false);
    expect((await hit()).totalHits).toBe(2);
    const third = await hit();
    expect(third).toMatchObject({ totalHits: 3, isBlocked: true, timeToBlockExpire: 5 });
    jest.advanceTimersByTime(4_000);
    expect((await hit()).isBlocked).toBe(true);
    jest.advanceTimersByTime(1_000);
    expect(await hit()).toMatchObject({ totalHits: 1, isBlocked: false });
    storage.onApplicationShutdown();
  });

  it('gives the same answers as @nestjs/throttler’s own storage, hit for hit', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(step, { minLength: 1, maxLength: 120 }),
        fc.integer({ min: 1, max: 8 }),
        fc.constantFrom(0, 1_500),
        async (steps, limit, blockDuration) => {
          const ours = new MemoryThrottlerStorage();
          const theirs = new ThrottlerStorageService();
          try {
            for (const { waitMs, key } of steps) {
              jest.setSystemTime(Date.now() + waitMs);
              const args = [key, 2_000, limit, blockDuration, 'default'] as const;
              expect(await ours.increment(...args)).toEqual(await theirs.increment(...args));
            }
          } finally {
            ours.onApplicationShutdown();
            theirs.onApplicationShutdown();
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
